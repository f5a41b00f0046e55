/**
 * Placeholders drawn in the formats no model makes (pixels/placeholder): AVIF, GIF and ICO decoded
 * to check their format and pixel size. The drawing itself (colours, label) is checked beside the
 * spec it draws, in domain/images/placeholder.test.ts, which also holds the bundled label font.
 */
import * as assert from 'node:assert/strict';
import sharp from 'sharp';
import { placeholderSpec } from '../../../src/domain/images/placeholder';
import { drawPlaceholder } from '../../../src/pixels/placeholder';
import { LABEL_FONT } from '../domain/images/placeholder.test';
import { icoEntries } from './support/images';

describe('Placeholders in AVIF, GIF and ICO (pixels/placeholder)', function () {
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
});
