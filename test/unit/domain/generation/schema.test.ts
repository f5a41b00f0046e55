/**
 * The schema library as the domain uses it (src/domain/generation/schema.ts): zod/mini with English
 * messages (they reach users and agents), schemas built on first use only, and `described` for what
 * a JSON schema says that the type does not (a description, a catalog's enum on a loose string).
 */
import * as assert from 'node:assert/strict';
import * as z from '../../../../src/domain/generation/schema';

describe('schema', () => {
  it('says what is wrong in English words, not only "Invalid input"', () => {
    const result = z.object({ size: z.string() }).safeParse({ size: 1024 });
    assert.equal(result.success, false);
    assert.equal(result.error?.issues[0]?.message, 'Invalid input: expected string, received number');
  });

  it('once builds a schema on its first use, never before, and the same one after', () => {
    let builds = 0;
    const lazy = z.once(() => {
      builds += 1;
      return z.string();
    });
    assert.equal(builds, 0, 'declaring it builds nothing');
    const first = lazy();
    assert.equal(lazy(), first);
    assert.equal(builds, 1);
  });

  it('once keeps a built value that is falsy too (it is built once, not whenever it looks empty)', () => {
    let builds = 0;
    const zero = z.once(() => {
      builds += 1;
      return 0;
    });
    assert.deepEqual([zero(), zero(), builds], [0, 0, 1]);
  });

  it('described puts the description and an enum into the JSON schema, while parsing still takes any string', () => {
    const model = z.described(z.string(), { description: 'The model.', enum: ['gpt-image-1', 'gpt-image-2'] });
    const json = z.toJSONSchema(z.object({ model })) as { properties: Record<string, unknown> };
    assert.deepEqual(json.properties['model'], { type: 'string', description: 'The model.', enum: ['gpt-image-1', 'gpt-image-2'] });
    // A custom model the catalog does not know is checked later, by the plan: the schema lets it through.
    assert.equal(z.object({ model }).safeParse({ model: 'my-custom-slug' }).success, true);
  });
});
