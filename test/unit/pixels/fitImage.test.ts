/** An image fitted to an exact size (pixels/fitImage): the size, the padding and the format, decoded pixel by pixel. */
import * as assert from 'node:assert/strict';
import sharp from 'sharp';
import { fitToSize } from '../../../src/pixels/fitImage';
import { RED, pixel, rgba, solid } from './support/images';

describe('Fitting an image to an exact size (pixels/fitImage)', function () {
  it('fits to exactly the asked size: cover crops, contain pads transparent (white for jpeg), fill stretches', async () => {
    const source = await solid(1536, 1024, RED);
    for (const fit of ['cover', 'contain', 'fill'] as const) {
      const { bytes, native } = await fitToSize(source, 'png', { width: 1200, height: 630, fit });
      const meta = await sharp(bytes).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ['png', 1200, 630], fit);
      assert.deepEqual(native, { width: 1536, height: 1024 });
    }
    const padded = await rgba((await fitToSize(source, 'png', { width: 1200, height: 630, fit: 'contain' })).bytes);
    assert.equal(pixel(padded, 10, 300)[3], 0, 'contain pads with transparent pixels');
    assert.deepEqual(pixel(padded, 600, 300), [220, 20, 20, 255], 'the image is in the middle');
    const jpeg = await rgba((await fitToSize(await sharp(source).jpeg().toBuffer(), 'jpeg', { width: 1200, height: 630, fit: 'contain' })).bytes);
    assert.ok(
      pixel(jpeg, 10, 300)
        .slice(0, 3)
        .every((channel) => channel > 245),
      'jpeg pads white',
    );
    const webp = await fitToSize(await sharp(source).webp().toBuffer(), 'webp', { width: 16, height: 16, fit: 'cover' });
    assert.equal((await sharp(webp.bytes).metadata()).format, 'webp', 'the format is kept');
  });
});
