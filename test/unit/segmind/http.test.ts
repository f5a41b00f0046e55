/**
 * The raw exchange (segmind/http, on undici) against the fake server: status, headers and body, the
 * answer-size cap, a deadline, the caller's abort, and a dropped or truncated connection.
 */
import * as assert from 'node:assert/strict';
import { FakeSegmind } from '../../fakeSegmind/server';
import { exchange, type HttpRequest } from '../../../src/segmind/http';
import { CancelledError, NetworkError, ProtocolError, RequestTimeoutError } from '../../../src/domain/errors/errors';
import { until } from '../../support/conditions';

const KEY = 'SG_0123456789abcdef';

describe('http.exchange', function () {
  let fake: FakeSegmind;
  before(async () => {
    fake = await FakeSegmind.start();
  });
  beforeEach(() => fake.reset());
  after(async () => {
    await fake.close();
  });

  const req = (overrides: Partial<HttpRequest> = {}): HttpRequest => ({
    method: 'GET',
    url: new URL(`${fake.apiBaseUrl}/v1/get-user-credits`),
    headers: { 'x-api-key': KEY },
    timeoutMs: 2_000,
    maxBytes: 1_000_000,
    what: 'credits',
    ...overrides,
  });

  it('returns status, lower-cased headers and the body; non-2xx is not an error here', async () => {
    const ok = await exchange(req());
    assert.equal(ok.status, 200);
    assert.match(ok.headers['content-type'] ?? '', /application\/json/);
    assert.deepEqual(JSON.parse(ok.body.toString()), { credits: 12.5, 'free-credits': 0.018 });
    const refused = await exchange(req({ headers: {} }));
    assert.equal(refused.status, 401);
  });

  it('sends a POST body', async () => {
    const answer = await exchange(
      req({
        method: 'POST',
        url: new URL(`${fake.apiBaseUrl}/v2/gpt-image-1`),
        headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: 'x' }),
      }),
    );
    assert.equal(answer.status, 200);
    assert.deepEqual(fake.requests[0]?.body, { prompt: 'x' });
  });

  it('caps the answer size with a ProtocolError', async () => {
    await assert.rejects(exchange(req({ maxBytes: 10 })), (error: unknown) => error instanceof ProtocolError && /larger than/.test(error.message));
  });

  it('a slow answer past the deadline is a RequestTimeoutError naming what waited', async () => {
    fake.addFault({ path: '/v1/', kind: 'slow', delayMs: 2_000 });
    await assert.rejects(
      exchange(req({ timeoutMs: 50 })),
      (error: unknown) => error instanceof RequestTimeoutError && error.timeoutMs === 50 && error.what === 'credits',
    );
  });

  it('the caller aborting is a CancelledError, before or during the request', async () => {
    const before = new AbortController();
    before.abort();
    await assert.rejects(exchange(req({ signal: before.signal })), CancelledError);
    fake.addFault({ path: '/v1/', kind: 'slow', delayMs: 2_000 });
    const during = new AbortController();
    const pending = exchange(req({ signal: during.signal }));
    await until(() => fake.requests.length === 1, 'the request reached the service');
    during.abort();
    await assert.rejects(pending, CancelledError);
  });

  it('a dropped connection and a truncated body are NetworkErrors', async () => {
    fake.addFault({ path: '/v1/', kind: 'drop' });
    await assert.rejects(exchange(req()), (error: unknown) => error instanceof NetworkError && /credits/.test(error.message));
    fake.addFault({ path: '/v1/', kind: 'truncate' });
    await assert.rejects(exchange(req()), NetworkError);
  });
});
