/**
 * The form: prompt, model and only the parameters the chosen model takes, variants and the cost of
 * the run. Which models are offered depends on the edit inputs (none: text to image; some: the
 * models that edit that many). Every value list and limit comes from the host's `init`.
 */
import * as l10n from '@vscode/l10n';
import type { ModelView, StudioChoices, StudioParameters, StudioSettings } from '../../src/protocol/studioProtocol';
import { formatCostEstimate } from '../../src/shared/format';
import { keepsTransparency, readSize, usesCompression } from '../../src/shared/imageRules';
import { byId, fillSelect } from './dom';

export class Form {
  readonly prompt = byId<HTMLTextAreaElement>('prompt');
  readonly #model = byId<HTMLSelectElement>('model');
  readonly #modelDescription = byId<HTMLParagraphElement>('model-description');
  readonly #size = byId<HTMLSelectElement>('size');
  readonly #quality = byId<HTMLSelectElement>('quality');
  readonly #background = byId<HTMLSelectElement>('background');
  readonly #format = byId<HTMLSelectElement>('format');
  readonly #compression = byId<HTMLInputElement>('compression');
  readonly #compressionField = byId<HTMLDivElement>('compression-field');
  readonly #compressionHint = byId<HTMLSpanElement>('compression-hint');
  readonly #moderation = byId<HTMLSelectElement>('moderation');
  readonly #variants = byId<HTMLSelectElement>('variants');
  readonly #cost = byId<HTMLSpanElement>('cost');
  readonly #exactSize = byId<HTMLInputElement>('exact-size');
  readonly #presets = byId<HTMLDataListElement>('exact-size-presets');
  readonly #fit = byId<HTMLSelectElement>('fit');
  readonly #saveTo = byId<HTMLInputElement>('save-to');
  readonly #styleRow = byId<HTMLLabelElement>('style-row');
  readonly #useStyle = byId<HTMLInputElement>('use-style');

  #models: readonly ModelView[] = [];
  #defaultModel: string | undefined;
  #defaultEditModel: string | undefined;
  /** The text-to-image model to go back to when the inputs are removed. */
  #lastTextModel: string | undefined;
  #inputCount = 0;

  readonly #onChange: () => void;

  /** `onChange` runs after every change of a value (to keep the state, and the mask editor in step). */
  constructor(onChange: () => void) {
    this.#onChange = onChange;
    this.#model.addEventListener('change', () => this.#modelChanged());
    this.#format.addEventListener('change', () => this.#formatChanged());
    for (const control of [this.#size, this.#quality, this.#background, this.#moderation, this.#variants, this.#compression]) {
      control.addEventListener('change', () => this.#valuesChanged());
    }
    this.prompt.addEventListener('input', () => this.#onChange());
    this.#exactSize.addEventListener('input', () => this.#exactSizeChanged());
    this.#fit.addEventListener('change', () => this.#onChange());
    this.#saveTo.addEventListener('input', () => this.#onChange());
    this.#useStyle.addEventListener('change', () => this.#onChange());
  }

  /** The project's style, shown under the prompt with a box to leave it out of one run; hidden when there is none. */
  showStyle(stylePrompt: string | undefined): void {
    this.#styleRow.hidden = !stylePrompt;
    byId<HTMLSpanElement>('style-text').textContent = stylePrompt ?? '';
  }

  init(models: readonly ModelView[], defaults: StudioSettings, choices: StudioChoices): void {
    this.#models = models;
    this.#defaultModel = defaults.model;
    this.#defaultEditModel = choices.defaultEditModel;
    fillSelect(this.#quality, choices.qualities);
    fillSelect(this.#background, choices.backgrounds);
    fillSelect(this.#format, choices.outputFormats);
    fillSelect(this.#moderation, choices.moderations);
    fillSelect(
      this.#variants,
      Array.from({ length: choices.maxVariants }, (_, index) => String(index + 1)),
    );
    fillSelect(this.#fit, choices.fits);
    this.#presets.replaceChildren(
      ...choices.sizePresets.map((preset) => {
        const option = document.createElement('option');
        option.value = preset.size;
        option.label = `${preset.label} (${preset.size})`;
        return option;
      }),
    );
    this.#exactSizeChanged();
  }

  get currentModel(): ModelView | undefined {
    return this.#models.find((model) => model.slug === this.#model.value);
  }

  /** The inputs changed: offer the models that fit them. */
  setInputCount(count: number): void {
    this.#inputCount = count;
    this.#refreshModels();
  }

  settings(): StudioSettings | undefined {
    const model = this.currentModel;
    if (!model) return undefined;
    const parameters: StudioParameters = {
      size: this.#size.value as StudioParameters['size'],
      quality: this.#quality.value as StudioParameters['quality'],
      background: this.#background.value as StudioParameters['background'],
      outputFormat: this.#format.value as StudioParameters['outputFormat'],
      outputCompression: this.#format.value === 'png' ? model.defaults.outputCompression : this.#clampedCompression(model),
      moderation: this.#moderation.value as StudioParameters['moderation'],
    };
    const resize = this.exactSize();
    return {
      prompt: this.prompt.value,
      model: model.slug,
      parameters,
      variants: Number(this.#variants.value) || 1,
      ...(resize ? { resize, fit: this.#fit.value as NonNullable<StudioSettings['fit']> } : {}),
      ...(this.#saveTo.value.trim() ? { path: this.#saveTo.value.trim() } : {}),
      ...(!this.#styleRow.hidden && !this.#useStyle.checked ? { style: false as const } : {}),
    };
  }

  /** "Exact size" as "WxH" (spaces and × allowed in the field), undefined when empty; null when it is not a size. */
  exactSize(): string | undefined | null {
    const text = this.#exactSize.value.trim();
    if (text === '') return undefined;
    // The host's own rule (1–4096 a side), so a size the host would refuse is never sent.
    const size = readSize(text);
    return size ? `${size.width}x${size.height}` : null;
  }

  #exactSizeChanged(): void {
    this.#fit.disabled = this.#exactSize.value.trim() === '';
    this.#onChange();
  }

  /** Puts settings (from history, a sidecar or the saved state) into the form. */
  apply(settings: StudioSettings): void {
    this.prompt.value = settings.prompt;
    const model = this.#models.find((candidate) => candidate.slug === settings.model);
    if (model && !model.textToImage && this.#inputCount === 0) {
      this.#refreshModels(); // an edit's settings without its inputs: keep the parameters, pick a text model
    } else {
      if (model?.textToImage) this.#lastTextModel = model.slug;
      this.#refreshModels(settings.model);
    }
    const p = settings.parameters;
    if (Array.from(this.#size.options).some((option) => option.value === p.size)) this.#size.value = p.size;
    this.#quality.value = p.quality;
    this.#format.value = p.outputFormat;
    this.#background.value = p.background;
    this.#compression.value = String(p.outputCompression);
    this.#moderation.value = p.moderation;
    this.#variants.value = String(Math.min(Math.max(1, settings.variants), this.#variants.options.length));
    this.#exactSize.value = settings.resize ?? '';
    if (settings.fit) this.#fit.value = settings.fit;
    this.#fit.disabled = !settings.resize;
    this.#saveTo.value = settings.path ?? '';
    this.#useStyle.checked = settings.style !== false;
    this.#modelChanged();
  }

  #refreshModels(preferred?: string): void {
    const available =
      this.#inputCount === 0 ? this.#models.filter((model) => model.textToImage) : this.#models.filter((model) => model.maxEditImages >= this.#inputCount);
    const before = this.#model.value;
    fillSelect(
      this.#model,
      available.map((model) => model.slug),
      (slug) => {
        const model = this.#models.find((candidate) => candidate.slug === slug);
        return model ? `${model.label} (${slug})` : slug;
      },
    );
    const wanted = [preferred, before, this.#inputCount === 0 ? (this.#lastTextModel ?? this.#defaultModel) : this.#defaultEditModel];
    const choice = wanted.find((slug) => slug !== undefined && available.some((model) => model.slug === slug)) ?? available[0]?.slug;
    if (choice) this.#model.value = choice;
    this.#modelChanged();
  }

  #modelChanged(): void {
    const model = this.currentModel;
    if (!model) return;
    if (model.textToImage && this.#inputCount === 0) this.#lastTextModel = model.slug;
    this.#modelDescription.textContent = model.description;
    const size = this.#size.value;
    fillSelect(this.#size, model.sizes);
    this.#size.value = model.sizes.includes(size) ? size : model.defaults.size;
    const [min, max] = model.compressionRange;
    this.#compression.min = String(min);
    this.#compression.max = String(max);
    this.#compressionHint.textContent = `${min}–${max}`;
    const compression = Number(this.#compression.value);
    this.#compression.value =
      this.#compression.value === '' || !Number.isFinite(compression)
        ? String(model.defaults.outputCompression)
        : String(Math.min(max, Math.max(min, Math.round(compression))));
    this.#formatChanged();
  }

  /** Transparency needs png or webp; compression applies to jpeg and webp only. */
  #formatChanged(): void {
    const opaqueOnly = !keepsTransparency(this.#format.value);
    const transparent = Array.from(this.#background.options).find((option) => option.value === 'transparent');
    if (transparent) {
      transparent.disabled = opaqueOnly;
      transparent.textContent = opaqueOnly ? l10n.t('transparent (needs png or webp)') : 'transparent';
    }
    if (opaqueOnly && this.#background.value === 'transparent') this.#background.value = 'opaque';
    this.#compressionField.hidden = !usesCompression(this.#format.value);
    this.#valuesChanged();
  }

  #valuesChanged(): void {
    const model = this.currentModel;
    const variants = Number(this.#variants.value) || 1;
    this.#cost.textContent = model ? formatCostEstimate(this.#pricePerImage(model), variants) : '';
    this.#cost.classList.toggle('emphasis', variants > 1);
    this.#onChange();
  }

  /** The hold of one image: its size and quality, or the dearest size when the model decides it. */
  #pricePerImage(model: ModelView): number {
    const byQuality = (size: string): number => model.pricesUsd[size]?.[this.#quality.value] ?? Math.max(...Object.values(model.pricesUsd[size] ?? {}), 0);
    return model.pricesUsd[this.#size.value] ? byQuality(this.#size.value) : Math.max(...Object.keys(model.pricesUsd).map(byQuality), 0);
  }

  #clampedCompression(model: ModelView): number {
    const [min, max] = model.compressionRange;
    const value = Math.round(Number(this.#compression.value));
    return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : model.defaults.outputCompression;
  }
}
