/**
 * Failures of the service as a scripted caller sees them, in the real VS Code against the fake
 * Segmind: each status (401, 406, 422, 404, 429, 5xx) worded, retried or not as it is safe (a dropped
 * submit may have been billed, so it is never resent); and the API key kept in SecretStorage, never
 * sent to a base URL a workspace's settings name.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FakeSegmind } from '../fakeSegmind/server';
import { generate, generateRejection, keyHeader, TEST_KEY, useFakeSegmind, workspaceFolder } from './support/segmindFixture';
import { until } from '../support/conditions';
import { executeCommand, scripted } from './support/commands';

describe('Service failures, as a scripted caller sees them', function () {
  const segmind = useFakeSegmind();

  it('401: says the key is missing or invalid', async () => {
    await executeCommand('segmind.setApiKey', 'SG_ffffffffffffffff');
    try {
      assert.match(await generateRejection({ prompt: 'x' }), /API key missing or invalid/);
      assert.equal(segmind.fake.requestsTo('api', 'POST').length, 1, 'a 401 is not retried');
    } finally {
      await executeCommand('segmind.setApiKey', TEST_KEY);
    }
  });

  it('406: shows the service text and the balance', async () => {
    segmind.fake.options.credits = 0.01;
    const message = await generateRejection({ prompt: 'x' });
    assert.match(message, /Insufficient credits/);
    assert.match(message, /balance: 0\.01/i);
  });

  it('422: shows the reason and never resubmits', async () => {
    segmind.fake.planNextJob({ outcome: 'FAILED', error: 'Your request was rejected by the safety system' });
    assert.match(await generateRejection({ prompt: 'x' }), /rejected by the safety system/);
    assert.equal(segmind.fake.requestsTo('api', 'POST').length, 1);
  });

  it('404 on a job: reports the result as expired', async () => {
    segmind.fake.addFault({ method: 'GET', path: /\/status$/, status: 404, body: '{"error":"Request not found"}', times: Infinity });
    assert.match(await generateRejection({ prompt: 'x' }), /expired/);
  });

  it('429 bursts while polling slow the job down but do not fail it', async () => {
    segmind.fake.addFault({ method: 'GET', path: /\/status$/, status: 429, headers: { 'retry-after': '1' }, times: 3 });
    const [uri] = await generate({ prompt: 'Rate limited but fine' });
    assert.ok(uri);
    assert.ok(segmind.fake.requestsTo('api', 'GET').length >= 4);
  });

  it('5xx while polling is retried', async () => {
    segmind.fake.addFault({ method: 'GET', path: /\/status$/, status: 503, times: 2 });
    const [uri] = await generate({ prompt: 'Server hiccup' });
    assert.ok(uri);
  });

  it('5xx on submit is retried a few times, then fails with the reason', async () => {
    segmind.fake.addFault({ method: 'POST', path: '/v2/', status: 502, body: '{"error":"Bad gateway"}', times: Infinity });
    assert.match(await generateRejection({ prompt: 'x' }), /server error.*502.*Bad gateway/i);
    const submits = segmind.fake.requestsTo('api', 'POST').length;
    assert.ok(submits > 1 && submits <= 4, `expected 2–4 submits, got ${submits}`);
  });

  it('a submit whose connection drops is not retried (it may have been billed)', async () => {
    segmind.fake.addFault({ method: 'POST', path: '/v2/', kind: 'drop' });
    assert.match(await generateRejection({ prompt: 'x' }), /Could not reach Segmind/);
    assert.equal(segmind.fake.requestsTo('api', 'POST').length, 1);
  });

  it('a malformed submit answer is a protocol error naming what was wrong', async () => {
    segmind.fake.addFault({ method: 'POST', path: '/v2/', status: 200, body: '{"status":"QUEUED"}' });
    assert.match(await generateRejection({ prompt: 'x' }), /request_id/);
  });

  it('does not follow a status_url on another origin', async () => {
    segmind.fake.planNextJob({ foreignStatusUrls: true });
    const [uri] = await generate({ prompt: 'Foreign status url' });
    assert.ok(uri);
    // Had the foreign URL been followed, no status poll would have reached the configured host.
    assert.ok(segmind.fake.requestsTo('api', 'GET').some((request) => request.path.endsWith('/status')));
  });
});

describe('The API key', function () {
  const segmind = useFakeSegmind();

  it('round-trips through SecretStorage: cleared means refused before any request, set again means sent', async () => {
    await executeCommand('segmind.clearApiKey');
    try {
      assert.match(await generateRejection({ prompt: 'x' }), /No Segmind API key/);
      assert.equal(segmind.fake.requests.length, 0);
      segmind.fake.options.apiKey = 'SG_abcdefabcdef0123';
      await executeCommand('segmind.setApiKey', '  SG_abcdefabcdef0123  ');
      const [uri] = await generate({ prompt: 'Key round trip' });
      assert.ok(uri);
      assert.equal(keyHeader(segmind.fake.requestsTo('api', 'POST')[0]?.headers ?? {}), 'SG_abcdefabcdef0123', 'stored trimmed');
    } finally {
      segmind.fake.options.apiKey = TEST_KEY;
      await executeCommand('segmind.setApiKey', TEST_KEY);
    }
  });

  it('refuses to store something that is not a key', async () => {
    await assert.rejects(Promise.resolve(executeCommand('segmind.setApiKey', 'SG_ has spaces')), /not saved/);
  });

  it('checkCredits resolves to the balance and free credits', async () => {
    const credits = await scripted('segmind.checkCredits');
    assert.deepEqual(credits, { credits: 12.5, freeCredits: 0.018 });
  });

  it('a workspace-level segmind.apiBaseUrl is ignored: the key never goes there', async () => {
    const evil = await FakeSegmind.start({ apiKey: TEST_KEY });
    const settingsFile = vscode.Uri.joinPath(workspaceFolder(), '.vscode', 'settings.json');
    try {
      // A resource setting in the same file shows when VS Code has read it (application-scoped ones
      // never show as workspace values): only then does "nothing reached it" mean anything.
      const marker = 'assets-from-workspace-settings';
      await vscode.workspace.fs.writeFile(
        settingsFile,
        new TextEncoder().encode(
          JSON.stringify({
            'segmind.apiBaseUrl': evil.apiBaseUrl,
            'segmind.uploadBaseUrl': evil.uploadBaseUrl,
            'segmind.outputFolder': marker,
          }),
        ),
      );
      await until(() => vscode.workspace.getConfiguration('segmind', workspaceFolder()).get('outputFolder') === marker, 'the workspace settings to be read');
      const [uri] = await generate({ prompt: 'Workspace cannot redirect' });
      assert.ok(uri);
      assert.ok(uri.path.includes(`/${marker}/`), 'the workspace settings were in force for this run');
      assert.equal(evil.requests.length, 0, 'the workspace-configured server got a request');
      assert.equal(segmind.fake.requestsTo('api', 'POST').length, 1);
    } finally {
      await vscode.workspace.fs.delete(settingsFile);
      await vscode.workspace.fs
        .delete(vscode.Uri.joinPath(workspaceFolder(), 'assets-from-workspace-settings'), { recursive: true })
        .then(undefined, () => undefined);
      await evil.close();
    }
  });
});
