/**
 * Aliases a site defines for its paths (sites/aliases): Vite's and webpack's `resolve.alias` in both
 * its forms, and a tsconfig.json's `paths` from its baseUrl. A target that is not a literal is kept
 * with no folder, so its references are skipped rather than guessed.
 */
import * as assert from 'node:assert/strict';
import { tsconfigAliases } from '../../../src/sites/aliases';
import { readConfig } from '../../../src/sites/configValue';
import { where } from './siteFixtures';

describe('Aliases of a site (sites/aliases)', () => {
  it('a tsconfig paths alias, from its baseUrl', () => {
    const aliases = tsconfigAliases(
      'web/tsconfig.json',
      readConfig('tsconfig.json', '{ "compilerOptions": { "baseUrl": ".", "paths": { "@assets/*": ["src/assets/*"] } } }'),
    );
    assert.deepEqual(aliases, [{ prefix: '@assets/', target: 'web/src/assets' }]);
    assert.deepEqual(where('@assets/a.png', 'web/src/App.tsx', [], { aliases }), ['web/src/assets/a.png']);
  });
});
