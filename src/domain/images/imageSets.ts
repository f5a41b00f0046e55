/**
 * One element, one render: the missing files of one element (an `<img>` with its `srcset`, a
 * `<picture>`, an `image-set()`, a manifest entry) are one set, made from one paid image at the
 * largest size among them. Pure: which files go together and which one is rendered.
 */

export interface ImageSet<T> {
  /** The file rendered: the largest (the first of equals). */
  readonly lead: T;
  /** Written from the lead's render, each at its own size and in its own format. */
  readonly others: readonly T[];
}

export interface SetKeys<T> {
  /** The element a file belongs to; undefined: a set of its own. */
  readonly element: (item: T) => string | undefined;
  /** Its pixel area (0 when the code gives no size). */
  readonly area: (item: T) => number;
}

/** The items by element, in the order of each element's first item. */
export function groupIntoSets<T>(items: readonly T[], keys: SetKeys<T>): ImageSet<T>[] {
  const byElement = new Map<string, T[]>();
  const sets: T[][] = [];
  for (const item of items) {
    const element = keys.element(item);
    const members = element === undefined ? undefined : byElement.get(element);
    if (members) {
      members.push(item);
      continue;
    }
    const created = [item];
    sets.push(created);
    if (element !== undefined) byElement.set(element, created);
  }
  return sets.map((members) => {
    const lead = members.reduce((largest, item) => (keys.area(item) > keys.area(largest) ? item : largest));
    return { lead, others: members.filter((item) => item !== lead) };
  });
}

/** One element makes at most this many files (a `srcset` of 5,001 candidates asked 8.5 hours of encoding from one render). */
export const MAX_SET_FILES = 32;
/** No file of a set is larger than this a side (as every exact size). */
export const MAX_SET_SIDE = 4096;

/** Why a set cannot be made as asked (too many files, a file too large), or undefined: refused before anything is sent. */
export type SetProblem =
  { readonly kind: 'too-many'; readonly files: number } | { readonly kind: 'too-large'; readonly width: number; readonly height: number };

export function setProblem(files: number, sizes: readonly ({ readonly width: number; readonly height: number } | undefined)[]): SetProblem | undefined {
  if (files > MAX_SET_FILES) return { kind: 'too-many', files };
  const large = sizes.find((size) => size !== undefined && (size.width > MAX_SET_SIDE || size.height > MAX_SET_SIDE));
  return large ? { kind: 'too-large', width: large.width, height: large.height } : undefined;
}
