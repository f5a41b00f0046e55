/** The preview an agent is shown of a saved image (pixels/preview): at most 256 px on the long side, a PNG, never enlarged. */
import * as assert from 'node:assert/strict';
import sharp from 'sharp';
import { PREVIEW_MAX_SIDE, previewPng } from '../../../src/pixels/preview';
import { RED, pixel, rgba, solid } from './support/images';

describe('Previews for an agent (pixels/preview)', function () {
  it('shrinks a large image to 256 px on its long side, keeping its shape, as a PNG', async () => {
    const jpeg = await sharp(await solid(1536, 1024, RED))
      .jpeg()
      .toBuffer();
    const preview = await previewPng(jpeg);
    const meta = await sharp(preview).metadata();
    assert.equal(PREVIEW_MAX_SIDE, 256);
    assert.deepEqual([meta.format, meta.width, meta.height], ['png', 256, 171]);
    const [r, g, b] = pixel(await rgba(preview), 128, 85);
    assert.ok(r! > 200 && g! < 50 && b! < 50, `still red: ${r},${g},${b}`);
  });

  it('leaves a small image at its own size', async () => {
    const meta = await sharp(await previewPng(await solid(100, 40, RED))).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['png', 100, 40]);
  });
});
