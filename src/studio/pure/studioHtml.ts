/**
 * The Studio webview's HTML: a static skeleton (every control with its label, so it is accessible
 * before the script fills in the options), the stylesheets, and one script with a nonce. The content
 * security policy allows nothing by default; scripts only with the nonce, styles, fonts and images
 * only from the extension's own resources (plus data:/blob: images for thumbnails and the mask).
 * Pure, so the policy is unit-tested. Every word is looked up in the bundle of the display language.
 */
import * as l10n from '@vscode/l10n';

export interface StudioHtmlInput {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** Fresh per render, from `crypto.randomBytes`. */
  readonly nonce: string;
  /** Webview URIs (`webview.asWebviewUri`) of the bundled script and the stylesheets. */
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly codiconUri: string;
  /** `vscode.env.language`: the page's `lang`, for screen readers and spelling. */
  readonly language: string;
  /** `vscode.l10n.bundle`: the translations the webview's script uses (none for English). */
  readonly bundle?: Readonly<Record<string, string>>;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return ["default-src 'none'", `img-src ${cspSource} data: blob:`, `style-src ${cspSource}`, `font-src ${cspSource}`, `script-src 'nonce-${nonce}'`].join(
    '; ',
  );
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;');
}

/** JSON that stays data inside a `<script type="application/json">` whatever a translation holds (no `</script>`, no `<!--`). */
function jsonData(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function renderStudioHtml(input: StudioHtmlInput): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(input.nonce)) throw new Error('The nonce must be at least 16 base64 characters.');
  const attr = escapeAttribute;
  // Our own words, escaped all the same: a translation is text, never markup.
  const text = escapeAttribute;
  const select = (id: string, label: string, hint = ''): string =>
    `<div class="field" id="${id}-field"><label for="${id}">${label}</label><select id="${id}"${hint ? ` aria-describedby="${id}-hint"` : ''}></select>${hint ? `<span class="hint" id="${id}-hint">${hint}</span>` : ''}</div>`;
  return `<!DOCTYPE html>
<html lang="${attr(input.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(input.cspSource, input.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(input.codiconUri)}">
<link rel="stylesheet" href="${attr(input.styleUri)}">
<title>${text(l10n.t('Image Studio'))}</title>
</head>
<body>
<main class="studio" id="studio">
  <h1 class="visually-hidden">${text(l10n.t('Image Studio'))}</h1>
  <section class="panel form-panel" aria-labelledby="form-heading">
    <h2 id="form-heading"><span class="codicon codicon-sparkle" aria-hidden="true"></span> ${text(l10n.t('New image'))}</h2>
    <div class="field prompt-field">
      <label for="prompt">${text(l10n.t('Prompt'))}</label>
      <textarea id="prompt" rows="4" spellcheck="true" aria-describedby="prompt-hint" placeholder="${attr(l10n.t('Describe the image, e.g. a flat illustration of a rocket, pastel colours'))}"></textarea>
      <span class="hint" id="prompt-hint">${text(l10n.t('Ctrl+Enter (⌘+Enter) generates.'))}</span>
      <label class="style-row" id="style-row" hidden><input type="checkbox" id="use-style" checked> <span>${text(l10n.t('Style:'))}</span> <span id="style-text"></span></label>
    </div>

    <div class="inputs" id="inputs-area" aria-labelledby="inputs-heading">
      <div class="inputs-header">
        <h3 id="inputs-heading">${text(l10n.t('Edit inputs'))}</h3>
        <button type="button" id="add-inputs" class="secondary"><span class="codicon codicon-add" aria-hidden="true"></span> ${text(l10n.t('Add Images…'))}</button>
      </div>
      <div class="drop-zone" id="drop-zone">
        <span class="codicon codicon-file-media" aria-hidden="true"></span>
        <span id="drop-text">${text(l10n.t('Drop workspace images here (hold Shift while dragging from the Explorer) to edit them instead.'))}</span>
      </div>
      <ul class="input-list" id="input-list" aria-label="${attr(l10n.t('Input images'))}"></ul>
      <div class="mask-editor" id="mask-editor" hidden>
        <div class="mask-toolbar" role="toolbar" aria-label="${attr(l10n.t('Mask'))}">
          <span class="mask-title">${text(l10n.t('Mask: paint where the image should change'))}</span>
          <label for="brush-width">${text(l10n.t('Brush width'))}</label>
          <input type="range" id="brush-width" min="4" max="200" value="40">
          <button type="button" id="mask-erase" class="secondary" aria-pressed="false"><span class="codicon codicon-discard" aria-hidden="true"></span> ${text(l10n.t('Erase'))}</button>
          <button type="button" id="mask-undo" class="secondary"><span class="codicon codicon-reply" aria-hidden="true"></span> ${text(l10n.t('Undo'))}</button>
          <button type="button" id="mask-clear" class="secondary"><span class="codicon codicon-clear-all" aria-hidden="true"></span> ${text(l10n.t('Clear'))}</button>
        </div>
        <div class="mask-stage" id="mask-stage">
          <img id="mask-image" alt="${attr(l10n.t('The first input image, to paint the mask on'))}">
          <canvas id="mask-canvas" aria-label="${attr(l10n.t('Mask painting area'))}"></canvas>
        </div>
        <span class="hint" id="mask-status"></span>
      </div>
    </div>

    <div class="parameters">
      ${select('model', l10n.t('Model'), '')}
      ${select('size', l10n.t('Size'))}
      ${select('quality', l10n.t('Quality'))}
      ${select('background', l10n.t('Background'))}
      ${select('format', l10n.t('Format'))}
      <div class="field" id="compression-field"><label for="compression">${text(l10n.t('Compression'))}</label><input type="number" id="compression" inputmode="numeric" aria-describedby="compression-hint"><span class="hint" id="compression-hint"></span></div>
      ${select('moderation', l10n.t('Moderation'))}
      ${select('variants', l10n.t('Variants'))}
      <div class="field" id="exact-size-field"><label for="exact-size">${text(l10n.t('Exact size'))}</label><input type="text" id="exact-size" list="exact-size-presets" placeholder="${attr(l10n.t('as made (e.g. 1200x630)'))}" spellcheck="false" autocomplete="off" aria-describedby="exact-size-hint"><datalist id="exact-size-presets"></datalist><span class="hint" id="exact-size-hint">${text(l10n.t('WxH in pixels; the image is fitted after it is made'))}</span></div>
      ${select('fit', l10n.t('Fit'))}
      <div class="field" id="save-to-field"><label for="save-to">${text(l10n.t('Save to'))}</label><input type="text" id="save-to" placeholder="${attr(l10n.t('the output folder, named from the prompt'))}" spellcheck="false" autocomplete="off" aria-describedby="save-to-hint"><span class="hint" id="save-to-hint">${text(l10n.t('a workspace path such as public/og.png'))}</span></div>
    </div>
    <p class="model-description" id="model-description"></p>

    <div class="actions">
      <button type="button" id="generate" class="primary"><span class="codicon codicon-sparkle" aria-hidden="true"></span> ${text(l10n.t('Generate'))}</button>
      <span class="cost" id="cost" aria-live="polite"></span>
      <span class="busy" id="busy" aria-live="polite"></span>
    </div>
    <div class="notice" id="notice" role="alert" hidden></div>
  </section>

  <section class="panel jobs-panel" aria-labelledby="jobs-heading">
    <h2 id="jobs-heading"><span class="codicon codicon-pulse" aria-hidden="true"></span> ${text(l10n.t('Jobs'))}</h2>
    <p class="empty" id="jobs-empty">${text(l10n.t('No jobs yet in this window.'))}</p>
    <ul class="job-list" id="job-list"></ul>
  </section>

  <section class="panel gallery-panel" aria-labelledby="gallery-heading">
    <h2 id="gallery-heading"><span class="codicon codicon-files" aria-hidden="true"></span> ${text(l10n.t('Gallery'))}</h2>
    <p class="empty" id="gallery-empty">${text(l10n.t('Images you generate in this workspace appear here.'))}</p>
    <ul class="gallery" id="gallery"></ul>
  </section>

  <section class="panel history-panel" aria-labelledby="history-heading">
    <h2 id="history-heading"><span class="codicon codicon-history" aria-hidden="true"></span> ${text(l10n.t('History'))}</h2>
    <div class="field"><label for="history-filter">${text(l10n.t('Search history'))}</label><input type="search" id="history-filter" placeholder="${attr(l10n.t('Filter by words'))}"></div>
    <p class="empty" id="history-empty">${text(l10n.t('Prompts you run from the Studio are kept here.'))}</p>
    <ul class="history" id="history"></ul>
  </section>
</main>
${input.bundle ? `<script type="application/json" id="l10n-bundle">${jsonData(input.bundle)}</script>` : ''}
<script nonce="${attr(input.nonce)}" src="${attr(input.scriptUri)}"></script>
</body>
</html>
`;
}
