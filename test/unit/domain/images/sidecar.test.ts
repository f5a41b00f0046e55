/**
 * The sidecar beside each image (domain/images/sidecar): what it records, never the key, and how the
 * Studio reads one back to regenerate or show an image, without being fooled by other JSON.
 */
import * as assert from 'node:assert/strict';
import { buildSidecar, readSidecar, SIDECAR_VERSION, type SidecarFacts } from '../../../../src/domain/images/sidecar';
import { resolveParameters } from '../../../../src/domain/generation/catalog';

const KEY = 'SG_0123456789abcdef';
const T0 = Date.parse('2025-03-01T10:00:00.000Z');

function facts(overrides: Partial<SidecarFacts> = {}): SidecarFacts {
  return {
    file: 'assets/a-red-fox.png',
    prompt: 'a red fox',
    model: 'gpt-image-2',
    parameters: resolveParameters('gpt-image-2', {
      size: '2048x1152',
      quality: 'low',
      background: 'transparent',
      outputFormat: 'webp',
      outputCompression: 0,
      moderation: 'low',
    }),
    transport: 'async',
    requestId: '6f1c2a3b-0000-4000-8000-000000000001',
    cost: 0.08,
    remainingCredits: 12.42,
    format: 'webp',
    pixelSize: { width: 2048, height: 1152 },
    bytes: 12345,
    submittedAt: T0,
    completedAt: T0 + 90_000,
    savedAt: T0 + 91_500,
    inferenceSeconds: 72.1,
    queueSeconds: 18,
    polls: 12,
    extensionVersion: '0.1.0',
    ...overrides,
  };
}

describe('sidecar', () => {
  it('holds the prompt, model, every parameter, request id, cost and timestamps', () => {
    const sidecar = buildSidecar(facts());
    assert.equal(sidecar.sidecarVersion, SIDECAR_VERSION);
    assert.equal(sidecar.prompt, 'a red fox');
    assert.equal(sidecar.model, 'gpt-image-2');
    assert.deepEqual(sidecar.parameters, {
      size: '2048x1152',
      quality: 'low',
      background: 'transparent',
      outputFormat: 'webp',
      outputCompression: 0,
      moderation: 'low',
    });
    assert.deepEqual(sidecar.request, { transport: 'async', requestId: '6f1c2a3b-0000-4000-8000-000000000001' });
    assert.equal(sidecar.cost, 0.08);
    assert.equal(sidecar.remainingCredits, 12.42);
    assert.deepEqual(sidecar.image, { format: 'webp', width: 2048, height: 1152, bytes: 12345 });
    assert.deepEqual(sidecar.timings, {
      submittedAt: '2025-03-01T10:00:00.000Z',
      completedAt: '2025-03-01T10:01:30.000Z',
      savedAt: '2025-03-01T10:01:31.500Z',
      totalSeconds: 91.5,
      inferenceSeconds: 72.1,
      queueSeconds: 18,
      statusPolls: 12,
    });
    assert.match(String(sidecar.generator), /0\.1\.0/);
  });

  it('records source images, mask and variant for edits', () => {
    const sidecar = buildSidecar(
      facts({
        model: 'gpt-image-1-edit',
        sourceImages: [{ path: 'images/logo.png', uploadedUrl: 'https://images.segmind.com/assets/1.png' }],
        mask: { path: 'images/mask.png' },
        variant: { index: 2, of: 3 },
      }),
    );
    assert.deepEqual(sidecar.sourceImages, [{ path: 'images/logo.png', uploadedUrl: 'https://images.segmind.com/assets/1.png' }]);
    assert.deepEqual(sidecar.mask, { path: 'images/mask.png' });
    assert.deepEqual(sidecar.variant, { index: 2, of: 3 });
  });

  it('writes null, not a missing field, for unknown figures (sync run without accounting)', () => {
    const sidecar = buildSidecar(
      facts({
        transport: 'sync',
        requestId: undefined,
        cost: undefined,
        remainingCredits: undefined,
        pixelSize: undefined,
        inferenceSeconds: undefined,
        queueSeconds: undefined,
        polls: 0,
      }),
    );
    assert.deepEqual(sidecar.request, { transport: 'sync', requestId: null });
    assert.equal(sidecar.cost, null);
    assert.equal(sidecar.remainingCredits, null);
    assert.equal((sidecar.image as { width: unknown }).width, null);
    assert.ok(!('sourceImages' in sidecar));
    assert.ok(!('mask' in sidecar));
  });

  it('survives JSON and never contains a key, even if one rides along in the facts', () => {
    const leaky = { ...facts(), apiKey: KEY, headers: { 'x-api-key': KEY } } as SidecarFacts;
    const text = JSON.stringify(buildSidecar(leaky), null, 2);
    assert.ok(!text.includes(KEY));
    assert.ok(!/api[-_]?key/i.test(text));
    assert.deepEqual(JSON.parse(text), buildSidecar(facts()));
  });
});

describe('Reading a sidecar back (the Studio gallery, Run again)', () => {
  const sidecar = {
    sidecarVersion: 1,
    file: 'fox.png',
    prompt: 'a fox',
    model: 'gpt-image-2',
    parameters: { size: '2048x1152', quality: 'high', background: 'transparent', outputFormat: 'webp', outputCompression: 80, moderation: 'low' },
    variant: { index: 2, of: 3 },
    image: { format: 'png', width: 2048, height: 1152, bytes: 1 },
    timings: { savedAt: '2026-11-22T03:15:02.000Z' },
  };

  it('reads the settings to regenerate from a sidecar', () => {
    const summary = readSidecar(JSON.stringify(sidecar));
    assert.ok(summary);
    assert.deepEqual(summary.settings, { prompt: 'a fox', model: 'gpt-image-2', parameters: sidecar.parameters, variants: 3 });
    assert.equal(summary.savedAt, '2026-11-22T03:15:02.000Z');
    assert.deepEqual([summary.width, summary.height], [2048, 1152]);
    assert.deepEqual(summary.sourceImages, []);
  });

  it('reads an edit sidecar: sources and mask', () => {
    const summary = readSidecar(
      JSON.stringify({
        ...sidecar,
        model: 'gpt-image-1-edit',
        parameters: { ...sidecar.parameters, size: 'auto' },
        sourceImages: [{ path: 'images/logo.png', uploadedUrl: 'u' }],
        mask: { path: 'images/mask.png' },
      }),
    );
    assert.deepEqual(summary?.sourceImages, ['images/logo.png']);
    assert.equal(summary?.maskPath, 'images/mask.png');
    assert.equal(summary?.settings?.model, 'gpt-image-1-edit');
  });

  it('is not fooled by other JSON, and keeps an image whose settings no longer fit without offering to regenerate it', () => {
    assert.equal(readSidecar('not json'), undefined);
    assert.equal(readSidecar('[1,2]'), undefined);
    assert.equal(readSidecar('{"name":"package.json"}'), undefined);
    const old = readSidecar(JSON.stringify({ ...sidecar, model: 'gpt-image-1', parameters: { ...sidecar.parameters } }));
    assert.ok(old);
    assert.equal(old.settings, undefined, '2048x1152 is not a gpt-image-1 size');
  });
});
