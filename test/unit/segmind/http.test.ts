// The raw exchange (undici) against the fake server, plus the system clock and the answer schemas.
import * as assert from 'node:assert/strict';
import { FakeSegmind } from '../../fakeSegmind/server';
import { exchange, type HttpRequest } from '../../../src/segmind/http';
import { systemClock } from '../../../src/domain/jobs/clock';
import { CancelledError, NetworkError, ProtocolError, RequestTimeoutError } from '../../../src/domain/errors/errors';
import { answerSchemas, describeIssues } from '../../../src/segmind/schemas';

const KEY = 'SG_0123456789abcdef';

describe('http.exchange', function () {
  this.timeout(5000);
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
    setTimeout(() => during.abort(), 20);
    await assert.rejects(exchange(req({ signal: during.signal })), CancelledError);
  });

  it('a dropped connection and a truncated body are NetworkErrors', async () => {
    fake.addFault({ path: '/v1/', kind: 'drop' });
    await assert.rejects(exchange(req()), (error: unknown) => error instanceof NetworkError && /credits/.test(error.message));
    fake.addFault({ path: '/v1/', kind: 'truncate' });
    await assert.rejects(exchange(req()), NetworkError);
  });
});

describe('systemClock', () => {
  it('sleeps about as long as asked', async () => {
    const t0 = Date.now();
    await systemClock.sleep(20);
    assert.ok(Date.now() - t0 >= 15);
    assert.ok(Math.abs(systemClock.now() - Date.now()) < 50);
  });
  it('rejects with CancelledError when aborted, before or during the sleep', async () => {
    const before = new AbortController();
    before.abort();
    await assert.rejects(systemClock.sleep(10_000, before.signal), CancelledError);
    const during = new AbortController();
    setTimeout(() => during.abort(), 10);
    const t0 = Date.now();
    await assert.rejects(systemClock.sleep(10_000, during.signal), CancelledError);
    assert.ok(Date.now() - t0 < 1_000);
  });
});

describe('schemas', () => {
  it('reads numbers given as strings and drops strange accounting figures', () => {
    assert.deepEqual(answerSchemas().creditsAnswerSchema.parse({ credits: '12.50', 'free-credits': 'n/a' }), { credits: 12.5, 'free-credits': undefined });
    const result = answerSchemas().resultAnswerSchema.parse({ status: 'COMPLETED', metrics: { cost: '0.04', remaining_credits: null, inference_time: 3 } });
    assert.equal(result.metrics?.cost, 0.04);
    assert.equal(result.metrics?.remaining_credits, undefined);
    assert.equal(result.metrics?.inference_time, 3);
  });
  it('requires request_id in a submit answer and names it', () => {
    const parsed = answerSchemas().submitAnswerSchema.safeParse({ status: 'QUEUED' });
    assert.ok(!parsed.success);
    assert.match(describeIssues(parsed.error), /^request_id: /);
    assert.ok(!answerSchemas().submitAnswerSchema.safeParse({ request_id: '' }).success);
  });
  it('keeps unknown fields (the contract is loose)', () => {
    assert.equal((answerSchemas().submitAnswerSchema.parse({ request_id: 'a', poll_url: 'x', extra: 1 }) as Record<string, unknown>).extra, 1);
  });
});
