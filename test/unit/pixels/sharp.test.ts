/**
 * The image library loaded on first use (pixels/sharp): loaded once, replaceable by another build,
 * and each format encoded as the rest of pixels/ relies on (jpeg flattened on white, quality bounded).
 */
import * as assert from 'node:assert/strict';
import sharp from 'sharp';
import { encodeAs, loadSharp, provideSharp } from '../../../src/pixels/sharp';
import { pixel, rgba, solid } from './support/images';

describe('Loading sharp and encoding with it (pixels/sharp)', function () {
  it('loads the library once and uses the build provided instead', async () => {
    const first = loadSharp();
    assert.equal(loadSharp(), first, 'a second call waits on the same load');
    assert.equal(typeof (await first), 'function', 'the module default: sharp(bytes)');
    provideSharp(sharp);
    assert.equal(await loadSharp(), sharp);
  });

  it('encodes each format the files are written in; jpeg, which has no alpha, on white', async () => {
    const clear = await solid(8, 8, { r: 0, g: 0, b: 0, alpha: 0 });
    const formats = ['png', 'jpeg', 'webp', 'avif', 'gif'] as const;
    const written = await Promise.all(formats.map((format) => encodeAs(sharp(clear), format).toBuffer()));
    assert.deepEqual(await Promise.all(written.map(async (bytes) => (await sharp(bytes).metadata()).format)), ['png', 'jpeg', 'webp', 'heif', 'gif']);
    const [r, g, b] = pixel(await rgba(written[1]!), 4, 4);
    assert.ok(r! > 245 && g! > 245 && b! > 245, `transparent pixels turn white, not black: ${r},${g},${b}`);
  });

  it('holds a quality asked outside 1–100 to the nearest bound rather than failing', async () => {
    const image = await solid(8, 8, { r: 10, g: 120, b: 200, alpha: 1 });
    // sharp itself throws on quality 0 or 500: the bound is what keeps a setting's typo from failing a save.
    assert.throws(() => sharp(image).jpeg({ quality: 500 }));
    for (const quality of [0, 500]) {
      const meta = await sharp(await encodeAs(sharp(image), 'jpeg', quality).toBuffer()).metadata();
      assert.equal(meta.format, 'jpeg', `quality ${quality}`);
    }
  });
});
