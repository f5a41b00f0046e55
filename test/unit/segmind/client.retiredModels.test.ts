/**
 * A service that changes: Segmind retires models (410, or 404 on a submit as for a slug it never
 * knew) and serves new ones. Against the loopback fake, which can retire a model and serve a custom
 * slug: the client's error names the model, and the words offer to switch segmind.defaultModel to
 * one it serves, in the settings, then to run again.
 */
import * as assert from 'node:assert/strict';
import { FakeSegmind } from '../../fakeSegmind/server';
import { SegmindClient } from '../../../src/segmind/client';
import { ModelRetiredError } from '../../../src/domain/errors/errors';
import { describeError } from '../../../src/ui/pure/errorMessages';
import { rejection } from '../support/assertions';

const KEY = 'SG_0123456789abcdef';
const BODY = { prompt: 'a red fox', size: '1024x1024' };

describe('A service that changes: retired models and new slugs', function () {
  let fake: FakeSegmind;
  before(async () => (fake = await FakeSegmind.start()));
  beforeEach(() => fake.reset());
  after(() => fake.close());

  const client = (): SegmindClient => new SegmindClient({ apiBaseUrl: fake.apiBaseUrl, uploadBaseUrl: fake.uploadBaseUrl, apiKey: () => Promise.resolve(KEY) });

  it('a model retired with 410: a typed error naming it, worded with the switch of segmind.defaultModel (settings, then run again)', async () => {
    fake.options.retiredModels = { 'gpt-image-1': { status: 410, message: 'gpt-image-1 has been retired' } };
    const error = await rejection(client().submit('gpt-image-1', BODY), ModelRetiredError);
    assert.deepEqual([error.model, error.status, error.serviceMessage], ['gpt-image-1', 410, 'gpt-image-1 has been retired']);
    const words = describeError(error);
    assert.equal(
      words.text,
      'Segmind no longer serves the model gpt-image-1: gpt-image-1 has been retired Switch segmind.defaultModel to a model it serves (such as gpt-image-2) in the settings, then run again.',
    );
    assert.deepEqual([words.actions, words.setting], [['openSettings', 'showLog'], 'segmind.defaultModel']);
    assert.equal(fake.jobs.size, 0, 'nothing was queued');
  });

  it('a model no longer served with 404 on a submit: the same error, and a model to switch to that is not the one refused', async () => {
    fake.options.retiredModels = { 'gpt-image-2': { status: 404, message: 'Model not found' } };
    const error = await rejection(client().submit('gpt-image-2', BODY), ModelRetiredError);
    assert.deepEqual([error.model, error.status], ['gpt-image-2', 404]);
    assert.match(describeError(error).text, /^Segmind no longer serves the model gpt-image-2: Model not found .*\(such as gpt-image-1-mini\)/);
  });

  it('the fake serves a custom slug with the parameters of the model it is like, and refuses what that model refuses', async () => {
    fake.options.customModels = { 'gpt-image-3': 'gpt-image-2' };
    const { requestId } = await client().submit('gpt-image-3', { prompt: 'a red fox', size: '3840x2160' });
    assert.ok(requestId);
    assert.equal([...fake.jobs.values()][0]?.slug, 'gpt-image-3');
    fake.options.customModels = { 'gpt-image-1-next': 'gpt-image-1' };
    await assert.rejects(client().submit('gpt-image-1-next', { prompt: 'a red fox', size: '3840x2160' }), /size/);
  });
});
