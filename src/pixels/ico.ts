/**
 * The `.ico` container: a directory of PNG images (the PNG form every browser and Windows since
 * Vista reads). Pure byte packing of already-encoded PNGs: there is no image processing here, and
 * no image library writes ICO, so these few lines do it.
 */
export interface IcoEntry {
  /** Width and height in pixels (1–256). */
  readonly size: number;
  readonly png: Uint8Array;
}

const HEADER = 6;
const DIRECTORY_ENTRY = 16;

export function encodeIco(entries: readonly IcoEntry[]): Uint8Array {
  const total = HEADER + DIRECTORY_ENTRY * entries.length + entries.reduce((sum, entry) => sum + entry.png.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0, true); // reserved
  view.setUint16(2, 1, true); // type: icon
  view.setUint16(4, entries.length, true);
  let offset = HEADER + DIRECTORY_ENTRY * entries.length;
  entries.forEach((entry, index) => {
    if (!Number.isInteger(entry.size) || entry.size < 1 || entry.size > 256) throw new RangeError(`An icon is 1 to 256 pixels, not ${entry.size}.`);
    const at = HEADER + DIRECTORY_ENTRY * index;
    view.setUint8(at, entry.size === 256 ? 0 : entry.size); // 0 means 256
    view.setUint8(at + 1, entry.size === 256 ? 0 : entry.size);
    view.setUint8(at + 2, 0); // no palette
    view.setUint8(at + 3, 0); // reserved
    view.setUint16(at + 4, 1, true); // colour planes
    view.setUint16(at + 6, 32, true); // bits per pixel
    view.setUint32(at + 8, entry.png.length, true);
    view.setUint32(at + 12, offset, true);
    out.set(entry.png, offset);
    offset += entry.png.length;
  });
  return out;
}

/** The directory of an `.ico` file: each entry's size and where its image is (for tests and checks). */
export function readIcoDirectory(bytes: Uint8Array): { size: number; length: number; offset: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < HEADER || view.getUint16(0, true) !== 0 || view.getUint16(2, true) !== 1) throw new Error('not an .ico file');
  return Array.from({ length: view.getUint16(4, true) }, (_, index) => {
    const at = HEADER + DIRECTORY_ENTRY * index;
    return { size: view.getUint8(at) || 256, length: view.getUint32(at + 8, true), offset: view.getUint32(at + 12, true) };
  });
}
