/**
 * The command table (src/base/pure/commandIds.ts) against package.json and the README: every id
 * contributed with its title and category, nothing contributed outside the table, and every context
 * key a when clause reads set by the extension, so a menu never waits on a key nobody sets.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMAND_IDS, CONTEXT_KEYS } from '../../../../src/base/pure/commandIds';

interface Contributed {
  command: string;
  title?: string;
  category?: string;
}
interface ConfigurationBlock {
  properties: Record<string, { scope?: string; default?: unknown }>;
}

// Compiled to out/test/unit; package.json is at the repository root.
const root = path.resolve(__dirname, '..', '..', '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { commands: Contributed[]; configuration: ConfigurationBlock | ConfigurationBlock[] };
};

/** What VS Code shows for a contributed string: `%key%` from package.nls.json (the English bundle). */
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const shown = (value: string | undefined): string | undefined => (value && /^%[\w.]+%$/.test(value) ? nls[value.slice(1, -1)] : value);

describe('commandIds', () => {
  const ids = Object.values(COMMAND_IDS) as string[];
  const contributed = pkg.contributes.commands;

  it('has distinct ids, all in the segmind. namespace', () => {
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^segmind\.[a-zA-Z]+$/);
    for (const [key, id] of Object.entries(COMMAND_IDS)) assert.equal(id, `segmind.${key}`);
  });

  it('every id in the table is contributed with a title and category "Segmind"', () => {
    for (const id of ids) {
      const entry = contributed.find((c) => c.command === id);
      assert.ok(entry, `${id} is not in package.json contributes.commands`);
      assert.ok(shown(entry.title)?.trim(), `${id} has no title`);
      assert.equal(entry.category, 'Segmind', `${id} category`);
    }
  });

  it('every contributed command is in the table', () => {
    for (const entry of contributed) assert.ok(ids.includes(entry.command), `${entry.command} is contributed but not in COMMAND_IDS`);
    assert.equal(new Set(contributed.map((c) => c.command)).size, contributed.length, 'a command is contributed twice');
  });

  it('titles match the command table of the README where the command exists', () => {
    const titles: Record<string, string> = {
      'segmind.generateImage': 'Generate Image…',
      'segmind.openStudio': 'Open Image Studio',
      'segmind.editImage': 'Edit Image with Prompt…',
      'segmind.setApiKey': 'Set API Key',
      'segmind.clearApiKey': 'Clear API Key',
      'segmind.checkCredits': 'Check Credits',
      'segmind.showJobs': 'Show Jobs',
      'segmind.showLog': 'Show Log',
    };
    for (const entry of contributed) {
      if (titles[entry.command]) assert.equal(shown(entry.title), titles[entry.command]);
    }
  });

  it('the base URL settings are application-scoped (a workspace must not redirect the key)', () => {
    const blocks = Array.isArray(pkg.contributes.configuration) ? pkg.contributes.configuration : [pkg.contributes.configuration];
    const properties = Object.assign({}, ...blocks.map((b) => b.properties)) as ConfigurationBlock['properties'];
    assert.equal(properties['segmind.apiBaseUrl']?.scope, 'application');
    assert.equal(properties['segmind.uploadBaseUrl']?.scope, 'application');
    assert.equal(properties['segmind.apiBaseUrl']?.default, 'https://api.segmind.com');
    assert.equal(properties['segmind.uploadBaseUrl']?.default, 'https://workflows-api.segmind.com');
  });

  it('every context key of ours that a when clause reads is one the extension sets (CONTEXT_KEYS)', () => {
    const whens = JSON.stringify(pkg).match(/"when":"[^"]*"/g) ?? [];
    const read = new Set(whens.flatMap((when) => [...when.matchAll(/(?<![\w.])segmind\.[A-Za-z]+/g)].map((match) => match[0])));
    assert.ok(read.size > 0, 'the menus read our keys');
    assert.deepEqual(
      [...read].filter((key) => !(CONTEXT_KEYS as readonly string[]).includes(key)),
      [],
    );
  });
});
