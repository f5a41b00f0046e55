/**
 * Pixel work, timed with both builds of sharp: the WebAssembly one the .vsix ships (found with
 * --preserve-symlinks in a folder that holds only what the .vsix holds) and the native one of a
 * development install. Each runs in its own process, so the peak memory is its own.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '..', '..', '..');
/** What the .vsix carries of node_modules (.vscodeignore). */
const SHIPPED = ['sharp', '@img/sharp-wasm32', '@img/colour', '@emnapi/runtime', 'tslib', 'detect-libc', 'semver'];

function runChild(sharpPath: string, preserveSymlinks: boolean): Record<string, unknown> {
  const child = join(__dirname, 'pixelsChild.js');
  const result = spawnSync(process.execPath, [...(preserveSymlinks ? ['--preserve-symlinks'] : []), child, sharpPath], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pixel benchmark failed:\n${result.stdout}${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
}

export function pixelsBenchmark(): void {
  console.log('\n## Pixels: fit to 1200x630 (Lanczos, cover), keep what a mask protects, draw a labelled placeholder; median of 3\n');
  const shipped = mkdtempSync(join(tmpdir(), 'segmind-shipped-'));
  try {
    for (const name of SHIPPED) {
      const link = join(shipped, 'node_modules', name);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(join(repoRoot, 'node_modules', name), link);
    }
    const rows = [runChild(join(shipped, 'node_modules', 'sharp'), true), runChild(join(repoRoot, 'node_modules', 'sharp'), false)];
    const ms = (value: unknown): number => Math.round(Number(value));
    console.table(
      rows.map((row) => ({
        build: row['build'],
        '1024² → 1200x630 ms': ms(row['fit1024ms']),
        '3840x2160 → 1200x630 ms': ms(row['fit4kms']),
        'mask copy-back 1024² ms': ms(row['keep1024ms']),
        'placeholder 1200x630 PNG ms': ms(row['placeholderMs']),
        'peak RSS MB': row['peakRssMb'],
      })),
    );
    console.log('\n## Sets: one 1536x1024 render written as the 1x, 2x and 3x files of a 500x333 element (cover, Lanczos), ms per file; an AVIF placeholder\n');
    console.table(
      rows.map((row) => ({
        build: row['build'],
        'PNG ms/file': ms(row['setPngMs']),
        'WebP ms/file': ms(row['setWebpMs']),
        'AVIF ms/file': ms(row['setAvifMs']),
        'placeholder 1200x630 AVIF ms': ms(row['placeholderAvifMs']),
      })),
    );
  } finally {
    rmSync(shipped, { recursive: true, force: true });
  }
}
