/**
 * One run of the pixel benchmark in its own process, with the sharp build named by argv[2] (the
 * native one of the development install, or the WebAssembly one as the .vsix ships it). Prints one
 * JSON line of figures.
 */
import type SharpModule from 'sharp';
import { provideSharp } from '../../src/pixels/sharp';
import { fitToSize } from '../../src/pixels/fitImage';
import { keepUnmaskedPixels } from '../../src/pixels/keepUnmasked';
import { drawPlaceholder } from '../../src/pixels/placeholder';
import { convertImage } from '../../src/pixels/convert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

async function main(): Promise<void> {
  const sharpPath = process.argv[2] ?? 'sharp';
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the build to measure is chosen at run time
  const sharp = require(sharpPath) as typeof SharpModule;
  provideSharp(sharp);
  const noise = async (width: number, height: number): Promise<Buffer> => {
    const raw = Buffer.alloc(width * height * 4);
    for (let i = 0; i < raw.length; i++) raw[i] = ((i * 2654435761) >>> 13) & 255;
    return sharp(raw, { raw: { width, height, channels: 4 } })
      .png()
      .toBuffer();
  };
  const time = async (work: () => Promise<unknown>, runs = 3): Promise<number> => {
    const all: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await work();
      all.push(performance.now() - started);
    }
    return [...all].sort((a, b) => a - b)[runs >> 1] ?? 0;
  };
  const font = new Uint8Array(readFileSync(join(__dirname, '..', '..', '..', 'node_modules', '@fontsource', 'inter', 'files', 'inter-latin-400-normal.woff')));
  const square = await noise(1024, 1024);
  const uhd = await noise(3840, 2160);
  const mask = await sharp({ create: { width: 1024, height: 1024, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 1 } } })
    .png()
    .toBuffer();
  // A render as a model returns it: 1536x1024, smooth like a photo (noise blurred), PNG.
  const render = await sharp(await noise(1536, 1024))
    .blur(4)
    .png()
    .toBuffer();
  /** One element shown at 500x333: its 1x, 2x and 3x files written from the one render, in one format; ms per file. */
  const densities = [1, 2, 3].map((n) => ({ width: 500 * n, height: 333 * n }));
  const perFile = async (format: 'png' | 'webp' | 'avif'): Promise<number> =>
    (await time(() => Promise.all(densities.map((size) => convertImage(render, format, size))).then(() => undefined))) / densities.length;
  const figures = {
    build: 'emscripten' in sharp.versions ? 'wasm32' : 'native',
    fit1024ms: await time(() => fitToSize(square, 'png', { width: 1200, height: 630, fit: 'cover' })),
    fit4kms: await time(() => fitToSize(uhd, 'png', { width: 1200, height: 630, fit: 'cover' })),
    keep1024ms: await time(() => keepUnmaskedPixels(square, 'png', square, mask)),
    // The font is parsed on the first draw and kept; the median of 3 is a warm draw, as every one after the first.
    placeholderMs: await time(() => drawPlaceholder({ width: 1200, height: 630, format: 'png', background: '#d4d8de', label: '1200 × 630' }, font)),
    setPngMs: await perFile('png'),
    setWebpMs: await perFile('webp'),
    setAvifMs: await perFile('avif'),
    placeholderAvifMs: await time(() => drawPlaceholder({ width: 1200, height: 630, format: 'avif', background: '#d4d8de', label: '1200 × 630' }, font)),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  console.log(JSON.stringify(figures));
}

void main();
