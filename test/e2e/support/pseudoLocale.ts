/**
 * The pseudo-locale `qps-ploc`, generated the way translators' tools see our sentences: the
 * extension's own l10n/bundle.l10n.json and package.nls.json, through `vscode-l10n-dev
 * generate-pseudo` (@vscode/l10n-dev), in a temporary folder. Every letter is swapped for an accented
 * look-alike, so a word that is not looked up in a bundle stands out as plain English.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './host';

export const PSEUDO_LOCALE = 'qps-ploc';

export interface PseudoTranslations {
  /** Relative to the extension's folder → contents, for openWorkbench's `locale.files`. */
  readonly files: Readonly<Record<string, string>>;
  /** A host sentence (its bundle key) in the pseudo-locale, with `{0}`… filled in. */
  sentence(message: string, ...args: Array<string | number>): string;
  /** A package.nls.json key's value in the pseudo-locale. */
  manifest(key: string): string;
}

export function pseudoTranslations(): PseudoTranslations {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segmind-pseudo-'));
  try {
    fs.copyFileSync(path.join(repoRoot, 'l10n', 'bundle.l10n.json'), path.join(dir, 'bundle.l10n.json'));
    fs.copyFileSync(path.join(repoRoot, 'package.nls.json'), path.join(dir, 'package.nls.json'));
    const cli = path.join(repoRoot, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js');
    const made = spawnSync(process.execPath, [cli, 'generate-pseudo', '--language', PSEUDO_LOCALE, 'bundle.l10n.json', 'package.nls.json'], {
      cwd: dir,
      encoding: 'utf8',
    });
    if (made.status !== 0) throw new Error(`vscode-l10n-dev generate-pseudo failed:\n${made.stdout}${made.stderr}`);
    const bundleText = fs.readFileSync(path.join(dir, `bundle.l10n.${PSEUDO_LOCALE}.json`), 'utf8');
    const nlsText = fs.readFileSync(path.join(dir, `package.nls.${PSEUDO_LOCALE}.json`), 'utf8');
    const bundle = JSON.parse(bundleText) as Record<string, string>;
    const nls = JSON.parse(nlsText) as Record<string, string | { message: string }>;
    return {
      files: { [`l10n/bundle.l10n.${PSEUDO_LOCALE}.json`]: bundleText, [`package.nls.${PSEUDO_LOCALE}.json`]: nlsText },
      sentence(message, ...args) {
        const pseudo = bundle[message];
        if (pseudo === undefined) throw new Error(`not in l10n/bundle.l10n.json: ${message}`);
        return pseudo.replace(/\{(\d+)\}/g, (whole, index: string) => String(args[Number(index)] ?? whole));
      },
      manifest(key) {
        const value = nls[key];
        if (value === undefined) throw new Error(`not in package.nls.json: ${key}`);
        return typeof value === 'string' ? value : value.message;
      },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
