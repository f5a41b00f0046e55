/**
 * undici is taken from its own modules (src/segmind/undici.ts: 308 KiB of the bundle instead of the
 * index's 535) and its version is pinned exactly in package.json. This is the test that fails on
 * the upgrade that would break that: the modules are where we load them from, they are the very
 * classes undici's index exports, every dispatcher has the request API the index gives it, and a
 * request goes through them to a loopback server.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as Undici from 'undici';
import { request, undici } from '../../../src/segmind/undici';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

describe('undici, from its own modules', () => {
  it('is pinned to one exact version (an upgrade is a deliberate change that runs this test)', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    assert.match(manifest.dependencies['undici'] ?? '', /^\d+\.\d+\.\d+$/);
  });

  it("gives the index's own Agent, ProxyAgent and Dispatcher classes", () => {
    const parts = undici();
    assert.equal(parts.Agent, Undici.Agent);
    assert.equal(parts.ProxyAgent, Undici.ProxyAgent);
    assert.equal(parts.Dispatcher, Undici.Dispatcher);
  });

  it('every dispatcher has the API the index adds (ProxyAgent tunnels with connect)', () => {
    const prototype = undici().Dispatcher.prototype as unknown as Record<string, unknown>;
    for (const method of ['request', 'stream', 'pipeline', 'upgrade', 'connect']) assert.equal(typeof prototype[method], 'function', method);
  });

  it('sends a request to a loopback server and reads the answer', async () => {
    const server = http.createServer((incoming, answer) => {
      answer.setHeader('content-type', 'application/json');
      answer.end(JSON.stringify({ method: incoming.method, url: incoming.url }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await request(new URL(`http://127.0.0.1:${port}/v1/credits?x=1`), { method: 'GET' });
      assert.equal(response.statusCode, 200);
      assert.deepEqual(await response.body.json(), { method: 'GET', url: '/v1/credits?x=1' });
    } finally {
      server.close();
    }
  });
});
