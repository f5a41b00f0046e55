/** The documents the host's stalls are measured on (test/bench/inHost.ts), and the figures it writes: shared with hostFigures.ts, which runs outside the host. */
/** The hostile documents (each ends with one missing image, so their reading is seen to finish). */
export const HOSTILE_DOCUMENTS: readonly { readonly name: string; readonly text: string }[] = [
  // 10,000 references to an image that is there (hostile/here.png), then one that is not.
  { name: 'hostile-urls.css', text: `${'a { background: url("here.png") }\n'.repeat(10_000)}.z { background: url("end-css.png") }\n` },
  { name: 'hostile-open-images.md', text: `${'![a]('.repeat(40_000)}\n\n![end](end-md.png)\n` },
  { name: 'hostile-titles.md', text: `${'![a](x.png ('.repeat(20_000)}\n\n![end](end-titles.png)\n` },
  { name: 'hostile-nesting.html', text: `${'<div>'.repeat(50_000)}<img src="end-html.png">` },
];

/** What inHost.ts measures (read back by hostFigures.ts). */
export interface InHostFigures {
  readonly documents: readonly { readonly name: string; readonly kib: number; readonly readMs: number; readonly longestStallMs: number }[];
  readonly scan: { readonly files: number; readonly ms: number; readonly filesPerSecond: number; readonly longestStallMs: number; readonly missing: number };
  /** A placeholder generate_image through the MCP server and through the language model tool (test/bench/agentCalls.ts). */
  readonly agents: { readonly runs: number; readonly mcpMs: readonly number[]; readonly toolMs: readonly number[] };
}
