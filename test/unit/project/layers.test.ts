/**
 * The architecture's one table: dependency-cruiser holds the imports to it (`npm run lint` runs
 * `depcruise` with .dependency-cruiser.cjs); this test holds the table drawn in
 * docs/architecture.md, and the folders of src/, to that config, so that nothing ties them by hand.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

interface Rule {
  readonly name: string;
  readonly from: { readonly path?: string };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the config is CommonJS, read as dependency-cruiser reads it
const config = require(path.join(repoRoot, '.dependency-cruiser.cjs')) as { forbidden: Rule[] };

/** folder → layer, from the rules named `layer-<rank>-<folder>`. */
function layersOfConfig(): Map<string, number> {
  const layers = new Map<string, number>();
  for (const rule of config.forbidden) {
    const match = /^layer-(\d+)-(\w+)$/.exec(rule.name);
    if (match?.[1] && match[2]) layers.set(match[2], Number(match[1]));
  }
  return layers;
}

/** folder → layer, from the code block of docs/architecture.md (` 4  workspace/ …`, `    config/ …`). */
function layersOfDocs(): Map<string, number> {
  const text = fs.readFileSync(path.join(repoRoot, 'docs', 'architecture.md'), 'utf8');
  const block = /```\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
  const layers = new Map<string, number>();
  let rank = -1;
  for (const line of block.split('\n')) {
    const match = /^ ?(\d)?\s+(\w+)\/\s/.exec(line);
    if (!match?.[2]) continue;
    if (match[1] !== undefined) rank = Number(match[1]);
    layers.set(match[2], rank);
  }
  return layers;
}

describe('Layers (one table: .dependency-cruiser.cjs)', () => {
  it('every folder of src/ has a layer rule', () => {
    const folders = fs
      .readdirSync(path.join(repoRoot, 'src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    const layers = layersOfConfig();
    for (const folder of folders) assert.ok(layers.has(folder), `src/${folder}/ has no layer in .dependency-cruiser.cjs (and docs/architecture.md)`);
  });

  it('docs/architecture.md draws exactly the layers of the config', () => {
    assert.deepEqual([...layersOfDocs()].sort(), [...layersOfConfig()].sort());
  });

  it('the config forbids what the architecture promises: upward imports, vscode in the node-tested folders, cycles, libraries in the webview', () => {
    const names = config.forbidden.map((rule) => rule.name);
    for (const name of ['no-vscode', 'pure-no-io', 'no-circular', 'webview-only-protocol-and-shared']) assert.ok(names.includes(name), name);
    const noVscode = config.forbidden.find((rule) => rule.name === 'no-vscode')?.from.path ?? '';
    for (const folder of ['domain', 'protocol', 'segmind']) assert.match(`src/${folder}/`, new RegExp(noVscode), `${folder} is tested without VS Code`);
  });

  it('no source or test file is over 300 lines (a module with one job stays small, and so does a test of one behaviour)', () => {
    const long: string[] = [];
    for (const root of ['src', 'media', 'test']) {
      for (const file of fs.readdirSync(path.join(repoRoot, root), { recursive: true, encoding: 'utf8' })) {
        if (!/\.(ts|mjs)$/.test(file) || file.split(path.sep).includes('fixtures') || file.split(path.sep).includes('node_modules')) continue;
        const lines = fs.readFileSync(path.join(repoRoot, root, file), 'utf8').split('\n').length - 1;
        if (lines > 300) long.push(`${root}/${file}: ${lines}`);
      }
    }
    assert.deepEqual(long, []);
  });

  it('every pure module with logic has its unit test at the mirrored path (test/unit/<folder>/<module>.test.ts), and every test names a module that exists', () => {
    const purePath = new RegExp(config.forbidden.find((rule) => rule.name === 'pure-no-io')?.from.path ?? '^$');
    const modules = sourceModules().filter((module) => purePath.test(`src/${module}`));
    assert.ok(modules.length > 50, `the pure folders were found (${modules.length} modules)`);
    const untested = modules.filter((module) => hasLogic(module) && !fs.existsSync(path.join(repoRoot, 'test', 'unit', module.replace(/\.ts$/, '.test.ts'))));
    assert.deepEqual(untested, [], 'pure modules without a test at their mirrored path');
    // The other way round: a test under a src/ folder's name is named after a module of it (`<module>.test.ts`, or `<module>.<topic>.test.ts`).
    const folders = new Set(sourceModules().map((module) => module.split('/')[0]));
    const unitRoot = path.join(repoRoot, 'test', 'unit');
    const strays = fs
      .readdirSync(unitRoot, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.test.ts') && folders.has(file.split(path.sep)[0] ?? ''))
      .filter(
        (file) =>
          !fs.existsSync(path.join(repoRoot, 'src', file.replace(/(\.[\w-]+)?\.test\.ts$/, '.ts'))) &&
          !fs.existsSync(path.join(repoRoot, 'src', file.replace(/\.test\.ts$/, '.ts'))),
      );
    assert.deepEqual(strays, [], 'tests named after no module');
  });
});

/** Every module of src/, as `folder/…/name.ts` (declaration files aside). */
function sourceModules(): string[] {
  return fs
    .readdirSync(path.join(repoRoot, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && file.includes(path.sep))
    .map((file) => file.split(path.sep).join('/'));
}

/**
 * Whether a module holds anything to test: a function, a method or a class anywhere in it. Types and
 * literal constants alone (an id, a list of names) are what they say; the tests of their users hold them.
 */
function hasLogic(module: string): boolean {
  const source = ts.createSourceFile(module, fs.readFileSync(path.join(repoRoot, 'src', module), 'utf8'), ts.ScriptTarget.Latest);
  const visit = (node: ts.Node): boolean => ts.isFunctionLike(node) || ts.isClassLike(node) || ts.forEachChild(node, visit) === true;
  return visit(source);
}
