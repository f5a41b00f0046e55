/**
 * The service's answers as typed errors (domain/errors/serviceErrors): one class per answer the UI
 * tells apart, each with its status and kind, a message that says what happened with the service's
 * own words after it, and those words redacted wherever they are kept (a key echoed back is never
 * shown). How the client picks each class is tested against the fake in test/unit/segmind/.
 */
import * as assert from 'node:assert/strict';
import {
  BadRequestError,
  ForbiddenError,
  JobExpiredError,
  JobFailedError,
  ModelRetiredError,
  NotAcceptableError,
  NotFoundError,
  RateLimitError,
  ServerError,
  UnauthorizedError,
  UnexpectedStatusError,
} from '../../../../src/domain/errors/serviceErrors';

const KEY = 'SG_0123456789abcdef';

describe('The service’s answers as typed errors (domain/errors/serviceErrors)', () => {
  it('gives each answer its status and kind, and a message with the service’s words after it (or none)', () => {
    const cases = [
      [new UnauthorizedError('bad key'), 401, 'unauthorized'],
      [new ForbiddenError(''), 403, 'forbidden'],
      [new BadRequestError('size is wrong'), 400, 'bad-request'],
      [new NotFoundError('no such model'), 404, 'not-found'],
      [new NotAcceptableError('Insufficient credits'), 406, 'not-acceptable'],
      [new RateLimitError(2_000, 'slow down'), 429, 'rate-limited'],
      [new ServerError(503, 'busy'), 503, 'server'],
      [new UnexpectedStatusError(418, 'teapot'), 418, 'unexpected-status'],
    ] as const;
    for (const [error, status, kind] of cases) {
      assert.equal(error.status, status, kind);
      assert.equal(error.kind, kind);
      assert.equal(error.name, error.constructor.name, 'named after its class, for the log');
    }
    assert.equal(new UnauthorizedError('bad key').message, 'API key missing or invalid (HTTP 401): bad key');
    assert.equal(new ForbiddenError('').message, 'Not allowed (HTTP 403)', 'no dangling colon without the service’s words');
    assert.equal(new RateLimitError(2_000, '').retryAfterMs, 2_000);
  });

  it('redacts a key the service echoed, in the message and in the words kept for the user', () => {
    const error = new BadRequestError(`invalid key ${KEY} for x-api-key: ${KEY}`);
    assert.ok(!error.message.includes(KEY), error.message);
    assert.ok(!error.serviceMessage.includes(KEY), error.serviceMessage);
    const failed = new JobFailedError('req-1', `blocked; Bearer ${KEY}`);
    assert.ok(!failed.reason.includes(KEY) && !failed.message.includes(KEY), failed.reason);
    assert.deepEqual([failed.status, failed.requestId], [422, 'req-1']);
  });

  it('tells the meanings of a 406 apart by the service’s words', () => {
    assert.equal(new NotAcceptableError('Insufficient credits').reason, 'insufficient-credits');
    assert.equal(new NotAcceptableError('Your balance is too low').reason, 'insufficient-credits');
    assert.equal(new NotAcceptableError('Unsupported Content-Type').reason, 'content-type');
    assert.equal(new NotAcceptableError('Daily limit reached').reason, 'spend-limit');
    assert.equal(new NotAcceptableError('').reason, 'other');
  });

  it('names what it is about: the expired job’s request id, the model no longer served, the resource not found', () => {
    const expired = new JobExpiredError('req-9', '');
    assert.equal(expired.requestId, 'req-9');
    assert.match(expired.message, /^Result of request req-9 expired \(kept /);
    const retired = new ModelRetiredError('gone', 'gpt-image-1');
    assert.deepEqual([retired.status, retired.model, retired.kind], [410, 'gpt-image-1', 'model-retired']);
    assert.match(retired.message, /^Model gpt-image-1 is not served \(HTTP 410\): gone$/);
    assert.equal(new ModelRetiredError('', undefined, 404).message, 'Model retired (HTTP 404)');
    assert.equal(new NotFoundError('').resource, 'model', 'a 404 is about the model unless said otherwise');
    assert.equal(new NotFoundError('', 'credits').resource, 'credits');
  });
});
