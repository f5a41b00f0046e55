/**
 * The architecture, held: imports run one way, down the layers of docs/architecture.md. A module may
 * import from its own folder and from folders of a lower layer only, so no two folders import each
 * other; the webview imports only the protocol and dependency-free modules of the domain.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const src = path.join(repoRoot, 'src');

/** Lowest first. The same table is drawn in docs/architecture.md. */
const LAYERS: readonly (readonly string[])[] = [
  ['base'],
  ['domain'],
  ['segmind', 'protocol', 'log', 'pixels', 'references'],
  ['jobs', 'auth', 'spending'],
  ['workspace', 'config'],
  ['flow', 'credits'],
  ['ui'],
  ['studio', 'statusBar', 'missingImages'],
  ['commands', 'tool'],
  ['(root)'],
];
const rankOf = new Map(LAYERS.flatMap((folders, rank) => folders.map((folder) => [folder, rank] as const)));

interface Import {
  readonly from: string;
  readonly to: string;
  readonly typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(dir, file));
}

function importsOf(file: string): Import[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: Import[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+'(\.{1,2}\/[^']+)'|import\(\s*'(\.{1,2}\/[^']+)'\s*\)/gm;
  for (const match of text.matchAll(pattern)) {
    const spec = match[3] ?? match[4];
    if (!spec) continue;
    const target = path.resolve(path.dirname(file), spec.replace(/\.js$/, ''));
    found.push({ from: file, to: `${target}.ts`, typeOnly: match[2] !== undefined });
  }
  return found;
}

function folderOf(file: string): string {
  const relative = path.relative(src, file).split(path.sep);
  return relative.length > 1 ? (relative[0] ?? '(root)') : '(root)';
}

describe('Layers (imports run one way, down)', () => {
  const files = sourceFiles(src);
  const imports = files.flatMap(importsOf);

  it('every folder of src/ has a layer', () => {
    const folders = new Set(files.map(folderOf));
    for (const folder of folders) assert.ok(rankOf.has(folder), `src/${folder}/ is in no layer of test/unit/layers.test.ts (and docs/architecture.md)`);
  });

  it('a module imports only from its own folder and from lower layers', () => {
    const upward = imports.filter(({ from, to }) => {
      const [a, b] = [folderOf(from), folderOf(to)];
      return a !== b && (rankOf.get(b) ?? Infinity) >= (rankOf.get(a) ?? -Infinity);
    });
    assert.deepEqual(
      upward.map(({ from, to }) => `${path.relative(src, from)} → ${path.relative(src, to)}`),
      [],
    );
  });

  it('no two folders import each other', () => {
    const edges = new Set(imports.map(({ from, to }) => `${folderOf(from)}>${folderOf(to)}`));
    const both = [...edges].filter((edge) => {
      const [a, b] = edge.split('>');
      return a !== b && edges.has(`${b}>${a}`);
    });
    assert.deepEqual(both, []);
  });

  it('the job layer knows nothing of saving files, settings, wording or commands', () => {
    const reachedFromJobs = new Set(imports.filter(({ from }) => folderOf(from) === 'jobs').map(({ to }) => folderOf(to)));
    for (const forbidden of ['workspace', 'ui', 'config', 'commands', 'studio', 'flow'])
      assert.ok(!reachedFromJobs.has(forbidden), `jobs/ imports ${forbidden}/`);
  });

  it('the webview imports only the protocol (types) and dependency-free domain modules', () => {
    const media = path.join(repoRoot, 'media');
    for (const { from, to, typeOnly } of sourceFiles(media).flatMap(importsOf)) {
      if (to.startsWith(media + path.sep)) continue;
      const relative = path.relative(src, to);
      const where = `${path.relative(repoRoot, from)} → src/${relative}`;
      if (relative.startsWith(`protocol${path.sep}`)) {
        assert.ok(typeOnly, `${where}: the webview takes only types from the protocol`);
        continue;
      }
      assert.ok(relative.startsWith(`domain${path.sep}`), `${where}: the webview may import only src/protocol and src/domain`);
      const runtime = importsOf(to).filter((entry) => !entry.typeOnly);
      assert.deepEqual(
        runtime.map((entry) => path.relative(src, entry.to)),
        [],
        `${where} must itself import nothing at run time`,
      );
      assert.doesNotMatch(fs.readFileSync(to, 'utf8'), /from '(zod|undici|vscode|node:[a-z]+)'/, `${where} must use no library`);
    }
  });
});
