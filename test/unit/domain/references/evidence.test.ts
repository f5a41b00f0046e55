/**
 * The evidence rule (domain/references/evidence): a missing reference is offered the files of its own
 * repository whose path ends with the reference's, at a segment boundary, exact case and nearest first.
 */
import * as assert from 'node:assert/strict';
import { foundElsewhere, MAX_CANDIDATES, referenceTail, repositoryOf, type RepositoryFiles } from '../../../../src/domain/references/evidence';
import { imagePathOf } from '../../../../src/domain/references/imageReference';

/** A repository's image files as the index would hold them. */
function filesOf(paths: readonly string[], repositories: readonly string[] = ['']): RepositoryFiles {
  return {
    named: (name) => paths.filter((path) => path.slice(path.lastIndexOf('/') + 1).toLowerCase() === name.toLowerCase()),
    repositories: new Set(repositories),
  };
}

const tailOf = (value: string): string | undefined => {
  const path = imagePathOf(value);
  return path === undefined ? undefined : referenceTail(path);
};

describe('the evidence rule (domain/references/evidence)', () => {
  it("takes the reference's path without query, fragment, leading /, ./ and ../, percent-decoded", () => {
    assert.equal(tailOf('/img/hero.png'), 'img/hero.png');
    assert.equal(tailOf('./img/hero.png?v=3#top'), 'img/hero.png');
    assert.equal(tailOf('../../img/hero.png'), 'img/hero.png');
    assert.equal(tailOf('img/../shots/./a%20b.png'), 'shots/a b.png');
    assert.equal(tailOf('a/../../../x.png'), 'x.png');
    assert.equal(tailOf('hero.png'), 'hero.png');
    assert.equal(referenceTail('/'), undefined);
    assert.equal(referenceTail('..'), undefined);
  });

  it('finds a file whose path ends with the tail, at a segment boundary only', () => {
    const files = filesOf(['website/static/img/hero.png', 'src/bigimg/hero.png', 'img/hero.png.bak/x.png']);
    assert.deepEqual(foundElsewhere('img/hero.png', 'docs/intro.md', files), ['website/static/img/hero.png']);
    assert.deepEqual(foundElsewhere('img/other.png', 'docs/intro.md', files), []);
  });

  it('matches without case, exact case first (a case-sensitive server misses Hero.PNG)', () => {
    const files = filesOf(['b/Img/Hero.PNG', 'a/img/hero.png']);
    assert.deepEqual(foundElsewhere('img/hero.png', 'z/doc.md', files), ['a/img/hero.png', 'b/Img/Hero.PNG']);
  });

  it('orders candidates nearest to the document first, and offers at most a few', () => {
    const paths = ['x/y/logo.png', 'docs/guide/logo.png', 'docs/logo.png', ...Array.from({ length: 10 }, (_, i) => `other${i}/logo.png`)];
    const candidates = foundElsewhere('logo.png', 'docs/guide/page.md', filesOf(paths));
    assert.equal(candidates.length, MAX_CANDIDATES);
    assert.deepEqual(candidates.slice(0, 2), ['docs/guide/logo.png', 'docs/logo.png']);
  });

  it("looks only in the document's own repository: nested checkouts are repositories of their own", () => {
    const files = filesOf(['site/static/img/a.png', 'app/public/img/a.png', 'app/vendor/lib/img/a.png'], ['', 'site', 'app', 'app/vendor/lib']);
    assert.equal(repositoryOf('site/docs/x.md', files.repositories), 'site');
    assert.equal(repositoryOf('app/vendor/lib/README.md', files.repositories), 'app/vendor/lib');
    assert.equal(repositoryOf('README.md', files.repositories), '');
    assert.deepEqual(foundElsewhere('img/a.png', 'site/docs/x.md', files), ['site/static/img/a.png']);
    assert.deepEqual(foundElsewhere('img/a.png', 'app/src/page.html', files), ['app/public/img/a.png']);
    assert.deepEqual(foundElsewhere('img/a.png', 'app/vendor/lib/README.md', files), ['app/vendor/lib/img/a.png']);
    // A document outside every checkout belongs to the workspace folder's repository: the checkouts are not its files.
    assert.deepEqual(foundElsewhere('img/a.png', 'notes/x.md', files), []);
  });

  it('a workspace folder without any .git is one repository', () => {
    const files = filesOf(['a/b/c.png'], []);
    assert.equal(repositoryOf('z/doc.md', files.repositories), '');
    assert.deepEqual(foundElsewhere('b/c.png', 'z/doc.md', files), ['a/b/c.png']);
  });
});
