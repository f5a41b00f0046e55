/**
 * The edit inputs (src/domain/generation/editInputs.ts): the limits, the checks of the images and
 * the mask by their bytes, workspace-relative paths, and the editable extensions, which the
 * segmind.editImage menus of package.json must show on (and only on).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import {
  EDITABLE_EXTENSIONS,
  MAX_EDIT_IMAGE_BYTES,
  MAX_EDIT_IMAGES,
  MAX_EDIT_TOTAL_BYTES,
  checkEditInputs,
  checkImageCount,
  formatMegabytes,
  hasEditableExtension,
  sizeProblem,
  workspaceRelativeSegments,
  type EditInputFile,
} from '../../../../src/domain/generation/editInputs';
import { MODELS } from '../../../../src/domain/generation/catalog';
import { refusal } from '../../support/assertions';

async function image(format: 'png' | 'jpeg' | 'webp', width = 16, height = 16, alpha = false): Promise<Uint8Array> {
  const base = sharp({ create: { width, height, channels: alpha ? 4 : 3, background: alpha ? { r: 0, g: 0, b: 0, alpha: 0 } : '#c33' } });
  return new Uint8Array(await base.toFormat(format).toBuffer());
}

function file(path: string, bytes: Uint8Array): EditInputFile {
  return { path, bytes };
}

describe('editInputs', function () {
  let png: Uint8Array;
  let jpeg: Uint8Array;
  let webp: Uint8Array;
  before(async () => {
    [png, jpeg, webp] = await Promise.all([image('png'), image('jpeg'), image('webp')]);
  });

  it('limits: 25 MB per image, 40 MB per edit, as many images as gpt-image-1-edit takes', () => {
    assert.equal(MAX_EDIT_IMAGE_BYTES, 25 * 1024 * 1024);
    assert.equal(MAX_EDIT_TOTAL_BYTES, 40 * 1024 * 1024);
    assert.equal(MAX_EDIT_IMAGES, MODELS['gpt-image-1-edit'].maxEditImages);
  });

  it('accepts PNG, JPEG and WebP, and reports the format of the bytes and the pixel size', () => {
    const checked = checkEditInputs([file('a.png', png), file('b.jpg', jpeg), file('c.webp', webp)]);
    assert.deepEqual(
      checked.images.map((i) => i.format),
      ['png', 'jpeg', 'webp'],
    );
    assert.deepEqual(
      checked.images.map((i) => i.path),
      ['a.png', 'b.jpg', 'c.webp'],
    );
    assert.deepEqual(checked.images[0]?.pixelSize, { width: 16, height: 16 });
    assert.equal(checked.mask, undefined);
  });

  it('goes by the bytes, not the name: a PNG called .jpg is a PNG', () => {
    assert.equal(checkEditInputs([file('photo.jpg', png)]).images[0]?.format, 'png');
  });

  it('refuses a text file renamed .png, naming it, as parameter "images"', () => {
    const error = refusal(() => checkEditInputs([file('images/fake.png', new TextEncoder().encode('just some notes, not a picture'))]));
    assert.equal(error.problems[0]?.parameter, 'images');
    assert.match(error.message, /images\/fake\.png is not an image/);
    assert.match(error.message, /PNG, JPEG or WebP/);
  });

  it('names formats the models do not take (GIF, BMP, TIFF, SVG, AVIF)', () => {
    const gif = new TextEncoder().encode('GIF89a\x01\x00\x01\x00\x00\x00\x00;');
    const bmp = new Uint8Array(40);
    bmp.set([0x42, 0x4d]);
    const tiff = Uint8Array.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]);
    const svg = new TextEncoder().encode('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>');
    const avif = Uint8Array.from([0, 0, 0, 0x1c, ...new TextEncoder().encode('ftypavif'), 0, 0, 0, 0]);
    const expected: Array<[Uint8Array, RegExp]> = [
      [gif, /is a GIF image/],
      [bmp, /is a BMP image/],
      [tiff, /is a TIFF image/],
      [svg, /is an SVG image/],
      [avif, /is an AVIF image/],
    ];
    for (const [bytes, message] of expected) {
      assert.match(refusal(() => checkEditInputs([file('x.png', bytes)])).message, message);
    }
  });

  it('refuses an empty file', () => {
    const error = refusal(() => checkEditInputs([file('empty.png', new Uint8Array(0))]));
    assert.match(error.message, /empty\.png is empty \(0 bytes\)/);
  });

  it('refuses an oversized file, saying the limit', () => {
    const big = new Uint8Array(MAX_EDIT_IMAGE_BYTES + 1);
    big.set(png);
    const error = refusal(() => checkEditInputs([file('huge.png', big)]));
    assert.match(error.message, /huge\.png is 25\.0 MB; the limit is 25 MB per image/);
  });

  it('sizeProblem checks a size before the bytes are read', () => {
    assert.equal(sizeProblem('a.png', 1, 'images'), undefined);
    assert.equal(sizeProblem('a.png', MAX_EDIT_IMAGE_BYTES, 'images'), undefined);
    assert.match(sizeProblem('a.png', MAX_EDIT_IMAGE_BYTES + 1, 'images')?.message ?? '', /limit is 25 MB/);
    assert.equal(sizeProblem('m.png', 0, 'mask')?.parameter, 'mask');
    assert.match(sizeProblem('m.png', 0, 'mask')?.message ?? '', /^The mask m\.png is empty/);
  });

  it('refuses inputs that are too large together', () => {
    const twenty = new Uint8Array(20 * 1024 * 1024 + 1);
    twenty.set(png);
    const error = refusal(() => checkEditInputs([file('a.png', twenty), file('b.png', twenty)]));
    assert.match(error.message, /40\.0 MB together; the limit for one edit is 40 MB/);
  });

  it('refuses no images and too many images', () => {
    assert.match(refusal(() => checkEditInputs([])).message, /at least one image/);
    assert.match(refusal(() => checkImageCount(0)).message, /at least one image/);
    const many = Array.from({ length: MAX_EDIT_IMAGES + 1 }, (_, i) => file(`${i}.png`, png));
    assert.match(
      refusal(() => checkEditInputs(many)).message,
      new RegExp(`${MAX_EDIT_IMAGES + 1} images were chosen; an edit takes at most ${MAX_EDIT_IMAGES}`),
    );
    checkImageCount(MAX_EDIT_IMAGES);
  });

  it('reports every bad file at once', () => {
    const error = refusal(() => checkEditInputs([file('ok.png', png), file('a.png', new Uint8Array(0)), file('b.png', new TextEncoder().encode('text'))]));
    assert.equal(error.problems.length, 2);
    assert.match(error.message, /a\.png is empty/);
    assert.match(error.message, /b\.png is not an image/);
  });

  describe('mask', () => {
    let small: Uint8Array;
    before(async () => {
      small = await image('png', 8, 8, true);
    });
    it('accepts a PNG of the same size as the first image', async () => {
      const mask = await image('png', 16, 16, true);
      const checked = checkEditInputs([file('logo.png', png)], file('mask.png', mask));
      assert.equal(checked.mask?.format, 'png');
      assert.equal(checked.mask?.path, 'mask.png');
    });
    it('refuses a mask that is not a PNG, as parameter "mask"', () => {
      const error = refusal(() => checkEditInputs([file('logo.png', png)], file('mask.jpg', jpeg)));
      assert.equal(error.problems[0]?.parameter, 'mask');
      assert.match(error.message, /The mask mask\.jpg must be a PNG.*not JPEG/);
    });
    it('refuses a mask of another size', () => {
      const error = refusal(() => checkEditInputs([file('logo.png', png)], file('mask.png', small)));
      assert.match(error.message, /The mask mask\.png is 8x8 but logo\.png is 16x16/);
    });
    it('refuses a mask that is not an image', () => {
      const error = refusal(() => checkEditInputs([file('logo.png', png)], file('mask.png', new TextEncoder().encode('nope'))));
      assert.equal(error.problems[0]?.parameter, 'mask');
      assert.match(error.message, /The mask mask\.png is not an image/);
    });
  });

  it('knows the editable extensions, in any case', () => {
    assert.deepEqual([...EDITABLE_EXTENSIONS], ['png', 'jpg', 'jpeg', 'webp']);
    for (const name of ['a.png', 'a.PNG', 'b.jpg', 'c.JPEG', 'd.webp', 'dir.x/e.Webp']) assert.ok(hasEditableExtension(name), name);
    for (const name of ['a.txt', 'a.gif', 'a.svg', 'png', 'a.png.bak', 'a']) assert.ok(!hasEditableExtension(name), name);
  });

  it('workspaceRelativeSegments stays inside the workspace', () => {
    assert.deepEqual(workspaceRelativeSegments('images/logo.png'), ['images', 'logo.png']);
    assert.deepEqual(workspaceRelativeSegments('./images//sub/../logo.png'), ['images', 'logo.png']);
    assert.deepEqual(workspaceRelativeSegments('images\\logo.png'), ['images', 'logo.png']);
    for (const bad of [
      '',
      '  ',
      '/etc/passwd',
      '\\\\server\\share\\a.png',
      'C:/x.png',
      'c:x.png',
      '~/a.png',
      '../a.png',
      'images/../../a.png',
      '.',
      'a\u0000.png',
    ]) {
      assert.equal(workspaceRelativeSegments(bad), undefined, JSON.stringify(bad));
    }
  });

  it('formats megabytes as file managers do', () => {
    assert.equal(formatMegabytes(25 * 1024 * 1024), '25 MB');
    assert.equal(formatMegabytes(1.5 * 1024 * 1024), '1.5 MB');
  });
});

interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}

// Compiled to out/test/unit/domain/generation; package.json is at the repository root.
const root = path.resolve(__dirname, '..', '..', '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { commands: Array<{ command: string; icon?: string }>; menus: Record<string, MenuEntry[] | undefined> };
};

/** The `resourceExtname =~ /…/flags` part of a when clause, as the JavaScript RegExp VS Code builds from it. */
function extnameRegex(when: string): RegExp {
  const match = /resourceExtname\s*=~\s*\/((?:\\.|[^/\\])+)\/([a-z]*)/.exec(when);
  assert.ok(match, `no resourceExtname =~ /…/ in "${when}"`);
  return new RegExp(match[1] ?? '', match[2]);
}

describe('segmind.editImage menus (package.json)', () => {
  const menus = pkg.contributes.menus;
  const explorer = menus['explorer/context']?.find((entry) => entry.command === 'segmind.editImage');
  const title = menus['editor/title']?.find((entry) => entry.command === 'segmind.editImage');

  it('is contributed with an icon', () => {
    assert.ok(pkg.contributes.commands.find((c) => c.command === 'segmind.editImage')?.icon);
  });

  it('the Explorer entry shows on .png .PNG .jpg .jpeg .webp files, in any case', () => {
    assert.ok(explorer?.when, 'no Explorer context menu entry with a when clause');
    const regex = extnameRegex(explorer.when);
    for (const ext of ['.png', '.PNG', '.jpg', '.jpeg', '.JPG', '.Jpeg', '.webp', '.WEBP']) assert.ok(regex.test(ext), `${ext} should match ${regex}`);
    for (const ext of EDITABLE_EXTENSIONS) assert.ok(regex.test(`.${ext}`), `the menu and EDITABLE_EXTENSIONS disagree on .${ext}`);
  });

  it('the Explorer entry does not show on .txt .gif .svg, names without a dot, or lookalikes', () => {
    assert.ok(explorer?.when);
    const regex = extnameRegex(explorer.when);
    for (const ext of ['.txt', '.gif', '.svg', '.bmp', 'png', '.pngx', '.xpng', '.jpgg', '.webp.bak', ''])
      assert.ok(!regex.test(ext), `${ext} should not match ${regex}`);
    assert.match(explorer.when, /!explorerResourceIsFolder/);
  });

  it('the image preview title shows it', () => {
    assert.ok(title?.when);
    assert.match(title.when, /activeCustomEditorId == 'imagePreview\.previewEditor'/);
  });
});
