/**
 * Removes API keys from text before it is logged or shown. The service can echo headers back in
 * error pages, and a key pasted into the wrong setting can end up in a URL, so anything key-shaped
 * goes, not only the key we know.
 */
const KEY_SHAPED = /\bSG_[A-Za-z0-9]{6,}\b/g;
const KEY_HEADER = /(x-api-key["']?\s*[:=]\s*["']?)[^\s"',;]+/gi;
const BEARER = /(authorization["']?\s*[:=]\s*["']?bearer\s+)[^\s"',;]+/gi;

export const REDACTED = '[redacted]';

export function redact(text: string, knownSecrets: readonly string[] = []): string {
  let result = text;
  for (const secret of knownSecrets) {
    // Very short "secrets" would shred ordinary words; real keys are long.
    if (secret.length >= 6) result = result.split(secret).join(REDACTED);
  }
  return result.replace(KEY_SHAPED, REDACTED).replace(KEY_HEADER, `$1${REDACTED}`).replace(BEARER, `$1${REDACTED}`);
}
