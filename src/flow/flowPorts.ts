/**
 * What each caller of the generation flow passes in (./generationFlow.ts): how it asks (an
 * {@link Asker}; a scripted call asks nothing) and how it shows the run (a {@link Presenter}).
 */
import type * as vscode from 'vscode';
import type { CommandOptions } from '../domain/generation/options';
import type { GenerationPlan } from '../domain/generation/plan';
import type { EditInputRef, ResolvedEditInputs } from '../workspace/editInputReader';
import type { GenerationOutcome, VariantProgress } from './runVariants';

/** What the images of an edit turned out to be, for the questions asked about them. */
export interface EditContext {
  readonly images: readonly EditInputRef[];
}

/** How an entry point asks. Every method may resolve to "stop" (false or undefined): the flow then ends quietly. */
export interface Asker {
  /** There is no key: false to stop; the flow looks again after true. Entry points that cannot ask throw MissingApiKeyError. */
  provideKey(purpose: 'generate' | 'edit'): Promise<boolean>;
  /** An edit named no images: the ones to edit. Entry points that cannot ask return none (and are refused). */
  chooseImages(): Promise<readonly unknown[] | undefined>;
  /** Fills in what the options leave open (prompt, model, mask), once the inputs are known to be usable. */
  complete(options: CommandOptions, edit: EditContext | undefined): Promise<CommandOptions | undefined>;
  /** Several images cost several times: go ahead? */
  confirmCost(plan: GenerationPlan): Promise<boolean>;
  /** Editing uploads these files to Segmind storage: go ahead? */
  confirmUpload(paths: readonly string[], uploadBaseUrl: string): Promise<boolean>;
}

/** How an entry point shows the run. Every step is optional. */
export interface Presenter {
  /** Everything was checked and agreed to; the uploads and jobs start now. */
  started?(plan: GenerationPlan): void | Promise<void>;
  /** A step before the jobs exist (the upload), in a few words; null when it is over. */
  step?(text: string | null): void;
  progress?(update: VariantProgress): void;
  /** Always called once `started` was, when the upload and jobs are over, whichever way they ended. */
  finished?(): void;
  /** Then, when they ran: what was saved and what failed. */
  report?(result: FinishedRun): void | Promise<void>;
}

export interface FinishedRun {
  readonly plan: GenerationPlan;
  readonly outcome: GenerationOutcome;
  readonly workspaceFolder: vscode.Uri;
  /** The edit's inputs as located (for presenting the result beside the original). */
  readonly edited?: ResolvedEditInputs;
}

export type FlowResult = ({ readonly ran: true } & FinishedRun) | { readonly ran: false; readonly reason: string };
