/**
 * The image library, loaded on first use: sharp (libvips) in its WebAssembly build, one package for
 * every platform (README, "Images"). Loading it compiles the WebAssembly module, so it is never done
 * at activation or when the services start: only when pixels are first needed.
 */
import type SharpModule from 'sharp';

export type Sharp = typeof SharpModule;

let loading: Promise<Sharp> | undefined;

/** Uses this build of sharp instead of the one next to the extension (the benchmark compares builds with it). */
export function provideSharp(sharp: Sharp): void {
  loading = Promise.resolve(sharp);
}

export function loadSharp(): Promise<Sharp> {
  loading ??= import('sharp').then((module) => (module as { default?: Sharp }).default ?? (module as unknown as Sharp));
  return loading;
}

/** Encodes in the format the image came in (the file's extension follows its bytes), or the one its path names (AVIF, GIF). */
export function encodeAs(image: SharpModule.Sharp, format: 'png' | 'jpeg' | 'webp' | 'avif' | 'gif', quality?: number): SharpModule.Sharp {
  const q = quality === undefined ? {} : { quality: Math.min(100, Math.max(1, quality)) };
  switch (format) {
    case 'png':
      return image.png();
    case 'jpeg':
      return image.flatten({ background: '#ffffff' }).jpeg(q);
    case 'webp':
      return image.webp(q);
    case 'avif':
      // effort 1 of 9 (default 4): the shipped WebAssembly build writes a file of a set about 3 times
      // faster than at effort 2 (npm run bench). On a screenshot with text, 0.7 dB PSNR below effort 2
      // at about the same size (effort 0: 3 dB below and 20 % larger); effort 4 took 15 times as long.
      return image.avif({ ...q, effort: 1 });
    case 'gif':
      return image.gif();
  }
}
