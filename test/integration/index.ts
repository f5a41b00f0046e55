// Runs inside the VS Code extension host (loaded via --extensionTestsPath): mocha BDD over every
// out/test/integration/**/*.test.js, reported by the totals reporter (env SEGMIND_TEST_TOTALS_FILE).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { TotalsReporter } from '../support/totalsReporter';

function findTests(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTests(full));
    else if (entry.isFile() && entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    // A hang detector, not a speed target: every wait inside a test is for a condition (until), and a
    // loaded machine makes a whole flow slower, never wrong. Suites do not set their own.
    timeout: 180_000,
    reporter: TotalsReporter,
    ...(process.env.SEGMIND_TEST_GREP ? { grep: process.env.SEGMIND_TEST_GREP } : {}),
  });
  // Three suites, three windows: test/integration/multiRoot/ runs in a two-folder .code-workspace,
  // restricted/ in a folder never trusted (Restricted Mode), the rest in one trusted folder.
  const folderOf: Record<string, string> = { 'multi-root': 'multiRoot', restricted: 'restricted' };
  const own = (folder: string): string => path.join(__dirname, folder) + path.sep;
  const wanted = folderOf[process.env.SEGMIND_TEST_SUITE ?? ''];
  const files = findTests(__dirname).filter((file) =>
    wanted ? file.startsWith(own(wanted)) : !Object.values(folderOf).some((folder) => file.startsWith(own(folder))),
  );
  for (const file of files) mocha.addFile(file);

  return new Promise<void>((resolve, reject) => {
    if (files.length === 0) {
      reject(new Error(`no integration test files (*.test.js) under ${__dirname}`));
      return;
    }
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
        else resolve();
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
