// Refreshes the README's pictures (docs/images/*.png, committed on purpose) from the screenshots of
// the last end-to-end run (test-results/e2e/, 1440x960 viewport): crops to what each picture is
// about, scales down (full-colour PNG, each well under 150 KB). Run by hand after `npm run test:e2e`:
//   node test/e2e/readmeImages.mjs
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const shots = path.join(repoRoot, 'test-results', 'e2e');
const out = path.join(repoRoot, 'docs', 'images');

/** [screenshot, README picture, crop in screenshot pixels, width to scale to (none: as cropped)] */
const PICTURES = [
  ['studio-dark', 'studio', { left: 352, top: 0, width: 1088, height: 930 }, 900],
  ['flow-b-busy-tooltip', 'status-bar-busy', { left: 880, top: 800, width: 560, height: 160 }],
  ['flow-c-context-menu', 'explorer-edit-image', { left: 0, top: 0, width: 560, height: 600 }],
  ['flow-c-result', 'edit-result', { left: 0, top: 0, width: 1440, height: 960 }, 960],
];

fs.mkdirSync(out, { recursive: true });
for (const [shot, name, crop, width] of PICTURES) {
  const from = path.join(shots, `${shot}.png`);
  if (!fs.existsSync(from)) throw new Error(`${path.relative(repoRoot, from)} is missing: run npm run test:e2e first`);
  let image = sharp(from).extract(crop);
  if (width) image = image.resize({ width });
  const to = path.join(out, `${name}.png`);
  await image.png({ compressionLevel: 9, effort: 10 }).toFile(to);
  const kb = fs.statSync(to).size / 1024;
  console.log(`${path.relative(repoRoot, to)}  ${kb.toFixed(0)} KB`);
  if (kb > 150) console.warn(`  larger than 150 KB: crop tighter or scale down`);
}
