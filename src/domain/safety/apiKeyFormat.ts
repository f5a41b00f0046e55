/**
 * A sanity check of what the user pasted, not a verdict: Segmind keys look like `SG_` + hex, but
 * only the service can say whether a key is valid, so an unusual key can still be saved.
 */
import * as l10n from '@vscode/l10n';

export type KeyCheck = { readonly ok: true; readonly key: string; readonly looksLikeSegmindKey: boolean } | { readonly ok: false; readonly reason: string };

const SEGMIND_KEY = /^SG_[0-9a-fA-F]{8,}$/;

export function checkApiKey(input: string): KeyCheck {
  const key = input.trim();
  if (key === '') return { ok: false, reason: l10n.t('The key is empty.') };
  if (/\s/.test(key)) return { ok: false, reason: l10n.t('The key contains spaces or line breaks; paste the key alone.') };
  if (/[^\x21-\x7e]/.test(key)) return { ok: false, reason: l10n.t('The key contains characters a Segmind key never has.') };
  if (key.length < 8) return { ok: false, reason: l10n.t('The key is too short.') };
  if (key.length > 256) return { ok: false, reason: l10n.t('The key is too long.') };
  return { ok: true, key, looksLikeSegmindKey: SEGMIND_KEY.test(key) };
}
