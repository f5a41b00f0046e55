/**
 * The .ico container (pixels/ico): PNGs packed into an icon directory and read back, byte by byte,
 * with the one oddity of the format (a side of 256 is written as 0) and the sizes it cannot hold.
 */
import * as assert from 'node:assert/strict';
import sharp from 'sharp';
import { encodeIco, readIcoDirectory } from '../../../src/pixels/ico';
import { RED, solid } from './support/images';

describe('The .ico container (pixels/ico)', function () {
  it('packs each PNG whole behind a directory that names its size, length and offset', async () => {
    const pngs = await Promise.all([16, 32, 256].map((side) => solid(side, side, RED)));
    const ico = encodeIco(pngs.map((png, index) => ({ size: [16, 32, 256][index]!, png })));
    const view = new DataView(ico.buffer, ico.byteOffset, ico.byteLength);
    assert.deepEqual([view.getUint16(0, true), view.getUint16(2, true), view.getUint16(4, true)], [0, 1, 3], 'reserved, type icon, three images');
    assert.equal(ico[6 + 2 * 16], 0, 'a side of 256 is written as 0');
    const directory = readIcoDirectory(ico);
    assert.deepEqual(
      directory.map((entry) => entry.size),
      [16, 32, 256],
    );
    // The images follow the 6-byte header and three 16-byte entries, one after another.
    assert.equal(directory[0]!.offset, 6 + 3 * 16);
    assert.equal(ico.length, 6 + 3 * 16 + pngs.reduce((sum, png) => sum + png.length, 0));
    for (const [index, entry] of directory.entries()) {
      assert.equal(entry.length, pngs[index]!.length);
      assert.deepEqual(Buffer.from(ico.subarray(entry.offset, entry.offset + entry.length)), pngs[index], `image ${index} is the PNG given`);
    }
    const meta = await sharp(ico.subarray(directory[2]!.offset, directory[2]!.offset + directory[2]!.length)).metadata();
    assert.deepEqual([meta.format, meta.width], ['png', 256]);
  });

  it('refuses a side the format cannot hold, and bytes that are not an icon', async () => {
    const png = await solid(1, 1, RED);
    assert.throws(() => encodeIco([{ size: 257, png }]), /1 to 256 pixels, not 257/);
    assert.throws(() => encodeIco([{ size: 0, png }]), /not 0/);
    assert.throws(() => encodeIco([{ size: 16.5, png }]), /not 16.5/);
    assert.throws(() => readIcoDirectory(png), /not an \.ico file/);
    assert.throws(() => readIcoDirectory(new Uint8Array([0, 0, 1])), /not an \.ico file/, 'shorter than the header');
    assert.deepEqual(readIcoDirectory(encodeIco([])), [], 'an empty icon is still an icon');
  });
});
