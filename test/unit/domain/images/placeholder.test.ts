/** Free placeholders: the options checked, and the drawing decoded pixel by pixel (background, label present, exact size). */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import { InvalidParametersError } from '../../../../src/domain/errors/errors';
import { DEFAULT_PLACEHOLDER_BACKGROUND, MAX_LABEL_LENGTH, placeholderSpec, type PlaceholderSpec } from '../../../../src/domain/images/placeholder';
import { MAX_PROMPT_LENGTH } from '../../../../src/domain/generation/catalog';
import { drawPlaceholder, labelColourOn, labelPath, placeholderSvg } from '../../../../src/pixels/placeholder';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..', '..');
/** The font the extension bundles (esbuild.mjs copies it next to dist/extension.js). */
export const LABEL_FONT = new Uint8Array(fs.readFileSync(path.join(repoRoot, 'node_modules', '@fontsource', 'inter', 'files', 'inter-latin-400-normal.woff')));

async function decoded(bytes: Uint8Array): Promise<{ data: Buffer; width: number; height: number; format: string | undefined }> {
  const format = (await sharp(bytes).metadata()).format;
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, format };
}

const rgb = (hex: string): number[] => [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
const near = (a: readonly number[], b: readonly number[], tolerance: number): boolean =>
  a.every((value, index) => Math.abs(value - (b[index] ?? 0)) <= tolerance);

function pixelsOf(image: { data: Buffer }, colour: readonly number[], tolerance: number): number {
  let count = 0;
  for (let at = 0; at < image.data.length; at += 3) if (near([image.data[at]!, image.data[at + 1]!, image.data[at + 2]!], colour, tolerance)) count++;
  return count;
}

function throwsParameter(run: () => unknown, parameter: string, message: RegExp): void {
  assert.throws(
    run,
    (error: unknown) =>
      error instanceof InvalidParametersError && error.problems.some((problem) => problem.parameter === parameter && message.test(problem.message)),
  );
}

describe('Free placeholders', function () {
  describe('what to draw', () => {
    it('the size, the format from the extension, a neutral background and the label "W × H" by default', () => {
      const spec = placeholderSpec({ size: '1200x630' }, 'hero.JPG');
      assert.deepEqual(spec, { width: 1200, height: 630, format: 'jpeg', background: DEFAULT_PLACEHOLDER_BACKGROUND, label: '1200 × 630' });
      assert.equal(placeholderSpec({ size: '64x64', label: '  Team  photo ', prompt: ' A team ' }, 'a.webp').label, 'Team photo');
      assert.equal(placeholderSpec({ size: '64x64', prompt: ' A team ' }, 'a.svg').prompt, 'A team');
    });

    it('no label under 64 px on the shorter side', () => {
      assert.equal(placeholderSpec({ size: '1200x63', label: 'x' }, 'a.png').label, '');
    });

    it('refuses a bad size, another extension and a colour that is not #rrggbb', () => {
      throwsParameter(() => placeholderSpec({ size: '0x20' }, 'a.png'), 'size', /Size "0x20" is not a size.*1 to 4096/);
      assert.deepEqual([placeholderSpec({ size: '12x12' }, 'a.png').width, placeholderSpec({ size: '1x1' }, 'a.png').height], [12, 1]);
      throwsParameter(() => placeholderSpec({}, 'a.png'), 'size', /Size undefined is not a size/);
      throwsParameter(() => placeholderSpec({ size: '100x100' }, 'a.bmp'), 'path', /\.webp, \.avif, \.gif, \.ico or \.svg; "a\.bmp"/);
      throwsParameter(() => placeholderSpec({ size: '100x100', background: 'red' }, 'a.png'), 'background', /"#rrggbb"/);
    });

    it('refuses a label or a prompt over its limit, whoever called (a script, an agent, a fill): the values are checked here, once', () => {
      throwsParameter(
        () => placeholderSpec({ size: '400x200', label: 'x'.repeat(MAX_LABEL_LENGTH + 1) }, 'a.png'),
        'label',
        /201 characters long; the limit is 200/,
      );
      assert.equal(placeholderSpec({ size: '400x200', label: 'x'.repeat(MAX_LABEL_LENGTH) }, 'a.png').label.length, MAX_LABEL_LENGTH);
      throwsParameter(() => placeholderSpec({ size: '400x200', prompt: 'y'.repeat(MAX_PROMPT_LENGTH + 1) }, 'a.png'), 'prompt', /32001 characters long/);
      assert.equal(placeholderSpec({ size: '400x200', prompt: '   ' }, 'a.png').prompt, undefined, 'a blank prompt is no prompt');
    });

    it('the label contrasts with the background', () => {
      assert.equal(labelColourOn('#ffffff'), '#3b4048');
      assert.equal(labelColourOn('#102030'), '#f3f4f6');
    });
  });

  describe('drawing', () => {
    const spec = (format: PlaceholderSpec['format'], more: Partial<PlaceholderSpec> = {}): PlaceholderSpec => ({
      width: 1200,
      height: 630,
      format,
      background: '#336699',
      label: '1200 × 630',
      ...more,
    });

    it('PNG, JPEG and WebP of exactly the size: mostly background, with the label in the contrasting colour in the middle', async () => {
      for (const format of ['png', 'jpeg', 'webp'] as const) {
        const image = await decoded(await drawPlaceholder(spec(format), LABEL_FONT));
        assert.equal(image.format, format);
        assert.deepEqual([image.width, image.height], [1200, 630], format);
        const total = image.width * image.height;
        const background = pixelsOf(image, rgb('#336699'), 6);
        const label = pixelsOf(image, rgb(labelColourOn('#336699')), 24);
        assert.ok(background > total * 0.8, `${format}: background ${background} of ${total}`);
        assert.ok(label > total * 0.005, `${format}: label pixels ${label}`);
        // The label is in the middle band, and the corners are background.
        const at = (x: number, y: number): number[] => [...image.data.subarray((y * image.width + x) * 3, (y * image.width + x) * 3 + 3)];
        assert.ok(near(at(0, 0), rgb('#336699'), 6) && near(at(1199, 629), rgb('#336699'), 6), `${format}: corners`);
      }
    });

    it('without a label (too small, or no character in the font) the image is the background alone', async () => {
      const tiny = await decoded(await drawPlaceholder(spec('png', { width: 48, height: 48, label: '' }), LABEL_FONT));
      assert.equal(pixelsOf(tiny, rgb('#336699'), 1), 48 * 48);
      assert.equal(labelPath({ width: 400, height: 400, label: '日本語' }, LABEL_FONT), '', 'characters the font lacks are left out, never a failure');
      assert.notEqual(labelPath({ width: 400, height: 400, label: 'a日b' }, LABEL_FONT), '');
    });

    it('SVG: a valid document of that width and height, the label as outlines (no font needed), the label escaped', async () => {
      const svg = placeholderSvg(spec('svg', { label: 'A <b> & "c"' }), LABEL_FONT);
      assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1200" height="630" viewBox="0 0 1200 630"/);
      assert.doesNotMatch(svg, /<text|<b>/);
      assert.match(svg, /<path d="M/);
      const image = await decoded(new TextEncoder().encode(svg));
      assert.deepEqual([image.width, image.height], [1200, 630]);
    });

    it('a label with control characters still makes a valid SVG and a PNG (they are left out)', async () => {
      const label = 'Tab\u0001Name\u0007 \ud800!';
      const labelled = placeholderSpec({ size: '400x200', label }, 'a.png');
      assert.equal(labelled.label, 'TabName !');
      for (const format of ['svg', 'png'] as const) {
        const drawn = await drawPlaceholder({ ...placeholderSpec({ size: '400x200', label }, `a.${format}`) }, LABEL_FONT);
        const image = await decoded(drawn);
        assert.deepEqual([image.format, image.width, image.height], [format, 400, 200]);
      }
    });

    it('exact sizes from 1 pixel: a 12×12 bullet and a 1×1 spacer, background only', async () => {
      for (const side of [12, 1]) {
        const image = await decoded(await drawPlaceholder(placeholderSpec({ size: `${side}x${side}` }, 'bullet.png'), LABEL_FONT));
        assert.deepEqual([image.width, image.height], [side, side]);
      }
    });
  });
});
