/**
 * Waiting to move (the rule: a module's test at test/unit/<its path>.test.ts). These cases were part
 * of the flat "Studio pieces" file, whose other cases moved to test/unit/shared/, test/unit/studio/
 * and test/unit/studio/pure/. These check modules whose test files another branch is rewriting, so
 * they stay here until the branches meet, then go: reading a sidecar to
 * domain/images/sidecar.test.ts, the Studio's entries in package.json and .vscodeignore to
 * project/packageJson.test.ts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readSidecar } from '../../src/domain/images/sidecar';

describe('Waiting to move: the Studio gallery reads sidecars (domain/images/sidecar)', () => {
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

describe('Waiting to move: the Studio manifest (package.json, .vscodeignore)', () => {
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
