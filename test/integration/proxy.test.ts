/**
 * Networks as users have them, in the real VS Code: with http.proxy pointing at a real proxy on
 * loopback, every request (API, downloads) goes through it; http.noProxy exempts exactly its hosts;
 * http.proxyAuthorization reaches the proxy; a dead proxy fails clearly and nothing is resubmitted;
 * HTTPS_PROXY/HTTP_PROXY apply when http.proxy is empty.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { FakeSegmind } from '../fakeSegmind/server';
import { LoopbackProxy } from '../support/loopbackProxy';
import { clearSettings, generate, generateRejection, setting, TEST_KEY, useFakeSegmind } from './support/segmindFixture';

const port = (url: string): number => Number(new URL(url).port);
const repoRoot = process.env.SEGMIND_TEST_REPO_ROOT ?? path.resolve(__dirname, '..', '..', '..');
/** A certificate of 127.0.0.1 that nobody trusts (test/fixtures/tls). */
const selfSigned = {
  key: fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'tls', 'self-signed.key'), 'utf8'),
  cert: fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'tls', 'self-signed.crt'), 'utf8'),
};

async function httpSetting(key: 'proxy' | 'noProxy' | 'proxyAuthorization' | 'proxyStrictSSL', value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('http').update(key, value, vscode.ConfigurationTarget.Global);
}

describe('Proxies (a real loopback proxy, the fake Segmind)', function () {
  const segmind = useFakeSegmind();
  let proxy: LoopbackProxy | undefined;

  afterEach(async () => {
    await clearSettings('http', ['proxy', 'noProxy', 'proxyAuthorization', 'proxyStrictSSL']);
    delete process.env['HTTP_PROXY'];
    delete process.env['NO_PROXY'];
    await proxy?.close();
    proxy = undefined;
  });

  it('with http.proxy set, the submit, the polls, the result and the download all go through it; the key never reaches it', async () => {
    proxy = await LoopbackProxy.start();
    await httpSetting('proxy', proxy.url);
    const [uri] = await generate({ prompt: 'Through the proxy' });
    assert.ok(uri);
    const api = proxy.to(port(segmind.fake.apiBaseUrl));
    assert.ok(api.length >= 1 && api.every((request) => request.method === 'CONNECT'), 'the API is reached through a tunnel');
    assert.ok(proxy.to(port(segmind.fake.outputBaseUrl)).length >= 1, 'the download went through the proxy');
    assert.ok(segmind.fake.requestsTo('api', 'POST').length === 1);
    for (const request of proxy.requests) assert.ok(!request.headerNames.includes('x-api-key'), 'the key is never a header to the proxy');
  });

  it('http.noProxy exempts exactly its hosts (here: the output host, by host and port)', async () => {
    proxy = await LoopbackProxy.start();
    await httpSetting('proxy', proxy.url);
    await httpSetting('noProxy', [`127.0.0.1:${port(segmind.fake.outputBaseUrl)}`]);
    const [uri] = await generate({ prompt: 'Downloads go direct' });
    assert.ok(uri);
    assert.equal(proxy.to(port(segmind.fake.outputBaseUrl)).length, 0, 'the output host went direct');
    assert.ok(proxy.to(port(segmind.fake.apiBaseUrl)).length >= 1, 'the API still went through the proxy');
  });

  it('http.proxyAuthorization reaches the proxy; without it the proxy refuses and the message says so', async () => {
    const credentials = `Basic ${Buffer.from('alice:secret').toString('base64')}`;
    proxy = await LoopbackProxy.start({ requireAuthorization: credentials });
    await httpSetting('proxy', proxy.url);
    assert.match(await generateRejection({ prompt: 'No proxy credentials' }), /proxy/i);
    assert.equal(segmind.fake.requests.length, 0);
    await httpSetting('proxyAuthorization', credentials);
    const [uri] = await generate({ prompt: 'With proxy credentials' });
    assert.ok(uri);
    assert.ok(proxy.requests.some((request) => request.proxyAuthorization === credentials));
  });

  it('a proxy that cannot reach Segmind fails with a clear message, and the submit is not resent', async () => {
    proxy = await LoopbackProxy.start({ refuseTunnels: true });
    await httpSetting('proxy', proxy.url);
    const message = await generateRejection({ prompt: 'Dead upstream' });
    assert.match(message, /Could not reach Segmind/);
    assert.match(message, new RegExp(`through the proxy http://127\\.0\\.0\\.1:${port(proxy.url)}`));
    assert.equal(proxy.to(port(segmind.fake.apiBaseUrl)).length, 1, 'one attempt: a submit whose outcome is unknown is never resent');
    assert.equal(segmind.fake.requests.length, 0);
  });

  it('a proxy that is not there at all fails with a clear message', async () => {
    const gone = await LoopbackProxy.start();
    const url = gone.url;
    await gone.close();
    await httpSetting('proxy', url);
    assert.match(await generateRejection({ prompt: 'No proxy' }), new RegExp(`Could not reach Segmind.*through the proxy ${url.replace(/[.]/g, '\\.')}`));
    assert.equal(segmind.fake.requests.length, 0);
  });

  it('without http.proxy, HTTP_PROXY from the environment is used (loopback is not exempt)', async () => {
    proxy = await LoopbackProxy.start();
    process.env['HTTP_PROXY'] = proxy.url;
    const [uri] = await generate({ prompt: 'Through the environment proxy' });
    assert.ok(uri);
    assert.ok(proxy.to(port(segmind.fake.apiBaseUrl)).length >= 1);
  });

  it("http.proxyStrictSSL false relaxes the proxy's certificate only: a self-signed Segmind behind the proxy is refused, nothing sent", async () => {
    const untrusted = await FakeSegmind.start({ apiKey: TEST_KEY, jobPlan: { durationMs: 200 } }, selfSigned);
    try {
      await setting('apiBaseUrl', untrusted.apiBaseUrl);
      await setting('uploadBaseUrl', untrusted.uploadBaseUrl);
      proxy = await LoopbackProxy.start();
      await httpSetting('proxy', proxy.url);
      await httpSetting('proxyStrictSSL', false);
      assert.match(await generateRejection({ prompt: 'Past a bad certificate' }), /Could not reach Segmind.*(self[- ]signed|certificate)/i);
      assert.ok(
        proxy.to(port(untrusted.apiBaseUrl)).some((request) => request.method === 'CONNECT'),
        "it went through the proxy's tunnel",
      );
      assert.equal(untrusted.requests.length, 0, 'no request reached the service whose certificate failed');
    } finally {
      await setting('apiBaseUrl', segmind.fake.apiBaseUrl);
      await setting('uploadBaseUrl', segmind.fake.uploadBaseUrl);
      await untrusted.close();
    }
  });

  it('an HTTPS proxy with a self-signed certificate is refused, and used once http.proxyStrictSSL is false', async () => {
    proxy = await LoopbackProxy.start({ tls: selfSigned });
    await httpSetting('proxy', proxy.url);
    assert.match(await generateRejection({ prompt: 'Strict about the proxy' }), /Could not reach Segmind.*(self[- ]signed|certificate)/i);
    assert.equal(segmind.fake.requests.length, 0);
    await httpSetting('proxyStrictSSL', false);
    const [uri] = await generate({ prompt: 'Relaxed about the proxy' });
    assert.ok(uri);
    assert.ok(proxy.to(port(segmind.fake.apiBaseUrl)).length >= 1, 'through the HTTPS proxy');
  });

  it('http.noProxy takes address ranges: 127.0.0.0/8 sends the loopback fake direct (undici alone ignores ranges)', async () => {
    proxy = await LoopbackProxy.start();
    await httpSetting('proxy', proxy.url);
    await httpSetting('noProxy', ['127.0.0.0/8']);
    const [uri] = await generate({ prompt: 'A range goes direct' });
    assert.ok(uri);
    assert.deepEqual(proxy.requests, []);
  });

  it('NO_PROXY with * inside a list sends everything direct (undici alone honours * only as the whole value)', async () => {
    proxy = await LoopbackProxy.start();
    process.env['HTTP_PROXY'] = proxy.url;
    process.env['NO_PROXY'] = 'intranet.example, *';
    const [uri] = await generate({ prompt: 'A star in a list' });
    assert.ok(uri);
    assert.deepEqual(proxy.requests, []);
  });
});
