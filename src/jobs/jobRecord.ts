/**
 * What is persisted of a running v2 job so that it survives a window reload: written before the
 * first status poll, removed once its image is saved or it has failed. Segmind keeps results for one
 * hour, so an older record can only be reported as expired. Pure, validated with zod on the way in.
 */
import { z } from 'zod';
import { FITS } from '../domain/exactSize';
import { BACKGROUNDS, BASE_SIZES, LARGE_SIZES, MODEL_SLUGS, MODERATIONS, OUTPUT_FORMATS, QUALITIES } from '../domain/catalog';

export const RESULT_RETENTION_MS = 60 * 60 * 1000;

const sourceImageSchema = z.object({ path: z.string(), uploadedUrl: z.string().optional() });

export const jobRecordSchema = z.object({
  version: z.literal(1),
  /** Our id for the job (also before Segmind gave one). */
  id: z.string().min(1),
  requestId: z.string().min(1),
  model: z.enum(MODEL_SLUGS),
  prompt: z.string(),
  parameters: z.object({
    size: z.enum([...BASE_SIZES, ...LARGE_SIZES]),
    quality: z.enum(QUALITIES),
    background: z.enum(BACKGROUNDS),
    outputFormat: z.enum(OUTPUT_FORMATS),
    outputCompression: z.number(),
    moderation: z.enum(MODERATIONS),
  }),
  /** The output folder, as a Uri string. */
  outputFolder: z.string().min(1),
  /** The workspace folder it must stay inside of (absent in records of 0.2). */
  workspaceFolder: z.string().min(1).optional(),
  /** The folder is `path`'s, not the output folder. */
  chosenPath: z.boolean().optional(),
  /** The extension `path` was written with (`jpeg`), kept when it names the format made. */
  extension: z.string().min(1).max(8).optional(),
  /** Replaces our own placeholder at `baseName` while its bytes still have this sha256 (Render Placeholder with AI). */
  replaces: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }).optional(),
  baseName: z.string().min(1),
  saveMetadata: z.boolean(),
  submittedAt: z.number(),
  variant: z.object({ index: z.number(), of: z.number() }).optional(),
  sourceImages: z.array(sourceImageSchema).optional(),
  mask: sourceImageSchema.optional(),
  exact: z.object({ width: z.number().int(), height: z.number().int(), fit: z.enum(FITS) }).optional(),
  keepUnmasked: z
    .object({
      original: z.string().min(1),
      mask: z.union([z.object({ uri: z.string().min(1) }), z.object({ pngBase64: z.string().min(1) })]),
    })
    .optional(),
});

export type JobRecord = z.infer<typeof jobRecordSchema>;

/** Splits what was stored into records to resume and records that expired; drops what is not a record. */
export function sortStoredJobs(stored: unknown, now: number): { resumable: JobRecord[]; expired: JobRecord[]; invalid: number } {
  const resumable: JobRecord[] = [];
  const expired: JobRecord[] = [];
  let invalid = 0;
  for (const entry of Array.isArray(stored) ? stored : []) {
    const parsed = jobRecordSchema.safeParse(entry);
    if (!parsed.success) {
      invalid++;
      continue;
    }
    (isExpired(parsed.data, now) ? expired : resumable).push(parsed.data);
  }
  return { resumable, expired, invalid };
}

export function isExpired(record: Pick<JobRecord, 'submittedAt'>, now: number): boolean {
  return now - record.submittedAt >= RESULT_RETENTION_MS;
}
