/**
 * What the agent tool says, as pure text: the confirmation before it runs (what it costs, where the
 * files go, that edits upload), the result an agent reads (per saved image: path, size, format,
 * model, request id, cost, a Markdown snippet), and failures worded as what to change.
 */
import { MODELS, isModelSlug } from '../domain/catalog';
import { isSegmindError } from '../domain/errors';
import { formatCostEstimate, hostOf } from '../domain/format';
import type { ToolInput } from '../domain/options';
import { DEFAULT_EDIT_MODEL } from '../domain/plan';
import { altText, imageLink } from '../domain/links';
import { describeError } from '../ui/errorMessages';


export interface ConfirmationContext {
  readonly defaultModel: string;
  /** Workspace-relative output folder, for images without `path`. */
  readonly outputFolder: string;
  readonly uploadBaseUrl: string;
}

export interface Confirmation {
  readonly title: string;
  /** Markdown. */
  readonly message: string;
  readonly invocationMessage: string;
}

function modelOf(input: ToolInput, defaultModel: string): string {
  return input.model ?? ((input.images?.length ?? 0) > 0 ? DEFAULT_EDIT_MODEL : defaultModel);
}

export function confirmationOf(input: ToolInput, context: ConfirmationContext): Confirmation {
  const editing = (input.images?.length ?? 0) > 0;
  const model = modelOf(input, context.defaultModel);
  const count = input.variants ?? 1;
  const cost = isModelSlug(model) ? formatCostEstimate(MODELS[model].estimatedCostUsd, count) : 'unknown (not a Segmind model)';
  const size = input.resize ? `exactly ${input.resize} (${input.fit ?? 'cover'})` : input.size ?? 'the model\'s default size';
  const where = input.path ? `\`${input.path}\`` : `\`${context.outputFolder || '.'}/\`, named from the prompt`;
  const lines = [
    `**Prompt:** ${input.prompt.replace(/\s+/g, ' ').slice(0, 300)}`,
    '',
    `**Model:** ${model} · **Images:** ${count} · **Size:** ${size}`,
    `**Estimated cost:** ${cost} (Segmind bills each image)`,
    `**Saved to:** ${where}`,
  ];
  if (editing) {
    const files = [...(input.images ?? []), ...(input.mask ? [input.mask] : [])].map((file) => `\`${file}\``).join(', ');
    lines.push('', `Editing **uploads** ${files} to Segmind storage (${hostOf(context.uploadBaseUrl)}).`);
  }
  return {
    title: editing ? 'Edit an image with Segmind' : 'Generate an image with Segmind',
    message: lines.join('\n'),
    invocationMessage: `${editing ? 'Editing' : 'Generating'} ${count === 1 ? 'an image' : `${count} images`} with ${model}…`,
  };
}

export interface SavedImageFacts {
  /** Workspace-relative. */
  readonly path: string;
  readonly width?: number;
  readonly height?: number;
  readonly format: string;
  readonly model: string;
  readonly requestId?: string;
  readonly cost?: number;
  readonly warnings: readonly string[];
}

export function resultText(prompt: string, saved: readonly SavedImageFacts[], failures: readonly string[]): string {
  const lines = [`Saved ${saved.length} image${saved.length === 1 ? '' : 's'}:`];
  for (const image of saved) {
    const size = image.width && image.height ? `${image.width}x${image.height}` : 'size unknown';
    const extras = [image.requestId ? `request ${image.requestId}` : '', image.cost === undefined ? '' : `cost ${image.cost}`].filter(Boolean).join(', ');
    lines.push(`- ${image.path} — ${size} ${image.format.toUpperCase()}, ${image.model}${extras ? `, ${extras}` : ''}`);
    lines.push(`  Markdown: ${imageLink('markdown', image.path, altText(prompt))}`);
    for (const warning of image.warnings) lines.push(`  Warning: ${warning}`);
  }
  for (const failure of failures) lines.push(`- One image failed: ${failure}`);
  return lines.join('\n');
}

/** A failure as an agent can act on it: what went wrong and what to change. */
export function agentErrorText(error: unknown, context: { readonly model: string; readonly balance?: number }): string {
  if (!isSegmindError(error)) return `Segmind image tool failed: ${error instanceof Error ? error.message : String(error)}`;
  switch (error.kind) {
    case 'invalid-parameters': {
      const sizes = error.problems.some((problem) => problem.parameter === 'size') && isModelSlug(context.model)
        ? ` Allowed sizes for ${context.model}: ${MODELS[context.model].sizes.join(', ')}; for any other size pass resize ("WxH").` : '';
      return `${error.message}${sizes} Nothing was sent; change the input and call the tool again.`;
    }
    case 'missing-api-key':
      return 'No Segmind API key is set: ask the user to run "Segmind: Set API Key" (the command palette), then call the tool again. Nothing was sent.';
    case 'job-failed':
      return `Segmind refused the job: ${error.reason}. Change the prompt before trying again; it was not resubmitted.`;
    case 'not-acceptable':
      return `${describeError(error, context.balance === undefined ? {} : { balance: context.balance }).text}${error.reason === 'insufficient-credits' ? ' Ask the user to add credits at segmind.com.' : ''}`;
    default:
      return describeError(error).text;
  }
}
