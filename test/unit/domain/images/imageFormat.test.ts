/**
 * Image formats (domain/images/imageFormat): extensions and MIME types, a format told by its bytes,
 * a pixel size read from a header, and the formats no model makes (AVIF, GIF, ICO), named by extension.
 */
import * as assert from 'node:assert/strict';
import sharp from 'sharp';
import { FILE_EXTENSIONS, fileFormatOfExtension, icoSizesFor, MIME_TYPES, readPixelSize, sniffImageFormat } from '../../../../src/domain/images/imageFormat';

function make(width: number, height: number, alpha = false): sharp.Sharp {
  return sharp({ create: { width, height, channels: alpha ? 4 : 3, background: alpha ? { r: 10, g: 200, b: 30, alpha: 0.5 } : '#3a6' } });
}

describe('imageFormat', function () {
  it('maps formats to extensions and MIME types', () => {
    assert.deepEqual(FILE_EXTENSIONS, { png: 'png', jpeg: 'jpg', webp: 'webp', avif: 'avif', gif: 'gif', ico: 'ico' });
    assert.deepEqual(MIME_TYPES, { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' });
  });

  describe('real images made by sharp', () => {
    const cases: Array<{ name: string; format: 'png' | 'jpeg' | 'webp'; w: number; h: number; build: () => Promise<Buffer> }> = [
      { name: 'PNG', format: 'png', w: 37, h: 19, build: () => make(37, 19).png().toBuffer() },
      { name: 'PNG with alpha', format: 'png', w: 1536, h: 1024, build: () => make(1536, 1024, true).png().toBuffer() },
      { name: 'baseline JPEG', format: 'jpeg', w: 300, h: 201, build: () => make(300, 201).jpeg().toBuffer() },
      { name: 'progressive JPEG', format: 'jpeg', w: 64, h: 1000, build: () => make(64, 1000).jpeg({ progressive: true }).toBuffer() },
      {
        name: 'JPEG with EXIF',
        format: 'jpeg',
        w: 120,
        h: 80,
        build: () =>
          make(120, 80)
            .jpeg()
            .withExif({ IFD0: { Copyright: 'test' } })
            .toBuffer(),
      },
      { name: 'lossy WebP (VP8)', format: 'webp', w: 321, h: 123, build: () => make(321, 123).webp({ quality: 80 }).toBuffer() },
      { name: 'lossless WebP (VP8L)', format: 'webp', w: 999, h: 3, build: () => make(999, 3).webp({ lossless: true }).toBuffer() },
      { name: 'WebP with alpha (VP8X)', format: 'webp', w: 2048, h: 1152, build: () => make(2048, 1152, true).webp().toBuffer() },
    ];
    for (const c of cases) {
      it(`${c.name}: format and ${c.w}x${c.h}`, async () => {
        const bytes = new Uint8Array(await c.build());
        assert.equal(sniffImageFormat(bytes), c.format);
        assert.deepEqual(readPixelSize(bytes), { width: c.w, height: c.h });
      });
    }
  });

  it('recognises the magic numbers alone', () => {
    assert.equal(sniffImageFormat(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'png');
    assert.equal(sniffImageFormat(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0])), 'jpeg');
    assert.equal(sniffImageFormat(new Uint8Array(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))), 'webp');
  });

  it('refuses what is not PNG, JPEG or WebP', () => {
    for (const text of ['', 'GIF89a......', '<html>hello</html>', '{"error":"x"}', 'RIFF\0\0\0\0WAVEfmt ', '\x89PNG']) {
      const bytes = new Uint8Array(Buffer.from(text, 'latin1'));
      assert.equal(sniffImageFormat(bytes), undefined, JSON.stringify(text));
      assert.equal(readPixelSize(bytes), undefined);
    }
  });

  it('gives no size for a truncated header rather than garbage', async () => {
    const png = await make(10, 10).png().toBuffer();
    assert.equal(readPixelSize(new Uint8Array(png.subarray(0, 20))), undefined);
    const jpeg = await make(10, 10).jpeg().toBuffer();
    assert.equal(readPixelSize(new Uint8Array(jpeg.subarray(0, 12))), undefined);
    const webp = await make(10, 10).webp().toBuffer();
    assert.equal(readPixelSize(new Uint8Array(webp.subarray(0, 16))), undefined);
  });

  describe('formats no model makes', () => {
    it('are named by their extension', () => {
      assert.deepEqual(['avif', 'GIF', '.ico', 'jpg', 'svg'].map(fileFormatOfExtension), ['avif', 'gif', 'ico', 'jpeg', undefined]);
      assert.deepEqual(icoSizesFor(undefined), [16, 32, 48]);
      assert.deepEqual(icoSizesFor({ width: 180, height: 180 }), [180]);
      assert.deepEqual(icoSizesFor({ width: 512, height: 512 }), [16, 32, 48]);
      assert.deepEqual(icoSizesFor({ width: 64, height: 32 }), [16, 32, 48]);
    });
  });
});
