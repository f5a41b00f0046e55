/**
 * Small text formatting the Studio webview and the host share (shared/format): the cost estimate
 * (a bound, rounded up), elapsed time, credits, a base URL's host and dollar amounts.
 */
import * as assert from 'node:assert/strict';
import { formatCostEstimate, formatCredits, formatDuration, formatUsd, hostOf } from '../../../src/shared/format';
import { planPriceUsd } from '../../../src/domain/generation/plan';
import { MODELS } from '../../../src/domain/generation/catalog';

describe('Studio cost estimate text (shared/format)', () => {
  it('says the total for several images and the price for one', () => {
    assert.equal(formatCostEstimate(0.04, 3), 'up to $0.12 for 3 images');
    assert.equal(formatCostEstimate(0.04, 1), 'up to $0.04 per image');
    assert.equal(formatCostEstimate(0.08, 4), 'up to $0.32 for 4 images');
    assert.equal(formatCostEstimate(0.037, 2), 'up to $0.08 for 2 images', 'a bound is rounded up, never down');
    assert.equal(formatCostEstimate(0.001, 2), 'up to $0.01 for 2 images');
  });

  it('agrees with the estimate the palette logs', () => {
    for (const model of ['gpt-image-1', 'gpt-image-1-mini', 'gpt-image-2'] as const) {
      for (let variants = 1; variants <= 4; variants++) {
        const plan = { model, like: model, parameters: MODELS[model].defaults, variants };
        const perImage = planPriceUsd({ ...plan, variants: 1 });
        assert.ok(formatCostEstimate(perImage, variants).includes((Math.ceil(planPriceUsd(plan) * 100 - 1e-9) / 100).toFixed(2)));
      }
    }
  });

  it('formats elapsed time like the status bar', () => {
    assert.equal(formatDuration(5_400), '0:05');
    assert.equal(formatDuration(83_000), '1:23');
    assert.equal(formatDuration(3_723_000), '1:02:03');
    assert.equal(formatDuration(-5), '0:00');
  });
});

describe('Credits, hosts and dollars (shared/format)', () => {
  it('shows a balance with two decimals, as Segmind does', () => {
    assert.equal(formatCredits(12.3456), '12.35');
    assert.equal(formatCredits(0), '0.00');
    assert.equal(formatCredits(7), '7.00');
  });

  it('names the host a base URL sends to, and gives back what is not a URL as it is', () => {
    assert.equal(hostOf('https://api.segmind.com/v1'), 'api.segmind.com');
    assert.equal(hostOf('http://127.0.0.1:8787/v2/'), '127.0.0.1:8787', 'the port is part of where it goes');
    assert.equal(hostOf('api.segmind.com'), 'api.segmind.com', 'no scheme: not a URL, said as written');
  });

  it('rounds dollars to the cent, and says an amount under half a cent is not nothing', () => {
    assert.equal(formatUsd(0.084), '$0.08');
    assert.equal(formatUsd(1.006), '$1.01');
    assert.equal(formatUsd(12), '$12.00');
    assert.equal(formatUsd(0.004), '< $0.01');
    assert.equal(formatUsd(0.005), '$0.01', 'half a cent rounds up to one');
    assert.equal(formatUsd(0), '$0.00', 'nothing is said as nothing');
  });
});
