/** The image rules the host and the Studio webview both apply (shared/imageRules): exact sizes read from "WxH", and which formats keep alpha or take compression. */
import * as assert from 'node:assert/strict';
import { keepsTransparency, MAX_SIDE, MIN_SIDE, readSize, usesCompression } from '../../../src/shared/imageRules';

describe('Image rules shared with the webview (shared/imageRules)', () => {
  it('reads "WxH" in the spellings people type: x, X or ×, spaces around', () => {
    assert.deepEqual(readSize('1200x630'), { width: 1200, height: 630 });
    assert.deepEqual(readSize(' 1200 × 630 '), { width: 1200, height: 630 });
    assert.deepEqual(readSize('64X32'), { width: 64, height: 32 });
  });

  it('takes whole sides from 1 to 4096 only, and nothing that is not a size', () => {
    assert.deepEqual([MIN_SIDE, MAX_SIDE], [1, 4096]);
    assert.deepEqual(readSize('1x4096'), { width: 1, height: 4096 }, 'both bounds are allowed');
    for (const value of [
      '0x10',
      '10x0',
      '4097x10',
      '10x4097',
      '99999x1',
      '12.5x10',
      '-5x10',
      '1200x',
      'x630',
      '1200*630',
      '1200x630px',
      '',
      1200,
      undefined,
      null,
      { width: 1, height: 1 },
    ]) {
      assert.equal(readSize(value), undefined, JSON.stringify(value));
    }
  });

  it('jpeg alone has no transparency; png alone takes no compression', () => {
    assert.deepEqual(['png', 'jpeg', 'webp'].map(keepsTransparency), [true, false, true]);
    assert.deepEqual(['png', 'jpeg', 'webp'].map(usesCompression), [false, true, true]);
  });
});
