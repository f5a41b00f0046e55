/** The documents the host's stalls are measured on (test/bench/inHost.ts), and the figures it writes: shared with stallFigures.ts, which runs outside the host. */
/** The hostile documents (each ends with one missing image, so their reading is seen to finish). */
export const HOSTILE_DOCUMENTS: readonly { readonly name: string; readonly text: string }[] = [
  // 10,000 references to an image that is there (hostile/here.png), then one that is not.
  { name: 'hostile-urls.css', text: `${'a { background: url("here.png") }\n'.repeat(10_000)}.z { background: url("end-css.png") }\n` },
  { name: 'hostile-open-images.md', text: `${'![a]('.repeat(40_000)}\n\n![end](end-md.png)\n` },
  { name: 'hostile-titles.md', text: `${'![a](x.png ('.repeat(20_000)}\n\n![end](end-titles.png)\n` },
  { name: 'hostile-nesting.html', text: `${'<div>'.repeat(50_000)}<img src="end-html.png">` },
];

/**
 * Site configurations built to expand (each constant ten of the one before: 504 bytes, a million
 * values when followed without a budget), one per app folder; the page beside the first names a
 * missing image, so the index's reading is seen to finish.
 */
export const HOSTILE_SITE_APPS = 6;
export function hostileSiteConfig(levels = 6): string {
  const names = 'abcdefghij'.slice(0, levels).split('');
  const lines = names.map((name, i) => `const ${name} = {${Array.from({ length: 10 }, (_, k) => `k${k}: ${i === 0 ? "'s'" : names[i - 1]}`).join(',')}};`);
  return `${lines.join('\n')}\nexport default { publicDir: 'public', x: ${names[levels - 1] ?? '0'} };\n`;
}
export const HOSTILE_SITE_PAGE = '<img src="/end-site.png" width="10" height="10">\n';

/** What inHost.ts measures (read back by stallFigures.ts). */
export interface InHostFigures {
  readonly documents: readonly { readonly name: string; readonly kib: number; readonly readMs: number; readonly longestStallMs: number }[];
  /** Opening a page of a workspace whose site configurations are hostile: the site index reads them all. */
  readonly sites: { readonly configs: number; readonly ms: number; readonly longestStallMs: number };
  readonly scan: { readonly files: number; readonly ms: number; readonly filesPerSecond: number; readonly longestStallMs: number; readonly missing: number };
  /** A placeholder generate_image through the MCP server and through the language model tool (test/bench/agentCalls.ts). */
  readonly agents: { readonly runs: number; readonly mcpMs: readonly number[]; readonly toolMs: readonly number[] };
}
