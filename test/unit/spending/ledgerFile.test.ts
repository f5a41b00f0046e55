/**
 * The spend ledger file (spending/ledgerFile.ts): one file and one lock for every window of the
 * machine. Two ledgers on one folder, and two processes, race one limit and never pass it together;
 * a lock left by a process that died is taken over; spend survives a new ledger and a clock set back.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SpendLedgerBusyError, SpendLimitError } from '../../../src/domain/errors/errors';
import { committedSpend, spendOf, submitFromHold, takeHold, type Ledger } from '../../../src/domain/spending/spending';
import { LEDGER_FILE, LedgerFile } from '../../../src/spending/ledgerFile';

const limits = { dailyUsd: 0.1, agentDailyUsd: 0 };
const hold = (file: LedgerFile, id: string, usd: number): Promise<void> =>
  file.update((ledger: Ledger) => ({ ledger: takeHold(ledger, { id, usd, spender: 'user', owner: file.owner, at: 0 }, limits), result: undefined }));

describe('The spend ledger file, shared by every window', function () {
  let folder: string;
  beforeEach(() => (folder = fs.mkdtempSync(path.join(os.tmpdir(), 'segmind-ledger-'))));
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('two ledgers on one storage race a $0.10 limit with $0.08 each: one passes, one is refused', async () => {
    const [a, b] = [new LedgerFile(folder), new LedgerFile(folder)];
    const outcomes = await Promise.allSettled([hold(a, 'window-a', 0.08), hold(b, 'window-b', 0.08)]);
    assert.deepEqual(outcomes.map((outcome) => outcome.status).sort(), ['fulfilled', 'rejected']);
    assert.ok(outcomes.some((outcome) => outcome.status === 'rejected' && outcome.reason instanceof SpendLimitError));
    assert.equal(committedSpend(await a.read()).totalUsd, 0.08);
  });

  it('two processes race one limit through the lock file: together they never pass it', async () => {
    const script = path.resolve(__dirname, '..', '..', '..', 'src', 'spending', 'ledgerFile.js');
    const rules = path.resolve(__dirname, '..', '..', '..', 'src', 'domain', 'spending', 'spending.js');
    const child = `
      const { LedgerFile } = require(${JSON.stringify(script)});
      const { takeHold, submitFromHold, releaseHold } = require(${JSON.stringify(rules)});
      const file = new LedgerFile(${JSON.stringify(folder)});
      (async () => {
        let taken = 0;
        for (let i = 0; i < 15; i++) {
          try {
            const id = process.pid + '-' + i;
            // A run of one job: held, submitted, released (what stays is the job's line).
            await file.update((ledger) => {
              const held = takeHold(ledger, { id, usd: 0.01, spender: 'user', owner: process.pid, at: 0 }, { dailyUsd: 0.1, agentDailyUsd: 0 });
              return { ledger: releaseHold(submitFromHold(held, id, { id: 'job-' + id, usd: 0.01, at: 0 }), id), result: undefined };
            });
            taken++;
          } catch {}
        }
        process.stdout.write(String(taken));
      })();`;
    const run = (): Promise<number> =>
      new Promise((resolve, reject) => {
        const proc = spawn(process.execPath, ['-e', child], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        proc.on('error', reject);
        proc.on('exit', () => resolve(Number(out)));
      });
    const taken = await Promise.all([run(), run()]);
    assert.equal(
      taken.reduce((sum, count) => sum + count, 0),
      10,
      `held ${taken.join(' + ')} times $0.01 under a $0.10 limit`,
    );
    assert.equal(spendOf(await new LedgerFile(folder).read()).totalUsd.toFixed(2), '0.10');
  });

  it('keeps what was spent for the next window, and through a clock set back across midnight', async () => {
    let now = new Date(2026, 11, 2, 0, 5);
    const file = new LedgerFile(folder, { now: () => now });
    await hold(file, 'run', 0.06);
    await file.update((ledger) => ({ ledger: submitFromHold(ledger, 'run', { id: 'job', usd: 0.06, at: 0 }), result: undefined }));
    now = new Date(2026, 11, 1, 23, 55); // set back ten minutes, across midnight
    const again = new LedgerFile(folder, { now: () => now });
    assert.equal(spendOf(await again.read()).totalUsd, 0.06);
    await assert.rejects(hold(again, 'more', 0.05), SpendLimitError, 'the day goes on counting');
    now = new Date(2026, 11, 3, 0, 1);
    assert.equal(spendOf(await again.read()).totalUsd, 0, 'a new day (forward) starts afresh');
  });

  it('takes over a lock left by a process that died, and gives up on one that stays held', async () => {
    fs.writeFileSync(path.join(folder, 'spend-ledger.lock'), '999999999\n'); // no such process
    await hold(new LedgerFile(folder), 'after-a-crash', 0.01);
    assert.equal(committedSpend(await new LedgerFile(folder).read()).totalUsd, 0.01);

    fs.writeFileSync(path.join(folder, 'spend-ledger.lock'), `${process.ppid}\n`); // alive, and fresh
    await assert.rejects(hold(new LedgerFile(folder, { lockTimeoutMs: 200 }), 'blocked', 0.01), SpendLedgerBusyError);
    fs.rmSync(path.join(folder, 'spend-ledger.lock'));
  });

  it('a ledger that cannot be read starts the day afresh rather than failing every run', async () => {
    fs.writeFileSync(path.join(folder, LEDGER_FILE), '{ not json');
    await hold(new LedgerFile(folder), 'fresh', 0.05);
    assert.equal(committedSpend(await new LedgerFile(folder).read()).totalUsd, 0.05);
  });
});
