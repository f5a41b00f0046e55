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
  UnauthorizedError,
  UnexpectedStatusError,
  type AnySegmindError,
} from '../../../../src/domain/errors/errors';
import { formatCredits } from '../../../../src/shared/format';
import { describeError } from '../../../../src/ui/pure/errorMessages';

const KEY = 'SG_0123456789abcdef';

const ALL: AnySegmindError[] = [
  new InvalidParametersError([{ parameter: 'size', message: 'Size 3840x2160 is only available on gpt-image-2.' }]),
  new MissingApiKeyError(),
  new UnauthorizedError('Unauthorized'),
  new ForbiddenError('team may not use this model'),
  new BadRequestError('Invalid size'),
  new NotFoundError('Model not found'),
  new JobExpiredError('req-123', 'Request req-123 not found'),
  new NotAcceptableError('Insufficient credits. Your balance is 0.01'),
  new ModelRetiredError('This model has been retired'),
  new JobFailedError('req-9', 'blocked by the safety system'),
  new RateLimitError(5_000, 'Rate limit exceeded'),
  new ServerError(503, 'Service temporarily unavailable'),
  new UnexpectedStatusError(405, 'Method Not Allowed'),
  new NetworkError('status of req-1: ECONNRESET'),
  new RequestTimeoutError(30_000, 'status of req-1'),
  new JobTimeoutError(600_000, 'req-5'),
  new ProtocolError('submit answer: request_id: Required'),
  new CancelledError(),
  new ConfigurationError('segmind.apiBaseUrl', 'The setting segmind.apiBaseUrl must use https.'),
  new NoWorkspaceError(),
];

describe('errorMessages.describeError', () => {
  it('covers twenty distinct error kinds', () => {
    assert.equal(new Set(ALL.map((e) => e.kind)).size, ALL.length);
    assert.equal(ALL.length, 20);
  });

  for (const error of ALL) {
    it(`${error.kind}: non-empty words, a severity, known actions`, () => {
      const message = describeError(error);
      assert.ok(message.text.trim().length > 10, message.text);
      assert.ok(['error', 'warning', 'info'].includes(message.severity));
      for (const action of message.actions) assert.ok(['setApiKey', 'showLog', 'openSettings', 'checkCredits'].includes(action));
      if (message.actions.includes('openSettings')) assert.match(message.setting ?? '', /^segmind\./);
      assert.ok(!message.text.includes('undefined'), message.text);
      assert.ok(!message.text.includes('[object'), message.text);
    });
  }

  it('401 and a missing key offer Set API Key first', () => {
    assert.equal(describeError(new UnauthorizedError('x')).actions[0], 'setApiKey');
    assert.match(describeError(new UnauthorizedError('x')).text, /API key/);
    assert.equal(describeError(new MissingApiKeyError()).actions[0], 'setApiKey');
  });

  it('406 shows the service text and the balance when given', () => {
    const error = new NotAcceptableError('Insufficient credits. Your balance is 0.01');
    assert.equal(error.reason, 'insufficient-credits');
    const withBalance = describeError(error, { balance: 0.0123 });
    assert.match(withBalance.text, /Insufficient credits/);
    assert.match(withBalance.text, /0\.01 credits/);
    assert.ok(withBalance.actions.includes('checkCredits'));
    assert.doesNotMatch(describeError(error).text, /Your balance: /);
  });

  it('404 names what was not found: a model, or the credits record', () => {
    assert.match(describeError(new NotFoundError('Model not found', 'model')).text, /does not know this model/);
    const credits = describeError(new NotFoundError('No credits found for the user', 'credits')).text;
    assert.match(credits, /no credits record/);
    assert.doesNotMatch(credits, /model/);
  });

  it('422 shows the reason', () => {
    assert.match(describeError(new JobFailedError('r', 'blocked by the safety system')).text, /blocked by the safety system/);
  });

  it('404 on a job says it expired and names the request', () => {
    const text = describeError(new JobExpiredError('req-123', '')).text;
    assert.match(text, /expired/);
    assert.match(text, /req-123/);
    assert.match(text, /1 hour/);
  });

  it('service texts are shown; an empty one does not leave a dangling colon', () => {
    assert.match(describeError(new BadRequestError('Invalid size for gpt-image-1')).text, /Invalid size for gpt-image-1/);
    assert.match(describeError(new ForbiddenError('')).text, /\.$/);
    assert.match(describeError(new ServerError(502, '')).text, /HTTP 502/);
  });

  it('a job timeout and a cancel say the service may still charge', () => {
    assert.match(describeError(new JobTimeoutError(600_000, 'req-5')).text, /600 s/);
    assert.match(describeError(new JobTimeoutError(600_000, 'req-5')).text, /charge/);
    assert.equal(describeError(new JobTimeoutError(1, undefined)).setting, 'segmind.timeoutSeconds');
    assert.match(describeError(new CancelledError()).text, /charge/);
  });

  it('configuration errors point at the setting', () => {
    const message = describeError(new ConfigurationError('segmind.outputFolder', 'The output folder must be relative.'));
    assert.equal(message.setting, 'segmind.outputFolder');
    assert.deepEqual(message.actions, ['openSettings']);
  });

  it('never shows a key the service echoed', () => {
    const echoed: AnySegmindError[] = [
      new UnauthorizedError(`invalid key ${KEY}`),
      new BadRequestError(`x-api-key: ${KEY}`),
      new JobFailedError('r', `rejected for ${KEY}`),
      new NotAcceptableError(`key ${KEY} has no credits`),
      new NetworkError(`connect to ${KEY}`),
    ];
    for (const error of echoed) {
      assert.ok(!describeError(error).text.includes(KEY), describeError(error).text);
      assert.ok(!error.message.includes(KEY));
    }
  });

  it('formats credits with two decimals', () => {
    assert.equal(formatCredits(12.5), '12.50');
    assert.equal(formatCredits(0), '0.00');
  });
});
