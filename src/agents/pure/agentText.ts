/**
 * What the agent tool says, as pure text: the confirmation before it runs (what it costs, where the
 * files go, that edits upload), and failures worded as what to change, with no absolute path of the
 * machine (results are rendered from their answers: ./agentAnswerText.ts). What the
 * user reads (the confirmation, the progress line) is in their display language; what the
 * language model reads (results and failures) is English, the language of the tool's schema.
 */
import * as l10n from '@vscode/l10n';
import { MODELS, isModelSlug } from '../../domain/generation/catalog';
import { isSegmindError } from '../../domain/errors/errors';
import { formatCostEstimate, formatUsd, hostOf } from '../../shared/format';
import { codeSpan, escapeMarkdown } from '../../domain/safety/markdown';
import { describeError } from '../../ui/pure/errorMessages';

/** What will run, as the flow prepared it (GenerationFlow.prepare): the confirmation says exactly this. */
export interface ConfirmationFacts {
  readonly prompt: string;
  /** The project's style sent after the prompt (segmind.stylePrompt), when it goes with this call. */
  readonly stylePrompt?: string;
  readonly model: string;
  readonly variants: number;
  /** The size asked of the model, and who decided it. */
  readonly size: string;
  readonly sizeFrom: 'options' | 'setting' | 'model';
  /** With `resize`: the saved file's exact size. */
  readonly exact?: { readonly width: number; readonly height: number; readonly fit: string };
  readonly estimatedCostUsd: number;
  /** Workspace-relative: the file asked for (`path`), or the folder the files go to. */
  readonly destination: { readonly file: string } | { readonly folder: string };
  /** Workspace-relative paths of what an edit uploads (none for a new image). */
  readonly uploads: readonly string[];
  readonly uploadBaseUrl: string;
  /** The agent's spend today and its limit (0: none), when a limit is set. */
  readonly agentSpend?: { readonly spentUsd: number; readonly limitUsd: number };
}

export interface Confirmation {
  readonly title: string;
  /** Markdown; every text from the input is escaped. */
  readonly message: string;
  readonly invocationMessage: string;
}

const SIZE_FROM: Readonly<Record<ConfirmationFacts['sizeFrom'], () => string>> = {
  options: () => '',
  setting: () => ` ${l10n.t('(your segmind.size setting)')}`,
  model: () => ` ${l10n.t("(the model's default)")}`,
};

export function confirmationOf(facts: ConfirmationFacts): Confirmation {
  const editing = facts.uploads.length > 0;
  const count = facts.variants;
  const native = `${facts.size}${SIZE_FROM[facts.sizeFrom]()}`;
  const size = facts.exact ? l10n.t('exactly {0}x{1} ({2}), made at {3}', facts.exact.width, facts.exact.height, facts.exact.fit, native) : native;
  const where = 'file' in facts.destination ? codeSpan(facts.destination.file) : l10n.t('{0}, named from the prompt', codeSpan(`${facts.destination.folder}/`));
  const lines = [
    `**${l10n.t('Prompt:')}** ${escapeMarkdown(facts.prompt.replace(/\s+/g, ' ').slice(0, 300))}`,
    // The style comes from the workspace's settings: escaped like the prompt.
    ...(facts.stylePrompt
      ? [`**${l10n.t('Style:')}** ${escapeMarkdown(facts.stylePrompt.slice(0, 300))} ${l10n.t('(segmind.stylePrompt; style: false leaves it out)')}`]
      : []),
    '',
    // The model and the size are the plan's, checked values; only what came from the input is escaped.
    `**${l10n.t('Model:')}** ${facts.model} · **${l10n.t('Images:')}** ${count} · **${l10n.t('Size:')}** ${size}`,
    `**${l10n.t('Estimated cost:')}** ${l10n.t('{0} (Segmind bills each image)', formatCostEstimate(facts.estimatedCostUsd / count, count))}`,
    `**${l10n.t('Saved to:')}** ${where}`,
  ];
  if (facts.agentSpend) {
    const { spentUsd, limitUsd } = facts.agentSpend;
    const over = spentUsd + facts.estimatedCostUsd > limitUsd + 1e-9 ? l10n.t(': this call would pass it and will be refused, nothing sent') : '';
    lines.push(`**${l10n.t('Agent spend today:')}** ${l10n.t('{0} of {1} (segmind.agentDailySpendLimit)', formatUsd(spentUsd), formatUsd(limitUsd))}${over}`);
  }
  if (editing) {
    const uploads = facts.uploads.map((file) => codeSpan(file)).join(', ');
    lines.push('', l10n.t('Editing **uploads** {0} to Segmind storage ({1}).', uploads, hostOf(facts.uploadBaseUrl)));
  }
  return {
    title: editing ? l10n.t('Edit an image with Segmind') : l10n.t('Generate an image with Segmind'),
    message: lines.join('\n'),
    invocationMessage: editing
      ? count === 1
        ? l10n.t('Editing an image with {0}…', facts.model)
        : l10n.t('Editing {0} images with {1}…', count, facts.model)
      : count === 1
        ? l10n.t('Generating an image with {0}…', facts.model)
        : l10n.t('Generating {0} images with {1}…', count, facts.model),
  };
}

/** When the call could not even be prepared: it will be refused (nothing sent), but it is confirmed like any other. */
export function unpreparedConfirmation(input: unknown, reason: string): Confirmation {
  const prompt = typeof (input as { prompt?: unknown } | undefined)?.prompt === 'string' ? String((input as { prompt: string }).prompt) : '';
  return {
    title: l10n.t('Generate an image with Segmind'),
    message: [
      prompt ? `**${l10n.t('Prompt:')}** ${escapeMarkdown(prompt.replace(/\s+/g, ' ').slice(0, 300))}` : `**${l10n.t('No prompt given.')}**`,
      '',
      l10n.t('This call is likely to be refused, before anything is sent: {0}', escapeMarkdown(reason)),
    ].join('\n'),
    invocationMessage: l10n.t('Checking the image request…'),
  };
}

/** `placeholder: true`: free and local, and the confirmation says so. */
export function placeholderConfirmation(path: string | undefined, size: string): Confirmation {
  const where = path ? codeSpan(path) : l10n.t('the output folder');
  return {
    title: l10n.t('Make a free placeholder image'),
    message: l10n.t(
      'A {0} placeholder image, drawn locally, saved to {1}. **Free**: nothing is sent to Segmind, no credits are used.',
      escapeMarkdown(size),
      where,
    ),
    invocationMessage: l10n.t('Drawing a free placeholder image'),
  };
}

/** A failure as an agent can act on it: what went wrong and what to change. */
export function agentErrorText(error: unknown, context: { readonly model: string; readonly balance?: number }): string {
  return withoutMachinePaths(errorSentence(error, context));
}

/** What the file system's errors mean to an agent (never their text: it names the machine's paths). */
const SYSTEM_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'a file or folder it names does not exist',
  ENOTDIR: 'a path it names goes through a file as if it were a folder',
  EISDIR: 'a path it names is a folder where a file is needed',
  EACCES: 'a file or folder it names cannot be read or written (permissions)',
  EPERM: 'a file or folder it names cannot be read or written (permissions)',
  EEXIST: 'a file it would write already exists',
  ENOSPC: 'the disk is full',
};

/**
 * Absolute paths (`/home/…/x`, `C:\…\x`, `file:///…`) replaced by their last segment: an agent's
 * answer never shows the user's machine, and paths it can act on are relative already.
 */
export function withoutMachinePaths(text: string): string {
  return text
    .replace(/file:\/\/\/?[^\s'"`)]+/g, (uri) => `"${uri.slice(uri.lastIndexOf('/') + 1)}"`)
    .replace(/(^|[\s'"`(=])((?:[A-Za-z]:[\\/]|\/)[^\s'"`),;]*[^\s'"`),;.])/g, (_, before: string, absolute: string) => {
      const name = absolute.split(/[\\/]/).filter(Boolean).pop();
      return `${before}${name ? `"${name}"` : 'a folder of this machine'}`;
    });
}

function errorSentence(error: unknown, context: { readonly model: string; readonly balance?: number }): string {
  if (!isSegmindError(error)) {
    const code = (error as { code?: unknown } | null)?.code;
    const meaning = typeof code === 'string' ? SYSTEM_ERRORS[code] : undefined;
    if (meaning) return `The call failed: ${meaning}. Check the paths you passed (relative to your working directory) and call the tool again.`;
    const message = error instanceof Error ? error.message : String(error);
    return `The call failed: ${message.replace(/\.?$/, '.')} Check the input and call the tool again; if it fails again, ask the user to look at the Segmind log (Segmind: Show Log).`;
  }
  switch (error.kind) {
    case 'invalid-parameters': {
      const sizes =
        error.problems.some((problem) => problem.parameter === 'size') && isModelSlug(context.model)
          ? ` Allowed sizes for ${context.model}: ${MODELS[context.model].sizes.join(', ')}; for any other size pass resize ("WxH").`
          : '';
      return `${error.message}${sizes} Nothing was sent; change the input and call the tool again.`;
    }
    case 'missing-api-key':
      return 'No Segmind API key is set: ask the user to run "Segmind: Set API Key" (the command palette), then call the tool again. Nothing was sent.';
    case 'job-failed':
      return `Segmind refused the job: ${error.reason}. Change the prompt before trying again; it was not resubmitted.`;
    case 'spend-limit':
      return `Refused before anything was sent: this call (up to ${formatUsd(error.estimateUsd)}) would take ${error.setting === 'segmind.agentDailySpendLimit' ? "the agent's" : "the user's"} spend today (${formatUsd(error.spentTodayUsd)}) past ${error.setting} (${formatUsd(error.limitUsd)}). Do not retry today; ask the user to raise ${error.setting} in their settings if they want more images.`;
    case 'untrusted-workspace':
      return 'Refused: the workspace is in Restricted Mode, and paid images from an agent wait until the user trusts it. Nothing was sent. Ask the user to trust the workspace (Manage Workspace Trust), or pass placeholder true for a free placeholder, which works without trust.';
    case 'spend-ledger-busy':
      return "Refused before anything was sent: today's spend could not be checked (another VS Code window kept the spend ledger busy). Call the tool again in a moment.";
    case 'not-acceptable':
      return `${describeError(error, context.balance === undefined ? {} : { balance: context.balance }).text}${error.reason === 'insufficient-credits' ? ' Ask the user to add credits at segmind.com.' : ''}`;
    default:
      return describeError(error).text;
  }
}
