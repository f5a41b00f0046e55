/**
 * The last known balance: fetched lazily (after startup, when a key exists), refreshed by Check
 * Credits, and updated from what finished jobs report, so the status bar never polls for it.
 */
import * as vscode from 'vscode';
import { Disposable } from '../base/dispose';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { ClientFactory } from '../config/clientFactory';
import type { Logger } from '../log/logger';
import type { Credits } from '../segmind/client';
import { isSegmindError } from '../domain/errors/errors';

export interface CreditsState {
  readonly credits?: Credits;
  /** Why the last fetch failed, in a few words. */
  readonly problem?: string;
}

export class CreditsMonitor extends Disposable {
  private current: CreditsState = {};
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly clients: ClientFactory,
    private readonly keys: ApiKeyStore,
    private readonly logger: Logger,
  ) {
    super();
  }

  get state(): CreditsState {
    return this.current;
  }

  /** Fetches the balance; rejects with the typed error (the caller decides whether to show it). */
  async refresh(signal?: AbortSignal): Promise<Credits> {
    try {
      const credits = await this.clients.create().credits(signal);
      this.set({ credits });
      return credits;
    } catch (error) {
      this.set({ ...this.current, problem: isSegmindError(error) && error.kind === 'unauthorized' ? 'key refused' : 'unavailable' });
      throw error;
    }
  }

  /** Refreshes in the background if a key exists; never throws. */
  refreshQuietly(): void {
    void this.keys.get().then(async (key) => {
      if (!key) return;
      await this.refresh().catch((error: unknown) => this.logger.warn(`Could not fetch credits: ${error instanceof Error ? error.message : String(error)}`));
    });
  }

  /** A job told us the balance after it ran. */
  setRemaining(credits: number): void {
    this.set({ credits: { ...this.current.credits, credits } });
  }

  clear(): void {
    this.set({});
  }

  private set(state: CreditsState): void {
    this.current = state;
    this.changed.fire();
  }
}
