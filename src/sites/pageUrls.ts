/**
 * What a page's front matter says of its URL (Jekyll's `permalink` and `categories`), read by the
 * parser worker and used by ./servedPaths.ts to try a page's references at its URL.
 */
import { text, texts, type ConfigValue } from './configTypes';

/** What a page's front matter says of its URL (Jekyll). */
export interface PageFacts {
  readonly permalink?: string;
  readonly categories?: readonly string[];
}

/** The page facts of a front matter (read by the parser worker). */
export function pageFacts(frontMatter: { readonly [key: string]: ConfigValue } | undefined): PageFacts | undefined {
  if (!frontMatter) return undefined;
  const permalink = text(frontMatter['permalink']);
  const written = frontMatter['categories'] ?? frontMatter['category'];
  const categories = typeof written === 'string' ? written.split(/\s+/).filter(Boolean) : texts(written);
  return permalink === undefined && !categories?.length ? undefined : { ...(permalink ? { permalink } : {}), ...(categories?.length ? { categories } : {}) };
}
