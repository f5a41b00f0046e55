/**
 * The language model tools' names (src/base/pure/toolIds.ts). They are a public contract: users type
 * the reference names in chat (#segmindImage), agents and prompts name the tools, so each must be
 * the published one, contributed by package.json in the order `npm run contributes` fills them, and
 * documented in the README as users type it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIND_TOOL_NAME, FIND_TOOL_REFERENCE_NAME, TOOL_NAME, TOOL_REFERENCE_NAME } from '../../../../src/base/pure/toolIds';

// Compiled to out/test/unit/base/pure; package.json is at the repository root.
const root = path.resolve(__dirname, '..', '..', '..', '..', '..');
const tools = (
  JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    contributes: { languageModelTools: Array<{ name: string; toolReferenceName?: string; canBeReferencedInPrompt?: boolean }> };
  }
).contributes.languageModelTools;
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

describe('toolIds', () => {
  it('are the names the product publishes (renaming one breaks every prompt and agent that uses it)', () => {
    assert.deepEqual(
      [TOOL_NAME, TOOL_REFERENCE_NAME, FIND_TOOL_NAME, FIND_TOOL_REFERENCE_NAME],
      ['segmind_generate_image', 'segmindImage', 'segmind_find_missing_images', 'segmindMissingImages'],
    );
  });

  it('package.json contributes exactly these tools, generate first: npm run contributes fills their schemas by position', () => {
    assert.deepEqual(
      tools.map((tool) => [tool.name, tool.toolReferenceName, tool.canBeReferencedInPrompt]),
      [
        [TOOL_NAME, TOOL_REFERENCE_NAME, true],
        [FIND_TOOL_NAME, FIND_TOOL_REFERENCE_NAME, true],
      ],
    );
  });

  it('the README names each tool with the reference users type in chat, right after its name', () => {
    for (const [name, reference] of [
      [TOOL_NAME, TOOL_REFERENCE_NAME],
      [FIND_TOOL_NAME, FIND_TOOL_REFERENCE_NAME],
    ]) {
      // Within a few words, whatever line breaks the README's wrapping puts between them.
      assert.match(readme, new RegExp(`\\*\\*\`${name}\`\\*\\*[^#]{0,40}#${reference}\\b`), name);
    }
  });
});
