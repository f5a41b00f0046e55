/**
 * The messages between the Studio panel (host, src/studio) and its webview (media/studio): one
 * discriminated union per direction, keyed by `type`. Both sides import these TYPES only; the host
 * parses every WebviewToHost message with the zod schemas of studioMessages.ts (beside this file)
 * before acting on it: the webview is untrusted content as far as the host is concerned.
 */

// Type-only imports from the pure core: one source of truth, and nothing reaches the webview bundle.
import type { Background, ImageParameters, ModelSlug, Moderation, OutputFormat, Quality } from '../domain/generation/catalog';
import type { Fit } from '../domain/generation/exactSize';
import type { JobStateName } from '../shared/jobStates';

/** What the form needs to know about a model (sent by the host from the catalog). */
export interface ModelView {
  /** A catalog model's slug, or a custom model's (segmind.customModels). */
  readonly slug: string;
  readonly label: string;
  readonly description: string;
  readonly textToImage: boolean;
  /** How many input images an edit with it takes (0: it does not edit). */
  readonly maxEditImages: number;
  readonly acceptsMask: boolean;
  readonly sizes: readonly string[];
  readonly defaults: StudioParameters;
  readonly compressionRange: readonly [number, number];
  /** The most one image can cost, by size and quality (src/domain/spending/pricing.ts): the cost shown is the spending hold. */
  readonly pricesUsd: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** The six parameters, as the catalog's one schema has them (studioMessages.ts parses them with it). */
export type StudioParameters = ImageParameters;

/** The form's settings: what a history entry restores and a sidecar regenerates. */
export interface StudioSettings {
  readonly prompt: string;
  readonly model: string;
  readonly parameters: StudioParameters;
  readonly variants: number;
  /** "Exact size" and "Fit": the saved image is fitted to `resize` ("WxH"). */
  readonly resize?: string;
  readonly fit?: Fit;
  /** "Save to": a workspace-relative file path; else the output folder. */
  readonly path?: string;
  /** The project's style box unticked: `style: false` (absent: the style goes with the prompt). */
  readonly style?: false;
}

/** An input image of an edit, as the webview shows it. */
export interface InputView {
  /** The file's Uri (as a string): what the webview sends back to name it. */
  readonly uri: string;
  /** Workspace-relative path. */
  readonly path: string;
  /** A webview URI or a `data:` URL, or undefined when the image is too large to preview. */
  readonly src?: string;
  readonly width?: number;
  readonly height?: number;
}

export interface JobView {
  readonly id: string;
  readonly model: string;
  readonly prompt: string;
  readonly state: JobStateName;
  readonly running: boolean;
  /** Milliseconds since the job started, at the time the message was sent. */
  readonly elapsedMs: number;
  readonly requestId?: string;
  /** Workspace-relative path of the saved image. */
  readonly savedPath?: string;
  /** Why it failed or stopped, in words. */
  readonly error?: string;
}

export interface GalleryItemView {
  /** The image's Uri as a string: what the webview sends back to act on it. */
  readonly uri: string;
  readonly name: string;
  readonly path: string;
  /** A webview URI for the thumbnail. */
  readonly src: string;
  readonly prompt: string;
  readonly model: string;
  /** ISO time it was saved. */
  readonly savedAt: string;
  readonly width?: number;
  readonly height?: number;
  /** It was an edit (it has source images). */
  readonly edited: boolean;
}

export interface HistoryEntryView extends StudioSettings {
  /** ISO time it was last run. */
  readonly at: string;
}

/** The commands a Studio notice may offer (one list: the type, the host's filter and the message schema take it). */
export const STUDIO_COMMANDS = ['setApiKey', 'showLog', 'checkCredits', 'manageTrust', 'openSettings'] as const;
export type StudioCommand = (typeof STUDIO_COMMANDS)[number];

export interface NoticeView {
  readonly severity: 'error' | 'warning' | 'info';
  readonly text: string;
  readonly actions: readonly StudioCommand[];
  /** For 'openSettings': the setting it opens (one of ours, such as segmind.defaultModel for a retired model). */
  readonly setting?: string;
}

/** Every value list and limit the form offers, from the catalog. */
export interface StudioChoices {
  readonly qualities: readonly Quality[];
  readonly backgrounds: readonly Background[];
  readonly outputFormats: readonly OutputFormat[];
  readonly moderations: readonly Moderation[];
  readonly maxVariants: number;
  /** The most input images one edit takes. */
  readonly maxInputs: number;
  /** The model an edit starts with when images are added. */
  readonly defaultEditModel: ModelSlug;
  readonly fits: readonly Fit[];
  /** Offered in "Exact size" ("WxH" with a name). */
  readonly sizePresets: readonly { readonly size: string; readonly label: string }[];
}

export type HostToWebview =
  | {
      readonly type: 'init';
      readonly models: readonly ModelView[];
      /** The settings' default model and parameters: the starting form when the webview has no saved state. */
      readonly defaults: StudioSettings;
      /** The catalog's choices and limits, so that the webview repeats none of them. */
      readonly choices: StudioChoices;
      readonly hasWorkspace: boolean;
      /** The project's style (segmind.stylePrompt of the first folder), shown under the prompt; absent when none. */
      readonly stylePrompt?: string;
    }
  | { readonly type: 'jobs'; readonly jobs: readonly JobView[] }
  | { readonly type: 'gallery'; readonly items: readonly GalleryItemView[]; readonly folder: string }
  | { readonly type: 'history'; readonly entries: readonly HistoryEntryView[] }
  | { readonly type: 'inputsAdded'; readonly inputs: readonly InputView[] }
  | { readonly type: 'restoreSettings'; readonly settings: StudioSettings }
  | { readonly type: 'notice'; readonly notice: NoticeView }
  | { readonly type: 'busy'; readonly text: string | null };

/** What the Generate button sends: the form, the inputs (by Uri) and the painted mask. */
export interface GenerateRequest extends StudioSettings {
  /** Input images' Uris, in order; empty for text to image. */
  readonly inputs: readonly string[];
  /** The mask painted on the first input: `data:image/png;base64,…`, transparent where to edit. */
  readonly mask?: string;
}

/** What a gallery item's buttons do (one list: the type and the message schema take it). */
export const GALLERY_ACTIONS = ['open', 'reveal', 'copyLink', 'useAsInput', 'regenerate'] as const;
export type GalleryAction = (typeof GALLERY_ACTIONS)[number];

export type WebviewToHost =
  | { readonly type: 'ready' }
  | { readonly type: 'generate'; readonly request: GenerateRequest }
  | { readonly type: 'cancelJob'; readonly jobId: string }
  | { readonly type: 'openJobImage'; readonly jobId: string }
  | { readonly type: 'pickInputs' }
  | { readonly type: 'addInputs'; readonly uris: readonly string[] }
  | { readonly type: 'galleryAction'; readonly action: GalleryAction; readonly uri: string }
  | { readonly type: 'runCommand'; readonly command: StudioCommand; readonly setting?: string };

/** The state the webview keeps with `setState` (restored after a reload). */
export interface StudioWebviewState {
  readonly settings?: StudioSettings;
  readonly inputs?: readonly string[];
}
