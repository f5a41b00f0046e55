/** The Studio's history search as the webview runs it while you type (shared/promptHistory): every word, any case, prompt or model. */
import * as assert from 'node:assert/strict';
import { filterHistory } from '../../../src/shared/promptHistory';

const entry = (prompt: string, model = 'gpt-image-1'): { prompt: string; model: string; at: string } => ({ prompt, model, at: '2026-01-01T00:00:00.000Z' });

describe('Searching the prompt history (shared/promptHistory)', () => {
  it('filters by every word, case-insensitively, prompt or model', () => {
    const entries = [entry('A red Fox in snow'), entry('a blue whale', 'gpt-image-2'), entry('red panda')];
    assert.deepEqual(
      filterHistory(entries, 'red').map((e) => e.prompt),
      ['A red Fox in snow', 'red panda'],
    );
    assert.deepEqual(
      filterHistory(entries, 'fox RED').map((e) => e.prompt),
      ['A red Fox in snow'],
    );
    assert.deepEqual(
      filterHistory(entries, 'gpt-image-2').map((e) => e.prompt),
      ['a blue whale'],
    );
    assert.equal(filterHistory(entries, '  ').length, 3);
  });

  it('matches one word in the prompt and another in the model, keeps the order, and never hands back the list it was given', () => {
    const entries = [entry('a whale'), entry('a blue whale', 'gpt-image-2'), entry('whale song', 'gpt-image-2')];
    assert.deepEqual(
      filterHistory(entries, 'WHALE image-2').map((e) => e.prompt),
      ['a blue whale', 'whale song'],
    );
    assert.deepEqual(
      filterHistory(entries, 'whale\tsong\n').map((e) => e.prompt),
      ['whale song'],
      'tabs and new lines part words too',
    );
    assert.deepEqual(filterHistory(entries, 'orca'), []);
    const all = filterHistory(entries, '');
    assert.deepEqual(all, entries);
    assert.notEqual(all, entries, 'a copy: the caller may sort or cut it');
  });
});
