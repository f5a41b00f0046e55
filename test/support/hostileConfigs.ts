/**
 * Site configurations written to hurt their reader, shared by the unit tests (what is read) and the
 * benchmark (how long the host stalls): one text, so the two measure the same thing.
 */

/** Each constant ten of the one before: `levels` 7 is 420 bytes that name ten million values. */
export function tenfold(levels: number): string {
  const names = 'abcdefghij'.slice(0, levels).split('');
  const lines = names.map(
    (name, i) =>
      `const ${name} = [${Array(10)
        .fill(i === 0 ? '0' : names[i - 1])
        .join(',')}];`,
  );
  return `${lines.join('\n')}\nexport default { publicDir: 'public', x: ${names[levels - 1] ?? '0'} };\n`;
}
