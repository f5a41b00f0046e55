/**
 * Sets of exact images (domain/images/imageSets): which missing files go together and which one of
 * them is rendered, and the bounds a set is held to. Pure: the files are plain records here.
 */
import * as assert from 'node:assert/strict';
import { groupIntoSets, MAX_SET_FILES, setProblem } from '../../../../src/domain/images/imageSets';

interface File {
  readonly name: string;
  readonly element?: string;
  readonly area: number;
}

/** Each set as its names, the one rendered first. */
const sets = (files: readonly File[]): string[][] =>
  groupIntoSets(files, { element: (file) => file.element, area: (file) => file.area }).map((set) => [set.lead.name, ...set.others.map((file) => file.name)]);

describe('Sets are bounded (domain/images/imageSets)', () => {
  it('at most 32 files per element, each at most 4096 px a side', () => {
    assert.equal(setProblem(MAX_SET_FILES, []), undefined);
    assert.deepEqual(setProblem(5_001, []), { kind: 'too-many', files: 5_001 });
    assert.equal(setProblem(3, [undefined, { width: 4096, height: 4096 }]), undefined);
    assert.deepEqual(setProblem(2, [undefined, { width: 5000, height: 300 }]), { kind: 'too-large', width: 5000, height: 300 });
  });
});

describe('One element, one render (domain/images/imageSets)', () => {
  it('groups by element, renders the largest, keeps files without an element apart', () => {
    assert.deepEqual(
      sets([
        { name: 'hero.png', element: 'page#10', area: 600 * 300 },
        { name: 'logo.svg', area: 0 },
        { name: 'hero@3x.png', element: 'page#10', area: 1800 * 900 },
        { name: 'boat.avif', element: 'page#90', area: 1200 * 800 },
        { name: 'hero@2x.png', element: 'page#10', area: 1200 * 600 },
        { name: 'boat.jpg', element: 'page#90', area: 1200 * 800 },
        { name: 'og.png', area: 1200 * 630 },
      ]),
      [['hero@3x.png', 'hero.png', 'hero@2x.png'], ['logo.svg'], ['boat.avif', 'boat.jpg'], ['og.png']],
    );
  });

  it('a set whose files give no size renders its first', () => {
    assert.deepEqual(
      sets([
        { name: 'a.png', element: 'x', area: 0 },
        { name: 'a@2x.png', element: 'x', area: 0 },
      ]),
      [['a.png', 'a@2x.png']],
    );
  });
});
