/**
 * The spend ledger's lock, where windows meet it at its worst (spending/ledgerFile.ts): two real
 * processes find the same stale lock at once, 200 times, and never both take it (0.4 let both hold
 * $1.50 against a $2 limit in 7 rounds of 200, losing one hold from the file); a lock planted as a
 * folder is broken, not held, and is removed with a log line instead of refusing every paid run.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { committedSpend, takeHold, type Ledger } from '../../../src/domain/spending/spending';
import { LEDGER_FILE, LedgerFile } from '../../../src/spending/ledgerFile';

const LOCK = 'spend-ledger.lock';
const DEAD = 999_999_999; // no such process

/** A window's process: at each `go`, holds $1.50 against a $2 limit and answers `held` or `refused: <why>`. */
function childScript(folder: string): string {
  const ledgerFile = path.resolve(__dirname, '..', '..', '..', 'src', 'spending', 'ledgerFile.js');
  const rules = path.resolve(__dirname, '..', '..', '..', 'src', 'domain', 'spending', 'spending.js');
  return `
    const { LedgerFile } = require(${JSON.stringify(ledgerFile)});
    const { takeHold } = require(${JSON.stringify(rules)});
    const file = new LedgerFile(${JSON.stringify(folder)});
    let pending = '';
    process.stdin.on('data', (chunk) => {
      pending += chunk;
      let newline;
      while ((newline = pending.indexOf('\\n')) >= 0) {
        const round = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        const id = process.pid + '-' + round;
        file
          .update((ledger) => ({ ledger: takeHold(ledger, { id, usd: 1.5, spender: 'user', owner: process.pid, at: 0 }, { dailyUsd: 2, agentDailyUsd: 0 }), result: undefined }))
          .then(() => 'held', (error) => 'refused: ' + error.name)
          .then((outcome) => process.stdout.write(outcome + '\\n'));
      }
    });`;
}

class Window {
  private readonly proc: ChildProcessWithoutNullStreams;
  private pending = '';
  private readonly waiting: ((line: string) => void)[] = [];

  constructor(folder: string) {
    this.proc = spawn(process.execPath, ['-e', childScript(folder)]);
    this.proc.stdout.on('data', (chunk: Buffer) => {
      this.pending += chunk.toString();
      let newline;
      while ((newline = this.pending.indexOf('\n')) >= 0) {
        const line = this.pending.slice(0, newline);
        this.pending = this.pending.slice(newline + 1);
        this.waiting.shift()?.(line);
      }
    });
  }

  hold(round: number): Promise<string> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.proc.stdin.write(`${round}\n`);
    });
  }

  close(): void {
    this.proc.kill();
  }
}

describe('The spend ledger’s lock under a race (spending/ledgerFile)', function () {
  this.timeout(120_000);
  let folder: string;
  beforeEach(() => (folder = fs.mkdtempSync(path.join(os.tmpdir(), 'segmind-lock-'))));
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('200 rounds of two processes finding one stale lock: one takes it, the other is refused by the limit, and no hold is lost', async () => {
    const windows = [new Window(folder), new Window(folder)];
    const doubles: string[] = [];
    try {
      for (let round = 0; round < 200; round++) {
        fs.rmSync(path.join(folder, LEDGER_FILE), { force: true });
        fs.writeFileSync(path.join(folder, LOCK), `${DEAD}\n`); // left by a window that died
        const outcomes = await Promise.all(windows.map((window) => window.hold(round)));
        const holds = committedSpend(await new LedgerFile(folder).read()).totalUsd;
        if (outcomes.filter((outcome) => outcome === 'held').length !== 1 || holds !== 1.5) {
          doubles.push(`round ${round}: ${outcomes.join(', ')}; $${holds} held in the file`);
        }
      }
    } finally {
      for (const window of windows) window.close();
    }
    assert.deepEqual(doubles, [], 'each round, exactly one window holds $1.50 and the file keeps it');
  });

  it('a lock planted as a folder is removed, with a log line, and the run goes on (it refused every paid run)', async () => {
    fs.mkdirSync(path.join(folder, LOCK, 'inside'), { recursive: true });
    const log: string[] = [];
    const file = new LedgerFile(folder, { lockTimeoutMs: 5_000, log: (line: string) => log.push(line) });
    await file.update((ledger: Ledger) => ({
      ledger: takeHold(ledger, { id: 'run', usd: 0.5, spender: 'user', owner: file.owner, at: 0 }, { dailyUsd: 2, agentDailyUsd: 0 }),
      result: undefined,
    }));
    assert.equal(committedSpend(await file.read()).totalUsd, 0.5);
    assert.equal(fs.existsSync(path.join(folder, LOCK)), false, 'the lock is released after the change');
    assert.equal(log.length, 1);
    assert.match(log[0] ?? '', /spend-ledger\.lock was not a lock file \(a folder\): removed/);
    assert.deepEqual(
      fs.readdirSync(folder).filter((name) => fs.lstatSync(path.join(folder, name)).isDirectory()),
      [],
      'nothing of the folder is left',
    );
  });
});
