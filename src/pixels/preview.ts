/** A small preview of a saved image for an agent's context: at most 256 px on the long side, PNG. */
import { loadSharp } from './sharp';

export const PREVIEW_MAX_SIDE = 256;

export async function previewPng(bytes: Uint8Array): Promise<Uint8Array> {
  const sharp = await loadSharp();
  return new Uint8Array(
    await sharp(bytes).resize(PREVIEW_MAX_SIDE, PREVIEW_MAX_SIDE, { fit: 'inside', withoutEnlargement: true }).png({ compressionLevel: 9 }).toBuffer(),
  );
}
