/**
 * The Studio's prompt history in the workspace's state (studio/promptHistory): newest first, one
 * entry per prompt and model, capped, and whatever else is found in the store ignored.
 */
import * as assert from 'node:assert/strict';
import { MODELS, type ModelSlug } from '../../../src/domain/generation/catalog';
import { addToHistory, HISTORY_KEY, MAX_HISTORY, PromptHistory, type HistoryStore } from '../../../src/studio/promptHistory';
import type { StudioSettings } from '../../../src/protocol/studioProtocol';

const settings = (prompt: string, model: StudioSettings['model'] = 'gpt-image-1'): StudioSettings => ({
  prompt,
  model,
  parameters: { ...MODELS[model as ModelSlug].defaults },
  variants: 1,
});

/** A memento in memory, holding what it is given, as `context.workspaceState` would. */
function memoryStore(data: Map<string, unknown>): HistoryStore {
  return {
    get: <T>(key: string) => data.get(key) as T | undefined,
    update: (key, value) => {
      data.set(key, value);
      return Promise.resolve();
    },
  };
}

describe('Studio prompt history (studio/promptHistory)', () => {
  it('puts the newest first, once per prompt and model, capped', () => {
    let entries = addToHistory([], settings('a fox'), new Date(1_000));
    entries = addToHistory(entries, settings('a cat'), new Date(2_000));
    entries = addToHistory(entries, settings('a fox'), new Date(3_000));
    entries = addToHistory(entries, settings('a fox', 'gpt-image-2'), new Date(4_000));
    assert.deepEqual(
      entries.map((entry) => `${entry.prompt}/${entry.model}`),
      ['a fox/gpt-image-2', 'a fox/gpt-image-1', 'a cat/gpt-image-1'],
    );
    let many = entries;
    for (let i = 0; i < MAX_HISTORY + 10; i++) many = addToHistory(many, settings(`prompt ${i}`), new Date(i));
    assert.equal(many.length, MAX_HISTORY);
    assert.equal(many[0]?.prompt, `prompt ${MAX_HISTORY + 9}`);
  });

  it('stores in the memento and ignores junk found there', async () => {
    const data = new Map<string, unknown>([[HISTORY_KEY, [{ nonsense: true }, 42]]]);
    const history = new PromptHistory(memoryStore(data));
    assert.deepEqual(history.entries(), []);
    await history.add(settings('a fox'), new Date('2026-11-22T03:00:00Z'));
    assert.deepEqual(
      history.entries().map((entry) => [entry.prompt, entry.at]),
      [['a fox', '2026-11-22T03:00:00.000Z']],
    );
  });

  it('keeps the good entries among bad ones, and an entry is a copy the form cannot change afterwards', async () => {
    const good = { ...settings('a heron'), at: '2026-01-02T00:00:00.000Z' };
    const data = new Map<string, unknown>([[HISTORY_KEY, [good, { ...good, variants: '1' }, { ...good, parameters: null }, null]]]);
    const history = new PromptHistory(memoryStore(data));
    assert.deepEqual(
      history.entries().map((entry) => entry.prompt),
      ['a heron'],
    );
    const form = { ...settings('a crane'), parameters: { ...MODELS['gpt-image-1'].defaults } };
    const next = await history.add(form, new Date('2026-01-03T00:00:00Z'));
    assert.deepEqual(data.get(HISTORY_KEY), next, 'what add returns is what it stored');
    (form.parameters as { quality: string }).quality = 'low';
    assert.equal(next[0]?.parameters.quality, 'auto', 'the stored parameters are not the form’s object');
    assert.equal(new PromptHistory(memoryStore(new Map([[HISTORY_KEY, 'not a list']]))).entries().length, 0);
  });
});
