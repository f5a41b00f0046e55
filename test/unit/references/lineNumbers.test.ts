/** Line numbers of offsets, for text no editor holds (the parser worker counts them for a scan). */
import * as assert from 'node:assert/strict';
import { linesAt } from '../../../src/references/lineNumbers';

describe('Line numbers of offsets (references/lineNumbers)', () => {
  it('gives the 0-based line of each offset, in the order asked, as an editor would', () => {
    const text = 'first\nsecond\n\nfourth';
    assert.deepEqual(linesAt(text, [0, 5, 6, 12, 13, 14, 19]), [0, 0, 1, 1, 2, 3, 3]);
    assert.deepEqual(linesAt(text, [14, 0]), [3, 0]);
  });

  it('counts \\r\\n lines once and asks nothing of text without offsets', () => {
    assert.deepEqual(linesAt('a\r\nb\r\nc', [0, 3, 6]), [0, 1, 2]);
    assert.deepEqual(linesAt('a\nb', []), []);
  });
});
