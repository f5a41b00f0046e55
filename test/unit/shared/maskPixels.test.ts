/** The Studio's mask as pixel arithmetic (shared/maskPixels): painted pixels become transparent, and the mask, encoded as a PNG, decodes as the host expects. */
import * as assert from 'node:assert/strict';
import sharp from 'sharp';
import { countPainted, maskFromPaint, toNaturalPoint } from '../../../src/shared/maskPixels';
import { looksLikePngDataUrl } from '../../../src/protocol/studioMessages';
import { readPixelSize, sniffImageFormat } from '../../../src/domain/images/imageFormat';

/** A paint layer as the canvas gives it: RGBA, painted pixels opaque magenta, the rest transparent. */
function paintLayer(width: number, height: number, painted: (x: number, y: number) => boolean): Uint8ClampedArray {
  const pixels = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!painted(x, y)) continue;
      pixels.set([255, 0, 255, 255], (y * width + x) * 4);
    }
  }
  return pixels;
}

describe('Studio mask (pure pixels)', () => {
  it('painted pixels become transparent, unpainted ones opaque', () => {
    const paint = paintLayer(4, 2, (x) => x < 2);
    const mask = maskFromPaint(paint, 4, 2);
    assert.equal(mask.length, 32);
    const alphas = Array.from({ length: 8 }, (_, i) => mask[i * 4 + 3]);
    assert.deepEqual(alphas, [0, 0, 255, 255, 0, 0, 255, 255]);
  });

  it('anti-aliased edges (partly opaque paint) count as painted', () => {
    const paint = new Uint8ClampedArray([0, 0, 0, 1, 0, 0, 0, 0]);
    assert.deepEqual(Array.from(maskFromPaint(paint, 2, 1)), [0, 0, 0, 0, 0, 0, 0, 255]);
    assert.equal(countPainted(paint), 1);
  });

  it('refuses a buffer of the wrong size or a bad size', () => {
    assert.throws(() => maskFromPaint(new Uint8ClampedArray(12), 2, 2), /needs 16/);
    assert.throws(() => maskFromPaint(new Uint8ClampedArray(0), 0, 0), /positive/);
  });

  it('maps a pointer on the scaled image to the natural pixel', () => {
    assert.deepEqual(toNaturalPoint({ x: 150, y: 75 }, { left: 100, top: 50, width: 200, height: 100 }, { width: 1024, height: 512 }), { x: 256, y: 128 });
  });

  it('encoded as PNG it decodes at the natural size, transparent exactly where painted, and passes the host checks', async () => {
    const width = 64,
      height = 48;
    const painted = (x: number, y: number): boolean => (x - 20) ** 2 + (y - 20) ** 2 < 100;
    const mask = maskFromPaint(paintLayer(width, height, painted), width, height);
    const png = await sharp(Buffer.from(mask.buffer), { raw: { width, height, channels: 4 } })
      .png()
      .toBuffer();
    assert.equal(sniffImageFormat(png), 'png');
    assert.deepEqual(readPixelSize(png), { width, height });
    assert.ok(looksLikePngDataUrl(`data:image/png;base64,${png.toString('base64')}`));

    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    assert.deepEqual([info.width, info.height, info.channels], [width, height, 4]);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        assert.equal(data[(y * width + x) * 4 + 3], painted(x, y) ? 0 : 255, `alpha at ${x},${y}`);
      }
    }
  });
});
