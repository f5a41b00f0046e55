/**
 * The job tracker and the status bar in the real host, each test with its own tracker over an
 * in-memory store (a "window"), so reloads can be played: dispose one tracker, start a fresh one.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ApiKeyStore } from '../../src/auth/apiKeyStore';
import { ClientFactory } from '../../src/config/clientFactory';
import { CreditsMonitor } from '../../src/credits/creditsMonitor';
import { RESULT_RETENTION_MS, type JobRecord } from '../../src/jobs/pure/jobRecord';
import { JobStore } from '../../src/jobs/jobStore';
import { resultSaver } from '../../src/workspace/resultFiles';
import { resolveOutputFolder } from '../../src/workspace/outputFolder';
import { failureWords } from '../../src/ui/pure/errorMessages';
import { JobTracker, type JobRequest } from '../../src/jobs/jobTracker';
import { Logger } from '../../src/log/logger';
import { MODELS } from '../../src/domain/generation/catalog';
import { JobFailedError } from '../../src/domain/errors/errors';
import { SegmindStatusBar } from '../../src/statusBar/segmindStatusBar';
import { SpendLedger } from '../../src/spending/spendLedger';
import { LedgerFile } from '../../src/spending/ledgerFile';
import { replacedFilesIn } from '../../src/workspace/replacedFiles';
import { storageFolder } from './support/testServices';
import { MemoryMemento, MemorySecrets } from './support/memoryStores';
import { TEST_KEY, useFakeSegmind, workspaceFolder } from './support/segmindFixture';
import { until } from '../support/conditions';

interface Window {
  readonly tracker: JobTracker;
  readonly keys: ApiKeyStore;
  readonly credits: CreditsMonitor;
  readonly dispose: () => void;
}

const channel = vscode.window.createOutputChannel('Segmind (job tests)', { log: true });

function openWindow(memento: vscode.Memento, secrets = new MemorySecrets()): Window {
  const logger = new Logger(channel);
  const keys = new ApiKeyStore(secrets, {});
  const clients = new ClientFactory(keys, logger, 'test');
  const credits = new CreditsMonitor(clients, keys, logger);
  const tracker = new JobTracker({
    store: new JobStore(memento),
    logger,
    clock: clients.clock,
    createClient: () => clients.create(),
    saveResult: resultSaver(
      'test',
      () => clients.clock.now(),
      (folder) => resolveOutputFolder(folder, 'assets'),
      replacedFilesIn(vscode.Uri.file(storageFolder())),
    ),
    onRemainingCredits: (c) => credits.setRemaining(c),
  });
  return {
    tracker,
    keys,
    credits,
    dispose: () => {
      tracker.dispose();
      credits.dispose();
      keys.dispose();
    },
  };
}

function request(prompt: string, outputFolder: vscode.Uri): JobRequest {
  const parameters = MODELS['gpt-image-1'].defaults;
  return {
    model: 'gpt-image-1',
    prompt,
    parameters,
    transport: 'async',
    outputFolder,
    workspaceFolder: workspaceFolder(),
    baseName: prompt.replace(/\W+/g, '-').toLowerCase(),
    saveMetadata: true,
    timeoutMs: 60_000,
    body: { prompt, size: '1024x1024', quality: 'auto', background: 'opaque', output_format: 'png', output_compression: 100, moderation: 'auto' },
  };
}

function storedJobs(memento: vscode.Memento): JobRecord[] {
  return memento.get<JobRecord[]>('segmind.runningJobs', []) ?? [];
}

describe('Jobs that survive (real VS Code, fake Segmind)', function () {
  const segmind = useFakeSegmind();
  const output = (): vscode.Uri => vscode.Uri.joinPath(workspaceFolder(), 'assets', 'jobs');

  it('persists a job before its first poll; a fresh tracker after a "reload" resumes it and saves the file', async () => {
    const memento = new MemoryMemento();
    const first = openWindow(memento);
    await first.keys.store(TEST_KEY);
    segmind.fake.planNextJob({ durationMs: 3_000 });
    const started = first.tracker.start(request('Survives a reload', output()));
    started.done.catch(() => undefined); // the first window goes away before it finishes
    await until(() => storedJobs(memento).length === 1, 'the job record to be stored');
    assert.equal(segmind.fake.requestsTo('api', 'GET').filter((r) => r.path.endsWith('/status')).length, 0, 'stored before the first status poll');
    const [record] = storedJobs(memento);
    assert.ok(record?.requestId);
    first.dispose();
    assert.equal(storedJobs(memento).length, 1, 'closing the window keeps the record');

    const second = openWindow(memento);
    try {
      await second.keys.store(TEST_KEY);
      const { resumed, expired } = await second.tracker.resumePersisted(60_000);
      assert.equal(expired.length, 0);
      assert.equal(resumed.length, 1);
      const saved = await resumed[0]!.done;
      assert.ok((await vscode.workspace.fs.stat(saved.uri)).size > 0);
      assert.equal(saved.job.requestId, record.requestId);
      assert.equal(segmind.fake.requestsTo('api', 'POST').length, 1, 'never submitted again');
      assert.equal(storedJobs(memento).length, 0, 'forgotten once saved');
      assert.equal(second.tracker.snapshots()[0]?.state, 'saved');
      assert.equal(second.tracker.snapshots()[0]?.resumed, true);
    } finally {
      second.dispose();
    }
  });

  it('runs two jobs at once; one failing does not disturb the other', async () => {
    const memento = new MemoryMemento();
    const window = openWindow(memento);
    try {
      await window.keys.store(TEST_KEY);
      segmind.fake.planNextJob({ outcome: 'FAILED', error: 'Blocked by the safety system', durationMs: 500 });
      segmind.fake.planNextJob({ durationMs: 1_500 });
      const failing = window.tracker.start(request('First fails', output()));
      const succeeding = window.tracker.start(request('Second succeeds', output()));
      const [a, b] = await Promise.allSettled([failing.done, succeeding.done]);
      assert.equal(a.status, 'rejected');
      assert.ok(a.status === 'rejected' && a.reason instanceof JobFailedError);
      assert.equal(b.status, 'fulfilled');
      const states = Object.fromEntries(window.tracker.snapshots().map((job) => [job.prompt, job.state]));
      assert.deepEqual(states, { 'First fails': 'failed', 'Second succeeds': 'saved' });
      const failed = window.tracker.snapshots().find((job) => job.state === 'failed');
      assert.ok(failed?.failure instanceof JobFailedError, 'the snapshot keeps the typed error');
      assert.match(failureWords(failed.failure), /Blocked by the safety system/);
      assert.equal(storedJobs(memento).length, 0);
    } finally {
      window.dispose();
    }
  });

  it('reports a job older than an hour as expired, and one the service no longer knows as expired', async () => {
    const memento = new MemoryMemento();
    const window = openWindow(memento);
    try {
      await window.keys.store(TEST_KEY);
      const base = {
        version: 1 as const,
        model: 'gpt-image-1' as const,
        prompt: 'old',
        parameters: MODELS['gpt-image-1'].defaults,
        outputFolder: output().toString(),
        baseName: 'old',
        saveMetadata: true,
      };
      await memento.update('segmind.runningJobs', [
        { ...base, id: 'too-old', requestId: 'req-too-old', submittedAt: Date.now() - RESULT_RETENTION_MS - 1_000 },
        { ...base, id: 'unknown', requestId: 'req-unknown-to-service', submittedAt: Date.now() - 60_000 },
      ]);
      const { resumed, expired } = await window.tracker.resumePersisted(60_000);
      assert.deepEqual(
        expired.map((record) => record.requestId),
        ['req-too-old'],
      );
      assert.equal(resumed.length, 1);
      await assert.rejects(resumed[0]!.done, /expired/);
      const states = Object.fromEntries(window.tracker.snapshots().map((job) => [job.id, job.state]));
      assert.deepEqual(states, { 'too-old': 'expired', unknown: 'expired' });
      assert.equal(storedJobs(memento).length, 0);
      assert.equal(
        segmind.fake.requestsTo('api', 'GET').some((r) => r.path.includes('req-too-old')),
        false,
        'an expired job is not even polled',
      );
    } finally {
      window.dispose();
    }
  });

  it('cancel stops polling locally and forgets the job', async () => {
    const memento = new MemoryMemento();
    const window = openWindow(memento);
    try {
      await window.keys.store(TEST_KEY);
      segmind.fake.planNextJob({ durationMs: 30_000 });
      const job = window.tracker.start(request('Cancelled one', output()));
      await until(() => storedJobs(memento).length === 1, 'the job record');
      const cancelledId = storedJobs(memento)[0]?.requestId;
      assert.ok(cancelledId);
      assert.equal(window.tracker.cancel(job.id), true);
      await assert.rejects(job.done, /Cancelled/);
      const requestsAtCancel = segmind.fake.requests.length;
      // A second job polled to the end spans several poll intervals: had the first one still been
      // polled, its requests would be in the log by then.
      segmind.fake.planNextJob({ durationMs: 2_500 });
      await window.tracker.start(request('Polled after the cancel', output())).done;
      const later = segmind.fake.requests.slice(requestsAtCancel);
      assert.ok(later.filter((r) => r.path.endsWith('/status')).length >= 2, 'the second job was polled more than once');
      assert.equal(later.filter((r) => r.path.includes(cancelledId)).length, 0, 'no request for the cancelled job after cancelling');
      assert.equal(window.tracker.snapshots().find((snapshot) => snapshot.id === job.id)?.state, 'cancelled');
      assert.equal(storedJobs(memento).length, 0);
    } finally {
      window.dispose();
    }
  });

  it('the status bar item shows Set API Key, then credits, then the warning colour, then the running job', async () => {
    const memento = new MemoryMemento();
    const window = openWindow(memento);
    const spending = new SpendLedger(new LedgerFile(storageFolder()), () => ({ dailyUsd: 5, agentDailyUsd: 2 }));
    const statusBar = new SegmindStatusBar(window.tracker, window.credits, window.keys, { now: () => Date.now(), sleep: () => Promise.resolve() }, spending);
    try {
      await until(() => statusBar.view?.text === '$(key) Set API Key', 'Set API Key');
      assert.equal(statusBar.view?.command, 'segmind.setApiKey');

      await window.keys.store(TEST_KEY);
      await window.credits.refresh();
      await until(() => statusBar.view?.text === '$(credit-card) 12.50', 'the balance');
      assert.equal(statusBar.view?.warning, false);

      window.credits.setRemaining(1.25);
      await until(() => statusBar.view?.text === '$(credit-card) 1.25', 'a low balance');
      assert.equal(statusBar.view?.warning, true);

      segmind.fake.planNextJob({ durationMs: 2_500 });
      const job = window.tracker.start(request('Status bar job', output()));
      await until(() => /^\$\(sync~spin\) 1 job · 0:0\d$/.test(statusBar.view?.text ?? ''), 'the busy text');
      assert.match(statusBar.view?.tooltip ?? '', /Status bar job/);
      await job.done;
      await until(() => statusBar.view?.text.startsWith('$(credit-card)') === true, 'back to credits');
      assert.match(statusBar.view?.tooltip ?? '', /\*\*saved\*\*/);

      // Today's spend, and the limits set, are in the tooltip.
      assert.match(statusBar.view?.tooltip ?? '', /Spent today \(estimated\): \$0\.00 of \$5\.00 · by the agent: \$0\.00 of \$2\.00/);
      const hold = await spending.hold(0.08, 'agent');
      await hold.submitted('status-bar-job', 0.08);
      await hold.release();
      await until(
        () => /Spent today \(estimated\): \$0\.08 of \$5\.00 · by the agent: \$0\.08 of \$2\.00/.test(statusBar.view?.tooltip ?? ''),
        'the spend in the tooltip',
      );
    } finally {
      spending.dispose();
      statusBar.dispose();
      window.dispose();
    }
  });
});
