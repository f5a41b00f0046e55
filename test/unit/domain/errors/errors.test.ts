/**
 * The typed errors (src/domain/errors/errors.ts): one kind per failure the user must tell apart,
 * carrying facts for the edge to word, with a log message that is redacted and says what happened.
 */
import * as assert from 'node:assert/strict';
import {
  BadRequestError,
  CancelledError,
  ConfigurationError,
  ForbiddenError,
  InvalidParametersError,
  JobExpiredError,
  JobFailedError,
  JobTimeoutError,
  MissingApiKeyError,
  ModelRetiredError,
  NetworkError,
  NoWorkspaceError,
  NotAcceptableError,
  NotFoundError,
  ProtocolError,
  RateLimitError,
  RequestTimeoutError,
  ServerError,
  SpendLedgerBusyError,
  SpendLimitError,
  UnauthorizedError,
  UnexpectedStatusError,
  UnsafeDestinationError,
  UntrustedWorkspaceError,
  invalidParametersOf,
  isSegmindError,
  type AnySegmindError,
  type SegmindErrorKind,
} from '../../../../src/domain/errors/errors';

const KEY = 'SG_0123456789abcdef';

/** One error of each kind, keyed by the kind: the compiler refuses this table when a kind has no entry. */
const EVERY_KIND: Readonly<Record<SegmindErrorKind, AnySegmindError>> = {
  'invalid-parameters': new InvalidParametersError([{ parameter: 'size', message: 'Size 1x1 is not allowed.' }]),
  'missing-api-key': new MissingApiKeyError(),
  unauthorized: new UnauthorizedError(''),
  forbidden: new ForbiddenError(''),
  'bad-request': new BadRequestError(''),
  'not-found': new NotFoundError(''),
  'job-expired': new JobExpiredError('r-1', ''),
  'not-acceptable': new NotAcceptableError(''),
  'model-retired': new ModelRetiredError('', 'gpt-image-1'),
  'job-failed': new JobFailedError('r-1', 'blocked'),
  'rate-limited': new RateLimitError(undefined, ''),
  server: new ServerError(502, ''),
  'unexpected-status': new UnexpectedStatusError(418, ''),
  network: new NetworkError('ECONNRESET'),
  'request-timeout': new RequestTimeoutError(30_000, 'The upload'),
  'job-timeout': new JobTimeoutError(600_000, 'r-1'),
  protocol: new ProtocolError('no request_id'),
  cancelled: new CancelledError(),
  configuration: new ConfigurationError('segmind.apiBaseUrl', 'not https'),
  'no-workspace': new NoWorkspaceError(),
  'unsafe-destination': new UnsafeDestinationError('assets', 'outside', undefined),
  'spend-limit': new SpendLimitError('segmind.dailySpendLimit', 1, 0.9, 0.25),
  'spend-ledger-busy': new SpendLedgerBusyError('/tmp/ledger.json'),
  'untrusted-workspace': new UntrustedWorkspaceError('Fill Missing Images in generate mode'),
};

describe('The typed errors', () => {
  it('each kind is declared by exactly one class, so the edge can tell every failure apart', () => {
    for (const [kind, error] of Object.entries(EVERY_KIND)) {
      assert.equal(error.kind, kind, `${error.name} is listed under ${kind}`);
      assert.ok(isSegmindError(error), error.name);
    }
    const classes = Object.values(EVERY_KIND).map((error) => error.constructor);
    assert.equal(new Set(classes).size, classes.length, 'one class per kind');
  });

  it('isSegmindError: only our errors, not an Error or an object that looks like one', () => {
    assert.equal(isSegmindError(new Error('network')), false);
    assert.equal(isSegmindError({ kind: 'network', message: 'x' }), false);
    assert.equal(isSegmindError(undefined), false);
  });

  describe('invalid parameters', () => {
    it('keeps each problem and says them all in one message', () => {
      const error = new InvalidParametersError([
        { parameter: 'size', message: 'Size 1x1 is not allowed.' },
        { parameter: 'quality', message: 'Quality best is unknown.' },
      ]);
      assert.equal(error.kind, 'invalid-parameters');
      assert.deepEqual(
        error.problems.map((problem) => problem.parameter),
        ['size', 'quality'],
      );
      assert.equal(error.message, 'Size 1x1 is not allowed. Quality best is unknown.');
    });

    it('from a schema’s issues: one problem per issue, named by its path, the whole input when it has none', () => {
      const seen: Array<string | undefined> = [];
      const error = invalidParametersOf(
        [
          { path: ['exact', 'width'], message: 'Too big' },
          { path: [], message: 'Expected object' },
        ],
        'options',
        (parameter, message) => {
          seen.push(parameter);
          return `${parameter ?? 'The options'}: ${message}`;
        },
      );
      assert.deepEqual(error.problems, [
        { parameter: 'exact.width', message: 'exact.width: Too big' },
        { parameter: 'options', message: 'The options: Expected object' },
      ]);
      assert.deepEqual(seen, ['exact.width', undefined], 'the words are told there is no parameter, not given the whole’s name');
    });
  });

  it('a network error redacts its message and its detail, and keeps its cause only when there is one', () => {
    const cause = new Error('socket hang up');
    const error = new NetworkError(`connect failed, x-api-key: ${KEY}`, { cause });
    assert.doesNotMatch(error.message, /SG_0123/);
    assert.equal(error.detail, 'connect failed, x-api-key: [redacted]');
    assert.equal(error.cause, cause);
    assert.equal('cause' in new NetworkError('ECONNRESET'), false);
  });

  it('timeouts say their limit in whole seconds, and the request id only when there is one', () => {
    assert.equal(new RequestTimeoutError(29_600, 'The upload').message, 'The upload got no answer within 30 s');
    assert.equal(new JobTimeoutError(600_000, 'r-42').message, 'Gave up waiting after 600 s (request r-42)');
    assert.equal(new JobTimeoutError(600_000, undefined).message, 'Gave up waiting after 600 s');
  });

  it('an unsafe destination says where, why, and the request it cost', () => {
    assert.equal(
      new UnsafeDestinationError('assets/img', 'outside', 'r-7', 'a link to /etc').message,
      'Not saved (request r-7): assets/img is no longer a safe place to write (outside: a link to /etc).',
    );
    assert.equal(new UnsafeDestinationError('.git/x', 'git', undefined).message, 'Not saved: .git/x is no longer a safe place to write (git).');
  });

  it('a spend limit keeps its figures and says them in dollars and cents, naming the setting', () => {
    const error = new SpendLimitError('segmind.agentDailySpendLimit', 2, 1.2, 0.04);
    assert.deepEqual([error.setting, error.limitUsd, error.spentTodayUsd, error.estimateUsd], ['segmind.agentDailySpendLimit', 2, 1.2, 0.04]);
    assert.match(error.message, /^Refused: \$0\.04 more would take today's spend of \$1\.20 past segmind\.agentDailySpendLimit \(\$2\.00\)\.$/);
  });

  it('a refusal in Restricted Mode says that nothing was sent', () => {
    assert.match(new UntrustedWorkspaceError('Render Placeholder').message, /^Refused in Restricted Mode: Render Placeholder .* Nothing was sent\.$/);
  });
});
