/**
 * Site configurations are read within a budget of values (sites/configValue.ts): constants built
 * from constants, spreads and large literals past MAX_VALUES make the configuration UNKNOWN (the
 * framework's defaults apply) instead of expanding to millions of values in the parser worker and
 * cloning them back to the extension host; a constant used many times is read once.
 */
import * as assert from 'node:assert/strict';
import { isUnknown, MAX_VALUES, readConfig, valuesIn } from '../../../src/sites/configValue';

/** Each constant ten of the one before: `levels` 7 is 420 bytes that name ten million values. */
function tenfold(levels: number): string {
  const names = 'abcdefghij'.slice(0, levels).split('');
  const lines = names.map(
    (name, i) =>
      `const ${name} = [${Array(10)
        .fill(i === 0 ? '0' : names[i - 1])
        .join(',')}];`,
  );
  return `${lines.join('\n')}\nexport default { publicDir: 'public', x: ${names[levels - 1] ?? '0'} };\n`;
}

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
