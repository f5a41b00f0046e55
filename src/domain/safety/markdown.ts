/**
 * Text from prompts, file names and sidecars shown inside Markdown (the agent tool's confirmation,
 * the status bar's tooltip): escaped, so that it is shown as written and never becomes a link, an
 * image, a heading, HTML or a command. Pure and dependency-free.
 */

/**
 * Every character Markdown (CommonMark and GitHub's `~~`, VS Code's theme icons `$(…)`) gives a
 * meaning, backslash-escaped. `<` and `>` go too, so no HTML and no `<autolink>` gets through; a
 * bare `command:` is no link without brackets, so `:` can stay as it is.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$~]/g, '\\$&');
}

/** `text` as an inline code span, whatever backticks it holds (the fence is one longer than its longest run). */
export function codeSpan(text: string): string {
  const oneLine = text.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...[...oneLine.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}
