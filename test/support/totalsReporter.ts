// A mocha reporter that prints like `spec` and, at the end, writes
// { "passed": n, "failed": n, "pending": n } to the file named by env SEGMIND_TEST_TOTALS_FILE
// (folders created). Works from the mocha CLI (`--reporter out/test/support/totalsReporter.js`)
// and programmatically (`new Mocha({ reporter: TotalsReporter })`), also inside the extension host.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface Totals {
  passed: number;
  failed: number;
  pending: number;
}

export function writeTotals(file: string, totals: Totals): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(totals)}\n`);
}

/** mocha's ✔/✖ symbols come pre-coloured by picocolors (coloured whenever env CI is set), whatever
 * mocha's own colour choice; with colours off, print them plain. mocha decides `useColors` after it
 * constructs the reporter, hence at run begin. */
function plainSymbolsWithoutColor(): void {
  const base = Mocha.reporters.Base;
  if (base.useColors) return;
  const symbols = base.symbols as unknown as Record<string, string>;
  for (const key of Object.keys(symbols)) {
    // eslint-disable-next-line no-control-regex
    symbols[key] = String(symbols[key]).replace(/\u001b\[[0-9;]*m/g, '');
  }
}

export class TotalsReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_BEGIN, plainSymbolsWithoutColor);
    const file = process.env.SEGMIND_TEST_TOTALS_FILE;
    if (!file) return;
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const stats = this.stats;
      writeTotals(file, { passed: stats.passes, failed: stats.failures, pending: stats.pending });
    });
  }
}

// The mocha CLI (`--reporter <file>`) takes a reporter module's `default` export.
export { TotalsReporter as default };
