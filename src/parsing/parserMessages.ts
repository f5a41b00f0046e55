/** The messages between the extension host and the parser worker (both sides are ours, so typed, not parsed). */
import type { ImageReference } from '../domain/references/imageReference';
import type { ReferenceLanguage } from '../references/languages';
import type { ConfigValue } from '../sites/configTypes';
import type { PageFacts } from '../sites/sites';

export type ParseRequest =
  /** A document's image references, and what its front matter says of its URL (a Jekyll page's). */
  | { readonly id: number; readonly kind: 'document'; readonly languageId: ReferenceLanguage; readonly text: string }
  /** The same of a file on disk that no editor has open, read by the worker itself (a workspace scan reads thousands). */
  | { readonly id: number; readonly kind: 'file'; readonly languageId: ReferenceLanguage; readonly path: string; readonly sizeLimit: number }
  /** A site's configuration file, read as literals. */
  | { readonly id: number; readonly kind: 'config'; readonly fileName: string; readonly text: string };

export interface DocumentReading {
  readonly references: ImageReference[];
  readonly page?: PageFacts;
  /** Why the document was not read (too large, too slow, unreadable): its references are unknown, not none. */
  readonly unread?: string;
}

export interface FileReading extends DocumentReading {
  /** The 0-based line of each reference, in the same order (the host never holds the text). */
  readonly lines: readonly number[];
  /** The file's size in bytes when it was not read because it is over the size limit. */
  readonly tooLarge?: number;
  /** The path is not a regular file (a FIFO, a socket, a device): it was not read. */
  readonly notAFile?: true;
}

/** The worker's first message: its parsers are loaded, so its time to read a document starts now, not while it starts. */
export interface WorkerReady {
  readonly ready: true;
}

export type ParseAnswer =
  | ({ readonly id: number; readonly kind: 'document' } & DocumentReading)
  | ({ readonly id: number; readonly kind: 'file' } & FileReading)
  | { readonly id: number; readonly kind: 'config'; readonly value: ConfigValue }
  | { readonly id: number; readonly error: string };
