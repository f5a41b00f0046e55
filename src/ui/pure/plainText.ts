/**
 * Text shown as the characters it is. VS Code turns `[label](command:…)` in a notification (or a
 * progress message, a dialog, an input box's prompt) into a link that runs the command with its
 * arguments, and `$(name)` in a quick pick into an icon. A file or folder name, a prompt or a
 * reference from someone's repository may be written that way: a folder named
 * `docs [Fix all](command:segmind.fillMissingImages?…)` made a paid fill one click away. A zero-width
 * space between `]` and `(`, and between `$` and `(`, breaks both patterns and shows the same text.
 * Our own sentences never use either (test/unit/ui/pure/plainText.test.ts holds that for the bundle).
 */
const ZERO_WIDTH_SPACE = '\u200b';

export function plainText(text: string): string {
  return text.replace(/([\]$])\(/g, `$1${ZERO_WIDTH_SPACE}(`);
}
