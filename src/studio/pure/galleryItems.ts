/**
 * Which files of an output folder the Studio's gallery shows: images with a sidecar of ours beside
 * them (read by src/domain/images/sidecar.ts), newest first. Pure: the host lists the folder and reads
 * the files (gallery.ts).
 */

export const MAX_GALLERY_ITEMS = 200;
const IMAGE_NAME = /\.(png|jpe?g|webp)$/i;

/** The image files of a folder listing that have a sidecar beside them. */
export function imagesWithSidecars(names: readonly string[]): string[] {
  const all = new Set(names);
  return names.filter((name) => IMAGE_NAME.test(name) && !name.startsWith('.') && all.has(`${name}.json`));
}

/** Newest first (by the sidecar's save time, else the file's), at most {@link MAX_GALLERY_ITEMS}. */
export function newestFirst<T extends { readonly savedAt: string }>(items: readonly T[], limit = MAX_GALLERY_ITEMS): T[] {
  return [...items].sort((a, b) => Date.parse(b.savedAt) - Date.parse(a.savedAt)).slice(0, limit);
}
