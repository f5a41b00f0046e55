/**
 * Making sets: which missing files go together and which one is rendered (pure), the project's
 * style joined to the prompt, and files written in AVIF, GIF and ICO — placeholders and files
 * converted from a render — decoded to check their format and pixel size.
 */
import * as assert from 'node:assert/strict';
import sharp from 'sharp';
import { groupIntoSets } from '../../src/domain/images/imageSets';
import { icoSizesFor, fileFormatOfExtension } from '../../src/domain/images/imageFormat';
import { planEdit, planGeneration, withStyle, type GenerationDefaults } from '../../src/domain/generation/plan';
import { placeholderSpec } from '../../src/domain/images/placeholder';
import { parseCommandOptions } from '../../src/domain/generation/options';
import { convertImage } from '../../src/pixels/convert';
import { readIcoDirectory } from '../../src/pixels/ico';
import { drawPlaceholder } from '../../src/pixels/placeholder';
import { LABEL_FONT } from './domain/images/placeholder.test';
import { refusal } from './support/assertions';

interface File {
  readonly name: string;
  readonly element?: string;
  readonly area: number;
}

const sets = (files: readonly File[]): string[][] =>
  groupIntoSets(files, { element: (file) => file.element, area: (file) => file.area }).map((set) => [set.lead.name, ...set.others.map((file) => file.name)]);

/** Each ICO entry decoded: its directory size and the PNG's own pixel size. */
async function icoEntries(bytes: Uint8Array): Promise<string[]> {
  return Promise.all(
    readIcoDirectory(bytes).map(async (entry) => {
      const meta = await sharp(bytes.subarray(entry.offset, entry.offset + entry.length)).metadata();
      return `${entry.size}:${meta.format}:${meta.width}x${meta.height}`;
    }),
  );
}

describe('Making sets of exact images', function () {
  this.timeout(30_000);

  describe('one element, one render', () => {
    it('groups by element, renders the largest, keeps files without an element apart', () => {
      assert.deepEqual(
        sets([
          { name: 'hero.png', element: 'page#10', area: 600 * 300 },
          { name: 'logo.svg', area: 0 },
          { name: 'hero@3x.png', element: 'page#10', area: 1800 * 900 },
          { name: 'boat.avif', element: 'page#90', area: 1200 * 800 },
          { name: 'hero@2x.png', element: 'page#10', area: 1200 * 600 },
          { name: 'boat.jpg', element: 'page#90', area: 1200 * 800 },
          { name: 'og.png', area: 1200 * 630 },
        ]),
        [['hero@3x.png', 'hero.png', 'hero@2x.png'], ['logo.svg'], ['boat.avif', 'boat.jpg'], ['og.png']],
      );
    });

    it('a set whose files give no size renders its first', () => {
      assert.deepEqual(
        sets([
          { name: 'a.png', element: 'x', area: 0 },
          { name: 'a@2x.png', element: 'x', area: 0 },
        ]),
        [['a.png', 'a@2x.png']],
      );
    });
  });

  describe('the project style', () => {
    const styled: GenerationDefaults = { defaultModel: 'gpt-image-1', parameters: {}, stylePrompt: '  flat vector,\n pastel palette ' };

    it('goes after the prompt on a paragraph of its own, and the plan keeps both apart', () => {
      const plan = planGeneration({ prompt: 'a harbour at dawn' }, styled);
      assert.equal(plan.body['prompt'], 'a harbour at dawn\n\nStyle: flat vector, pastel palette');
      assert.equal(plan.prompt, 'a harbour at dawn');
      assert.equal(plan.stylePrompt, 'flat vector, pastel palette');
      assert.equal(plan.baseName.includes('style'), false, 'the file is named from the prompt alone');
    });

    it('goes with edits too', () => {
      const plan = planEdit({ prompt: 'make it blue' }, styled, { images: ['a.png'] }, new Date(0));
      assert.equal(plan.body['prompt'], 'make it blue\n\nStyle: flat vector, pastel palette');
    });

    it('style: false leaves it out of one call; no setting, no style', () => {
      const without = planGeneration(parseCommandOptions({ prompt: 'a harbour', style: false }), styled);
      assert.equal(without.body['prompt'], 'a harbour');
      assert.equal(without.stylePrompt, undefined);
      assert.equal(planGeneration({ prompt: 'a harbour' }, { ...styled, stylePrompt: '' }).body['prompt'], 'a harbour');
    });

    it('is refused with both lengths named when prompt and style pass the limit together', () => {
      assert.match(refusal(() => withStyle('x'.repeat(31_990), 'flat vector art')).message, /segmind\.stylePrompt.*style: false/);
    });

    it('is an option of every way in: the options object takes only a boolean', () => {
      assert.match(refusal(() => parseCommandOptions({ prompt: 'x', style: 'no' })).message, /style/);
    });
  });

  describe('formats no model makes', () => {
    it('are named by their extension', () => {
      assert.deepEqual(['avif', 'GIF', '.ico', 'jpg', 'svg'].map(fileFormatOfExtension), ['avif', 'gif', 'ico', 'jpeg', undefined]);
      assert.deepEqual(icoSizesFor(undefined), [16, 32, 48]);
      assert.deepEqual(icoSizesFor({ width: 180, height: 180 }), [180]);
      assert.deepEqual(icoSizesFor({ width: 512, height: 512 }), [16, 32, 48]);
      assert.deepEqual(icoSizesFor({ width: 64, height: 32 }), [16, 32, 48]);
    });

    it('placeholders: AVIF and GIF at their size, ICO with 16, 32 and 48 px (or the square asked)', async () => {
      const avif = await drawPlaceholder(placeholderSpec({ size: '1200x630' }, 'og.avif'), LABEL_FONT);
      const avifMeta = await sharp(avif).metadata();
      assert.deepEqual([avifMeta.format, avifMeta.compression, avifMeta.width, avifMeta.height], ['heif', 'av1', 1200, 630]);
      const gif = await sharp(await drawPlaceholder(placeholderSpec({ size: '64x64' }, 'spinner.gif'), LABEL_FONT)).metadata();
      assert.deepEqual([gif.format, gif.width, gif.height], ['gif', 64, 64]);
      const favicon = placeholderSpec({ size: '1024x1024' }, 'favicon.ico');
      assert.deepEqual([favicon.width, favicon.height, favicon.format], [48, 48, 'ico']);
      assert.deepEqual(await icoEntries(await drawPlaceholder(favicon, LABEL_FONT)), ['16:png:16x16', '32:png:32x32', '48:png:48x48']);
      assert.deepEqual(await icoEntries(await drawPlaceholder(placeholderSpec({ size: '128x128' }, 'app.ico'), LABEL_FONT)), ['128:png:128x128']);
    });

    it('a render converted: each file fitted (cover) to its own size in its own format', async () => {
      // A 1536x1024 render: left half red, right half blue.
      const render = await sharp({ create: { width: 1536, height: 1024, channels: 3, background: '#ff0000' } })
        .composite([{ input: { create: { width: 768, height: 1024, channels: 3, background: '#0000ff' } }, left: 768, top: 0 }])
        .png()
        .toBuffer();
      const made = await Promise.all([
        convertImage(render, 'avif', { width: 600, height: 300 }),
        convertImage(render, 'webp', { width: 1200, height: 600 }),
        convertImage(render, 'gif', { width: 64, height: 64 }),
        convertImage(render, 'ico', undefined),
      ]);
      const metas = await Promise.all(made.slice(0, 3).map((file) => sharp(file.bytes).metadata()));
      assert.deepEqual(
        metas.map((meta) => `${meta.format}:${meta.width}x${meta.height}`),
        ['heif:600x300', 'webp:1200x600', 'gif:64x64'],
      );
      assert.deepEqual(
        made.map((file) => `${file.pixelSize.width}x${file.pixelSize.height}`),
        ['600x300', '1200x600', '64x64', '48x48'],
      );
      assert.deepEqual(await icoEntries(made[3].bytes), ['16:png:16x16', '32:png:32x32', '48:png:48x48']);
      // cover keeps the centre: the left quarter of the 2:1 crop is red, the right quarter blue.
      const { data, info } = await sharp(made[1].bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      const at = (x: number, y: number): number[] => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
      assert.ok(at(100, 300)[0]! > 200 && at(100, 300)[2]! < 50, `left is red: ${at(100, 300).join(',')}`);
      assert.ok(at(1100, 300)[2]! > 200 && at(1100, 300)[0]! < 50, `right is blue: ${at(1100, 300).join(',')}`);
    });
  });
});
