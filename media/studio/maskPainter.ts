/**
 * The mask brush over the first input image: paint where the model may change the picture (brush
 * width, erase, undo, clear). Exported at the image's natural size, painted pixels transparent and
 * the rest opaque (src/shared/maskPixels.ts does the pixel arithmetic).
 */
import * as l10n from '@vscode/l10n';
import type { InputView } from '../../src/protocol/studioProtocol';
import { countPainted, maskFromPaint, toNaturalPoint } from '../../src/shared/maskPixels';
import { byId, element } from './dom';

const MAX_UNDO = 10;

export class MaskPainter {
  readonly #editor = byId<HTMLDivElement>('mask-editor');
  readonly #image = byId<HTMLImageElement>('mask-image');
  readonly #canvas = byId<HTMLCanvasElement>('mask-canvas');
  readonly #brushWidth = byId<HTMLInputElement>('brush-width');
  readonly #eraseButton = byId<HTMLButtonElement>('mask-erase');
  readonly #undoButton = byId<HTMLButtonElement>('mask-undo');
  readonly #clearButton = byId<HTMLButtonElement>('mask-clear');
  readonly #status = byId<HTMLSpanElement>('mask-status');

  #erasing = false;
  #drawing = false;
  #last: { x: number; y: number } | undefined;
  #undoStack: ImageData[] = [];
  #painted = 0;

  constructor() {
    this.#canvas.addEventListener('pointerdown', (event) => {
      if (event.button !== 0) return;
      this.#pushUndo();
      this.#drawing = true;
      this.#last = undefined;
      this.#canvas.setPointerCapture(event.pointerId);
      this.#strokeTo(this.#naturalPoint(event));
    });
    this.#canvas.addEventListener('pointermove', (event) => {
      if (this.#drawing) this.#strokeTo(this.#naturalPoint(event));
    });
    this.#canvas.addEventListener('pointerup', () => this.#endStroke());
    this.#canvas.addEventListener('pointercancel', () => this.#endStroke());
    this.#eraseButton.addEventListener('click', () => {
      this.#erasing = !this.#erasing;
      this.#eraseButton.setAttribute('aria-pressed', String(this.#erasing));
      this.#canvas.classList.toggle('erasing', this.#erasing);
    });
    this.#undoButton.addEventListener('click', () => {
      const previous = this.#undoStack.pop();
      if (previous) this.#context()?.putImageData(previous, 0, 0);
      this.#count();
    });
    this.#clearButton.addEventListener('click', () => {
      this.#pushUndo();
      this.#context()?.clearRect(0, 0, this.#canvas.width, this.#canvas.height);
      this.#count();
    });
  }

  /** Starts over on this image (the first input), or on none. */
  reset(first: InputView | undefined): void {
    this.#undoStack = [];
    this.#painted = 0;
    if (first?.width && first.height) {
      this.#canvas.width = first.width;
      this.#canvas.height = first.height;
      this.#image.src = first.src ?? '';
      this.#image.hidden = !first.src;
      this.#canvas.classList.toggle('no-image', !first.src);
    } else {
      this.#canvas.width = 1;
      this.#canvas.height = 1;
      this.#image.removeAttribute('src');
    }
    this.#context()?.clearRect(0, 0, this.#canvas.width, this.#canvas.height);
    this.#updateStatus();
  }

  /** Shown only for an image of known size, with a model that takes a mask. */
  setVisible(visible: boolean): void {
    this.#editor.hidden = !visible;
  }

  /** The mask as a PNG data URL, or undefined when nothing is painted (or it is hidden). */
  export(): string | undefined {
    const context = this.#context();
    if (!context || this.#painted === 0 || this.#editor.hidden) return undefined;
    const { width, height } = this.#canvas;
    const pixels = maskFromPaint(context.getImageData(0, 0, width, height).data, width, height);
    const out = element('canvas');
    out.width = width;
    out.height = height;
    out.getContext('2d')?.putImageData(new ImageData(pixels, width, height), 0, 0);
    return out.toDataURL('image/png');
  }

  #context(): CanvasRenderingContext2D | null {
    return this.#canvas.getContext('2d', { willReadFrequently: true });
  }

  #endStroke(): void {
    if (!this.#drawing) return;
    this.#drawing = false;
    this.#last = undefined;
    this.#count();
  }

  #count(): void {
    const context = this.#context();
    if (!context) return;
    this.#painted = countPainted(context.getImageData(0, 0, this.#canvas.width, this.#canvas.height).data);
    this.#updateStatus();
  }

  #updateStatus(): void {
    const total = this.#canvas.width * this.#canvas.height;
    this.#status.textContent =
      this.#painted === 0
        ? l10n.t('No mask painted: the model decides what to change.')
        : l10n.t('The painted {0}% of the image will change; the rest is kept.', Math.max(1, Math.round((100 * this.#painted) / total)));
    this.#undoButton.disabled = this.#undoStack.length === 0;
    this.#clearButton.disabled = this.#painted === 0;
  }

  #pushUndo(): void {
    const context = this.#context();
    if (!context) return;
    this.#undoStack.push(context.getImageData(0, 0, this.#canvas.width, this.#canvas.height));
    if (this.#undoStack.length > MAX_UNDO) this.#undoStack.shift();
  }

  #naturalPoint(event: PointerEvent): { x: number; y: number } {
    const box = this.#canvas.getBoundingClientRect();
    return toNaturalPoint({ x: event.clientX, y: event.clientY }, box, { width: this.#canvas.width, height: this.#canvas.height });
  }

  #strokeTo(point: { x: number; y: number }): void {
    const context = this.#context();
    if (!context) return;
    const box = this.#canvas.getBoundingClientRect();
    const scale = box.width > 0 ? this.#canvas.width / box.width : 1;
    context.globalCompositeOperation = this.#erasing ? 'destination-out' : 'source-over';
    context.strokeStyle = '#ffffff';
    context.lineWidth = Number(this.#brushWidth.value) * scale;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    const from = this.#last ?? point;
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(point.x, point.y);
    context.stroke();
    this.#last = point;
  }
}
