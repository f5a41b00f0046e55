/**
 * What each agent tool answers, as data: the zod schemas of the MCP tools' `structuredContent`
 * (declared as their `outputSchema`), the types the window builds its answers with, and each
 * tool's title and annotations. Several agents hand their model only `structuredContent` (Claude
 * Code drops the text, Codex the text and the image), so it carries every fact the text says: the
 * text is rendered from the same answer (src/agents/pure/agentAnswerText.ts). Pure.
 */
import * as z from './schema';
import type { AgentToolName } from './agentTools';
import { missingImageEntrySchema } from '../references/imageReference';

/** A file an image call wrote; `path` is relative to the agent's working directory. */
export const savedImageSchema = z.once(() =>
  z.object({
    path: z.string(),
    width: z.optional(z.number()),
    height: z.optional(z.number()),
    format: z.string(),
    model: z.optional(z.string()),
    cost: z.optional(z.number()),
    placeholder: z.optional(z.boolean()),
    requestId: z.optional(z.string()),
    /** A Markdown image line for the file, with the prompt as its alt text. */
    markdown: z.string(),
  }),
);
export type SavedImage = z.infer<ReturnType<typeof savedImageSchema>>;

/** An image of several that failed, or a target of a fill that was not made: why, in words that say what to change. */
export const failedImageSchema = z.once(() => z.object({ error: z.string(), requestId: z.optional(z.string()), path: z.optional(z.string()) }));
export type FailedImage = z.infer<ReturnType<typeof failedImageSchema>>;

/** A reference whose image exists at other paths of its repository: never made, pointed at one of them instead. */
export const elsewhereEntrySchema = z.once(() => z.object({ file: z.string(), line: z.number(), reference: z.string(), candidates: z.array(z.string()) }));
export type ElsewhereEntry = z.infer<ReturnType<typeof elsewhereEntrySchema>>;

/** A file the scan could not read (over the size or time limit): its images are unknown, so "nothing missing" is never claimed for it. */
export const notReadEntrySchema = z.once(() => z.object({ file: z.string(), reason: z.string() }));
export type NotReadEntry = z.infer<ReturnType<typeof notReadEntrySchema>>;

const imageCallShape = () => ({
  saved: z.array(savedImageSchema()),
  failed: z.array(failedImageSchema()),
  warnings: z.array(z.string()),
});

export const generateAnswerSchema = z.once(() => z.object(imageCallShape()));
export type GenerateAnswer = z.infer<ReturnType<typeof generateAnswerSchema>>;

export const findAnswerSchema = z.once(() =>
  z.object({
    missing: z.array(missingImageEntrySchema()),
    elsewhere: z.optional(z.array(elsewhereEntrySchema())),
    notRead: z.optional(z.array(notReadEntrySchema())),
    /** What to call to make them (absent when nothing is missing). */
    next: z.optional(z.string()),
  }),
);
export type FindAnswer = z.infer<ReturnType<typeof findAnswerSchema>>;

export const fillAnswerSchema = z.once(() =>
  z.object({
    missing: z.array(missingImageEntrySchema()),
    elsewhere: z.optional(z.array(elsewhereEntrySchema())),
    notRead: z.optional(z.array(notReadEntrySchema())),
    ...imageCallShape(),
  }),
);
export type FillAnswer = z.infer<ReturnType<typeof fillAnswerSchema>>;

export const creditsAnswerSchema = z.once(() =>
  z.object({
    credits: z.number(),
    todaySpend: z.number(),
    agentSpend: z.number(),
    dailySpendLimit: z.number(),
    agentDailySpendLimit: z.number(),
  }),
);
export type CreditsAnswer = z.infer<ReturnType<typeof creditsAnswerSchema>>;

export const AGENT_TOOL_ANSWER_SCHEMAS: Readonly<Record<AgentToolName, () => z.ZodMiniType>> = {
  generate_image: generateAnswerSchema,
  find_missing_images: findAnswerSchema,
  fill_missing_images: fillAnswerSchema,
  check_credits: creditsAnswerSchema,
};

/** The JSON schema of a tool's `structuredContent` (its MCP `outputSchema`). */
export function agentToolOutputJsonSchema(name: AgentToolName): { type: 'object'; [key: string]: unknown } {
  const { $schema: _, ...schema } = z.toJSONSchema(AGENT_TOOL_ANSWER_SCHEMAS[name](), { io: 'output' }) as Record<string, unknown>;
  return { ...schema, type: 'object' };
}

export interface ToolAnnotations {
  readonly title: string;
  readonly readOnlyHint: boolean;
  readonly destructiveHint?: boolean;
  readonly idempotentHint?: boolean;
  readonly openWorldHint: boolean;
}

/**
 * What an agent may run without asking: finding and the credits change nothing (an agent that never
 * asks runs them at once); the image tools spend and write, but never replace a file (new names, or
 * only missing files), and reach Segmind.
 */
/* eslint-disable no-restricted-syntax -- MCP tool titles: read by agents, English like the tools' descriptions */
export const AGENT_TOOL_ANNOTATIONS: Readonly<Record<AgentToolName, ToolAnnotations>> = {
  generate_image: { title: 'Generate or edit an image', readOnlyHint: false, destructiveHint: false, openWorldHint: true },
  find_missing_images: { title: 'Find missing images', readOnlyHint: true, openWorldHint: false },
  fill_missing_images: { title: 'Fill missing images', readOnlyHint: false, destructiveHint: false, openWorldHint: true },
  check_credits: { title: 'Check Segmind credits', readOnlyHint: true, openWorldHint: true },
};
/* eslint-enable no-restricted-syntax */
