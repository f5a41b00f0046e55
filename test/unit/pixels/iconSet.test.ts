/** A web icon set from one image (pixels/iconSet): every file decoded, its size, its transparent margin, the manifest. */
import * as assert from 'node:assert/strict';
import sharp from 'sharp';
import { readIcoDirectory } from '../../../src/pixels/ico';
import { ICON_SET_FILES, renderIconSet } from '../../../src/pixels/iconSet';
import { RED, pixel, rgba, solid } from './support/images';

describe('Icon sets (pixels/iconSet)', function () {
  it('renders an icon set: the sizes, a favicon.ico with 16/32/48, a manifest naming the android icons', async () => {
    const wide = await solid(300, 100, RED);
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
