import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EDITABLE_EXTENSIONS } from '../../src/domain/generation/editInputs';

interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}

// Compiled to out/test/unit; package.json is at the repository root.
const root = path.resolve(__dirname, '..', '..', '..');
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
