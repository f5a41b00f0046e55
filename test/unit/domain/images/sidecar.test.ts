import * as assert from 'node:assert/strict';
import { buildSidecar, SIDECAR_VERSION, type SidecarFacts } from '../../../../src/domain/images/sidecar';
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
