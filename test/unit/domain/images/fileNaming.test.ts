/**
 * File names (src/domain/images/fileNaming.ts): names from prompts and from an edited image's name,
 * safe on every OS; candidates, sidecars and temporary files; and which names are written exactly.
 */
import * as assert from 'node:assert/strict';
import {
  editBaseName,
  fileNameProblem,
  localTimestamp,
  baseNameFromPrompt,
  candidateFileName,
  sanitizeBaseName,
  sidecarFileName,
  temporaryFileName,
} from '../../../../src/domain/images/fileNaming';

/** What every produced base name must satisfy on every OS. */
function assertSafe(name: string): void {
  assert.ok(name.length > 0, 'empty');
  assert.ok(name.length <= 96, `too long: ${name.length}`);
  assert.doesNotMatch(name, /[\\/:*?"<>|]/, `separator or reserved char in "${name}"`);
  assert.ok(
    [...name].every((c) => c.charCodeAt(0) >= 0x20),
    `control character in "${name}"`,
  );
  assert.doesNotMatch(name, /\.\./, `".." in "${name}"`);
  assert.doesNotMatch(name, /^[.\s-]|[.\s-]$/, `leading/trailing dot, space or dash in "${name}"`);
  assert.doesNotMatch(name, /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i, `reserved name "${name}"`);
}

describe('fileNaming', () => {
  describe('baseNameFromPrompt', () => {
    const cases: Array<[string, string]> = [
      ['A cat astronaut, floating!', 'a-cat-astronaut-floating'],
      ['Café crème brûlée', 'cafe-creme-brulee'],
      ['Ångström naïve façade', 'angstrom-naive-facade'],
      ['🐱 cat 🚀 in space ✨', 'cat-in-space'],
      ['../../etc/passwd', 'etc-passwd'],
      ['C:\\Windows\\System32', 'c-windows-system32'],
      ['a/b\\c:d*e?f"g<h>i|j', 'a-b-c-d-e-f-g-h-i-j'],
      ['   multiple   spaces\tand\nlines  ', 'multiple-spaces-and-lines'],
      ['UPPER lower 123', 'upper-lower-123'],
    ];
    for (const [prompt, expected] of cases) {
      it(`${JSON.stringify(prompt)} → ${expected}`, () => {
        const name = baseNameFromPrompt(prompt);
        assert.equal(name, expected);
        assertSafe(name);
      });
    }

    it('falls back to "image" when nothing usable is left', () => {
      for (const prompt of ['', '   ', '🐱🚀✨', '日本の猫', '...', '../..', '///']) {
        assert.equal(baseNameFromPrompt(prompt), 'image', JSON.stringify(prompt));
      }
    });

    it('bounds the length at a word boundary', () => {
      const name = baseNameFromPrompt('the quick brown fox jumps over the lazy dog '.repeat(20));
      assert.ok(name.length <= 48, `${name.length}`);
      assert.ok(name.startsWith('the-quick-brown-fox'));
      assert.doesNotMatch(name, /-$/);
      assertSafe(name);
    });

    it('cuts a single very long word', () => {
      const name = baseNameFromPrompt('x'.repeat(500));
      assert.equal(name, 'x'.repeat(48));
    });

    it('never yields a Windows reserved device name', () => {
      for (const prompt of ['CON', 'con', 'prn', 'Aux', 'NUL', 'com1', 'LPT9']) {
        const name = baseNameFromPrompt(prompt);
        assertSafe(name);
        assert.match(name, new RegExp(prompt, 'i'));
      }
    });
  });

  describe('sanitizeBaseName', () => {
    it('removes separators, ".." and control characters', () => {
      assert.equal(sanitizeBaseName('a/b\\c'), 'a-b-c');
      assert.equal(sanitizeBaseName('..'), 'image');
      assert.equal(sanitizeBaseName('../../secret'), 'secret');
      assert.equal(sanitizeBaseName('a..b'), 'a-b');
      assert.equal(sanitizeBaseName('tab\there\u0000nul'), 'tab-here-nul');
      for (const raw of ['..', '../x', 'x/..', '.hidden', 'name.', ' spaced ', '---', 'a:b', 'con', 'CON.backup', 'nul.tar', 'lpt1.edit']) {
        assertSafe(sanitizeBaseName(raw));
      }
    });
    it('keeps a single dot inside a name (an original file name)', () => {
      assert.equal(sanitizeBaseName('logo.v2-edit-20250101'), 'logo.v2-edit-20250101');
    });
    it('prefixes Windows reserved names, with or without an extension', () => {
      assert.equal(sanitizeBaseName('CON'), 'image-CON');
      assert.equal(sanitizeBaseName('com3'), 'image-com3');
      assert.notEqual(sanitizeBaseName('nul.tar').toLowerCase().split('.')[0], 'nul');
      assert.equal(sanitizeBaseName('console'), 'console');
    });
    it('bounds the length without leaving a trailing dash or dot', () => {
      const name = sanitizeBaseName(`${'a'.repeat(95)}-b`);
      assert.ok(name.length <= 96);
      assert.equal(sanitizeBaseName(`${'a'.repeat(95)}-bbbb`), 'a'.repeat(95));
      assert.equal(sanitizeBaseName('x'.repeat(300), 10), 'x'.repeat(10));
    });
    it('never returns an empty name', () => {
      for (const raw of ['', ' ', '.', '...', '-', '/', '\u0000']) assert.equal(sanitizeBaseName(raw), 'image');
    });
  });

  describe('candidate names', () => {
    it('walks base.ext, base-2.ext, base-3.ext', () => {
      assert.equal(candidateFileName('cat', 'png', 1), 'cat.png');
      assert.equal(candidateFileName('cat', 'png', 2), 'cat-2.png');
      assert.equal(candidateFileName('cat', 'jpg', 17), 'cat-17.jpg');
      assert.equal(candidateFileName('cat', 'webp', 0), 'cat.webp');
    });
    it('names the sidecar after the whole image file name', () => {
      assert.equal(sidecarFileName('cat.png'), 'cat.png.json');
      assert.equal(sidecarFileName('cat-2.webp'), 'cat-2.webp.json');
    });
    it('makes the temporary name hidden, distinct and in the same folder', () => {
      const tmp = temporaryFileName('cat.png', 'a1b2');
      assert.ok(tmp.startsWith('.'), tmp);
      assert.ok(tmp.endsWith('.tmp'));
      assert.ok(tmp.includes('cat.png'));
      assert.ok(!tmp.includes('/') && !tmp.includes('\\'));
      assert.notEqual(tmp, temporaryFileName('cat.png', 'c3d4'));
    });
  });

  describe('fileNameProblem: names written exactly, or refused with the reason', () => {
    it('takes every name this platform writes as it is: double dots, a leading dot, long names, a trailing dot on POSIX', () => {
      for (const name of ['My..Logo.png', '.hero.png', `${'a'.repeat(200)}.png`, 'trailing. .png', 'café ☕.png']) {
        assert.equal(fileNameProblem(name, 'linux'), undefined, name);
      }
    });

    it('refuses what cannot be written exactly: control characters, over 255 bytes, and what Windows drops or forbids', () => {
      assert.match(fileNameProblem('a\u0001b.png', 'linux') ?? '', /control character/);
      assert.match(fileNameProblem(`${'é'.repeat(130)}.png`, 'linux') ?? '', /255 bytes/);
      assert.equal(fileNameProblem('trailing. .png', 'win32'), undefined, 'only the end of the whole name is dropped');
      assert.match(fileNameProblem('name.', 'win32') ?? '', /dot or a space/);
      assert.match(fileNameProblem('a?b.png', 'win32') ?? '', /Windows does not allow/);
      assert.match(fileNameProblem('nul.png', 'win32') ?? '', /reserves/);
      assert.equal(fileNameProblem('My..Logo.png', 'win32'), undefined);
    });
  });
});

// Built from local fields, so the expected text does not depend on the machine's time zone.
const at = new Date(2026, 10, 22, 3, 15, 2);

describe('edit naming', () => {
  it('formats the timestamp as YYYYMMDD-HHMMSS in local time, zero-padded', () => {
    assert.equal(localTimestamp(at), '20261122-031502');
    assert.equal(localTimestamp(new Date(2027, 0, 1, 0, 0, 0)), '20270101-000000');
    assert.equal(localTimestamp(new Date(2026, 11, 31, 23, 59, 59)), '20261231-235959');
  });

  const cases: Array<[string, string]> = [
    ['logo.png', 'logo-edit-20261122-031502'],
    ['images/logo.png', 'logo-edit-20261122-031502'],
    ['images\\sub\\Logo Final.JPEG', 'Logo Final-edit-20261122-031502'],
    ['archive.tar.webp', 'archive.tar-edit-20261122-031502'],
    ['noextension', 'noextension-edit-20261122-031502'],
    ['.hidden.png', 'hidden-edit-20261122-031502'],
    ['a:b*c?.png', 'a-b-c-edit-20261122-031502'],
    ['..png', 'image-edit-20261122-031502'],
    ['con.png', 'image-con-edit-20261122-031502'],
  ];
  for (const [original, expected] of cases) {
    it(`"${original}" → "${expected}"`, () => {
      assert.equal(editBaseName(original, at), expected);
    });
  }

  it('bounds a very long original name and keeps the suffix whole', () => {
    const name = editBaseName(`${'x'.repeat(300)}.png`, at);
    assert.ok(name.endsWith('-edit-20261122-031502'), name);
    assert.ok(name.length <= 96, `too long: ${name.length}`);
  });

  it('never contains separators, ".." or control characters', () => {
    for (const original of ['../../etc/passwd.png', 'a/../../b.png', 'x\u0000y.png', 'tab\there.png', '....png']) {
      const name = editBaseName(original, at);
      assert.doesNotMatch(name, /[\\/]|\.\./, name);
      assert.ok(
        [...name].every((c) => c.charCodeAt(0) >= 0x20),
        `control character in "${name}"`,
      );
      assert.doesNotMatch(name, /^[.\s-]/, name);
    }
  });
});
