/** The mask copy-back after an edit (pixels/keepUnmasked): every protected pixel compared with the original. */
import * as assert from 'node:assert/strict';
import sharp from 'sharp';
import { keepUnmaskedPixels } from '../../../src/pixels/keepUnmasked';
import { pixel, rgba, solid } from './support/images';

describe('Keeping the pixels a mask protects (pixels/keepUnmasked)', function () {
  it('keeps every pixel the mask protects; only the transparent region takes the edit', async () => {
    const original = await solid(64, 64, { r: 10, g: 200, b: 30, alpha: 1 });
    const mask = await sharp(await solid(64, 64, { r: 0, g: 0, b: 0, alpha: 1 }))
      .composite([{ input: await solid(16, 16, { r: 0, g: 0, b: 0, alpha: 1 }), left: 8, top: 8, blend: 'dest-out' }])
      .png()
      .toBuffer(); // a transparent hole: the part to edit
    // The model answers at another size and repaints everything.
    const result = await solid(1024, 1024, { r: 0, g: 0, b: 255, alpha: 1 });
    const kept = await rgba(await keepUnmaskedPixels(result, 'png', original, mask));
    assert.deepEqual([kept.width, kept.height], [64, 64], 'scaled to the original');
    const before = await rgba(original);
    const maskPixels = await rgba(mask);
    let protectedCount = 0;
    for (let y = 0; y < 64; y++) {
      for (let x = 0; x < 64; x++) {
        if (pixel(maskPixels, x, y)[3] === 255) {
          protectedCount++;
          assert.deepEqual(pixel(kept, x, y), pixel(before, x, y), `protected pixel ${x},${y}`);
        } else {
          assert.deepEqual(pixel(kept, x, y), [0, 0, 255, 255], `edited pixel ${x},${y}`);
        }
      }
    }
    assert.equal(protectedCount, 64 * 64 - 16 * 16);
  });
});
