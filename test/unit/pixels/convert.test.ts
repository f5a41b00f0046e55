/**
 * Files written in a format no model makes, and each file of a set made from one render
 * (pixels/convert): AVIF, WebP, GIF and ICO decoded to check their format, pixel size and crop.
 */
import * as assert from 'node:assert/strict';
import sharp from 'sharp';
import { convertImage } from '../../../src/pixels/convert';
import { icoEntries } from './support/images';

describe('Converting a render to the format and size of each file (pixels/convert)', function () {
  it('a render converted: each file fitted (cover) to its own size in its own format', async () => {
    // A 1536x1024 render: left half red, right half blue.
    const render = await sharp({ create: { width: 1536, height: 1024, channels: 3, background: '#ff0000' } })
      .composite([{ input: { create: { width: 768, height: 1024, channels: 3, background: '#0000ff' } }, left: 768, top: 0 }])
      .png()
      .toBuffer();
    const made = await Promise.all([
      convertImage(render, 'avif', { width: 600, height: 300 }),
      convertImage(render, 'webp', { width: 1200, height: 600 }),
      convertImage(render, 'gif', { width: 64, height: 64 }),
      convertImage(render, 'ico', undefined),
    ]);
    const metas = await Promise.all(made.slice(0, 3).map((file) => sharp(file.bytes).metadata()));
    assert.deepEqual(
      metas.map((meta) => `${meta.format}:${meta.width}x${meta.height}`),
      ['heif:600x300', 'webp:1200x600', 'gif:64x64'],
    );
    assert.deepEqual(
      made.map((file) => `${file.pixelSize.width}x${file.pixelSize.height}`),
      ['600x300', '1200x600', '64x64', '48x48'],
    );
    assert.deepEqual(await icoEntries(made[3].bytes), ['16:png:16x16', '32:png:32x32', '48:png:48x48']);
    // cover keeps the centre: the left quarter of the 2:1 crop is red, the right quarter blue.
    const { data, info } = await sharp(made[1].bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number): number[] => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
    assert.ok(at(100, 300)[0]! > 200 && at(100, 300)[2]! < 50, `left is red: ${at(100, 300).join(',')}`);
    assert.ok(at(1100, 300)[2]! > 200 && at(1100, 300)[0]! < 50, `right is blue: ${at(1100, 300).join(',')}`);
  });

  it('without a size, the image keeps its own; an icon asked as a small square holds only that size', async () => {
    // No size asked: nothing is fitted, so the size reported and written is the 40x20 of the PNG.
    const png = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#00ff00' } })
      .png()
      .toBuffer();
    const webp = await convertImage(png, 'webp');
    assert.deepEqual(webp.pixelSize, { width: 40, height: 20 });
    const meta = await sharp(webp.bytes).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['webp', 40, 20]);
    const icon = await convertImage(png, 'ico', { width: 128, height: 128 });
    assert.deepEqual(icon.pixelSize, { width: 128, height: 128 });
    assert.deepEqual(await icoEntries(icon.bytes), ['128:png:128x128']);
  });
});
