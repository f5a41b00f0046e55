import * as assert from 'node:assert/strict';
import { pathInFolder } from '../../../../src/domain/safety/workspacePath';

describe('A workspace-relative path, made one way (domain/safety/workspacePath)', () => {
  it('is the path below the folder, with or without a trailing slash on it', () => {
    assert.equal(pathInFolder({ path: '/w/site' }, { path: '/w/site/docs/a.md' }), 'docs/a.md');
    assert.equal(pathInFolder({ path: '/w/site/' }, { path: '/w/site/docs/a.md' }), 'docs/a.md');
    assert.equal(pathInFolder({ path: '/w/site' }, { path: '/w/site' }), '');
  });
});
