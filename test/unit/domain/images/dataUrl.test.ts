import * as assert from 'node:assert/strict';
import sharp from 'sharp';
import { dataUrlLength, fromDataUrl, toDataUrl } from '../../../../src/domain/images/dataUrl';

describe('dataUrl', function () {
  it('encodes PNG, JPEG and WebP with the MIME type of the format and round-trips the bytes', async () => {
    const base = sharp({ create: { width: 7, height: 5, channels: 3, background: '#36a' } });
    const cases = [
      { format: 'png', mime: 'image/png', bytes: await base.clone().png().toBuffer() },
      { format: 'jpeg', mime: 'image/jpeg', bytes: await base.clone().jpeg().toBuffer() },
      { format: 'webp', mime: 'image/webp', bytes: await base.clone().webp().toBuffer() },
    ] as const;
    for (const c of cases) {
      const url = toDataUrl(new Uint8Array(c.bytes), c.format);
      assert.ok(url.startsWith(`data:${c.mime};base64,`), url.slice(0, 40));
      assert.equal(url.slice(url.indexOf(',') + 1), c.bytes.toString('base64'));
      assert.equal(url.length, dataUrlLength(c.bytes.length, c.format));
      const back = fromDataUrl(url);
      assert.ok(back);
      assert.equal(back.format, c.format);
      assert.deepEqual(Buffer.from(back.bytes), c.bytes);
    }
  });

  it('encodes only the viewed bytes of a Uint8Array that is a window on a larger buffer', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const padded = new Uint8Array(32);
    padded.set(png, 10);
    const view = padded.subarray(10, 10 + png.length);
    assert.equal(toDataUrl(view, 'png'), `data:image/png;base64,${Buffer.from(png).toString('base64')}`);
  });

  it('data URL lengths grow by 4 characters per 3 bytes, rounded up', () => {
    const prefix = 'data:image/png;base64,'.length;
    assert.equal(dataUrlLength(0, 'png'), prefix);
    assert.equal(dataUrlLength(1, 'png'), prefix + 4);
    assert.equal(dataUrlLength(3, 'png'), prefix + 4);
    assert.equal(dataUrlLength(4, 'png'), prefix + 8);
  });

  it('fromDataUrl refuses what is not a data URL of the type it claims', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).toString('base64');
    assert.equal(fromDataUrl(`data:image/jpeg;base64,${png}`), undefined, 'type does not match the bytes');
    assert.equal(fromDataUrl(`data:image/gif;base64,${png}`), undefined);
    assert.equal(fromDataUrl(`data:image/png,${png}`), undefined, 'not base64');
    assert.equal(fromDataUrl(`data:text/plain;base64,${Buffer.from('hello').toString('base64')}`), undefined);
    assert.equal(fromDataUrl('https://images.segmind.com/a.png'), undefined);
  });
});
