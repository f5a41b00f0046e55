/**
 * docs/architecture.md's "Ideas across the layers" names files and folders: each must exist, so the
 * table cannot drift from the code as the layer table cannot (test/unit/project/layers.test.ts).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..', '..');

describe('docs/architecture.md: the ideas across the layers', () => {
  it('names only files and folders of src/ that exist', () => {
    const doc = fs.readFileSync(path.join(root, 'docs', 'architecture.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Ideas across the layers'), doc.indexOf('## One flow, many entry points'));
    assert.ok(section.length > 100, 'the section is there');
    const rows = section.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| idea') && !line.startsWith('|---'));
    assert.ok(rows.length >= 6, `one row per idea: ${rows.length}`);
    const named: string[] = [];
    for (const row of rows) {
      for (const cell of row.split('|').slice(2)) {
        // `folder/` alone, then `folder/` (`a.ts`, `b.ts`): a file in parentheses belongs to the folder before it.
        let folder = '';
        for (const match of cell.matchAll(/`([^`]+)`|\(|\)/g)) {
          if (match[0] === ')') folder = '';
          const name = match[1];
          if (!name) continue;
          if (name.endsWith('/')) folder = name;
          named.push(name.endsWith('/') || name.includes('/') ? name : `${folder}${name}`);
        }
      }
    }
    const missing = named.filter((name) => !fs.existsSync(path.join(root, 'src', name)));
    assert.deepEqual(missing, [], 'every path of the table is in src/');
    assert.ok(named.length > 40, `the table names the files (${named.length})`);
  });
});
