/**
 * Sites learned in 0.5 (src/sites/frameworks.ts, sites.ts, servedPaths.ts), each as a small fixture:
 * MkDocs (docs_dir served at /, pages at folder-like URLs, its YAML tags), Hexo's `_config.yml`
 * (not Jekyll's) and Zola's `config.toml` (not Hugo's). Which framework a file really is, checked by
 * what it says, is the site index's (src/workspace/siteIndex.ts); here, what each makes of it.
 */
import * as assert from 'node:assert/strict';
import { readConfig } from '../../../src/sites/configValue';
import { pageUrlFolder, resolveInSite } from '../../../src/sites/servedPaths';
import { frameworkOfFile, frameworkOfPackage, siteOf, siteOfDocument, type Framework, type Site } from '../../../src/sites/sites';

const site = (file: string, text: string, framework: Framework | undefined = frameworkOfFile(file)): Site => {
  assert.ok(framework, `${file} names a framework`);
  return siteOf(file, readConfig(file, text), framework);
};
const where = (value: string, document: string, sites: readonly Site[]): readonly string[] | undefined => {
  const owner = siteOfDocument(document, sites);
  return resolveInSite(value, { document, aliases: [], ...(owner ? { site: owner } : {}) })?.candidates;
};

describe('Sites learned from the evidence of 0.5 (sites/frameworks)', () => {
  it('MkDocs: docs_dir is served at /, a page at /its/path/, so raw HTML climbs from there (mkdocs-material)', () => {
    const mkdocs = site('mkdocs.yml', 'site_name: Material\ntheme:\n  name: material\n');
    assert.equal(mkdocs.framework, 'mkdocs');
    assert.equal(pageUrlFolder('docs/setup/setting-up-social-cards.md', mkdocs, undefined), '/setup/setting-up-social-cards/');
    assert.equal(pageUrlFolder('docs/setup/index.md', mkdocs, undefined), undefined, 'an index page is its folder');
    assert.deepEqual(where('../../assets/screenshots/card.png', 'docs/setup/setting-up-social-cards.md', [mkdocs]), [
      'assets/screenshots/card.png',
      'docs/assets/screenshots/card.png',
    ]);
    assert.deepEqual(where('/assets/logo.png', 'docs/index.md', [mkdocs]), ['docs/assets/logo.png']);
    assert.match(resolveInSite('/x.png', { document: 'docs/a.md', site: mkdocs, aliases: [] })?.lookedIn ?? '', /docs \(MkDocs\)/);
  });

  it('MkDocs: docs_dir and use_directory_urls as written, its !ENV and !!python tags left aside', () => {
    const text =
      'site_name: Typer\ndocs_dir: en/docs\nuse_directory_urls: false\nextra:\n  key: !ENV KEY\nmarkdown_extensions:\n  - x:\n      f: !!python/name:a.b\n';
    const mkdocs = site('docs/mkdocs.yml', text);
    assert.deepEqual(mkdocs.publicFolders, ['docs/en/docs']);
    assert.equal(pageUrlFolder('docs/en/docs/tutorial/first.md', mkdocs, undefined), undefined, 'without directory URLs a page is served beside its source');
  });

  it("Hexo: a `_config.yml` beside hexo's package.json serves source_dir at /", () => {
    assert.equal(frameworkOfPackage({ dependencies: { hexo: '^7.0.0' } }), 'hexo');
    const hexo = site('_config.yml', 'title: Hexo\nsource_dir: src\n', 'hexo');
    assert.deepEqual(where('/images/logo.png', 'src/_posts/hello.md', [hexo]), ['src/images/logo.png']);
    assert.deepEqual(hexo.outputFolders, ['public']);
  });

  it('Zola: static/ is served at /, and a page content/blog/post.md at /blog/post/', () => {
    const zola = site('config.toml', 'base_url = "https://example.com"\n', 'zola');
    assert.deepEqual(where('/img/a.png', 'content/blog/post.md', [zola]), ['static/img/a.png']);
    assert.equal(pageUrlFolder('content/blog/post.md', zola, undefined), '/blog/post/');
    assert.equal(pageUrlFolder('content/blog/_index.md', zola, undefined), undefined);
  });
});
