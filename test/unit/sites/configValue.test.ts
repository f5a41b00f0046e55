/**
 * Site configurations read as literals, never run (sites/configValue.ts): JavaScript and TypeScript
 * modules, JSON with comments, YAML and TOML, anything computed UNKNOWN; a page's front matter. And
 * within a budget of values: constants built from constants, spreads and large literals past
 * MAX_VALUES make the configuration UNKNOWN (the framework's defaults apply) instead of expanding to
 * millions of values in the parser worker and cloning them back to the extension host; a constant
 * used many times is read once.
 */
import * as assert from 'node:assert/strict';
import { frontMatterOf, isUnknown, MAX_VALUES, readConfig, valuesIn, type ConfigValue } from '../../../src/sites/configValue';
import { tenfold } from '../../support/hostileConfigs';

describe('Site configurations read as literals, never run (sites/configValue)', () => {
  it('a module export, defineConfig, a named const, TypeScript casts, spreads, and a config function that returns an object', () => {
    assert.deepEqual(
      readConfig('vite.config.ts', "import { defineConfig } from 'vite';\nexport default defineConfig({ root: 'src', publicDir: '../assets' });"),
      {
        root: 'src',
        publicDir: '../assets',
      },
    );
    assert.deepEqual(
      readConfig(
        'docusaurus.config.js',
        "const base = { staticDirectories: ['static'] };\nconst config = { ...base, title: `Site` };\nmodule.exports = config;",
      ),
      {
        staticDirectories: ['static'],
        title: 'Site',
      },
    );
    assert.deepEqual(readConfig('astro.config.mts', 'export default { publicDir: "./pub" } satisfies Config;'), { publicDir: './pub' });
    assert.deepEqual(readConfig('vite.config.js', "export default defineConfig(({ mode }) => ({ root: 'web' }));"), { root: 'web' });
    assert.deepEqual(readConfig('docusaurus.config.ts', 'export default async function createConfig() { return { staticDirectories: ["public"] }; }'), {
      staticDirectories: ['public'],
    });
  });

  it('anything computed is UNKNOWN, never guessed: a call, a variable from elsewhere, a template with an expression', () => {
    const value = readConfig(
      'vite.config.js',
      "import path from 'node:path';\nconst dir = process.env.PUBLIC;\nexport default { root: path.resolve(__dirname, 'src'), publicDir: dir, base: `/${name}/`, build: { outDir: 'out' } };",
    ) as Record<string, ConfigValue>;
    assert.ok(isUnknown(value['root']) && isUnknown(value['publicDir']) && isUnknown(value['base']));
    assert.deepEqual(value['build'], { outDir: 'out' });
    assert.ok(isUnknown(readConfig('next.config.js', 'module.exports = makeConfig();')));
    assert.ok(isUnknown(readConfig('next.config.js', 'this is not javascript {')), 'unreadable: the defaults apply');
  });

  it('JSON with comments and trailing commas, YAML, TOML; a YAML bomb stays small', () => {
    assert.deepEqual(readConfig('tsconfig.json', '{ // paths\n "compilerOptions": { "paths": { "@/*": ["./src/*"], }, }, }'), {
      compilerOptions: { paths: { '@/*': ['./src/*'] } },
    });
    assert.deepEqual(readConfig('_config.yml', 'source: docs\ndestination: _site\n'), { source: 'docs', destination: '_site' });
    assert.deepEqual(readConfig('hugo.toml', 'staticDir = ["static", "more"]\n[params]\nx = 1\n'), { staticDir: ['static', 'more'], params: { x: 1 } });
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${'bcdefghij'[i]}: &${'bcdefghij'[i]} [*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]}]`,
      ),
    ].join('\n');
    assert.ok(isUnknown(readConfig('_config.yml', bomb)));
  });

  it('a page’s front matter gives its permalink', () => {
    assert.deepEqual(frontMatterOf('---\ntitle: About\npermalink: /about/\n---\n# About\n'), { title: 'About', permalink: '/about/' });
    assert.equal(frontMatterOf('# No front matter\n---\n'), undefined);
  });
});

describe('Site configurations are read within a budget of values (sites/configValue)', () => {
  it('ten million values in 420 bytes are UNKNOWN, at once (0.4 expanded every one)', () => {
    const text = tenfold(7);
    assert.ok(text.length < 450, `${text.length} bytes`);
    assert.ok(isUnknown(readConfig('vite.config.js', text)));
  });

  it('spreads that double an object at each step are UNKNOWN', () => {
    const lines = ['const s0 = { a: 0, b: 0 };'];
    for (let i = 1; i <= 24; i++) lines.push(`const s${i} = { ...s${i - 1}, k${i}: [s${i - 1}, s${i - 1}] };`);
    assert.ok(isUnknown(readConfig('astro.config.mjs', `${lines.join('\n')}\nexport default { publicDir: 'p', x: s24 };\n`)));
  });

  it('a JSON, YAML or TOML configuration of more values than the budget is UNKNOWN; what is sent back stays small', () => {
    const many = Array(MAX_VALUES + 1)
      .fill('0')
      .join(',');
    assert.ok(isUnknown(readConfig('package.json', `{ "name": "x", "files": [${many}] }`)));
    assert.ok(isUnknown(readConfig('_config.yml', `source: src\nfiles: [${many}]\n`)));
    assert.ok(isUnknown(readConfig('hugo.toml', `staticDir = "static"\nfiles = [${many}]\n`)));
  });

  it('within the budget, a constant used many times is read everywhere it is used, and one that names itself is UNKNOWN', () => {
    const text = [
      "const base = '/docs/';",
      "const dirs = ['static', 'public'];",
      'const loop = { again: loop };',
      'export default { base, publicDir: dirs[0], copy: [dirs, dirs, dirs], nested: { base }, loop };',
    ].join('\n');
    const value = readConfig('vite.config.js', text) as Record<string, unknown>;
    assert.equal(value['base'], '/docs/');
    assert.deepEqual(value['copy'], [
      ['static', 'public'],
      ['static', 'public'],
      ['static', 'public'],
    ]);
    assert.deepEqual(value['nested'], { base: '/docs/' });
    assert.ok(isUnknown((value['loop'] as Record<string, unknown>)['again']));
  });

  it('a value of exactly the budget is read; one more is not (every string, number, list and object counts one)', () => {
    // The object, its `files` list, and the numbers in it.
    const exactly = `{ "files": [${Array(MAX_VALUES - 2)
      .fill('0')
      .join(',')}] }`;
    assert.equal(isUnknown(readConfig('package.json', exactly)), false);
    assert.equal(valuesIn(readConfig('package.json', exactly), MAX_VALUES), MAX_VALUES);
    assert.ok(
      isUnknown(
        readConfig(
          'package.json',
          `{ "files": [${Array(MAX_VALUES - 1)
            .fill('0')
            .join(',')}] }`,
        ),
      ),
    );
  });
});
