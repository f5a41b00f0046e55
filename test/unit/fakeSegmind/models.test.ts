// The fake Segmind's request validation per model (test/fakeSegmind/models.ts), over real loopback
// HTTP: every body the service refuses answers 400 with a message, the bodies it takes answer 200.
import * as assert from 'node:assert/strict';
import type { FakeSegmind } from '../../fakeSegmind/server';
import { fakeUnderTest } from './fakeUnderTest';

describe('FakeSegmind', function () {
  const rig = fakeUnderTest();
  let fake: FakeSegmind;
  before(() => (fake = rig.fake));
  const { api, post } = rig;

  describe('errors', () => {
    it('400: validation per model, invalid JSON', async () => {
      const bad: Array<[string, Record<string, unknown>]> = [
        ['gpt-image-1', {}],
        ['gpt-image-1', { prompt: '   ' }],
        ['gpt-image-1', { prompt: 'x', size: '3840x2160' }],
        ['gpt-image-1', { prompt: 'x', quality: 'ultra' }],
        ['gpt-image-1', { prompt: 'x', background: 'transparent', output_format: 'jpeg' }],
        ['gpt-image-1', { prompt: 'x', output_format: 'gif' }],
        ['gpt-image-1', { prompt: 'x', output_compression: 0 }],
        ['gpt-image-1', { prompt: 'x', output_compression: 50.5 }],
        ['gpt-image-2', { prompt: 'x', output_compression: 101 }],
        ['gpt-image-1', { prompt: 'x', moderation: 'none' }],
        ['gpt-image-1-edit', { prompt: 'x' }],
        ['gpt-image-1-edit', { prompt: 'x', image_urls: [] }],
        ['gpt-image-1-edit', { prompt: 'x', image_urls: ['http://a/b.png'], mask: 5 }],
      ];
      for (const [slug, body] of bad) {
        const r = await post(`/v2/${slug}`, body);
        assert.equal(r.status, 400, `${slug} ${JSON.stringify(body)}`);
        const j = (await r.json()) as { error: unknown };
        assert.equal(typeof j.error, 'string');
      }
      const good: Array<[string, Record<string, unknown>]> = [
        ['gpt-image-2', { prompt: 'x', size: '3840x2160', output_compression: 0 }],
        ['gpt-image-1-edit', { prompt: 'x', image_urls: ['http://a/b.png'], mask: null }],
        ['gpt-image-2', { prompt: 'x', image: 'http://a/b.png', quality: 'high', moderation: 'low' }],
      ];
      for (const [slug, body] of good) assert.equal((await post(`/v2/${slug}`, body)).status, 200, slug);

      const r = await api('/v2/gpt-image-1', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"prompt":' });
      assert.equal(r.status, 400);
      assert.equal(fake.requests.at(-1)?.body, '{"prompt":'); // recorded raw when not JSON
    });
  });
});
