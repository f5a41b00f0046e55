// SegmindClient (src/segmind/client.ts) and the API key, against the loopback fake server: it goes
// to the api and upload hosts only, never follows a foreign status URL or carries the key along a
// redirect, is asked for on every call, and is redacted from what the service echoes.
import * as assert from 'node:assert/strict';
import sharp from 'sharp';
import type { FakeSegmind } from '../../fakeSegmind/server';
import type { RequestEvent } from '../../../src/segmind/client';
import { BadRequestError, JobFailedError, MissingApiKeyError, ProtocolError, UnauthorizedError } from '../../../src/domain/errors/errors';
import { rejection } from '../support/assertions';
import { KEY, clientAgainstFake } from './clientAgainstFake';

describe('SegmindClient against the fake server', function () {
  const rig = clientAgainstFake();
  let fake: FakeSegmind;
  let events: RequestEvent[];
  // Fresh in each test (the rig's own hooks run first): the tests below read them as plain names.
  beforeEach(() => ({ fake, events } = rig));
  const { client, finishedJob } = rig;

  describe('the key', () => {
    it('goes as x-api-key to the api and upload hosts, and never to the output host', async () => {
      const c = client();
      const id = await finishedJob(c);
      await c.status(id);
      const result = await c.result(id);
      assert.ok(result.image);
      await c.download(result.image);
      const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#00f' } })
        .png()
        .toBuffer();
      const [assetUrl] = await c.upload([`data:image/png;base64,${png.toString('base64')}`]);
      assert.ok(assetUrl);
      await c.download({ type: 'url', url: assetUrl });
      await c.credits();

      const api = fake.requestsTo('api');
      const upload = fake.requestsTo('upload');
      const output = fake.requestsTo('output');
      assert.ok(api.length >= 4 && upload.length === 1 && output.length === 2);
      for (const r of [...api, ...upload]) assert.equal(r.headers['x-api-key'], KEY, `${r.method} ${r.path}`);
      for (const r of [...api, ...upload]) assert.equal(r.headers['authorization'], undefined);
      for (const r of output) {
        assert.equal(r.headers['x-api-key'], undefined, `key sent to output host: ${r.path}`);
        assert.ok(!JSON.stringify(r.headers).includes(KEY));
      }
    });

    it('does not follow a foreign status_url: every request goes to the configured api origin', async () => {
      const c = client();
      fake.planNextJob({ foreignStatusUrls: true });
      const id = await finishedJob(c);
      assert.equal((await c.status(id)).state, 'completed');
      assert.ok((await c.result(id)).image);
      const apiPort = new URL(fake.apiBaseUrl).host;
      const statusCalls = fake.requestsTo('api', 'GET', `/v2/requests/${id}`);
      assert.equal(statusCalls.length, 2);
      for (const r of statusCalls) assert.equal(r.headers['host'], apiPort);
      assert.equal(fake.requests.length, 3);
      for (const event of events) assert.equal(new URL(event.url).origin, fake.apiBaseUrl);
    });

    it('follows a download redirect without the key, even one pointing at the api host', async () => {
      const c = client();
      const id = await finishedJob(c);
      const real = `${fake.outputBaseUrl}/generations/${id}.png`;
      fake.addFault({ host: 'output', path: '/moved/', status: 302, body: '', headers: { location: `${fake.apiBaseUrl}/bounce/x` } });
      fake.addFault({ host: 'api', path: '/bounce/', status: 307, body: '', headers: { location: real } });
      const image = await c.download({ type: 'url', url: `${fake.outputBaseUrl}/moved/x.png` });
      assert.equal(image.format, 'png');
      const hops = fake.requests.filter((r) => r.path.startsWith('/moved/') || r.path.startsWith('/bounce/') || r.path.startsWith('/generations/'));
      assert.equal(hops.length, 3);
      for (const r of hops) assert.equal(r.headers['x-api-key'], undefined, `${r.host} ${r.path}`);
    });

    it('gives up after too many redirects', async () => {
      fake.addFault({ host: 'output', path: '/loop', status: 302, body: '', headers: { location: '/loop' }, times: Infinity });
      const error = await rejection(client().download({ type: 'url', url: `${fake.outputBaseUrl}/loop` }), ProtocolError);
      assert.match(error.message, /redirects/);
      assert.equal(fake.requestsTo('output').length, 4);
    });

    it('refuses to call without a key (MissingApiKeyError), before any request', async () => {
      for (const apiKey of [() => Promise.resolve(undefined), () => Promise.resolve('   ')]) {
        await rejection(client({ apiKey }).credits(), MissingApiKeyError);
      }
      assert.equal(fake.requests.length, 0);
    });

    it('is asked for on every call, so a key set meanwhile is used', async () => {
      let key = 'SG_ffffffffffffffff';
      const c = client({ apiKey: () => Promise.resolve(key) });
      await rejection(c.credits(), UnauthorizedError);
      key = KEY;
      assert.equal((await c.credits()).credits, 12.5);
    });

    it('is redacted from error messages when the server echoes it', async () => {
      const odd = 'not-a-segmind-shaped-key-123';
      fake.options.apiKey = odd;
      fake.addFault({
        path: '/v1/get-user-credits',
        status: 400,
        body: JSON.stringify({ error: `Invalid x-api-key header ${odd}, expected SG_ key like ${KEY}` }),
      });
      const error = await rejection(client({ apiKey: () => Promise.resolve(odd) }).credits(), BadRequestError);
      assert.ok(!error.message.includes(odd), error.message);
      assert.ok(!error.serviceMessage.includes(odd));
      assert.ok(!error.message.includes(KEY));

      fake.addFault({ path: '/v2/requests/', status: 422, body: JSON.stringify({ status: 'FAILED', error: `key ${odd} banned` }) });
      const failed = await rejection(client({ apiKey: () => Promise.resolve(odd) }).status('abc'), JobFailedError);
      assert.ok(!failed.reason.includes(odd), failed.reason);
      assert.ok(!failed.message.includes(odd));
    });
  });
});
