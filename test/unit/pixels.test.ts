/** The pixel work, on real image bytes decoded pixel by pixel (sharp in node, as the extension uses it). */
import * as assert from 'node:assert/strict';
import sharp from 'sharp';
import { fitToSize } from '../../src/pixels/fitImage';
import { readIcoDirectory } from '../../src/pixels/ico';
import { ICON_SET_FILES, renderIconSet } from '../../src/pixels/iconSet';
import { keepUnmaskedPixels } from '../../src/pixels/keepUnmasked';
import { hasRealTransparency } from '../../src/pixels/transparency';

const solid = (width: number, height: number, colour: { r: number; g: number; b: number; alpha: number }): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 4, background: colour } })
    .png()
    .toBuffer();

async function rgba(bytes: Uint8Array): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function pixel(image: { data: Buffer; width: number }, x: number, y: number): number[] {
  const at = (y * image.width + x) * 4;
  return [...image.data.subarray(at, at + 4)];
}

describe('Pixels (sharp)', function () {
  this.timeout(20_000);
  const red = { r: 220, g: 20, b: 20, alpha: 1 };

  it('fits to exactly the asked size: cover crops, contain pads transparent (white for jpeg), fill stretches', async () => {
    const source = await solid(1536, 1024, red);
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

  it('tells real transparency from opaque pixels', async () => {
    assert.equal(await hasRealTransparency(await solid(64, 64, { r: 0, g: 0, b: 0, alpha: 0 })), true);
    assert.equal(await hasRealTransparency(await solid(64, 64, red)), false, 'an alpha channel, but opaque everywhere');
    assert.equal(
      await hasRealTransparency(
        await sharp(await solid(64, 64, red))
          .jpeg()
          .toBuffer(),
      ),
      false,
      'no alpha channel',
    );
  });

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

  it('renders an icon set: the sizes, a favicon.ico with 16/32/48, a manifest naming the android icons', async () => {
    const wide = await solid(300, 100, red);
    const files = await renderIconSet(wide, 'Demo');
    assert.deepEqual(
      files.map((file) => file.name),
      [...ICON_SET_FILES],
    );
    const sizes: Record<string, number> = {
      'favicon-16x16.png': 16,
      'favicon-32x32.png': 32,
      'apple-touch-icon.png': 180,
      'android-chrome-192x192.png': 192,
      'android-chrome-512x512.png': 512,
    };
    for (const file of files.filter((candidate) => candidate.name.endsWith('.png'))) {
      const image = await rgba(file.bytes);
      assert.deepEqual([image.width, image.height], [sizes[file.name], sizes[file.name]], file.name);
      assert.equal(pixel(image, 0, 0)[3], 0, `${file.name}: a wide image sits whole on a transparent square`);
    }
    const ico = files.find((file) => file.name === 'favicon.ico')?.bytes ?? new Uint8Array();
    const directory = readIcoDirectory(ico);
    assert.deepEqual(
      directory.map((entry) => entry.size),
      [16, 32, 48],
    );
    for (const entry of directory) {
      const meta = await sharp(ico.subarray(entry.offset, entry.offset + entry.length)).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ['png', entry.size, entry.size]);
    }
    const manifest = JSON.parse(new TextDecoder().decode(files.find((file) => file.name === 'site.webmanifest')?.bytes)) as {
      icons: { src: string; sizes: string }[];
    };
    assert.deepEqual(
      manifest.icons.map((icon) => [icon.src, icon.sizes]),
      [
        ['/android-chrome-192x192.png', '192x192'],
        ['/android-chrome-512x512.png', '512x512'],
      ],
    );
  });
});
