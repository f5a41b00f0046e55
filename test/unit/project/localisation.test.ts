/**
 * Localised the VS Code way. The manifest: every contributed title and description is a `%key%` of
 * package.nls.json (English), every key is used, and each translation (German today) has exactly
 * the keys of the English bundle, with the same command links and code spans. What the extension
 * says: every l10n.t sentence is in l10n/bundle.l10n.json (extracted by @vscode/l10n-dev), and the
 * German bundle translates each one with the same values.
 */
import * as l10n from '@vscode/l10n';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { validatePrompt } from '../../../src/domain/generation/catalog';
import { CancelledError } from '../../../src/domain/errors/errors';
import { describeError } from '../../../src/ui/pure/errorMessages';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const read = (name: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(root, name), 'utf8')) as Record<string, string>;
const manifestText = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
const english = read('package.nls.json');
const translations = fs.readdirSync(root).filter((name) => /^package\.nls\.[a-z-]+\.json$/.test(name));

/** `command:` links and `code` spans, which a translation must keep as they are. */
const fixedParts = (text: string): string[] => [...text.matchAll(/\(command:[\w.]+\)|`[^`]+`/g)].map((match) => match[0]).sort();

describe('Localisation of the manifest (package.nls.json)', () => {
  it('every %key% of package.json is in package.nls.json, and every key there is used', () => {
    const used = new Set([...manifestText.matchAll(/"%([\w.-]+)%"/g)].map((match) => match[1] ?? ''));
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
      contributes: {
        commands: { title: string }[];
        configuration: {
          properties: Record<string, { markdownDescription?: string; enum?: unknown[]; enumDescriptions?: string[]; enumItemLabels?: string[] }>;
        };
      };
    };
    for (const command of manifest.contributes.commands) assert.match(command.title, /^%[\w.]+%$/);
    for (const [key, setting] of Object.entries(manifest.contributes.configuration.properties)) {
      assert.match(setting.markdownDescription ?? '', /^%[\w.]+%$/, key);
      for (const words of setting.enumDescriptions ?? []) assert.match(words, /^%[\w.-]+%$/, `${key}: enumDescriptions`);
      // A label is words (a %key%) or the value itself, which is the API's and the same in every language.
      (setting.enumItemLabels ?? []).forEach((label, index) => assert.ok(/^%[\w.-]+%$/.test(label) || label === setting.enum?.[index], `${key}: ${label}`));
    }
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

/** `{0}`, `{1}` …: the values a sentence is given, which every translation must place. */
const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{\d+\}/g)].map((match) => match[0]))].sort();

describe('Localisation of what the extension says (l10n/bundle.l10n.json)', () => {
  const bundleDir = path.join(root, 'l10n');
  const readBundle = (name: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(bundleDir, name), 'utf8')) as Record<string, string>;

  it('the bundle holds exactly the sentences of every l10n.t in src/ and media/ (npm run l10n makes it)', function () {
    // The extractor VS Code's own extensions use (@vscode/l10n-dev), run into a temporary folder:
    // a sentence added without `npm run l10n` fails here, and so does one left behind.
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'segmind-l10n-'));
    try {
      const cli = path.join(root, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js');
      const run = spawnSync(process.execPath, [cli, 'export', '--outDir', out, 'src', 'media'], { cwd: root, encoding: 'utf8' });
      assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
      const extracted = JSON.parse(fs.readFileSync(path.join(out, 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
      const committed = readBundle('bundle.l10n.json');
      assert.deepEqual(
        Object.keys(extracted).filter((key) => !(key in committed)),
        [],
        'said in the code but not in l10n/bundle.l10n.json: run npm run l10n',
      );
      assert.deepEqual(
        Object.keys(committed).filter((key) => !(key in extracted)),
        [],
        'in l10n/bundle.l10n.json but said nowhere: run npm run l10n',
      );
      assert.ok(Object.keys(committed).length > 300, 'every area speaks through the bundle');
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('package.json points VS Code at the bundles, and the .vsix carries them', () => {
    assert.equal((JSON.parse(manifestText) as { l10n?: string }).l10n, './l10n');
    const shipped = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
    for (const file of ['l10n/bundle.l10n.json', 'l10n/bundle.l10n.de.json', 'package.nls.json', 'package.nls.de.json'])
      assert.ok(shipped.includes(`!${file}`), file);
  });

  it('has a German translation of every sentence, each placing the same values', () => {
    const english = readBundle('bundle.l10n.json');
    const german = readBundle('bundle.l10n.de.json');
    assert.deepEqual(Object.keys(german).sort(), Object.keys(english).sort(), 'the same keys');
    for (const [key, text] of Object.entries(german)) {
      assert.ok(text.trim(), `${key}: empty`);
      assert.deepEqual(placeholders(text), placeholders(key), `${key}: the same {n}`);
      assert.deepEqual(fixedParts(text), fixedParts(key), `${key}: links and code kept`);
    }
  });

  it('pure modules say their words in the configured language: a refusal of the catalog, in German', () => {
    l10n.config({ contents: readBundle('bundle.l10n.de.json') });
    try {
      assert.throws(() => validatePrompt('   '), { message: 'Der Prompt ist leer.' });
      assert.equal(describeError(new CancelledError()).text, 'Abgebrochen. Segmind kann den Auftrag trotzdem fertigstellen und berechnen.');
    } finally {
      l10n.config({ contents: {} });
    }
    assert.throws(() => validatePrompt('   '), { message: 'The prompt is empty.' });
  });
});
