import * as assert from 'node:assert/strict';
import { checkApiKey } from '../../../../src/domain/safety/apiKeyFormat';

describe('apiKeyFormat.checkApiKey', () => {
  it('accepts a Segmind-looking key, trimmed', () => {
    assert.deepEqual(checkApiKey('  SG_0123456789abcdef\n'), { ok: true, key: 'SG_0123456789abcdef', looksLikeSegmindKey: true });
    assert.deepEqual(checkApiKey('SG_ABCDEF12'), { ok: true, key: 'SG_ABCDEF12', looksLikeSegmindKey: true });
  });
  it('accepts an unusual key but says it does not look like one', () => {
    const result = checkApiKey('sk-live-abcdefgh1234');
    assert.ok(result.ok);
    assert.equal(result.ok && result.looksLikeSegmindKey, false);
    assert.equal(checkApiKey('SG_nothexzz').ok && (checkApiKey('SG_nothexzz') as { looksLikeSegmindKey: boolean }).looksLikeSegmindKey, false);
  });
  const refused: Array<[string, RegExp]> = [
    ['', /empty/],
    ['    ', /empty/],
    ['SG_0123 456789', /spaces/],
    ['SG_0123\n456789', /spaces/],
    ['SG_0123456789é', /characters/],
    ['SG_01\u0000234567', /characters/],
    ['SG_12', /short/],
    [`SG_${'a'.repeat(300)}`, /long/],
  ];
  for (const [input, reason] of refused) {
    it(`refuses ${JSON.stringify(input.slice(0, 20))}`, () => {
      const result = checkApiKey(input);
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.reason, reason);
    });
  }
  it('never puts the key into the reason', () => {
    const result = checkApiKey('SG_secret value');
    assert.ok(!result.ok && !result.reason.includes('secret'));
  });
});
