/**
 * The text an agent's model reads after a call, rendered from the call's answer: the same object
 * that goes out as MCP `structuredContent` (domain/generation/agentAnswers.ts). One source, two
 * renderings: an agent that reads only one of them learns the same (saved files with their request
 * ids and Markdown lines, failures, warnings, what to call next, references found elsewhere).
 * English: what a language model reads.
 */
import type { CreditsAnswer, ElsewhereEntry, FillAnswer, FindAnswer, GenerateAnswer, SavedImage } from '../../domain/generation/agentAnswers';
import { altText, imageLink } from '../../domain/references/links';

/** A saved file's Markdown line: the path as the agent names it, the prompt as alt text. */
export function markdownOf(path: string, prompt: string | undefined): string {
  return imageLink('markdown', path, altText(prompt ?? 'Placeholder'));
}

function savedLines(image: SavedImage): string[] {
  const size = image.width && image.height ? `${image.width}x${image.height}` : 'size unknown';
  if (image.placeholder) {
    return [
      `- ${image.path} — ${size} ${image.format.toUpperCase()}, a free placeholder (drawn locally; nothing was sent, no credits used). Render Placeholder with AI (segmind.renderPlaceholder) replaces it with the real image later.`,
      `  Markdown: ${image.markdown}`,
    ];
  }
  const extras = [image.requestId ? `request ${image.requestId}` : '', image.cost === undefined ? '' : `cost ${image.cost}`].filter(Boolean).join(', ');
  return [
    `- ${image.path} — ${size} ${image.format.toUpperCase()}${image.model ? `, ${image.model}` : ''}${extras ? `, ${extras}` : ''}`,
    `  Markdown: ${image.markdown}`,
  ];
}

function failuresAndWarnings(answer: Pick<GenerateAnswer, 'failed' | 'warnings'>, what: string): string[] {
  return [
    ...answer.failed.map(
      (failure) =>
        `- ${failure.path ? `${failure.path}: not made` : `One ${what} failed`}: ${failure.error}${failure.requestId ? ` (request ${failure.requestId})` : ''}`,
    ),
    ...answer.warnings.map((warning) => `Warning: ${warning}`),
  ];
}

/** `generate_image` (and `segmind_generate_image`). */
export function generateText(answer: GenerateAnswer): string {
  const count = answer.saved.length;
  return [`Saved ${count} image${count === 1 ? '' : 's'}:`, ...answer.saved.flatMap(savedLines), ...failuresAndWarnings(answer, 'image')].join('\n');
}

function elsewhereLines(elsewhere: readonly ElsewhereEntry[] | undefined): string[] {
  if (!elsewhere?.length) return [];
  return [
    `${elsewhere.length} reference${elsewhere.length === 1 ? '' : 's'} to an image that exists at another path (never made: point the reference at the right file instead):`,
    ...elsewhere.map((entry) => `- ${entry.file}:${entry.line} "${entry.reference}" → found at ${entry.candidates.join(', ')}`),
  ];
}

function notReadLines(answer: FindAnswer | FillAnswer): string[] {
  const notRead = answer.notRead ?? [];
  if (notRead.length === 0) return [];
  return [
    `${notRead.length} file${notRead.length === 1 ? ' was' : 's were'} not read, so ${notRead.length === 1 ? 'its' : 'their'} images are unknown (not listed above):`,
    ...notRead.map((entry) => `- ${entry.file}: ${entry.reason}`),
  ];
}

function missingLines(answer: FindAnswer | FillAnswer, filling: boolean): string[] {
  const { missing } = answer;
  if (missing.length === 0 && (answer.notRead ?? []).length > 0) return ['No missing images in the files that could be read.', ...notReadLines(answer)];
  if (missing.length === 0) return ['No missing images: every image the code refers to exists where its site serves it.'];
  const targets = new Set(missing.map((entry) => entry.target)).size;
  return [
    `${missing.length} reference${missing.length === 1 ? '' : 's'} to ${targets} missing image${targets === 1 ? '' : 's'}:`,
    ...missing.map((entry) => {
      const outcome = !filling ? '' : entry.saved ? ' — made' : entry.error ? ` — not made: ${entry.error}` : ' — made for an earlier reference';
      return `- ${entry.file}:${entry.line} "${entry.reference}" → ${entry.target}${entry.size ? ` (${entry.size})` : ''}, prompt: "${entry.prompt}"${outcome}`;
    }),
    ...notReadLines(answer),
  ];
}

/** `find_missing_images` (and `segmind_find_missing_images`). */
export function findText(answer: FindAnswer): string {
  return [...missingLines(answer, false), ...elsewhereLines(answer.elsewhere), ...(answer.next ? [answer.next] : [])].join('\n');
}

/** What to call to make the images found (`next`), for the scope the agent asked about. */
export function nextStep(found: number, scope: string | undefined): string | undefined {
  if (found === 0) return undefined;
  const scoped = scope === undefined ? '' : `, scope ${JSON.stringify(scope)}`;
  return `Call fill_missing_images (mode "placeholder"${scoped}) for free placeholders, or (mode "generate"${scoped}) for paid generated images.`;
}

/** `fill_missing_images`. */
export function fillText(answer: FillAnswer): string {
  const made =
    answer.saved.length > 0 ? [`Saved ${answer.saved.length} file${answer.saved.length === 1 ? '' : 's'}:`, ...answer.saved.flatMap(savedLines)] : [];
  return [...missingLines(answer, true), ...made, ...failuresAndWarnings(answer, 'target'), ...elsewhereLines(answer.elsewhere)].join('\n');
}

/** `check_credits`. */
export function creditsText(facts: CreditsAnswer): string {
  const limit = (usd: number): string => (usd > 0 ? `$${usd.toFixed(2)}` : 'none');
  return [
    `Segmind credits: ${facts.credits}.`,
    `Spent today on this machine: $${facts.todaySpend.toFixed(2)} (by agents: $${facts.agentSpend.toFixed(2)}).`,
    `Daily limits: ${limit(facts.dailySpendLimit)} in all (segmind.dailySpendLimit), ${limit(facts.agentDailySpendLimit)} for agents (segmind.agentDailySpendLimit).`,
  ].join(' ');
}
