/**
 * The context key `segmind.hasApiKey`: true while a key is available (stored, or SEGMIND_API_KEY).
 * Menus and the palette use it to hide what makes no sense without a key, and the walkthrough's key
 * step completes on it (not merely on running the command, which may be cancelled).
 */
import type * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import { setContext } from './contributions';

export function trackKeyContext(keys: ApiKeyStore): vscode.Disposable {
  const update = async (): Promise<void> => {
    await setContext('segmind.hasApiKey', (await keys.get()) !== undefined);
  };
  void update();
  return keys.onDidChange(() => void update());
}
