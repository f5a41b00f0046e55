/**
 * The Image Studio webview: wires its views (one module each) and routes the host's messages to
 * them. It talks to the host only through the typed messages of src/protocol/studioProtocol.ts
 * (types only; the host validates everything this sends) and keeps its state with the host's
 * setState, so a reload restores the form and the inputs.
 */
// First: the host's bundle is configured before any module below can say a word.
import './words';
import * as l10n from '@vscode/l10n';
import type { HostToWebview } from '../../src/protocol/studioProtocol';
import { byId } from './dom';
import { Form } from './form';
import { Gallery } from './gallery';
import { PromptHistoryList } from './history';
import { connectToHost } from './host';
import { EditInputs } from './inputs';
import { JobCards } from './jobs';
import { MaskPainter } from './maskPainter';
import { Notices } from './notices';

const host = connectToHost();
const generateButton = byId<HTMLButtonElement>('generate');
/** State is saved only once the host's `init` has filled the form, so a half-built form never overwrites it. */
let initialised = false;

const notices = new Notices((command, setting) => host.post({ type: 'runCommand', command, ...(setting ? { setting } : {}) }));
const mask = new MaskPainter();
const form = new Form(() => {
  updateMaskEditor();
  saveState();
});
const inputs = new EditInputs({
  onChange: (firstChanged) => {
    if (firstChanged) mask.reset(inputs.first);
    form.setInputCount(inputs.all.length);
    saveState();
  },
  onPick: () => host.post({ type: 'pickInputs' }),
  onDrop: (uris) => {
    if (uris.length > 0) host.post({ type: 'addInputs', uris });
    else notices.warn(l10n.t('Only images from this workspace can be added: drag them from the Explorer while holding Shift, or use Add Images….'));
  },
});
const jobs = new JobCards({
  cancel: (jobId) => host.post({ type: 'cancelJob', jobId }),
  open: (jobId) => host.post({ type: 'openJobImage', jobId }),
});
const gallery = new Gallery((action, uri) => host.post({ type: 'galleryAction', action, uri }));
const promptHistory = new PromptHistoryList((entry) => {
  form.apply(entry);
  form.prompt.focus();
});

function updateMaskEditor(): void {
  const first = inputs.first;
  mask.setVisible(Boolean(first?.width && first.height && form.currentModel?.acceptsMask));
}

function saveState(): void {
  if (!initialised) return;
  const settings = form.settings();
  host.saveState({ ...(settings ? { settings } : {}), inputs: inputs.all.map((input) => input.uri) });
}

function generate(): void {
  const settings = form.settings();
  if (!settings) return;
  if (settings.prompt.trim() === '') {
    notices.warn(inputs.all.length > 0 ? l10n.t('Describe the change first.') : l10n.t('Describe the image first.'));
    form.prompt.focus();
    return;
  }
  if (form.exactSize() === null) {
    notices.warn(l10n.t('Exact size: write the width and height in pixels, like 1200x630.'));
    return;
  }
  notices.hide();
  const painted = form.currentModel?.acceptsMask && inputs.all.length > 0 ? mask.export() : undefined;
  host.post({ type: 'generate', request: { ...settings, inputs: inputs.all.map((input) => input.uri), ...(painted ? { mask: painted } : {}) } });
}

function init(message: Extract<HostToWebview, { type: 'init' }>): void {
  form.init(message.models, message.defaults, message.choices);
  form.showStyle(message.stylePrompt);
  inputs.setLimit(message.choices.maxInputs);
  const saved = host.savedState();
  form.apply(saved.settings ?? message.defaults);
  initialised = true;
  saveState();
  if (saved.inputs && saved.inputs.length > 0 && inputs.all.length === 0) {
    host.post({ type: 'addInputs', uris: saved.inputs.slice(0, message.choices.maxInputs) });
  }
  if (!message.hasWorkspace) notices.warn(l10n.t('Open a folder first: generated images are saved into the workspace.'));
}

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'init':
      return init(message);
    case 'jobs':
      return jobs.show(message.jobs);
    case 'gallery':
      return gallery.show(message.items, message.folder);
    case 'history':
      return promptHistory.show(message.entries);
    case 'inputsAdded':
      return inputs.add(message.inputs);
    case 'restoreSettings':
      return form.apply(message.settings);
    case 'notice':
      return notices.show(message.notice);
    case 'busy':
      return notices.setBusy(message.text);
  }
});

generateButton.addEventListener('click', generate);
form.prompt.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    generate();
  }
});
mask.reset(undefined);
updateMaskEditor();
host.post({ type: 'ready' });
