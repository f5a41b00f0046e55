/** Whether an image is really transparent (pixels/transparency): decided from its decoded alpha, not its format. */
import * as assert from 'node:assert/strict';
import sharp from 'sharp';
import { hasRealTransparency } from '../../../src/pixels/transparency';
import { RED, solid } from './support/images';

describe('Real transparency (pixels/transparency)', function () {
  it('tells real transparency from opaque pixels', async () => {
    assert.equal(await hasRealTransparency(await solid(64, 64, { r: 0, g: 0, b: 0, alpha: 0 })), true);
    assert.equal(await hasRealTransparency(await solid(64, 64, RED)), false, 'an alpha channel, but opaque everywhere');
    assert.equal(
      await hasRealTransparency(
        await sharp(await solid(64, 64, RED))
          .jpeg()
          .toBuffer(),
      ),
      false,
      'no alpha channel',
    );
  });
});
