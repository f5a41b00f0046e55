/**
 * `npm run corpus -- <folder> [--extension <checkout>] [--out <file>] [--from <file>] [--before <file>]`:
 * the missing-image scan on real repositories, each a folder of `<folder>` named `owner+name` (a
 * checkout at the commit that test/bench/corpus.json names: `git clone https://github.com/owner/name
 * owner+name && git -C owner+name checkout <commit>`; a folder of several checkouts side by side is one
 * entry too, `multi+checkouts` with `name@commit` for each). The corpus is split in two halves
 * (`"split"` in corpus.json), decided before the first run: `<folder>` holds one of them, tuned on
 * (`tune`) or run once at the end (`holdout`), e.g. /work/corpus/tune and /work/corpus/holdout.
 *
 * Each repository is opened in the real VS Code (code-server) with the extension, and its missing images
 * are listed (test/bench/corpusInHost.ts): the missing ones and, from 0.5, the ones "found elsewhere"
 * (the reference resolves to nothing, but files with its path exist). Every report is printed with the
 * verdict recorded by hand in corpus.json, under the key `"file:line reference"`:
 * - `true`: really missing (the built site, app or README shows a broken image);
 * - a path (no spaces, an image file): the reference is broken and that file is the fix (the reference
 *   points at the wrong place) — really broken too;
 * - any other string: not missing, and why — `"<the rule that knows it>: <the file that serves it>"`;
 *   false reports are grouped by the part before the first `": "`.
 * Really missing images found by hand but not reported are recorded the same way (`true`): they make
 * the recall. Reports not judged yet are marked `?`.
 *
 * `--out` saves the raw reports; `--from` prints the tables from such a file instead of running VS Code;
 * `--before` adds the figures of an earlier saved run (before → after). Not a test: it needs the
 * repositories, which CI does not fetch.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

interface Entry {
  readonly file: string;
  readonly line: number;
  readonly reference: string;
  readonly target?: string;
  readonly candidates?: readonly string[];
}

interface Scan {
  readonly ms: number;
  readonly via?: string;
  readonly entries: Entry[];
  readonly elsewhere: Entry[];
}

interface Judged {
  readonly repository: string;
  readonly commit: string;
  readonly split?: 'tune' | 'holdout';
  readonly framework?: string;
  /** `file:line reference` → true (really missing), the path that fixes it, or the reason it is not missing. */
  readonly verdicts: Readonly<Record<string, true | string>>;
}

const referencingFile = /\.(html?|md|markdown|css|scss|less|[cm]?jsx?|[cm]?tsx?|vue|svelte)$/i;

function countFiles(folder: string): number {
  let count = 0;
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (referencingFile.test(entry.name)) count++;
    }
  };
  walk(folder);
  return count;
}

/** The commit of a checkout, or of each checkout of a folder of several (`name@abc1234`). */
function commitOf(folder: string): string {
  const head = (dir: string): string => spawnSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  if (fs.existsSync(path.join(folder, '.git'))) return head(folder);
  return fs
    .readdirSync(folder)
    .filter((name) => fs.existsSync(path.join(folder, name, '.git')))
    .map((name) => `${name}@${head(path.join(folder, name)).slice(0, 12)}`)
    .join(' ');
}

async function scan(folder: string, extension: string): Promise<Scan> {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'segmind-corpus-')), 'entries.json');
  await runTests({
    vscodeExecutablePath: path.join(repoRoot, 'scripts', 'host', 'code'),
    extensionDevelopmentPath: extension,
    extensionTestsPath: path.join(__dirname, 'corpusInHost.js'),
    launchArgs: [folder],
    extensionTestsEnv: { SEGMIND_CORPUS_OUT: out },
  });
  return normalized(JSON.parse(fs.readFileSync(out, 'utf8')));
}

/** A saved scan: `{ ms, via?, entries, elsewhere? }`, or the bare list of entries an older harness wrote. */
function normalized(saved: unknown): Scan {
  if (Array.isArray(saved)) return { ms: 0, entries: saved as Entry[], elsewhere: [] };
  const scanned = saved as Partial<Scan>;
  return { ms: scanned.ms ?? 0, via: scanned.via, entries: scanned.entries ?? [], elsewhere: scanned.elsewhere ?? [] };
}

const keyOf = (entry: Entry): string => `${entry.file}:${entry.line} ${entry.reference}`;

/** True (really missing), a path that fixes it (really broken), or not missing. */
const broken = (verdict: true | string | undefined): boolean => verdict === true || (typeof verdict === 'string' && isFix(verdict));
const isFix = (verdict: string): boolean => !/\s/.test(verdict) && /\.(png|jpe?g|webp|svg|gif|avif|ico)$/i.test(verdict);
/** The rule a false report is grouped under: the reason up to its first `": "`. */
const ruleOf = (reason: string): string => (reason.includes(': ') ? reason.slice(0, reason.indexOf(': ')) : reason);

interface Figures {
  reports: number;
  really: number;
  elsewhere: number;
  elsewhereWrong: number;
  elsewhereServed: number;
  unjudged: number;
  handFound: number;
  handReported: number;
  falseByRule: Map<string, number>;
}

function figuresOf(scanned: Scan, verdicts: Readonly<Record<string, true | string>>): Figures {
  const figures: Figures = {
    reports: scanned.entries.length,
    really: 0,
    elsewhere: scanned.elsewhere.length,
    elsewhereWrong: 0,
    elsewhereServed: 0,
    unjudged: 0,
    handFound: 0,
    handReported: 0,
    falseByRule: new Map(),
  };
  for (const entry of scanned.entries) {
    const verdict = verdicts[keyOf(entry)];
    if (verdict === undefined) figures.unjudged++;
    else if (broken(verdict)) figures.really++;
    else figures.falseByRule.set(ruleOf(verdict as string), (figures.falseByRule.get(ruleOf(verdict as string)) ?? 0) + 1);
  }
  for (const entry of scanned.elsewhere) {
    const verdict = verdicts[keyOf(entry)];
    if (verdict === undefined) figures.unjudged++;
    else if (broken(verdict)) figures.elsewhereWrong++;
    else figures.elsewhereServed++;
  }
  const reported = new Set([...scanned.entries, ...scanned.elsewhere].map(keyOf));
  for (const [key, verdict] of Object.entries(verdicts)) {
    if (!broken(verdict)) continue;
    figures.handFound++;
    if (reported.has(key)) figures.handReported++;
  }
  return figures;
}

const percent = (part: number, whole: number): string => (whole > 0 ? `${((100 * part) / whole).toFixed(1)} %` : '-');

function printScan(repository: string, scanned: Scan, verdicts: Readonly<Record<string, true | string>>): void {
  console.log(
    `\n## ${repository}: ${scanned.entries.length} missing, ${scanned.elsewhere.length} elsewhere in ${scanned.ms} ms${scanned.via ? ` (${scanned.via})` : ''}`,
  );
  for (const entry of scanned.entries) {
    const verdict = verdicts[keyOf(entry)];
    const mark = verdict === undefined ? '?      ' : broken(verdict) ? 'missing' : 'SERVED ';
    console.log(`  ${mark} ${keyOf(entry)} → ${entry.target ?? ''}${typeof verdict === 'string' ? ` (${verdict})` : ''}`);
  }
  for (const entry of scanned.elsewhere) {
    const verdict = verdicts[keyOf(entry)];
    const mark = verdict === undefined ? '?      ' : broken(verdict) ? 'WRONG  ' : 'served ';
    console.log(`  elsewhere ${mark} ${keyOf(entry)} → ${(entry.candidates ?? []).join(', ')}${typeof verdict === 'string' ? ` (${verdict})` : ''}`);
  }
  const reported = new Set([...scanned.entries, ...scanned.elsewhere].map(keyOf));
  for (const [key, verdict] of Object.entries(verdicts)) {
    if (broken(verdict) && !reported.has(key)) console.log(`  NOT REPORTED ${key}${typeof verdict === 'string' ? ` (fix: ${verdict})` : ''}`);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => {
    const at = args.indexOf(name);
    return at >= 0 ? args.splice(at, 2)[1] : undefined;
  };
  const extension = path.resolve(option('--extension') ?? repoRoot);
  const outFile = option('--out');
  const fromFile = option('--from');
  const beforeFile = option('--before');
  const [corpus] = args;
  if (!corpus) {
    throw new Error(
      'usage: npm run corpus -- <folder of owner+name checkouts> [--extension <checkout>] [--out <file>] [--from <saved run>] [--before <saved run>]',
    );
  }
  const judged = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'bench', 'corpus.json'), 'utf8')) as Judged[];
  const saved = fromFile ? (JSON.parse(fs.readFileSync(fromFile, 'utf8')) as Record<string, unknown>) : undefined;
  const before = beforeFile ? (JSON.parse(fs.readFileSync(beforeFile, 'utf8')) as Record<string, unknown>) : undefined;
  const rows: Record<string, string | number>[] = [];
  const report: Record<string, Scan> = {};
  const total = figuresOf({ ms: 0, entries: [], elsewhere: [] }, {});
  const totalBefore = figuresOf({ ms: 0, entries: [], elsewhere: [] }, {});
  const frameworks = new Set<string>();
  for (const repository of fs.readdirSync(corpus).sort()) {
    const folder = path.join(corpus, repository);
    if (!fs.statSync(folder).isDirectory()) continue;
    const name = repository.replace('+', '/');
    const entry = judged.find((candidate) => candidate.repository === name);
    const verdicts = entry?.verdicts ?? {};
    if (saved && saved[repository] === undefined) {
      console.log(`\n## ${repository}: not in ${fromFile}`);
      continue;
    }
    const scanned = saved ? normalized(saved[repository]) : await scan(folder, extension);
    report[repository] = scanned;
    printScan(repository, scanned, verdicts);
    const figures = figuresOf(scanned, verdicts);
    const earlier = before?.[repository] === undefined ? undefined : figuresOf(normalized(before[repository]), verdicts);
    const commit = commitOf(folder);
    if (entry && !commit.includes(entry.commit) && !entry.commit.includes(commit)) console.log(`  (checkout ${commit}, corpus.json ${entry.commit})`);
    if (entry?.framework) frameworks.add(entry.framework);
    const change = (after: number, was: number | undefined): string | number => (was === undefined ? after : `${was} → ${after}`);
    rows.push({
      repository: name,
      commit: commit.length === 40 ? commit.slice(0, 12) : commit,
      split: entry?.split ?? '?',
      framework: entry?.framework ?? '?',
      files: countFiles(folder),
      reports: change(figures.reports, earlier?.reports),
      'really missing': change(figures.really, earlier?.really),
      false: change(figures.reports - figures.really - figures.unjudged, earlier && earlier.reports - earlier.really - earlier.unjudged),
      'false by rule': [...figures.falseByRule].map(([rule, count]) => `${count}× ${rule}`).join('; '),
      'elsewhere (wrong/served)': `${figures.elsewhere} (${figures.elsewhereWrong}/${figures.elsewhereServed})`,
      'found by hand (reported)': `${figures.handFound} (${figures.handReported})`,
      'not judged': figures.unjudged,
    });
    for (const [figures_, sum] of [[figures, total], ...(earlier ? [[earlier, totalBefore] as const] : [])] as const) {
      sum.reports += figures_.reports;
      sum.really += figures_.really;
      sum.elsewhere += figures_.elsewhere;
      sum.elsewhereWrong += figures_.elsewhereWrong;
      sum.elsewhereServed += figures_.elsewhereServed;
      sum.unjudged += figures_.unjudged;
      sum.handFound += figures_.handFound;
      sum.handReported += figures_.handReported;
      for (const [rule, count] of figures_.falseByRule) sum.falseByRule.set(rule, (sum.falseByRule.get(rule) ?? 0) + count);
    }
  }
  console.log('');
  console.table(rows);
  const summary = (figures: Figures): string =>
    `${rows.length} repositories, ${frameworks.size} frameworks: ${figures.really} of ${figures.reports} missing report(s) really missing` +
    `${figures.unjudged > 0 ? ` (${figures.unjudged} report(s) not judged yet)` : ''}: precision ${percent(figures.really, figures.reports)}; ` +
    `${figures.elsewhere} found elsewhere (${figures.elsewhereWrong} pointing at the wrong place, ${figures.elsewhereServed} served from there); ` +
    `recall ${percent(figures.handReported, figures.handFound)} (${figures.handReported} of ${figures.handFound} really missing images found by hand reported).`;
  if (before) console.log(`Before: ${summary(totalBefore)}`);
  console.log(summary(total));
  if (total.falseByRule.size > 0) {
    console.log('False reports by rule:');
    for (const [rule, count] of [...total.falseByRule].sort((a, b) => b[1] - a[1])) console.log(`  ${count}× ${rule}`);
  }
  if (outFile) fs.writeFileSync(outFile, JSON.stringify(report, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
