/** The messages between the extension host and the parser worker (both sides are ours, so typed, not parsed). */
import type { ImageReference } from '../domain/imageReference';
import type { ReferenceLanguage } from '../references/languages';

export interface ParseRequest {
  readonly id: number;
  readonly languageId: ReferenceLanguage;
  readonly text: string;
}

export type ParseAnswer = { readonly id: number; readonly references: ImageReference[] } | { readonly id: number; readonly error: string };
