/**
 * The Studio's mask, as plain pixel arithmetic shared by the webview (which paints it) and the unit
 * tests (which check it in node). The model edits where the mask is transparent, so a painted pixel
 * becomes alpha 0 and every other pixel opaque. No DOM and no dependencies.
 */

/** A pixel of the paint layer counts as painted when it is at least this opaque (anti-aliased edges included). */
export const PAINTED_ALPHA_THRESHOLD = 1;

/**
 * RGBA pixels of the mask from RGBA pixels of the paint layer (same size): painted → (0,0,0,0),
 * unpainted → (0,0,0,255). Throws when the buffer does not hold `width × height` pixels.
 */
export function maskFromPaint(paint: ArrayLike<number>, width: number, height: number): Uint8ClampedArray<ArrayBuffer> {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`A mask needs a positive whole size, not ${width}x${height}.`);
  }
  const pixels = width * height;
  if (paint.length !== pixels * 4) {
    throw new RangeError(`The paint layer has ${paint.length} bytes; ${width}x${height} RGBA needs ${pixels * 4}.`);
  }
  const mask = new Uint8ClampedArray(pixels * 4);
  for (let i = 0; i < pixels; i++) {
    const painted = (paint[i * 4 + 3] ?? 0) >= PAINTED_ALPHA_THRESHOLD;
    mask[i * 4 + 3] = painted ? 0 : 255;
  }
  return mask;
}

/** How many pixels of the paint layer are painted (0: there is no mask to send). */
export function countPainted(paint: ArrayLike<number>): number {
  let count = 0;
  for (let i = 3; i < paint.length; i += 4) if ((paint[i] ?? 0) >= PAINTED_ALPHA_THRESHOLD) count++;
  return count;
}

/** Maps a pointer position on the displayed (scaled) image to a pixel of the natural-size image. */
export function toNaturalPoint(
  client: { readonly x: number; readonly y: number },
  box: { readonly left: number; readonly top: number; readonly width: number; readonly height: number },
  natural: { readonly width: number; readonly height: number },
): { x: number; y: number } {
  const scaleX = box.width > 0 ? natural.width / box.width : 1;
  const scaleY = box.height > 0 ? natural.height / box.height : 1;
  return { x: (client.x - box.left) * scaleX, y: (client.y - box.top) * scaleY };
}
