/**
 * Sets of exact images in the real VS Code: a page with a 1x/2x/3x srcset, a w-descriptor srcset, a
 * <picture> with AVIF, WebP and JPEG, a GIF and a favicon, plus a web app manifest. The list gives
 * each file its own size; placeholders are decoded (format, pixel size, the ICO's entries);
 * generate makes exactly one submit per element and writes every file at its size and format; the
 * quick fix says "and 2 more". The project style in a set's request is in projectStyle.test.ts.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import sharp from 'sharp';
import { readIcoDirectory } from '../../src/pixels/ico';
import { readBytes, readJson, useFakeSegmind, workspaceFolder } from './support/segmindFixture';
import { until } from '../support/conditions';
import { scripted } from './support/commands';
import { folderFiles, remove } from './support/workspaceFiles';

const FOLDER = 'sets-it';
const { at, write } = folderFiles(FOLDER);

const PAGE = `<!doctype html>
<html>
<head>
  <link rel="icon" href="favicon.ico">
</head>
<body>
  <img src="img/hero.png" srcset="img/hero.png 1x, img/hero@2x.png 2x, img/hero@3x.png 3x" width="600" height="300" alt="A harbour at dawn">
  <img src="img/field-480.jpg" srcset="img/field-480.jpg 480w, img/field-960.jpg 960w" width="800" height="600" alt="A wheat field">
  <picture>
    <source srcset="img/boat.avif" type="image/avif">
    <source srcset="img/boat.webp" type="image/webp">
    <img src="img/boat.jpg" width="1200" height="800" alt="A red boat">
  </picture>
  <img src="img/loading.gif" width="64" height="64" alt="Loading">
</body>
</html>
`;

const MANIFEST = `{
  "name": "Harbour",
  "icons": [
    { "src": "icons/icon-192.png", "sizes": "192x192", "type": "image/png" },
    { "src": "icons/icon-512.webp", "sizes": "512x512", "type": "image/webp" }
  ]
}
`;

/** Every file of the page and the manifest, with the size each is shown at. */
const SIZES: Readonly<Record<string, string | undefined>> = {
  'img/hero.png': '600x300',
  'img/hero@2x.png': '1200x600',
  'img/hero@3x.png': '1800x900',
  'img/field-480.jpg': '480x360',
  'img/field-960.jpg': '960x720',
  'img/boat.avif': '1200x800',
  'img/boat.webp': '1200x800',
  'img/boat.jpg': '1200x800',
  'img/loading.gif': '64x64',
  'favicon.ico': undefined,
  'icons/icon-192.png': '192x192',
  'icons/icon-512.webp': '512x512',
};

interface Entry {
  readonly file: string;
  readonly target: string;
  readonly size?: string;
  readonly saved?: boolean;
  readonly error?: string;
}

/** Format (as sharp names it) and pixel size, decoded from the file. */
async function decoded(relative: string): Promise<string> {
  const meta = await sharp(Buffer.from(await readBytes(at(relative)))).metadata();
  return `${meta.format === 'heif' ? meta.compression : meta.format}:${meta.width}x${meta.height}`;
}

async function icoEntries(relative: string): Promise<string[]> {
  const bytes = await readBytes(at(relative));
  return Promise.all(
    readIcoDirectory(bytes).map(async (entry) => {
      const meta = await sharp(Buffer.from(bytes.subarray(entry.offset, entry.offset + entry.length))).metadata();
      return `${meta.format}:${meta.width}x${meta.height}`;
    }),
  );
}

const fill = (options: Record<string, unknown>): Thenable<Entry[]> => scripted('segmind.fillMissingImages', { scope: FOLDER, ...options });

describe('Sets of exact images (real VS Code)', function () {
  const segmind = useFakeSegmind();

  beforeEach(async () => {
    await vscode.workspace.fs.createDirectory(at());
    await write('index.html', PAGE);
    await write('site.webmanifest', MANIFEST);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await remove(at());
  });

  it('lists every file with its own size: densities, widths, the <picture>, the GIF, the favicon and the manifest icons', async () => {
    const entries = await fill({ mode: 'list' });
    const sizes = Object.fromEntries(entries.map((entry) => [entry.target.slice(FOLDER.length + 1), entry.size]));
    assert.deepEqual(sizes, SIZES);
    assert.equal(segmind.fake.requests.length, 0);
  });

  it('placeholders: one per file, each at its size in its format; the favicon an icon of 16, 32 and 48 px', async () => {
    const entries = await fill({ mode: 'placeholder' });
    const made = new Set(entries.filter((entry) => entry.saved).map((entry) => entry.target));
    assert.equal(made.size, Object.keys(SIZES).length, JSON.stringify(entries));
    const formats: Record<string, string> = {};
    for (const file of Object.keys(SIZES)) if (file !== 'favicon.ico') formats[file] = await decoded(file);
    assert.deepEqual(formats, {
      'img/hero.png': 'png:600x300',
      'img/hero@2x.png': 'png:1200x600',
      'img/hero@3x.png': 'png:1800x900',
      'img/field-480.jpg': 'jpeg:480x360',
      'img/field-960.jpg': 'jpeg:960x720',
      'img/boat.avif': 'av1:1200x800',
      'img/boat.webp': 'webp:1200x800',
      'img/boat.jpg': 'jpeg:1200x800',
      'img/loading.gif': 'gif:64x64',
      'icons/icon-192.png': 'png:192x192',
      'icons/icon-512.webp': 'webp:512x512',
    });
    assert.deepEqual(await icoEntries('favicon.ico'), ['png:16x16', 'png:32x32', 'png:48x48']);
    assert.equal(segmind.fake.requests.length, 0, 'placeholders send nothing');
  });

  it('generate: exactly one submit per element, every file written from it at its size and format, renderedWith in the others', async () => {
    const entries = await fill({ mode: 'generate', model: 'gpt-image-1-mini', quality: 'low' });
    assert.deepEqual(
      entries.filter((entry) => entry.error).map((entry) => [entry.target, entry.error]),
      [],
    );
    assert.equal(new Set(entries.filter((entry) => entry.saved).map((entry) => entry.target)).size, Object.keys(SIZES).length);
    const submits = segmind.fake.requestsTo('api', 'POST', '/v2/gpt-image-1-mini');
    const prompts = submits.map((request) => (request.body as { prompt?: string }).prompt).sort();
    // hero (3 files), field (2), picture (3), GIF, favicon, two manifest entries: 7 elements, 12 files.
    assert.deepEqual(prompts, ['A harbour at dawn', 'A red boat', 'A wheat field', 'Loading', 'favicon', 'icon 192', 'icon 512']);
    assert.deepEqual(
      {
        hero: await decoded('img/hero.png'),
        hero2x: await decoded('img/hero@2x.png'),
        hero3x: await decoded('img/hero@3x.png'),
        field480: await decoded('img/field-480.jpg'),
        field960: await decoded('img/field-960.jpg'),
        avif: await decoded('img/boat.avif'),
        webp: await decoded('img/boat.webp'),
        jpeg: await decoded('img/boat.jpg'),
        gif: await decoded('img/loading.gif'),
        icon192: await decoded('icons/icon-192.png'),
        icon512: await decoded('icons/icon-512.webp'),
      },
      {
        hero: 'png:600x300',
        hero2x: 'png:1200x600',
        hero3x: 'png:1800x900',
        field480: 'jpeg:480x360',
        field960: 'jpeg:960x720',
        avif: 'av1:1200x800',
        webp: 'webp:1200x800',
        jpeg: 'jpeg:1200x800',
        gif: 'gif:64x64',
        icon192: 'png:192x192',
        icon512: 'webp:512x512',
      },
    );
    assert.deepEqual(await icoEntries('favicon.ico'), ['png:16x16', 'png:32x32', 'png:48x48']);
    // The largest of each set was rendered; the others name it.
    const lead = await readJson(at('img', 'hero@3x.png.json'));
    assert.equal(lead['renderedWith'], undefined);
    assert.equal(lead['resize'], '1800x900');
    for (const member of ['img/hero.png', 'img/hero@2x.png']) {
      const sidecar = await readJson(at(`${member}.json`));
      assert.equal(sidecar['renderedWith'], `${FOLDER}/img/hero@3x.png`, member);
      assert.equal(sidecar['prompt'], 'A harbour at dawn');
    }
    assert.equal((await readJson(at('img', 'boat.jpg.json')))['renderedWith'], `${FOLDER}/img/boat.avif`);
    assert.deepEqual((await readJson(at('img', 'boat.webp.json')))['image'], {
      format: 'webp',
      width: 1200,
      height: 800,
      bytes: (await readBytes(at('img', 'boat.webp'))).length,
    });
  });

  it('the quick fix says how many files it writes, and passes the whole set', async () => {
    const uri = at('index.html');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.code === 'missing-image');
    await until(() => diagnostics().length >= 10, 'the diagnostics of the page');
    const document = await vscode.workspace.openTextDocument(uri);
    const hero2x = diagnostics().find((diagnostic) => document.getText(diagnostic.range) === 'img/hero@2x.png');
    assert.ok(hero2x);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      hero2x.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Generate hero@2x.png and 2 more with Segmind…'), titles.join(' | '));
    assert.ok(titles.includes('Make a free placeholder for hero@2x.png'), 'placeholders stay one per file');
    const generateFix = actions.find((action) => action.title.startsWith('Generate'));
    const [argument] = (generateFix?.command?.arguments ?? []) as { target: { target: vscode.Uri }; others: { target: vscode.Uri }[] }[];
    assert.equal(vscode.workspace.asRelativePath(argument?.target.target ?? ''), `${FOLDER}/img/hero@3x.png`, 'the largest is rendered');
    assert.deepEqual(
      argument?.others.map((other) => vscode.workspace.asRelativePath(other.target)),
      [`${FOLDER}/img/hero.png`, `${FOLDER}/img/hero@2x.png`],
    );
    // The manifest is read in the editor as well, with its ranges.
    const manifest = at('site.webmanifest');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(manifest));
    await until(
      () => vscode.languages.getDiagnostics(manifest).filter((diagnostic) => diagnostic.code === 'missing-image').length === 2,
      'the manifest diagnostics',
    );
  });

  it("the demo's sample site: every file of its sets at its size and format, one submit per element", async () => {
    const site = vscode.Uri.joinPath(workspaceFolder(), 'site', 'public');
    const before = new Set((await vscode.workspace.fs.readDirectory(site)).map(([name]) => name));
    try {
      const entries = await scripted('segmind.fillMissingImages', {
        scope: 'site/public',
        mode: 'generate',
        model: 'gpt-image-1-mini',
        quality: 'low',
      });
      assert.deepEqual(
        entries.filter((entry) => entry.error),
        [],
      );
      const made: Record<string, string> = {};
      for (const target of new Set(entries.map((entry) => entry.target))) {
        const bytes = await readBytes(vscode.Uri.joinPath(workspaceFolder(), target));
        made[target.slice('site/public/'.length)] = target.endsWith('.ico')
          ? `ico:${readIcoDirectory(bytes)
              .map((entry) => entry.size)
              .join('/')}`
          : await sharp(Buffer.from(bytes))
              .metadata()
              .then((meta) => `${meta.format === 'heif' ? meta.compression : meta.format}:${meta.width}x${meta.height}`);
      }
      assert.deepEqual(made, {
        'img/og-card.png': 'png:1024x1024',
        'favicon.ico': 'ico:16/32/48',
        'img/hero.png': 'png:1200x630',
        'img/hero@2x.png': 'png:2400x1260',
        'img/team-photo.jpg': 'jpeg:640x480',
        'img/camp.avif': 'av1:800x520',
        'img/camp.webp': 'webp:800x520',
        'img/camp.jpg': 'jpeg:800x520',
        'img/icon-192.png': 'png:192x192',
        'img/icon-512.png': 'png:512x512',
      });
      // og:image, the favicon, the hero with its 2x, the team photo, the <picture>, two manifest icons.
      assert.equal(segmind.fake.requestsTo('api', 'POST', '/v2/gpt-image-1-mini').length, 7, '7 paid images for 10 files');
    } finally {
      for (const [name] of await vscode.workspace.fs.readDirectory(site)) {
        if (!before.has(name)) await vscode.workspace.fs.delete(vscode.Uri.joinPath(site, name), { recursive: true, useTrash: false });
      }
    }
  });
});
