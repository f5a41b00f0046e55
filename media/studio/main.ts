/**
 * The Image Studio webview. Talks to the host only through the typed messages of
 * src/shared/protocol.ts (types only; the host validates everything this sends). Builds the DOM
 * with textContent and attributes, never with HTML strings, so prompts and file names stay text.
 */
import type {
  GalleryItemView, HistoryEntryView, HostToWebview, InputView, JobView, ModelView, NoticeView, StudioCommand,
  StudioParameters, StudioSettings, StudioWebviewState, WebviewToHost,
} from '../../src/protocol/studioProtocol';
import { formatCostEstimate, formatDuration } from '../../src/domain/format';
import { filterHistory } from '../../src/domain/promptHistory';
import { countPainted, maskFromPaint, toNaturalPoint } from '../../src/domain/maskPixels';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): unknown;
  setState(state: StudioWebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (message: WebviewToHost): void => vscode.postMessage(message);

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The Studio page has no #${id}.`);
  return element as T;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (className) created.className = className;
  if (text !== undefined) created.textContent = text;
  return created;
}

function icon(name: string): HTMLSpanElement {
  const span = element('span', `codicon codicon-${name}`);
  span.setAttribute('aria-hidden', 'true');
  return span;
}

function iconButton(name: string, label: string, onClick: () => void, text?: string): HTMLButtonElement {
  const button = element('button', text ? 'secondary' : 'icon-button');
  button.type = 'button';
  button.append(icon(name));
  if (text) button.append(` ${text}`);
  else button.setAttribute('aria-label', label);
  button.title = label;
  button.addEventListener('click', onClick);
  return button;
}

const ui = {
  prompt: byId<HTMLTextAreaElement>('prompt'),
  model: byId<HTMLSelectElement>('model'),
  modelDescription: byId<HTMLParagraphElement>('model-description'),
  size: byId<HTMLSelectElement>('size'),
  quality: byId<HTMLSelectElement>('quality'),
  background: byId<HTMLSelectElement>('background'),
  format: byId<HTMLSelectElement>('format'),
  compression: byId<HTMLInputElement>('compression'),
  compressionField: byId<HTMLDivElement>('compression-field'),
  compressionHint: byId<HTMLSpanElement>('compression-hint'),
  moderation: byId<HTMLSelectElement>('moderation'),
  variants: byId<HTMLSelectElement>('variants'),
  generate: byId<HTMLButtonElement>('generate'),
  cost: byId<HTMLSpanElement>('cost'),
  busy: byId<HTMLSpanElement>('busy'),
  notice: byId<HTMLDivElement>('notice'),
  addInputs: byId<HTMLButtonElement>('add-inputs'),
  dropZone: byId<HTMLDivElement>('drop-zone'),
  inputList: byId<HTMLUListElement>('input-list'),
  maskEditor: byId<HTMLDivElement>('mask-editor'),
  maskImage: byId<HTMLImageElement>('mask-image'),
  maskCanvas: byId<HTMLCanvasElement>('mask-canvas'),
  brushWidth: byId<HTMLInputElement>('brush-width'),
  maskErase: byId<HTMLButtonElement>('mask-erase'),
  maskUndo: byId<HTMLButtonElement>('mask-undo'),
  maskClear: byId<HTMLButtonElement>('mask-clear'),
  maskStatus: byId<HTMLSpanElement>('mask-status'),
  jobList: byId<HTMLUListElement>('job-list'),
  jobsEmpty: byId<HTMLParagraphElement>('jobs-empty'),
  gallery: byId<HTMLUListElement>('gallery'),
  galleryEmpty: byId<HTMLParagraphElement>('gallery-empty'),
  historyFilter: byId<HTMLInputElement>('history-filter'),
  history: byId<HTMLUListElement>('history'),
  historyEmpty: byId<HTMLParagraphElement>('history-empty'),
};

const QUALITIES = ['auto', 'low', 'medium', 'high'] as const;
const BACKGROUNDS = ['opaque', 'transparent'] as const;
const FORMATS = ['png', 'jpeg', 'webp'] as const;
const MODERATIONS = ['auto', 'low'] as const;
const COMMAND_LABELS: Readonly<Record<StudioCommand, string>> = { setApiKey: 'Set API Key', showLog: 'Show Log', checkCredits: 'Check Credits' };

let models: readonly ModelView[] = [];
let defaults: StudioSettings | undefined;
let initialised = false;
let inputs: InputView[] = [];
/** The text-to-image model to go back to when the inputs are removed. */
let lastTextModel: string | undefined;
let historyEntries: readonly HistoryEntryView[] = [];
let jobs: { readonly view: JobView; readonly receivedAt: number }[] = [];

function fillSelect(select: HTMLSelectElement, values: readonly string[], labels?: (value: string) => string): void {
  const current = select.value;
  select.replaceChildren(...values.map((value) => {
    const option = element('option', undefined, labels ? labels(value) : value);
    option.value = value;
    return option;
  }));
  if (values.includes(current)) select.value = current;
}

function currentModel(): ModelView | undefined {
  return models.find((model) => model.slug === ui.model.value);
}

/** Models that fit the inputs: text-to-image ones without inputs; with them, those that edit that many. */
function availableModels(): ModelView[] {
  return inputs.length === 0
    ? models.filter((model) => model.textToImage)
    : models.filter((model) => model.maxEditImages >= inputs.length);
}

function refreshModels(preferred?: string): void {
  const available = availableModels();
  const before = ui.model.value;
  fillSelect(ui.model, available.map((model) => model.slug), (slug) => {
    const model = models.find((candidate) => candidate.slug === slug);
    return model ? `${model.label} (${slug})` : slug;
  });
  const wanted = [preferred, before, inputs.length === 0 ? lastTextModel ?? defaults?.model : 'gpt-image-1-edit'];
  const choice = wanted.find((slug) => slug !== undefined && available.some((model) => model.slug === slug)) ?? available[0]?.slug;
  if (choice) ui.model.value = choice;
  onModelChanged();
}

function onModelChanged(): void {
  const model = currentModel();
  if (!model) return;
  if (model.textToImage && inputs.length === 0) lastTextModel = model.slug;
  ui.modelDescription.textContent = model.description;
  const size = ui.size.value;
  fillSelect(ui.size, model.sizes);
  ui.size.value = model.sizes.includes(size) ? size : model.defaults.size;
  const [min, max] = model.compressionRange;
  ui.compression.min = String(min);
  ui.compression.max = String(max);
  ui.compressionHint.textContent = `${min}–${max}`;
  const compression = Number(ui.compression.value);
  if (ui.compression.value === '' || !Number.isFinite(compression)) ui.compression.value = String(model.defaults.outputCompression);
  else ui.compression.value = String(Math.min(max, Math.max(min, Math.round(compression))));
  onFormatChanged();
  updateMaskEditor();
}

/** Transparency needs png or webp; compression applies to jpeg and webp only. */
function onFormatChanged(): void {
  const jpeg = ui.format.value === 'jpeg';
  const transparent = Array.from(ui.background.options).find((option) => option.value === 'transparent');
  if (transparent) {
    transparent.disabled = jpeg;
    transparent.textContent = jpeg ? 'transparent (needs png or webp)' : 'transparent';
  }
  if (jpeg && ui.background.value === 'transparent') ui.background.value = 'opaque';
  ui.compressionField.hidden = ui.format.value === 'png';
  onFormChanged();
}

function onFormChanged(): void {
  const model = currentModel();
  const variants = Number(ui.variants.value) || 1;
  ui.cost.textContent = model ? formatCostEstimate(model.estimatedCostUsd, variants) : '';
  ui.cost.classList.toggle('emphasis', variants > 1);
  saveState();
}

function readSettings(): StudioSettings | undefined {
  const model = currentModel();
  if (!model) return undefined;
  const parameters: StudioParameters = {
    size: ui.size.value,
    quality: ui.quality.value as StudioParameters['quality'],
    background: ui.background.value as StudioParameters['background'],
    outputFormat: ui.format.value as StudioParameters['outputFormat'],
    outputCompression: ui.format.value === 'png' ? model.defaults.outputCompression : clampCompression(model),
    moderation: ui.moderation.value as StudioParameters['moderation'],
  };
  return { prompt: ui.prompt.value, model: model.slug, parameters, variants: Number(ui.variants.value) || 1 };
}

function clampCompression(model: ModelView): number {
  const [min, max] = model.compressionRange;
  const value = Math.round(Number(ui.compression.value));
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : model.defaults.outputCompression;
}

/** Puts settings (from history, a sidecar or the saved state) into the form. */
function applySettings(settings: StudioSettings): void {
  ui.prompt.value = settings.prompt;
  const model = models.find((candidate) => candidate.slug === settings.model);
  if (model && !model.textToImage && inputs.length === 0) {
    // An edit's settings without its inputs: keep the parameters, pick a text model.
    refreshModels();
  } else {
    if (model?.textToImage) lastTextModel = model.slug;
    refreshModels(settings.model);
  }
  const p = settings.parameters;
  if (Array.from(ui.size.options).some((option) => option.value === p.size)) ui.size.value = p.size;
  ui.quality.value = p.quality;
  ui.format.value = p.outputFormat;
  ui.background.value = p.background;
  ui.compression.value = String(p.outputCompression);
  ui.moderation.value = p.moderation;
  ui.variants.value = String(Math.min(Math.max(1, settings.variants), ui.variants.options.length));
  onModelChanged();
}

function saveState(): void {
  if (!initialised) return;
  const settings = readSettings();
  vscode.setState({ ...(settings ? { settings } : {}), inputs: inputs.map((input) => input.uri) });
}

function savedState(): StudioWebviewState {
  const state = vscode.getState();
  if (typeof state !== 'object' || state === null) return {};
  const { settings, inputs: saved } = state as StudioWebviewState;
  return {
    ...(settings && typeof settings.prompt === 'string' && typeof settings.parameters === 'object' ? { settings } : {}),
    ...(Array.isArray(saved) ? { inputs: saved.filter((uri): uri is string => typeof uri === 'string') } : {}),
  };
}

// ---- notices and generating ----

function showNotice(notice: NoticeView): void {
  ui.notice.hidden = false;
  ui.notice.className = `notice notice-${notice.severity}`;
  const iconName = notice.severity === 'error' ? 'error' : notice.severity === 'warning' ? 'warning' : 'info';
  const text = element('span', 'notice-text', notice.text);
  const actions = notice.actions.map((command) => iconButton(command === 'setApiKey' ? 'key' : command === 'showLog' ? 'output' : 'credit-card',
    COMMAND_LABELS[command], () => post({ type: 'runCommand', command }), COMMAND_LABELS[command]));
  const dismiss = iconButton('close', 'Dismiss', () => { ui.notice.hidden = true; });
  ui.notice.replaceChildren(icon(iconName), text, ...actions, dismiss);
}

function generate(): void {
  const settings = readSettings();
  if (!settings) return;
  if (settings.prompt.trim() === '') {
    showNotice({ severity: 'warning', text: inputs.length > 0 ? 'Describe the change first.' : 'Describe the image first.', actions: [] });
    ui.prompt.focus();
    return;
  }
  ui.notice.hidden = true;
  const mask = currentModel()?.acceptsMask && inputs.length > 0 ? exportMask() : undefined;
  post({ type: 'generate', request: { ...settings, inputs: inputs.map((input) => input.uri), ...(mask ? { mask } : {}) } });
}

// ---- inputs and the mask ----

function renderInputs(): void {
  ui.inputList.replaceChildren(...inputs.map((input, index) => {
    const item = element('li', 'input-item');
    if (input.src) {
      const image = element('img', 'input-thumb');
      image.src = input.src;
      image.alt = input.path;
      item.append(image);
    } else {
      item.append(element('div', 'input-thumb input-thumb-missing', 'no preview'));
    }
    const caption = element('span', 'input-caption', `${index === 0 && inputs.length > 1 ? '1st: ' : ''}${input.path}`);
    caption.title = input.width && input.height ? `${input.path} (${input.width}×${input.height})` : input.path;
    item.append(caption, iconButton('close', `Remove ${input.path}`, () => removeInput(input.uri)));
    return item;
  }));
  ui.dropZone.classList.toggle('has-inputs', inputs.length > 0);
  ui.generate.title = inputs.length > 0 ? `Edit ${inputs.length === 1 ? 'the image' : `the ${inputs.length} images`} with the prompt` : 'Generate a new image from the prompt';
}

function addInputs(added: readonly InputView[]): void {
  const firstBefore = inputs[0]?.uri;
  for (const input of added) if (!inputs.some((known) => known.uri === input.uri)) inputs.push(input);
  inputs = inputs.slice(0, 16);
  afterInputsChanged(firstBefore);
}

function removeInput(uri: string): void {
  const firstBefore = inputs[0]?.uri;
  inputs = inputs.filter((input) => input.uri !== uri);
  afterInputsChanged(firstBefore);
  (inputs.length > 0 ? ui.inputList.querySelector<HTMLButtonElement>('button') : ui.addInputs)?.focus();
}

function afterInputsChanged(firstBefore: string | undefined): void {
  renderInputs();
  if (inputs[0]?.uri !== firstBefore) resetMask();
  refreshModels();
  saveState();
}

const mask = {
  erase: false,
  drawing: false,
  last: undefined as { x: number; y: number } | undefined,
  undo: [] as ImageData[],
  painted: 0,
};
const MAX_UNDO = 10;

function maskContext(): CanvasRenderingContext2D | null {
  return ui.maskCanvas.getContext('2d', { willReadFrequently: true });
}

function updateMaskEditor(): void {
  const first = inputs[0];
  const show = Boolean(first?.width && first.height && currentModel()?.acceptsMask);
  ui.maskEditor.hidden = !show;
}

function resetMask(): void {
  const first = inputs[0];
  mask.undo = [];
  mask.painted = 0;
  if (first?.width && first.height) {
    ui.maskCanvas.width = first.width;
    ui.maskCanvas.height = first.height;
    ui.maskImage.src = first.src ?? '';
    ui.maskImage.hidden = !first.src;
    ui.maskCanvas.classList.toggle('no-image', !first.src);
  } else {
    ui.maskCanvas.width = 1;
    ui.maskCanvas.height = 1;
    ui.maskImage.removeAttribute('src');
  }
  maskContext()?.clearRect(0, 0, ui.maskCanvas.width, ui.maskCanvas.height);
  updateMaskStatus();
  updateMaskEditor();
}

function updateMaskStatus(): void {
  const total = ui.maskCanvas.width * ui.maskCanvas.height;
  ui.maskStatus.textContent = mask.painted === 0
    ? 'No mask painted: the model decides what to change.'
    : `The painted ${Math.max(1, Math.round((100 * mask.painted) / total))}% of the image will change; the rest is kept.`;
  ui.maskUndo.disabled = mask.undo.length === 0;
  ui.maskClear.disabled = mask.painted === 0;
}

function countMask(): void {
  const context = maskContext();
  if (!context) return;
  mask.painted = countPainted(context.getImageData(0, 0, ui.maskCanvas.width, ui.maskCanvas.height).data);
  updateMaskStatus();
}

function pushUndo(): void {
  const context = maskContext();
  if (!context) return;
  mask.undo.push(context.getImageData(0, 0, ui.maskCanvas.width, ui.maskCanvas.height));
  if (mask.undo.length > MAX_UNDO) mask.undo.shift();
}

function naturalPoint(event: PointerEvent): { x: number; y: number } {
  const box = ui.maskCanvas.getBoundingClientRect();
  return toNaturalPoint({ x: event.clientX, y: event.clientY }, box, { width: ui.maskCanvas.width, height: ui.maskCanvas.height });
}

function strokeTo(point: { x: number; y: number }): void {
  const context = maskContext();
  if (!context) return;
  const box = ui.maskCanvas.getBoundingClientRect();
  const scale = box.width > 0 ? ui.maskCanvas.width / box.width : 1;
  context.globalCompositeOperation = mask.erase ? 'destination-out' : 'source-over';
  context.strokeStyle = '#ffffff';
  context.lineWidth = Number(ui.brushWidth.value) * scale;
  context.lineCap = 'round';
  context.lineJoin = 'round';
  const from = mask.last ?? point;
  context.beginPath();
  context.moveTo(from.x, from.y);
  context.lineTo(point.x, point.y);
  context.stroke();
  mask.last = point;
}

ui.maskCanvas.addEventListener('pointerdown', (event) => {
  if (event.button !== 0) return;
  pushUndo();
  mask.drawing = true;
  mask.last = undefined;
  ui.maskCanvas.setPointerCapture(event.pointerId);
  strokeTo(naturalPoint(event));
});
ui.maskCanvas.addEventListener('pointermove', (event) => {
  if (mask.drawing) strokeTo(naturalPoint(event));
});
const endStroke = (): void => {
  if (!mask.drawing) return;
  mask.drawing = false;
  mask.last = undefined;
  countMask();
};
ui.maskCanvas.addEventListener('pointerup', endStroke);
ui.maskCanvas.addEventListener('pointercancel', endStroke);

ui.maskErase.addEventListener('click', () => {
  mask.erase = !mask.erase;
  ui.maskErase.setAttribute('aria-pressed', String(mask.erase));
  ui.maskCanvas.classList.toggle('erasing', mask.erase);
});
ui.maskUndo.addEventListener('click', () => {
  const previous = mask.undo.pop();
  if (previous) maskContext()?.putImageData(previous, 0, 0);
  countMask();
});
ui.maskClear.addEventListener('click', () => {
  pushUndo();
  maskContext()?.clearRect(0, 0, ui.maskCanvas.width, ui.maskCanvas.height);
  countMask();
});

/** The mask as a PNG at the first image's natural size: painted pixels transparent, the rest opaque. */
function exportMask(): string | undefined {
  const context = maskContext();
  if (!context || mask.painted === 0) return undefined;
  const { width, height } = ui.maskCanvas;
  const pixels = maskFromPaint(context.getImageData(0, 0, width, height).data, width, height);
  const out = element('canvas');
  out.width = width;
  out.height = height;
  out.getContext('2d')?.putImageData(new ImageData(pixels, width, height), 0, 0);
  return out.toDataURL('image/png');
}

// ---- dropping files from the Explorer ----

function droppedUris(transfer: DataTransfer): string[] {
  const lists = [transfer.getData('text/uri-list'), transfer.getData('application/vnd.code.uri-list')];
  const uris: string[] = [];
  for (const list of lists) {
    if (!list) continue;
    let lines: string[];
    try {
      const parsed: unknown = JSON.parse(list);
      lines = Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : list.split(/\r?\n/);
    } catch {
      lines = list.split(/\r?\n/);
    }
    for (const line of lines.map((entry) => entry.trim())) if (line && !line.startsWith('#') && !uris.includes(line)) uris.push(line);
  }
  return uris.slice(0, 16);
}

document.addEventListener('dragover', (event) => {
  event.preventDefault();
  if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  ui.dropZone.classList.add('dragging');
});
document.addEventListener('dragleave', (event) => {
  if (event.relatedTarget === null) ui.dropZone.classList.remove('dragging');
});
document.addEventListener('drop', (event) => {
  event.preventDefault();
  ui.dropZone.classList.remove('dragging');
  const uris = event.dataTransfer ? droppedUris(event.dataTransfer) : [];
  if (uris.length > 0) post({ type: 'addInputs', uris });
  else showNotice({ severity: 'warning', text: 'Only images from this workspace can be added: drag them from the Explorer while holding Shift, or use Add Images….', actions: [] });
});

// ---- jobs ----

const STATE_ICONS: Readonly<Record<JobView['state'], string>> = {
  submitting: 'cloud-upload', queued: 'clock', processing: 'sync', 'rate-limited': 'watch', downloading: 'cloud-download',
  saved: 'check', failed: 'error', cancelled: 'circle-slash', expired: 'history',
};

function elapsedOf(job: { readonly view: JobView; readonly receivedAt: number }): string {
  return formatDuration(job.view.elapsedMs + (job.view.running ? Date.now() - job.receivedAt : 0));
}

function renderJobs(): void {
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset['focusKey'] : undefined;
  ui.jobsEmpty.hidden = jobs.length > 0;
  ui.jobList.replaceChildren(...jobs.map((job) => {
    const { view } = job;
    const item = element('li', `job job-${view.state}`);
    item.dataset['jobId'] = view.id;
    const head = element('div', 'job-head');
    const stateIcon = icon(STATE_ICONS[view.state]);
    if (view.state === 'processing') stateIcon.classList.add('codicon-modifier-spin');
    const elapsed = element('span', 'job-elapsed', elapsedOf(job));
    head.append(stateIcon, element('span', 'job-state', view.state), element('span', 'job-dot', '·'), elapsed, element('span', 'job-model', view.model));
    item.append(head, element('div', 'job-prompt', view.prompt));
    if (view.running) {
      const cancel = iconButton('circle-slash', 'Cancel', () => post({ type: 'cancelJob', jobId: view.id }), 'Cancel');
      cancel.dataset['focusKey'] = `cancel-${view.id}`;
      cancel.title = 'Stop waiting for this job here. Segmind cannot cancel it: it may still finish and charge for it.';
      item.append(element('div', 'job-actions'));
      item.lastElementChild?.append(cancel, element('span', 'hint', 'Segmind may still charge for a cancelled job.'));
    }
    if (view.error) {
      const error = element('div', 'job-error', view.error);
      error.setAttribute('role', 'status');
      item.append(error);
    }
    if (view.savedPath) {
      const open = iconButton('go-to-file', `Open ${view.savedPath}`, () => post({ type: 'openJobImage', jobId: view.id }), view.savedPath);
      open.dataset['focusKey'] = `open-${view.id}`;
      item.append(element('div', 'job-actions'));
      item.lastElementChild?.append(open);
    }
    return item;
  }));
  if (focused) ui.jobList.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focused)}"]`)?.focus();
}

setInterval(() => {
  for (const job of jobs) {
    if (!job.view.running) continue;
    const elapsed = ui.jobList.querySelector(`[data-job-id="${CSS.escape(job.view.id)}"] .job-elapsed`);
    if (elapsed) elapsed.textContent = elapsedOf(job);
  }
}, 1000);

// ---- gallery ----

function renderGallery(items: readonly GalleryItemView[], folder: string): void {
  ui.galleryEmpty.hidden = items.length > 0;
  ui.galleryEmpty.textContent = `Images you generate in this workspace appear here${folder ? ` (from ${folder}/)` : ''}.`;
  ui.gallery.replaceChildren(...items.map((item) => {
    const card = element('li', 'gallery-item');
    const open = element('button', 'thumb-button');
    open.type = 'button';
    open.setAttribute('aria-label', `Open ${item.path}`);
    open.title = `${item.path}\n${item.prompt}`;
    const image = element('img', 'thumb');
    image.src = item.src;
    image.alt = '';
    image.loading = 'lazy';
    open.append(image);
    open.addEventListener('click', () => post({ type: 'galleryAction', action: 'open', uri: item.uri }));
    const meta = element('div', 'gallery-meta');
    meta.append(element('span', 'gallery-name', item.name), element('span', 'gallery-prompt', item.prompt),
      element('span', 'gallery-details', [item.model, item.width && item.height ? `${item.width}×${item.height}` : '', new Date(item.savedAt).toLocaleString()].filter(Boolean).join(' · ')));
    const actions = element('div', 'gallery-actions');
    const act = (action: 'reveal' | 'copyLink' | 'useAsInput' | 'regenerate') => () => post({ type: 'galleryAction', action, uri: item.uri });
    actions.append(
      iconButton('go-to-file', `Open ${item.name}`, () => post({ type: 'galleryAction', action: 'open', uri: item.uri })),
      iconButton('files', `Reveal ${item.name} in the Explorer`, act('reveal')),
      iconButton('link', `Copy a Markdown link to ${item.name}`, act('copyLink')),
      iconButton('edit', `Use ${item.name} as an edit input`, act('useAsInput')),
      iconButton('refresh', `Run again with the settings of ${item.name}`, act('regenerate')),
    );
    card.append(open, meta, actions);
    return card;
  }));
}

// ---- history ----

function renderHistory(): void {
  const shown = filterHistory(historyEntries, ui.historyFilter.value);
  ui.historyEmpty.hidden = shown.length > 0;
  ui.historyEmpty.textContent = historyEntries.length === 0 ? 'Prompts you run from the Studio are kept here.' : 'No prompt in the history matches.';
  ui.history.replaceChildren(...shown.map((entry) => {
    const item = element('li');
    const button = element('button', 'history-entry');
    button.type = 'button';
    button.title = 'Put these settings into the form';
    button.append(element('span', 'history-prompt', entry.prompt),
      element('span', 'history-details', `${entry.model} · ${entry.parameters.size} · ${entry.parameters.quality}${entry.variants > 1 ? ` · ${entry.variants} variants` : ''} · ${new Date(entry.at).toLocaleString()}`));
    button.addEventListener('click', () => {
      applySettings(entry);
      ui.prompt.focus();
    });
    item.append(button);
    return item;
  }));
}

// ---- messages from the host ----

function init(message: Extract<HostToWebview, { type: 'init' }>): void {
  models = message.models;
  defaults = message.defaults;
  fillSelect(ui.quality, QUALITIES);
  fillSelect(ui.background, BACKGROUNDS);
  fillSelect(ui.format, FORMATS);
  fillSelect(ui.moderation, MODERATIONS);
  fillSelect(ui.variants, Array.from({ length: message.maxVariants }, (_, index) => String(index + 1)));
  const saved = savedState();
  const start = saved.settings ?? message.defaults;
  applySettings(start);
  initialised = true;
  saveState();
  if (saved.inputs && saved.inputs.length > 0 && inputs.length === 0) post({ type: 'addInputs', uris: saved.inputs.slice(0, 16) });
  if (!message.hasWorkspace) showNotice({ severity: 'warning', text: 'Open a folder first: generated images are saved into the workspace.', actions: [] });
}

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'init': init(message); break;
    case 'jobs':
      jobs = message.jobs.map((view) => ({ view, receivedAt: Date.now() }));
      renderJobs();
      break;
    case 'gallery': renderGallery(message.items, message.folder); break;
    case 'history':
      historyEntries = message.entries;
      renderHistory();
      break;
    case 'inputsAdded': addInputs(message.inputs); break;
    case 'restoreSettings': applySettings(message.settings); break;
    case 'notice': showNotice(message.notice); break;
    case 'busy':
      ui.busy.textContent = message.text ?? '';
      ui.busy.classList.toggle('active', message.text !== null);
      break;
  }
});

// ---- wiring ----

ui.model.addEventListener('change', onModelChanged);
ui.format.addEventListener('change', onFormatChanged);
for (const control of [ui.size, ui.quality, ui.background, ui.moderation, ui.variants, ui.compression]) control.addEventListener('change', onFormChanged);
ui.prompt.addEventListener('input', saveState);
ui.prompt.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    generate();
  }
});
ui.generate.addEventListener('click', generate);
ui.addInputs.addEventListener('click', () => post({ type: 'pickInputs' }));
ui.historyFilter.addEventListener('input', renderHistory);
renderInputs();
resetMask();

post({ type: 'ready' });
