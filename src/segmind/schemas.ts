/**
 * The shapes of the service's answers. Every answer is parsed here before anything uses it;
 * the schemas are loose where the contract is a guess, strict where we depend on a field.
 */
import * as z from '../domain/generation/schema';

/** The answers' schemas, built with the first answer to parse (see `once`). */
export const answerSchemas = z.once(() => {
  /** A number, or a numeric string (some answers quote numbers). `null` is not zero. */
  const numeric = z.union([z.number(), z.pipe(z.string().check(z.trim(), z.regex(/^-?\d+(\.\d+)?$/)), z.transform(Number))]);

  /** Accounting figures are nice to have: a strange value is dropped, never a reason to fail a job. */
  const optionalFigure = z.catch(z.optional(numeric), undefined);

  const metricsSchema = z.looseObject({
    cost: optionalFigure,
    remaining_credits: optionalFigure,
    inference_time: optionalFigure,
    queue_time: optionalFigure,
  });

  const submitAnswerSchema = z.looseObject({
    request_id: z.string().check(z.minLength(1)),
    status: z.optional(z.string()),
    status_url: z.optional(z.string()),
    response_url: z.optional(z.string()),
    poll_url: z.optional(z.string()),
  });

  const statusAnswerSchema = z.looseObject({
    status: z.string().check(z.minLength(1)),
    request_id: z.optional(z.string()),
    error: z.optional(z.unknown()),
    metrics: z.optional(metricsSchema),
  });

  /** The result's image can be in several places; `extractImageSource` looks through them. */
  const resultAnswerSchema = z.looseObject({
    status: z.optional(z.string()),
    request_id: z.optional(z.string()),
    output: z.optional(z.unknown()),
    images: z.optional(z.unknown()),
    error: z.optional(z.unknown()),
    metrics: z.optional(metricsSchema),
  });

  const creditsAnswerSchema = z.looseObject({
    credits: numeric,
    'free-credits': optionalFigure,
  });

  const uploadAnswerSchema = z.looseObject({
    file_urls: z.optional(z.array(z.string())),
    urls: z.optional(z.array(z.string())),
    message: z.optional(z.string()),
  });

  const errorBodySchema = z.looseObject({ error: z.optional(z.unknown()), message: z.optional(z.unknown()), detail: z.optional(z.unknown()) });
  return { metricsSchema, submitAnswerSchema, statusAnswerSchema, resultAnswerSchema, creditsAnswerSchema, uploadAnswerSchema, errorBodySchema };
});
type Schemas = ReturnType<typeof answerSchemas>;

export type SubmitAnswer = z.infer<Schemas['submitAnswerSchema']>;
export type StatusAnswer = z.infer<Schemas['statusAnswerSchema']>;
export type ResultAnswer = z.infer<Schemas['resultAnswerSchema']>;
export type Metrics = z.infer<Schemas['metricsSchema']>;

/** Names what was wrong with an answer in a few words, for a ProtocolError. */
export function describeIssues(error: { readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[] }): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : 'answer'}: ${issue.message}`)
    .join('; ');
}
