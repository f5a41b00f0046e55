/**
 * Aliases a site defines for its paths (sites/aliases): Vite's and webpack's `resolve.alias` in both
 * its forms, and a tsconfig.json's `paths` from its baseUrl. A target that is not a literal is kept
 * with no folder, so its references are skipped rather than guessed.
 */
import * as assert from 'node:assert/strict';
import { aliasesOf, tsconfigAliases } from '../../../src/sites/aliases';
import { readConfig, UNKNOWN } from '../../../src/sites/configValue';
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

  it('tsconfig paths: the first target of a `prefix/*` pattern only; a bare `*` or an exact name is no folder alias', () => {
    const config = {
      compilerOptions: { baseUrl: 'src', paths: { '~/*': ['./*', 'other/*'], '*': ['types/*'], 'exact-module': ['lib/exact.ts'], '#x/*': ['x'] } },
    };
    assert.deepEqual(tsconfigAliases('tsconfig.json', config), [{ prefix: '~/', target: 'src' }]);
    assert.deepEqual(tsconfigAliases('tsconfig.json', UNKNOWN), [], 'a tsconfig that could not be read defines nothing');
  });

  it('resolve.alias as an object: `/src` is the project’s root, a prefix always ends in a slash', () => {
    assert.deepEqual(aliasesOf({ '@': '/src', 'images/': 'assets/img' }, 'app'), [
      { prefix: '@/', target: 'app/src' },
      { prefix: 'images/', target: 'app/assets/img' },
    ]);
  });

  it('resolve.alias as a list of { find, replacement }; a computed or outside replacement has no folder', () => {
    assert.deepEqual(
      aliasesOf(
        [
          { find: '#assets', replacement: '/src/assets' },
          { find: '~icons', replacement: UNKNOWN },
          { find: '', replacement: 'ignored' },
          { find: 'up', replacement: '../../outside' },
        ],
        'web',
      ),
      [
        { prefix: '#assets/', target: 'web/src/assets' },
        { prefix: '~icons/', target: undefined },
        { prefix: 'up/', target: undefined },
      ],
    );
    assert.deepEqual(aliasesOf(undefined, 'web'), []);
  });
});
