/**
 * Where the API key lives: VS Code's SecretStorage (the OS keychain on desktop), falling back to the
 * SEGMIND_API_KEY environment variable. Never settings, files or logs.
 */
import * as vscode from 'vscode';
import { Disposable } from '../base/dispose';

const SECRET_ID = 'segmind.apiKey';
export const ENVIRONMENT_VARIABLE = 'SEGMIND_API_KEY';

export type KeySource = 'secret-storage' | 'environment';

export interface ApiKey {
  readonly key: string;
  readonly source: KeySource;
}

export class ApiKeyStore extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Fires when the stored key changes, here or in another window. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly environment: NodeJS.ProcessEnv = process.env,
  ) {
    super();
    this._register(
      secrets.onDidChange((event) => {
        if (event.key === SECRET_ID) this.changed.fire();
      }),
    );
  }

  async get(): Promise<ApiKey | undefined> {
    const stored = (await this.secrets.get(SECRET_ID))?.trim();
    if (stored) return { key: stored, source: 'secret-storage' };
    const fromEnvironment = this.environment[ENVIRONMENT_VARIABLE]?.trim();
    return fromEnvironment ? { key: fromEnvironment, source: 'environment' } : undefined;
  }

  async store(key: string): Promise<void> {
    await this.secrets.store(SECRET_ID, key);
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SECRET_ID);
  }

  hasEnvironmentKey(): boolean {
    return Boolean(this.environment[ENVIRONMENT_VARIABLE]?.trim());
  }
}
