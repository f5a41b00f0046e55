/**
 * Small text formatting shared by the Studio webview and the host. Pure and free of dependencies
 * but @vscode/l10n, so the webview bundle can carry it and mocha can test it.
 */
import * as l10n from '@vscode/l10n';

/** "up to $0.17 per image" for one, "up to $0.51 for 3 images" for several. */
export function formatCostEstimate(perImageUsd: number, variants: number): string {
  const total = perImageUsd * variants;
  // Rounded up: the figure is a bound (the spending hold), never less than what the images can cost.
  const amount = `$${(Math.ceil(total * 100 - 1e-9) / 100).toFixed(2)}`;
  return variants === 1 ? l10n.t('up to {0} per image', amount) : l10n.t('up to {0} for {1} images', amount, variants);
}

/** 0:05, 1:23, 1:02:03 */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** A balance as Segmind shows it: two decimals. */
export function formatCredits(credits: number): string {
  return credits.toFixed(2);
}

/** `https://api.segmind.com/v1` → `api.segmind.com`, for telling users where something goes. */
export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

/** `$0.08`; amounts under a cent that are not nothing read `< $0.01`. */
export function formatUsd(amount: number): string {
  return amount > 0 && amount < 0.005 ? '< $0.01' : `$${(Math.round(amount * 100) / 100).toFixed(2)}`;
}
