/**
 * What one job is held at before it runs (src/domain/spending/pricing.ts): an upper bound of what it
 * can cost, never below OpenAI's published price, or a daily limit would cap nothing.
 */
import * as assert from 'node:assert/strict';
import type { ImageSize } from '../../../../src/domain/generation/catalog';
import { jobPriceUsd, sizeFactor } from '../../../../src/domain/spending/pricing';

describe('what a job is held at (never below what it can cost)', () => {
  it('follows the quality and the size: gpt-image-1 high at 1536x1024 is $0.25 (OpenAI lists $0.25), not the flat $0.04 of 0.3', () => {
    assert.equal(jobPriceUsd({ model: 'gpt-image-1', quality: 'high', size: '1536x1024' }), 0.252);
    assert.equal(jobPriceUsd({ model: 'gpt-image-1', quality: 'medium', size: '1024x1024' }), 0.042);
    assert.equal(jobPriceUsd({ model: 'gpt-image-1', quality: 'low', size: '1024x1024' }), 0.021);
  });

  it('is at least the published price of every quality and size of gpt-image-1 and gpt-image-1-mini', () => {
    const published = {
      'gpt-image-1': { low: [0.011, 0.016], medium: [0.042, 0.063], high: [0.167, 0.25] },
      'gpt-image-1-mini': { low: [0.005, 0.006], medium: [0.011, 0.015], high: [0.036, 0.052] },
    } as const;
    for (const [model, qualities] of Object.entries(published) as [keyof typeof published, Record<string, readonly [number, number]>][]) {
      for (const [quality, [square, wide]] of Object.entries(qualities) as ['low' | 'medium' | 'high', readonly [number, number]][]) {
        assert.ok(jobPriceUsd({ model, quality, size: '1024x1024' }) >= square, `${model} ${quality} 1024x1024`);
        assert.ok(jobPriceUsd({ model, quality, size: '1536x1024' }) >= wide, `${model} ${quality} 1536x1024`);
        assert.ok(jobPriceUsd({ model, quality, size: '1024x1536' }) >= wide, `${model} ${quality} 1024x1536`);
      }
    }
  });

  it('auto quality is held as high and auto size as the largest the model may choose; larger sizes by their pixels; edits pay for their inputs', () => {
    assert.equal(
      jobPriceUsd({ model: 'gpt-image-1', quality: 'auto', size: 'auto' }),
      jobPriceUsd({ model: 'gpt-image-1', quality: 'high', size: '1536x1024' }),
    );
    assert.equal(
      jobPriceUsd({ model: 'gpt-image-2', quality: 'medium', size: '2048x2048' }),
      4 * jobPriceUsd({ model: 'gpt-image-2', quality: 'medium', size: '1024x1024' }),
    );
    assert.ok(
      jobPriceUsd({ model: 'gpt-image-1-edit', quality: 'low', size: '1024x1024', inputImages: 2 }) >
        jobPriceUsd({ model: 'gpt-image-1-edit', quality: 'low', size: '1024x1024' }),
    );
  });

  it('rounds up to a tenth of a cent, never down, and leaves an exact figure as it is', () => {
    // gpt-image-1-mini is $0.011 at medium; low is half: $0.0055, held as $0.006.
    assert.equal(jobPriceUsd({ model: 'gpt-image-1-mini', quality: 'low', size: '1024x1024' }), 0.006);
    // 0.042 × 1 × 1 must not become 0.043 through floating-point noise.
    assert.equal(jobPriceUsd({ model: 'gpt-image-1-edit', quality: 'medium', size: '1024x1024' }), 0.042);
    // An edit's two inputs cost a quarter of the catalog price each: 0.021 + 2 × 0.0105.
    assert.equal(jobPriceUsd({ model: 'gpt-image-1-edit', quality: 'low', size: '1024x1024', inputImages: 2 }), 0.042);
  });
});

describe('sizeFactor: how much more than 1024x1024 a size costs', () => {
  it('grows with the pixels: 1536x1024 is 1.5, 2048x2048 is 4, 4K is its pixels over a megapixel', () => {
    assert.equal(sizeFactor('1024x1024'), 1);
    assert.equal(sizeFactor('1536x1024'), 1.5);
    assert.equal(sizeFactor('1024x1536'), 1.5);
    assert.equal(sizeFactor('2048x1152'), 2.25);
    assert.equal(sizeFactor('2048x2048'), 4);
    assert.equal(sizeFactor('3840x2160'), (3840 * 2160) / (1024 * 1024));
  });

  it('holds auto as the largest size the model may choose (1536x1024), and never goes below 1', () => {
    assert.equal(sizeFactor('auto'), sizeFactor('1536x1024'));
    // No size of the catalog is smaller today; the floor keeps a smaller one from being held below the catalog price.
    assert.equal(sizeFactor('512x512' as ImageSize), 1);
  });
});
