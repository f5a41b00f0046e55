/**
 * Runs inside the real extension host for `npm run corpus` (test/bench/corpus.ts): Fill Missing Images
 * in list mode over the whole workspace folder, as a user would run it, and the entries written to
 * SEGMIND_CORPUS_OUT. Works with any version of the extension that has the command (the corpus is
 * also run against 0.3 to measure the change).
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';

export async function run(): Promise<void> {
  const started = performance.now();
  const entries = await vscode.commands.executeCommand<unknown[]>('segmind.fillMissingImages', {});
  fs.writeFileSync(process.env.SEGMIND_CORPUS_OUT ?? 'corpus.json', JSON.stringify({ ms: Math.round(performance.now() - started), entries }));
}
