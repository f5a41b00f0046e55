/** Which files of an output folder the Studio's gallery shows, and in what order (studio/pure/galleryItems). */
import * as assert from 'node:assert/strict';
import { imagesWithSidecars, MAX_GALLERY_ITEMS, newestFirst } from '../../../../src/studio/pure/galleryItems';

describe('Studio gallery items (studio/pure/galleryItems)', () => {
  it('lists images that have a sidecar, not sidecars, temporaries or lone images', () => {
    assert.deepEqual(
      imagesWithSidecars([
        'fox.png',
        'fox.png.json',
        'cat.jpg',
        'notes.txt',
        'notes.txt.json',
        '.fox.png.abc.tmp',
        'owl.webp',
        'owl.webp.json',
        'x.JPEG',
        'x.JPEG.json',
      ]),
      ['fox.png', 'owl.webp', 'x.JPEG'],
    );
  });

  it('sorts newest first and caps', () => {
    const items = [
      { savedAt: '2026-01-01T00:00:00Z', n: 1 },
      { savedAt: '2026-03-01T00:00:00Z', n: 3 },
      { savedAt: '2026-02-01T00:00:00Z', n: 2 },
    ];
    assert.deepEqual(
      newestFirst(items).map((item) => item.n),
      [3, 2, 1],
    );
    assert.deepEqual(
      newestFirst(items, 2).map((item) => item.n),
      [3, 2],
    );
  });

  it('lists only the formats a model makes (PNG, JPEG, WebP), never a hidden file, even with a sidecar', () => {
    assert.deepEqual(imagesWithSidecars(['.hidden.png', '.hidden.png.json', 'og.avif', 'og.avif.json', 'a.gif', 'a.gif.json', 'b.jpeg', 'b.jpeg.json']), [
      'b.jpeg',
    ]);
    assert.deepEqual(imagesWithSidecars(['fox.png.json']), [], 'a sidecar whose image is gone');
  });

  it('caps at 200 by default and leaves the list it was given in its order', () => {
    const items = Array.from({ length: MAX_GALLERY_ITEMS + 5 }, (_, i) => ({ savedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), n: i }));
    const shown = newestFirst(items);
    assert.equal(MAX_GALLERY_ITEMS, 200);
    assert.equal(shown.length, 200);
    assert.deepEqual([shown[0]?.n, shown[199]?.n], [204, 5], 'the five oldest are left out');
    assert.equal(items[0]?.n, 0, 'sorted as a copy');
  });
});
