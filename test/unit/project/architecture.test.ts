/**
 * docs/architecture.md held to the code, list by list, so that the doc a newcomer reads cannot drift
 * from what it describes: every path it names exists, every folder of src/ is described, the
 * folders it calls vscode-free or pure are the ones .dependency-cruiser.cjs holds so, the ideas
 * table's columns say the truth, and its lists of commands, agent tools and bundles are the code's
 * own. The layer table itself is held by test/unit/project/layers.test.ts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMAND_IDS } from '../../../src/base/pure/commandIds';
import { FIND_TOOL_NAME, TOOL_NAME } from '../../../src/base/pure/toolIds';
import { AGENT_TOOL_NAMES } from '../../../src/domain/generation/agentTools';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const doc = fs.readFileSync(path.join(root, 'docs', 'architecture.md'), 'utf8');
/** The diagrams (code blocks) and the text around them, read apart: a fence's backticks would pair with the text's. */
const diagrams = [...doc.matchAll(/```\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
const text = doc.replace(/```\n[\s\S]*?```/g, '');
const sorted = (names: Iterable<string>): string[] => [...new Set(names)].sort();

interface Rule {
  readonly name: string;
  readonly from: { readonly path?: string };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the config is CommonJS, read as dependency-cruiser reads it
const config = require(path.join(root, '.dependency-cruiser.cjs')) as { forbidden: Rule[] };
const rulePath = (name: string): string => config.forbidden.find((rule) => rule.name === name)?.from.path ?? '';
/** The folders a rule's `from` names: `^src/(shared|domain|…|[^/]+/pure)/` → its alternatives. */
const ruleFolders = (name: string): string[] => /^\^src\/\((.*)\)\/$/.exec(rulePath(name))?.[1]?.split('|') ?? [];
const isPure = (name: string): boolean => new RegExp(rulePath('pure-no-io')).test(`src/${name}`);
const layerOf = (folder: string): number | undefined => {
  const rule = config.forbidden.find((candidate) => new RegExp(`^layer-\\d+-${folder}$`).test(candidate.name));
  return rule ? Number(rule.name.split('-')[1]) : undefined;
};

const srcFolders = fs
  .readdirSync(path.join(root, 'src'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const filesUnder = (folder: string): string[] => fs.readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' });
const baseNames = new Set([...filesUnder('src'), ...filesUnder('media')].map((file) => path.basename(file)));

/** The text of the doc's `| header | …` table: one row per line, cells trimmed, header and rule left out. */
function tableRows(header: string): string[][] {
  const lines = doc.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`| ${header} |`));
  assert.ok(start >= 0, `the doc has a table headed "${header}"`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

const ticked = (text: string): string[] => [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');

/** The names of a cell of the ideas table: `folder/` (`a.ts`, `b.ts`) gives `folder/a.ts`, `folder/b.ts`. */
function namesOfCell(cell: string): string[] {
  const named: string[] = [];
  let folder = '';
  for (const match of cell.matchAll(/`([^`]+)`|\(|\)/g)) {
    if (match[0] === ')') folder = '';
    const name = match[1];
    if (!name) continue;
    if (name.endsWith('/')) folder = name;
    named.push(name.endsWith('/') || name.includes('/') ? name : `${folder}${name}`);
  }
  return named;
}

/** A path the doc names, as it means it: from the repository's root, from src/, or a bare name (`main.ts`, `pure/`) somewhere in src/ or media/. */
function exists(name: string): boolean {
  if (fs.existsSync(path.join(root, name)) || fs.existsSync(path.join(root, 'src', name))) return true;
  const bare = name.replace(/\/$/, '');
  return !bare.includes('/') && baseNames.has(bare);
}

/** A module named in a diagram, `folder/module`, `folder/Class.method` or `folder/module.ts`: its file or folder under src/. */
function moduleExists(name: string): boolean {
  const parts = name.split('.');
  for (let end = parts.length; end > 0; end -= 1) {
    const stem = parts.slice(0, end).join('.');
    const last = stem.slice(stem.lastIndexOf('/') + 1);
    const lowered = `${stem.slice(0, stem.length - last.length)}${last.charAt(0).toLowerCase()}${last.slice(1)}`;
    if ([stem, `${stem}.ts`, `${lowered}.ts`].some((candidate) => fs.existsSync(path.join(root, 'src', candidate)))) return true;
  }
  return false;
}

/** The bundles esbuild.mjs builds, each as `bundle ← entry`: `'src/x.ts': 'chunk'` and `name: 'src/x.ts'` (media/ goes to dist/webview/). */
function bundlesOfEsbuild(): string[] {
  const script = fs.readFileSync(path.join(root, 'esbuild.mjs'), 'utf8');
  const bundles: string[] = [];
  for (const [, entry, name] of script.matchAll(/'(src\/[^']+)': '(\w+)'/g)) bundles.push(`dist/${name}.js ← ${entry}`);
  for (const [, name, entry = ''] of script.matchAll(/\b(\w+): '((?:src|media)\/[^']+)'/g)) {
    bundles.push(entry.startsWith('media/') ? `dist/webview/${name}.${entry.endsWith('.css') ? 'css' : 'js'} ← ${entry}` : `dist/${name}.js ← ${entry}`);
  }
  return sorted(bundles);
}

describe('docs/architecture.md is held to the code', () => {
  it('the ideas across the layers: only files and folders that exist, each in the column that says what it is', () => {
    const rows = tableRows('idea');
    assert.ok(rows.length >= 6, `one row per idea: ${rows.length}`);
    const named: string[] = [];
    for (const [idea = '', commands = '', host = '', pure = ''] of rows) {
      for (const name of namesOfCell(commands)) assert.match(name, /^commands\//, `${idea}: ${name} is a command's module`);
      for (const name of namesOfCell(pure)) assert.ok(isPure(name), `${idea}: ${name} is pure by the config's pure-no-io rule`);
      for (const name of namesOfCell(host)) {
        const layer = layerOf(name.split('/')[0] ?? '');
        assert.ok(!isPure(name) && layer !== undefined && layer >= 3 && layer <= 8, `${idea}: ${name} is host side, layers 8 to 3 (layer ${layer})`);
      }
      named.push(...[commands, host, pure].flatMap(namesOfCell));
    }
    assert.deepEqual(
      named.filter((name) => !fs.existsSync(path.join(root, 'src', name))),
      [],
      'every path of the table is in src/',
    );
    assert.ok(named.length > 40, `the table names the files (${named.length})`);
  });

  it('names only paths that exist, in its text and in its diagrams', () => {
    const pathLike = /^[\w.~-]+(\/[\w.-]+)*\/?$/;
    const inText = ticked(text).filter(
      (name) => pathLike.test(name) && !name.startsWith('dist/') && (name.includes('/') || /\.(ts|mjs|cjs|json|md)$/.test(name)),
    );
    assert.ok(inText.length > 100, `the text names paths (${inText.length})`);
    assert.deepEqual(
      inText.filter((name) => !exists(name)),
      [],
      'a path in backticks is a file or folder of the repository (or a file of src/ or media/ by its name)',
    );
    const modules = [...diagrams.join('\n').matchAll(/(?<![\w/~.@-])([a-zA-Z]\w*(?:\/\w+)+(?:\.\w+)*)/g)]
      .map((match) => match[1] ?? '')
      .filter((name) => srcFolders.includes(name.split('/')[0] ?? ''));
    assert.ok(modules.length > 20, `the diagrams name modules (${modules.length})`);
    assert.deepEqual(
      modules.filter((name) => !moduleExists(name)),
      [],
      'a module in a diagram is a file or folder of src/',
    );
  });

  it('describes every folder of src/ and every file at its top', () => {
    const block = diagrams[0] ?? '';
    // The layer table: a folder's entry runs from its line to the next folder's.
    const entries = new Map<string, string>();
    let current = '';
    for (const line of block.split('\n')) {
      const folder = /^ ?\d?\s+(\w+)\/\s/.exec(line)?.[1];
      if (folder) current = folder;
      entries.set(current, `${entries.get(current) ?? ''}\n${line}`);
    }
    for (const folder of srcFolders) {
      assert.ok(entries.has(folder), `src/${folder}/ has its line in the layer table`);
      for (const sub of fs.readdirSync(path.join(root, 'src', folder), { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
        const described = (entries.get(folder) ?? '').includes(`${sub.name}/`) || doc.includes(`${folder}/${sub.name}/`);
        assert.ok(described, `src/${folder}/${sub.name}/ is described`);
      }
    }
    for (const file of fs.readdirSync(path.join(root, 'src')).filter((name) => name.endsWith('.ts'))) {
      assert.ok(block.includes(`src/${file}`), `src/${file} is in the layer table's top line`);
    }
  });

  it('calls vscode-free and pure exactly the folders the config holds so', () => {
    const listed = (after: string): string[] => {
      const start = doc.indexOf(after);
      assert.ok(start >= 0, `the doc says "${after}"`);
      const list = doc.slice(start + after.length, doc.indexOf(')', start + after.length));
      return sorted(ticked(list).map((name) => (name === 'pure/' ? '[^/]+/pure' : name.replace(/\/$/, ''))));
    };
    assert.deepEqual(listed('when a folder tested in plain node imports `vscode`'), sorted(ruleFolders('no-vscode')));
    assert.deepEqual(listed('when a pure one does I/O'), sorted(ruleFolders('pure-no-io')));
  });

  it('lists every command with its module, and no other', () => {
    const rows = tableRows('command');
    const ids = rows.map(([id = '']) => ticked(id)[0] ?? id);
    assert.equal(ids.length, new Set(ids).size, 'each command once');
    assert.deepEqual(sorted(ids), sorted(Object.values(COMMAND_IDS)));
    for (const [id = '', module = ''] of rows) {
      assert.ok(ticked(module).length > 0 && ticked(module).every(exists), `${id}: its module exists (${module})`);
    }
  });

  it('lists every agent tool, the language model tools and the MCP server’s, and no other', () => {
    const rows = tableRows('agent tool');
    const names = (where: RegExp): string[] => sorted(rows.filter(([, , module = '']) => where.test(module)).map(([name = '']) => ticked(name)[0] ?? name));
    assert.equal(rows.length, 2 + AGENT_TOOL_NAMES.length, 'each tool once');
    assert.deepEqual(names(/`agents\//), sorted([TOOL_NAME, FIND_TOOL_NAME]), 'the language model tools, served in agents/');
    assert.deepEqual(names(/`mcp\/server\.ts`/), sorted(AGENT_TOOL_NAMES), "the MCP server's tools");
    // A language model tool named anywhere in the text is one of them.
    const mentioned = [...doc.matchAll(/\bsegmind_\w+/g)].map((match) => match[0]);
    assert.deepEqual(
      mentioned.filter((name) => name !== TOOL_NAME && name !== FIND_TOOL_NAME),
      [],
    );
  });

  it('lists the bundles as esbuild.mjs builds them, and names no other', () => {
    const rows = tableRows('bundle').map(([bundle = '', entry = '']) => `${ticked(bundle)[0] ?? bundle} ← ${ticked(entry)[0] ?? entry}`);
    const built = bundlesOfEsbuild();
    assert.ok(built.length >= 8, `esbuild.mjs is read (${built.join(', ')})`);
    assert.deepEqual(sorted(rows), built);
    const bundles = new Set(built.map((line) => line.split(' ← ')[0]));
    const mentioned = [...doc.matchAll(/\bdist\/[\w/]+\.(?:js|css)\b/g)].map((match) => match[0]);
    assert.deepEqual(
      mentioned.filter((name) => !bundles.has(name)),
      [],
      'every dist/ file named is a bundle',
    );
  });
});
