/**
 * The Studio's words come from the host's bundle: the page carries the extension's
 * `vscode.l10n.bundle` (the display language's translations, none for English) as a JSON data
 * block, and this module hands it to `@vscode/l10n` before any other module of the webview runs
 * (main.ts imports it first), so every `l10n.t` here finds the same sentences the host uses.
 */
import * as l10n from '@vscode/l10n';

const bundle = document.getElementById('l10n-bundle')?.textContent;
if (bundle) l10n.config({ contents: bundle });
