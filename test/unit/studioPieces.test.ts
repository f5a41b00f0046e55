import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatCostEstimate, formatDuration } from '../../src/shared/format';
import { planPriceUsd } from '../../src/domain/generation/plan';
import { MODELS, type ModelSlug } from '../../src/domain/generation/catalog';
import { readSidecar } from '../../src/domain/images/sidecar';
import { imagesWithSidecars, newestFirst } from '../../src/studio/pure/galleryItems';
import { filterHistory } from '../../src/shared/promptHistory';
import { addToHistory, HISTORY_KEY, MAX_HISTORY, PromptHistory, type HistoryStore } from '../../src/studio/promptHistory';
import type { StudioSettings } from '../../src/protocol/studioProtocol';

const settings = (prompt: string, model: StudioSettings['model'] = 'gpt-image-1'): StudioSettings => ({
  prompt,
  model,
  parameters: { ...MODELS[model as ModelSlug].defaults },
  variants: 1,
});

describe('Studio cost estimate text', () => {
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

describe('Studio prompt history', () => {
  it('puts the newest first, once per prompt and model, capped', () => {
    let entries = addToHistory([], settings('a fox'), new Date(1_000));
    entries = addToHistory(entries, settings('a cat'), new Date(2_000));
    entries = addToHistory(entries, settings('a fox'), new Date(3_000));
    entries = addToHistory(entries, settings('a fox', 'gpt-image-2'), new Date(4_000));
    assert.deepEqual(
      entries.map((entry) => `${entry.prompt}/${entry.model}`),
      ['a fox/gpt-image-2', 'a fox/gpt-image-1', 'a cat/gpt-image-1'],
    );
    let many = entries;
    for (let i = 0; i < MAX_HISTORY + 10; i++) many = addToHistory(many, settings(`prompt ${i}`), new Date(i));
    assert.equal(many.length, MAX_HISTORY);
    assert.equal(many[0]?.prompt, `prompt ${MAX_HISTORY + 9}`);
  });

  it('filters by every word, case-insensitively, prompt or model', () => {
    const entries = [settings('A red Fox in snow'), settings('a blue whale', 'gpt-image-2'), settings('red panda')].map((s) => ({
      ...s,
      at: '2026-01-01T00:00:00.000Z',
    }));
    assert.deepEqual(
      filterHistory(entries, 'red').map((e) => e.prompt),
      ['A red Fox in snow', 'red panda'],
    );
    assert.deepEqual(
      filterHistory(entries, 'fox RED').map((e) => e.prompt),
      ['A red Fox in snow'],
    );
    assert.deepEqual(
      filterHistory(entries, 'gpt-image-2').map((e) => e.prompt),
      ['a blue whale'],
    );
    assert.equal(filterHistory(entries, '  ').length, 3);
  });

  it('stores in the memento and ignores junk found there', async () => {
    const data = new Map<string, unknown>([[HISTORY_KEY, [{ nonsense: true }, 42]]]);
    const store: HistoryStore = {
      get: <T>(key: string) => data.get(key) as T | undefined,
      update: (key, value) => {
        data.set(key, value);
        return Promise.resolve();
      },
    };
    const history = new PromptHistory(store);
    assert.deepEqual(history.entries(), []);
    await history.add(settings('a fox'), new Date('2026-11-22T03:00:00Z'));
    assert.deepEqual(
      history.entries().map((entry) => [entry.prompt, entry.at]),
      [['a fox', '2026-11-22T03:00:00.000Z']],
    );
  });
});

describe('Studio gallery (sidecars)', () => {
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

  it('lists images that have a sidecar, not sidecars, temporaries or lone images', () => {
    assert.deepEqual(
      imagesWithSidecars([
        'fox.png',
        'fox.png.json',
        'cat.jpg',
        'notes.txt',
        'notes.txt.json',
        '.fox.png.abc.tmp',
        'owl.webp',
        'owl.webp.json',
        'x.JPEG',
        'x.JPEG.json',
      ]),
      ['fox.png', 'owl.webp', 'x.JPEG'],
    );
  });

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

  it('sorts newest first and caps', () => {
    const items = [
      { savedAt: '2026-01-01T00:00:00Z', n: 1 },
      { savedAt: '2026-03-01T00:00:00Z', n: 3 },
      { savedAt: '2026-02-01T00:00:00Z', n: 2 },
    ];
    assert.deepEqual(
      newestFirst(items).map((item) => item.n),
      [3, 2, 1],
    );
    assert.deepEqual(
      newestFirst(items, 2).map((item) => item.n),
      [3, 2],
    );
  });
});

describe('Studio manifest (package.json, .vscodeignore)', () => {
  const root = path.resolve(__dirname, '..', '..', '..');
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    activationEvents: string[];
    contributes: { commands: Array<{ command: string; icon?: string }>; menus: Record<string, Array<{ command: string; when?: string }>> };
  };

  it('activates to restore the panel, and offers the command in the image preview title with an icon', () => {
    assert.ok(pkg.activationEvents.includes('onWebviewPanel:segmind.studio'));
    assert.ok(pkg.contributes.commands.find((command) => command.command === 'segmind.openStudio')?.icon);
    const title = pkg.contributes.menus['editor/title']?.find((entry) => entry.command === 'segmind.openStudio');
    assert.match(title?.when ?? '', /activeCustomEditorId == 'imagePreview\.previewEditor'/);
  });

  it('packages the webview bundle and the codicon font', () => {
    const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
    for (const line of ['!dist/webview/*.js', '!dist/webview/*.css', '!dist/codicons/codicon.css', '!dist/codicons/codicon.ttf'])
      assert.ok(ignore.includes(line), `${line} missing`);
  });
});
