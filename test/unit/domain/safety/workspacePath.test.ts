import * as assert from 'node:assert/strict';
import { ConfigurationError } from '../../../../src/domain/errors/errors';
import { forbiddenName, isInside, outputFolderSegments, pathInFolder, relativeSegments } from '../../../../src/domain/safety/workspacePath';

function refused(setting: string): ConfigurationError {
  try {
    outputFolderSegments(setting);
  } catch (error) {
    assert.ok(error instanceof ConfigurationError, String(error));
    assert.equal(error.kind, 'configuration');
    assert.equal(error.setting, 'segmind.outputFolder');
    return error;
  }
  assert.fail(`"${setting}" was accepted`);
}

describe('outputFolder', () => {
  describe('outputFolderSegments', () => {
    const accepted: Array<[string, string[]]> = [
      ['assets', ['assets']],
      ['art/generated/2025', ['art', 'generated', '2025']],
      ['art\\generated', ['art', 'generated']],
      ['./a/../b', ['b']],
      ['a/./b/', ['a', 'b']],
      ['a//b', ['a', 'b']],
      ['  assets  ', ['assets']],
      ['a/b/../../c', ['c']],
      ['.', []],
      ['', []],
    ];
    for (const [setting, segments] of accepted) {
      it(`accepts ${JSON.stringify(setting)} → ${JSON.stringify(segments)}`, () => {
        assert.deepEqual(outputFolderSegments(setting), segments);
      });
    }

    const escaping = [
      '..',
      '../x',
      './..',
      'a/../../x',
      'a/../..',
      '..\\x',
      '/abs',
      '/',
      '\\x',
      '\\\\server\\share',
      'C:\\x',
      'c:/x',
      'C:x',
      '~',
      '~/pics',
      '~user',
      'a\u0000b',
    ];
    for (const setting of escaping) {
      it(`refuses ${JSON.stringify(setting)} with a clear message`, () => {
        const error = refused(setting);
        assert.match(error.message, /workspace folder/);
      });
    }

    it('never returns ".." or "." segments', () => {
      for (const setting of ['a/./b/../c', 'x/y/../../z/.']) {
        for (const segment of outputFolderSegments(setting)) assert.ok(segment !== '..' && segment !== '.');
      }
    });
  });

  describe('isInside', () => {
    it('is true for the folder itself and anything below it', () => {
      assert.ok(isInside('/ws', '/ws'));
      assert.ok(isInside('/ws', '/ws/assets/cat.png'));
      assert.ok(isInside('/ws/', '/ws/assets'));
      assert.ok(isInside('C:\\ws', 'C:\\ws\\assets'));
    });
    it('does not fall for the prefix trap', () => {
      assert.ok(!isInside('/ws', '/ws2'));
      assert.ok(!isInside('/ws', '/ws2/a.png'));
      assert.ok(!isInside('/ws', '/wsx'));
      assert.ok(!isInside('C:\\ws', 'C:\\ws2\\a.png'));
    });
    it('is false for parents and siblings', () => {
      assert.ok(!isInside('/ws/assets', '/ws'));
      assert.ok(!isInside('/ws/assets', '/ws/other/a.png'));
      assert.ok(!isInside('/ws', '/'));
    });
  });
});

describe('relativeSegments (shared by the output folder and edit inputs)', () => {
  it('normalises, and says why a path is refused', () => {
    assert.deepEqual(relativeSegments(' ./a/../b//c '), { ok: true, segments: ['b', 'c'] });
    assert.deepEqual(relativeSegments(''), { ok: true, segments: [] });
    assert.deepEqual(relativeSegments('/etc'), { ok: false, problem: 'absolute' });
    assert.deepEqual(relativeSegments('C:\\x'), { ok: false, problem: 'absolute' });
    assert.deepEqual(relativeSegments('a/../../x'), { ok: false, problem: 'outside' });
  });
});

describe('forbiddenName: the segments never written into', () => {
  it('.git in every spelling that reaches it: any case, trailing dots and spaces (Windows drops them), the 8.3 short name', () => {
    for (const name of ['.git', '.GIT', '.Git', '.git.', '.git..', '.git ', '.git. ', 'git~1', 'GIT~1', 'Git~12'])
      assert.equal(forbiddenName(name), 'git', name);
  });

  it('a ":" (a drive, or an NTFS alternate data stream such as .git::$INDEX_ALLOCATION)', () => {
    for (const name of ['logo.png:hidden', '.git::$INDEX_ALLOCATION', 'c:', 'a:b']) assert.equal(forbiddenName(name), 'stream', name);
  });

  it('lets ordinary names through, look-alikes included', () => {
    for (const name of ['assets', '.github', 'git', '.gitignore', 'gitlab~1x', '.git-crypt', 'my.git', 'logo.png'])
      assert.equal(forbiddenName(name), undefined, name);
  });
});

describe('A workspace-relative path, made one way (domain/safety/workspacePath)', () => {
  it('is the path below the folder, with or without a trailing slash on it', () => {
    assert.equal(pathInFolder({ path: '/w/site' }, { path: '/w/site/docs/a.md' }), 'docs/a.md');
    assert.equal(pathInFolder({ path: '/w/site/' }, { path: '/w/site/docs/a.md' }), 'docs/a.md');
    assert.equal(pathInFolder({ path: '/w/site' }, { path: '/w/site' }), '');
  });
});
