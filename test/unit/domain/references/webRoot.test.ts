/**
 * Where a reference points without a site (domain/references/webRoot): a relative value against the
 * document's folder, a root-absolute one inside the web root, never outside the workspace folder or
 * into `.git`; and the folders a web root is looked for in.
 */
import * as assert from 'node:assert/strict';
import { foldersUp, resolveReference } from '../../../../src/domain/references/webRoot';

describe('Where a reference resolves (domain/references/webRoot)', () => {
  const context = { document: 'site/pages/about.html', webRoot: 'site/public' };

  it("a relative value against the document's folder, a root-absolute one inside the web root", () => {
    assert.equal(resolveReference('img/team.png', context), 'site/pages/img/team.png');
    assert.equal(resolveReference('../shared/logo.svg', context), 'site/shared/logo.svg');
    assert.equal(resolveReference('/img/hero.png', context), 'site/public/img/hero.png');
    assert.equal(resolveReference('/img/hero.png', { ...context, webRoot: '' }), 'img/hero.png', 'the workspace folder when there is no web root');
    assert.equal(resolveReference('./a\\b.png', context), 'site/pages/a/b.png');
  });

  it('outside the workspace folder or into .git: ignored', () => {
    assert.equal(resolveReference('../../../outside.png', context), undefined);
    assert.equal(resolveReference('/../../x.png', context), 'site/public/x.png', 'a root-absolute path stops at the web root, as in a browser');
    assert.equal(resolveReference('../../.git/x.png', context), undefined);
    assert.equal(resolveReference('/GIT~1/x.png', context), undefined);
  });

  it('the folders a web root is looked for in, nearest first, up to the workspace folder', () => {
    assert.deepEqual(foldersUp('site/pages/about.html'), ['site/pages', 'site', '']);
    assert.deepEqual(foldersUp('index.html'), ['']);
  });
});
