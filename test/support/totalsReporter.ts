// A mocha reporter that prints like `spec` and, at the end, writes
// { "passed": n, "failed": n, "pending": n } to the file named by env SEGMIND_TEST_TOTALS_FILE
// (folders created); with SEGMIND_TEST_PROFILE=<file>, also the time of every test, hook and suite.
// Works from the mocha CLI (`--reporter out/test/support/totalsReporter.js`)
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

/**
 * Appends to `file` one line per test, hook and suite, `<ms>\t<kind> <title>`, slowest first: where
 * a run spends its time (hooks included, which mocha's own durations leave out).
 */
function recordTimes(runner: Mocha.Runner, file: string): void {
  const { EVENT_HOOK_BEGIN, EVENT_HOOK_END, EVENT_SUITE_BEGIN, EVENT_SUITE_END, EVENT_TEST_END, EVENT_RUN_END } = Mocha.Runner.constants;
  const started = new Map<Mocha.Runnable | Mocha.Suite, number>();
  const rows: { ms: number; what: string }[] = [];
  const since = (item: Mocha.Runnable | Mocha.Suite): number => Date.now() - (started.get(item) ?? Date.now());
  runner.on(EVENT_HOOK_BEGIN, (hook: Mocha.Hook) => started.set(hook, Date.now()));
  runner.on(EVENT_HOOK_END, (hook: Mocha.Hook) => rows.push({ ms: since(hook), what: `hook ${hook.fullTitle()}` }));
  runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => started.set(suite, Date.now()));
  runner.on(EVENT_SUITE_END, (suite: Mocha.Suite) => rows.push({ ms: since(suite), what: `suite ${suite.fullTitle()}` }));
  runner.on(EVENT_TEST_END, (test: Mocha.Test) => rows.push({ ms: test.duration ?? 0, what: `test ${test.fullTitle()}` }));
  runner.once(EVENT_RUN_END, () => {
    const lines = rows.sort((a, b) => b.ms - a.ms).map(({ ms, what }) => `${ms}\t${what}\n`);
    fs.appendFileSync(file, lines.join(''));
  });
}

export class TotalsReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_BEGIN, plainSymbolsWithoutColor);
    const profile = process.env.SEGMIND_TEST_PROFILE;
    if (profile) recordTimes(runner, profile);
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
