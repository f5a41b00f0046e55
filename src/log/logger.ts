/**
 * The "Segmind" log (a LogOutputChannel, so users pick the level). Every line passes through
 * `redact` with the keys currently known, so the key never reaches the log even inside an echo.
 */
import type * as vscode from 'vscode';
import { redact } from '../domain/safety/redact';

export class Logger implements vscode.Disposable {
  private secrets: readonly string[] = [];

  constructor(private readonly channel: vscode.LogOutputChannel) {}

  /** The keys to scrub, updated whenever the stored key changes. */
  setSecrets(secrets: readonly string[]): void {
    this.secrets = secrets.filter((secret) => secret.length > 0);
  }

  trace(message: string): void {
    this.channel.trace(this.clean(message));
  }
  debug(message: string): void {
    this.channel.debug(this.clean(message));
  }
  info(message: string): void {
    this.channel.info(this.clean(message));
  }
  warn(message: string): void {
    this.channel.warn(this.clean(message));
  }
  error(message: string, error?: unknown): void {
    const detail = error instanceof Error ? ` — ${error.name}: ${error.message}` : error === undefined ? '' : ` — ${JSON.stringify(error)}`;
    this.channel.error(this.clean(`${message}${detail}`));
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }

  private clean(message: string): string {
    return redact(message, this.secrets);
  }
}
