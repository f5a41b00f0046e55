/**
 * The shapes of the service's answers. Every answer is parsed here before anything uses it;
 * the schemas are loose where the contract is a guess, strict where we depend on a field.
 */
import { z } from 'zod';

/** A number, or a numeric string (some answers quote numbers). `null` is not zero. */
const numeric = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

/** Accounting figures are nice to have: a strange value is dropped, never a reason to fail a job. */
const optionalFigure = numeric.optional().catch(undefined);

const metricsSchema = z
  .object({
    cost: optionalFigure,
    remaining_credits: optionalFigure,
    inference_time: optionalFigure,
    queue_time: optionalFigure,
  })
  .loose();

export const submitAnswerSchema = z
  .object({
    request_id: z.string().min(1),
    status: z.string().optional(),
    status_url: z.string().optional(),
    response_url: z.string().optional(),
    poll_url: z.string().optional(),
  })
  .loose();

export const statusAnswerSchema = z
  .object({
    status: z.string().min(1),
    request_id: z.string().optional(),
    error: z.unknown().optional(),
    metrics: metricsSchema.optional(),
  })
  .loose();

/** The result's image can be in several places; `extractImageSource` looks through them. */
export const resultAnswerSchema = z
  .object({
    status: z.string().optional(),
    request_id: z.string().optional(),
    output: z.unknown().optional(),
    images: z.unknown().optional(),
    error: z.unknown().optional(),
    metrics: metricsSchema.optional(),
  })
  .loose();

export const creditsAnswerSchema = z
  .object({
    credits: numeric,
    'free-credits': optionalFigure,
  })
  .loose();

export const uploadAnswerSchema = z
  .object({
    file_urls: z.array(z.string()).optional(),
    urls: z.array(z.string()).optional(),
    message: z.string().optional(),
  })
  .loose();

export const errorBodySchema = z.object({ error: z.unknown().optional(), message: z.unknown().optional(), detail: z.unknown().optional() }).loose();

export type SubmitAnswer = z.infer<typeof submitAnswerSchema>;
export type StatusAnswer = z.infer<typeof statusAnswerSchema>;
export type ResultAnswer = z.infer<typeof resultAnswerSchema>;
export type Metrics = z.infer<typeof metricsSchema>;

/** Names what was wrong with an answer in a few words, for a ProtocolError. */
export function describeIssues(error: { readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[] }): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : 'answer'}: ${issue.message}`)
    .join('; ');
}
