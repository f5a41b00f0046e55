/**
 * The manifest's words, localised the VS Code way: every contributed title and description is a
 * `%key%` of package.nls.json (English), every key is used, and each translation (German today)
 * has exactly the keys of the English bundle, with the same command links and code spans.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const read = (name: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(root, name), 'utf8')) as Record<string, string>;
const manifestText = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
const english = read('package.nls.json');
const translations = fs.readdirSync(root).filter((name) => /^package\.nls\.[a-z-]+\.json$/.test(name));

/** `command:` links and `code` spans, which a translation must keep as they are. */
const fixedParts = (text: string): string[] => [...text.matchAll(/\(command:[\w.]+\)|`[^`]+`/g)].map((match) => match[0]).sort();

describe('Localisation of the manifest (package.nls.json)', () => {
  it('every %key% of package.json is in package.nls.json, and every key there is used', () => {
    const used = new Set([...manifestText.matchAll(/"%([\w.]+)%"/g)].map((match) => match[1] ?? ''));
    assert.deepEqual(
      [...used].filter((key) => !(key in english)),
      [],
      'keys without English words',
    );
    assert.deepEqual(
      Object.keys(english).filter((key) => !used.has(key)),
      [],
      'words no contribution uses',
    );
  });

  it("titles, descriptions and the tool's name are never hard-coded in package.json", () => {
    const manifest = JSON.parse(manifestText) as {
      contributes: { commands: { title: string }[]; configuration: { properties: Record<string, { markdownDescription?: string }> } };
    };
    for (const command of manifest.contributes.commands) assert.match(command.title, /^%[\w.]+%$/);
    for (const [key, setting] of Object.entries(manifest.contributes.configuration.properties))
      assert.match(setting.markdownDescription ?? '', /^%[\w.]+%$/, key);
  });

  it('has a German translation, with exactly the English keys, each translated, links and code kept', () => {
    assert.ok(translations.includes('package.nls.de.json'));
    for (const name of translations) {
      const translated = read(name);
      assert.deepEqual(Object.keys(translated).sort(), Object.keys(english).sort(), `${name}: the same keys`);
      for (const [key, text] of Object.entries(english)) {
        assert.ok(translated[key]?.trim(), `${name}: ${key} is empty`);
        assert.deepEqual(fixedParts(translated[key] ?? ''), fixedParts(text), `${name}: ${key} keeps its links and code`);
      }
    }
  });
});
