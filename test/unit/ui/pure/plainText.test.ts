/**
 * Workspace text shown as text (ui/pure/plainText.ts): what VS Code would render as a command link
 * in a notification, or as an icon in a quick pick, is broken up by a zero-width space and shows the
 * same characters. The patterns are VS Code's own (vs/base/common/linkedText.ts and iconLabels.ts).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { plainText } from '../../../../src/ui/pure/plainText';

const VSCODE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
const VSCODE_ICON = /\$\(([A-Za-z0-9-]+(?:~[A-Za-z]+)?)\)/g;
const repoRoot = path.resolve(__dirname, '..', '..', '..', '..', '..');

describe('Names are never links (ui/pure/plainText)', () => {
  const planted = [
    'docs [Fix all](command:segmind.fillMissingImages?%7B%22mode%22%3A%22generate%22%7D)',
    '[run](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D)',
    "[site](https://evil.example 'title')",
    '[open](file:///etc/passwd)',
    '$(sync~spin) spinning',
  ];

  it('a planted link or icon no longer matches VS Code’s patterns, and reads the same', () => {
    for (const text of planted) {
      assert.ok(VSCODE_LINK.test(text) || new RegExp(VSCODE_ICON).test(text), `the probe itself is a link or icon: ${text}`);
      VSCODE_LINK.lastIndex = 0;
      const shown = plainText(text);
      assert.equal(shown.match(VSCODE_LINK), null, shown);
      assert.equal(shown.match(VSCODE_ICON), null, shown);
      assert.equal(shown.replaceAll('\u200b', ''), text, 'the same characters, with zero-width spaces only');
    }
  });

  it('a link split across two pieces of a sentence is broken too', () => {
    const sentence = `Made ${plainText('[Fix all')}${plainText('](command:segmind.fillMissingImages)')}`;
    assert.equal(sentence.match(VSCODE_LINK), null);
  });

  it('our own sentences, in every language, never use either pattern (so breaking them in a whole message loses nothing)', () => {
    for (const bundle of ['bundle.l10n.json', 'bundle.l10n.de.json']) {
      const sentences = Object.values(JSON.parse(fs.readFileSync(path.join(repoRoot, 'l10n', bundle), 'utf8')) as Record<string, string>);
      for (const sentence of sentences) {
        assert.doesNotMatch(sentence, /\]\(|\$\(/, `${bundle}: ${sentence}`);
      }
    }
  });
});
