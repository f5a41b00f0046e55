/**
 * What is persisted of a running v2 job so that it survives a window reload: written before the
 * first status poll, removed once its image is saved or it has failed. Segmind keeps results for one
 * hour, so an older record can only be reported as expired. Pure, validated with zod on the way in.
 */
import * as z from '../../domain/generation/schema';
import { FITS } from '../../domain/generation/exactSize';
import { imageParametersSchema, MODEL_SLUGS } from '../../domain/generation/catalog';
import { CUSTOM_SLUG_PATTERN } from '../../domain/generation/customModels';
import { RESULT_RETENTION_MS } from '../../shared/wording';

export { RESULT_RETENTION_MS } from '../../shared/wording';

const sourceImageSchema = (): z.ZodMiniObject<{ path: z.ZodMiniString<string>; uploadedUrl: z.ZodMiniOptional<z.ZodMiniString<string>> }> =>
  z.object({ path: z.string(), uploadedUrl: z.optional(z.string()) });
const nonEmpty = (): z.ZodMiniString<string> => z.string().check(z.minLength(1));

export const jobRecordSchema = z.once(() =>
  z.object({
    version: z.literal(1),
    /** Our id for the job (also before Segmind gave one). */
    id: nonEmpty(),
    requestId: nonEmpty(),
    /** The slug sent to: a catalog model's, or a custom model's (segmind.customModels) with its `like`. */
    model: z.string().check(z.minLength(1), z.regex(CUSTOM_SLUG_PATTERN)),
    like: z.optional(z.enum(MODEL_SLUGS)),
    prompt: z.string(),
    parameters: imageParametersSchema(),
    /** The output folder, as a Uri string. */
    outputFolder: nonEmpty(),
    /** The workspace folder it must stay inside of (absent in records of 0.2). */
    workspaceFolder: z.optional(nonEmpty()),
    /** The folder is `path`'s, not the output folder. */
    chosenPath: z.optional(z.boolean()),
    /** The extension `path` was written with (`jpeg`), kept when it names the format made. */
    extension: z.optional(z.string().check(z.minLength(1), z.maxLength(8))),
    /** Replaces our own placeholder at `baseName` while its bytes still have this sha256 (Render Placeholder with AI). */
    replaces: z.optional(z.object({ sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)) })),
    baseName: nonEmpty(),
    saveMetadata: z.boolean(),
    submittedAt: z.number(),
    variant: z.optional(z.object({ index: z.number(), of: z.number() })),
    sourceImages: z.optional(z.array(sourceImageSchema())),
    mask: z.optional(sourceImageSchema()),
    exact: z.optional(z.object({ width: z.int(), height: z.int(), fit: z.enum(FITS) })),
    keepUnmasked: z.optional(
      z.object({
        original: nonEmpty(),
        mask: z.union([z.object({ uri: nonEmpty() }), z.object({ pngBase64: nonEmpty() })]),
      }),
    ),
    stylePrompt: z.optional(z.string()),
    /** The other files of its set, written from its image (a reload must not lose them). */
    alsoWrite: z.optional(z.array(z.object({ uri: nonEmpty(), size: z.optional(z.object({ width: z.int(), height: z.int() })) }))),
  }),
);

export type JobRecord = z.infer<ReturnType<typeof jobRecordSchema>>;

/** Splits what was stored into records to resume and records that expired; drops what is not a record. */
export function sortStoredJobs(stored: unknown, now: number): { resumable: JobRecord[]; expired: JobRecord[]; invalid: number } {
  const resumable: JobRecord[] = [];
  const expired: JobRecord[] = [];
  let invalid = 0;
  for (const entry of Array.isArray(stored) ? stored : []) {
    const parsed = jobRecordSchema().safeParse(entry);
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
