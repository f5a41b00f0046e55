/**
 * Exact sizes (src/domain/generation/exactSize.ts): reading `resize` and `fit`, the native size to
 * ask the model for, and the geometry that fits the result to exactly the size the code needs.
 */
import * as assert from 'node:assert/strict';
import { BASE_SIZES, MODELS } from '../../../../src/domain/generation/catalog';
import { exactSizeOf, fitGeometry, nativeSizeFor, parseFit, parseResize } from '../../../../src/domain/generation/exactSize';
import { refusal } from '../../support/assertions';

/** The refusal's message, after checking it names the option. */
function refused(fn: () => unknown, parameter: string): string {
  const error = refusal(fn);
  assert.deepEqual(
    error.problems.map((problem) => problem.parameter),
    [parameter],
  );
  return error.message;
}

describe('Exact sizes: the size to ask for and the fit geometry', () => {
  it('reads "WxH" with each side from 1 to 4096 (a 12×12 bullet in the code gets a 12×12 file)', () => {
    assert.deepEqual(parseResize('1200x630'), { width: 1200, height: 630 });
    assert.deepEqual(parseResize(' 16X4096 '), { width: 16, height: 4096 });
    assert.deepEqual(parseResize('12x12'), { width: 12, height: 12 });
    assert.deepEqual(parseResize('1x1'), { width: 1, height: 1 });
    for (const bad of ['0x100', '100x4097', '1200', '1200x', 'axb', '12.5x40', '-16x16', 1200, null, '0x0']) {
      assert.match(
        refused(() => parseResize(bad), 'resize'),
        /each side from 1 to 4096/,
        JSON.stringify(bad),
      );
    }
  });

  it('fit is cover by default, one of cover/contain/fill, and only with resize', () => {
    assert.equal(parseFit(undefined), 'cover');
    assert.equal(parseFit('contain'), 'contain');
    assert.match(
      refused(() => parseFit('stretch'), 'fit'),
      /cover, contain, fill/,
    );
    assert.match(
      refused(() => exactSizeOf(undefined, 'contain'), 'fit'),
      /with resize only/,
    );
    assert.equal(exactSizeOf(undefined, undefined), undefined);
    assert.deepEqual(exactSizeOf('400x300', 'fill'), { width: 400, height: 300, fit: 'fill' });
  });

  it('chooses the native size closest in aspect, at least as large when it can', () => {
    assert.equal(nativeSizeFor(BASE_SIZES, { width: 1200, height: 630 }), '1536x1024');
    assert.equal(nativeSizeFor(MODELS['gpt-image-2'].sizes, { width: 1200, height: 630 }), '2048x1152');
    assert.equal(nativeSizeFor(BASE_SIZES, { width: 16, height: 16 }), '1024x1024');
    assert.equal(nativeSizeFor(MODELS['gpt-image-2'].sizes, { width: 1500, height: 1500 }), '2048x2048', 'the square one that covers it');
    assert.equal(nativeSizeFor(MODELS['gpt-image-2'].sizes, { width: 512, height: 512 }), '1024x1024', 'the smallest that covers it');
    assert.equal(nativeSizeFor(MODELS['gpt-image-2'].sizes, { width: 4096, height: 2304 }), '3840x2160', 'none covers: the largest');
    assert.equal(nativeSizeFor(BASE_SIZES, { width: 300, height: 900 }), '1024x1536');
    assert.equal(nativeSizeFor(['auto'], { width: 300, height: 900 }), undefined);
  });

  it('cover scales to fill the frame and crops the centre', () => {
    assert.deepEqual(fitGeometry({ width: 1536, height: 1024 }, { width: 1200, height: 630, fit: 'cover' }), {
      scaled: { width: 1200, height: 800 },
      crop: { left: 0, top: 85, width: 1200, height: 630 },
    });
  });

  it('contain scales to fit the frame and pads around it, centred', () => {
    assert.deepEqual(fitGeometry({ width: 1536, height: 1024 }, { width: 1200, height: 630, fit: 'contain' }), {
      scaled: { width: 945, height: 630 },
      pad: { left: 127, top: 0, right: 128, bottom: 0 },
    });
    const square = fitGeometry({ width: 300, height: 100 }, { width: 16, height: 16, fit: 'contain' });
    assert.deepEqual(square.scaled, { width: 16, height: 5 });
    assert.equal((square.pad?.top ?? 0) + (square.pad?.bottom ?? 0) + square.scaled.height, 16);
  });

  it('fill stretches to the frame', () => {
    assert.deepEqual(fitGeometry({ width: 1024, height: 1024 }, { width: 400, height: 300, fit: 'fill' }), { scaled: { width: 400, height: 300 } });
  });
});
