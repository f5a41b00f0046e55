/** The messages between the extension host and the parser worker (both sides are ours, so typed, not parsed). */
import type { ImageReference } from '../domain/imageReference';
import type { ReferenceLanguage } from '../references/languages';
import type { ConfigValue } from '../sites/configTypes';

export type ParseRequest =
  /** A document's image references, and its front matter's `permalink` (a Jekyll page's URL). */
  | { readonly id: number; readonly kind: 'document'; readonly languageId: ReferenceLanguage; readonly text: string }
  /** A site's configuration file, read as literals. */
  | { readonly id: number; readonly kind: 'config'; readonly fileName: string; readonly text: string };

export interface DocumentReading {
  readonly references: ImageReference[];
  readonly permalink?: string;
}

export type ParseAnswer =
  | ({ readonly id: number; readonly kind: 'document' } & DocumentReading)
  | { readonly id: number; readonly kind: 'config'; readonly value: ConfigValue }
  | { readonly id: number; readonly error: string };
