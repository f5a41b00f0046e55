/**
 * Workspace-relative folders of sites (sites/folders): a folder joined with what a configuration
 * writes (which may climb out of it, as Docusaurus' `../docs` does, but never out of the workspace
 * folder), and whether one folder is inside another ('' is the workspace folder).
 */
import * as assert from 'node:assert/strict';
import { joinFolder, within } from '../../../src/sites/folders';

describe('Folders of sites (sites/folders)', () => {
  it('joins and normalises, climbing out of the base but not out of the workspace folder', () => {
    assert.equal(joinFolder('website', '../docs'), 'docs');
    assert.equal(joinFolder('site', './static/'), 'site/static');
    assert.equal(joinFolder('', 'public'), 'public');
    assert.equal(joinFolder('docs', '..'), '', 'the workspace folder itself');
    assert.equal(joinFolder('docs', '../..'), undefined);
    assert.equal(joinFolder('docs', '/var/www'), undefined, 'an absolute path on the machine is no folder of this workspace');
  });

  it('a folder is within itself and its parents, never within a sibling that shares its prefix', () => {
    assert.equal(within('site/static/img', 'site/static'), true);
    assert.equal(within('site/static', 'site/static'), true);
    assert.equal(within('anything', ''), true);
    assert.equal(within('site/statics', 'site/static'), false);
    assert.equal(within('', 'site'), false);
  });
});
