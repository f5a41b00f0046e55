/**
 * What the site tests share: a site made from a configuration file's name and text (read as
 * literals, as the workspace reads it), and where a reference in a document is looked for among
 * sites, the document's own site chosen as the extension chooses it.
 */
import * as assert from 'node:assert/strict';
import { readConfig } from '../../../src/sites/configValue';
import { resolveInSite } from '../../../src/sites/servedPaths';
import { frameworkOfFile, siteOf, siteOfDocument, type Framework, type PageFacts, type Site } from '../../../src/sites/sites';

/** The site `file` describes; `framework` for files whose name does not say it (package.json, Hexo's `_config.yml`). */
export const site = (file: string, text: string, framework: Framework | undefined = frameworkOfFile(file)): Site => {
  assert.ok(framework, `${file} names a framework`);
  return siteOf(file, readConfig(file, text), framework);
};

/** The candidates for `value` in `document`, or undefined when the reference does not count or cannot be known. */
export const where = (
  value: string,
  document: string,
  sites: readonly Site[],
  extra: { aliases?: Site['aliases']; page?: PageFacts } = {},
): readonly string[] | undefined => {
  const owner = siteOfDocument(document, sites);
  return resolveInSite(value, {
    document,
    aliases: extra.aliases ?? owner?.aliases ?? [],
    ...(owner ? { site: owner } : {}),
    ...(extra.page ? { page: extra.page } : {}),
  })?.candidates;
};
