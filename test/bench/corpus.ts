/**
 * `npm run corpus -- <folder> [--extension <checkout>] [--out <file>]`: the missing-image scan on real
 * repositories, each a folder of `<folder>` named `owner+name` (a checkout at the commit that
 * test/bench/corpus.json names: `git clone https://github.com/owner/name && git -C name checkout <commit>`).
 * Each is opened in the real VS Code (code-server) with the extension, Fill Missing Images lists what
 * is missing, and every report is printed with the verdict recorded by hand in corpus.json (really
 * missing, or served from elsewhere and why): the precision, per repository and in all. Reports not
 * judged yet are marked `?`. Not a test: it needs the repositories, which CI does not fetch.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

interface Entry {
  readonly file: string;
  readonly line: number;
  readonly reference: string;
  readonly target: string;
}

interface Judged {
  readonly repository: string;
  readonly commit: string;
  /** `file:line reference` → true (really missing) or the reason it is served from elsewhere. */
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

async function scan(folder: string, extension: string): Promise<{ ms: number; entries: Entry[] }> {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'segmind-corpus-')), 'entries.json');
  await runTests({
    vscodeExecutablePath: path.join(repoRoot, 'scripts', 'host', 'code'),
    extensionDevelopmentPath: extension,
    extensionTestsPath: path.join(__dirname, 'corpusInHost.js'),
    launchArgs: [folder],
    extensionTestsEnv: { SEGMIND_CORPUS_OUT: out },
  });
  return JSON.parse(fs.readFileSync(out, 'utf8')) as { ms: number; entries: Entry[] };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => {
    const at = args.indexOf(name);
    return at >= 0 ? args.splice(at, 2)[1] : undefined;
  };
  const extension = path.resolve(option('--extension') ?? repoRoot);
  const outFile = option('--out');
  const [corpus] = args;
  if (!corpus) throw new Error('usage: npm run corpus -- <folder of owner+name checkouts> [--extension <checkout>] [--out <file>]');
  const judged = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'bench', 'corpus.json'), 'utf8')) as Judged[];
  const rows: Record<string, string | number>[] = [];
  const report: Record<string, Entry[]> = {};
  let [reports, missing, unjudged] = [0, 0, 0];
  for (const repository of fs.readdirSync(corpus).sort()) {
    const folder = path.join(corpus, repository);
    if (!fs.statSync(folder).isDirectory()) continue;
    const verdicts = judged.find((entry) => entry.repository === repository.replace('+', '/'))?.verdicts ?? {};
    const { ms, entries } = await scan(folder, extension);
    report[repository] = entries;
    const reallyMissing = entries.filter((entry) => verdicts[`${entry.file}:${entry.line} ${entry.reference}`] === true).length;
    const open = entries.filter((entry) => verdicts[`${entry.file}:${entry.line} ${entry.reference}`] === undefined);
    console.log(`\n## ${repository}: ${entries.length} report(s) in ${ms} ms`);
    for (const entry of entries) {
      const verdict = verdicts[`${entry.file}:${entry.line} ${entry.reference}`];
      console.log(
        `  ${verdict === true ? 'missing' : verdict === undefined ? '?      ' : 'SERVED '} ${entry.file}:${entry.line} ${entry.reference} → ${entry.target}${typeof verdict === 'string' ? ` (${verdict})` : ''}`,
      );
    }
    rows.push({
      repository: repository.replace('+', '/'),
      'files read': countFiles(folder),
      reports: entries.length,
      'really missing': reallyMissing,
      'not judged': open.length,
    });
    reports += entries.length;
    missing += reallyMissing;
    unjudged += open.length;
  }
  console.log('');
  console.table(rows);
  console.log(
    `${missing} of ${reports} report(s) really missing${unjudged > 0 ? ` (${unjudged} not judged yet)` : ''}: precision ${reports > 0 ? ((100 * missing) / reports).toFixed(0) : '-'} %.`,
  );
  if (outFile) fs.writeFileSync(outFile, JSON.stringify(report, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
