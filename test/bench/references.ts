/**
 * Missing-image detection, timed: the references of a 2,000-line HTML page and of a 2,000-line
 * Markdown file, parsed and resolved (the work a document change costs after the 250 ms debounce),
 * median of 15 after 3 warm-up runs. The file system check is the host's and is not in it.
 */
import { imagePathOf, REFERENCES_DEBOUNCE_MS as DEBOUNCE_MS } from '../../src/domain/references/imageReference';
import { resolveReference } from '../../src/domain/references/webRoot';
import { findReferences, type ReferenceLanguage } from '../../src/references/index';

function html(lines: number): string {
  const body: string[] = [];
  for (let i = 0; body.length < lines; i++) {
    body.push(
      `<section id="s${i}"><h2>Section ${i}</h2>`,
      `  <p>Some text about item ${i}, <a href="/page/${i}">a link</a> and <em>emphasis</em>.</p>`,
      `  <img src="/img/photo-${i}.png" width="640" height="480" alt="Photo ${i}">`,
      '  <!-- <img src="img/old.png"> -->',
      '</section>',
    );
  }
  return `<!doctype html><html><head><title>Bench</title></head><body>\n${body.slice(0, lines).join('\n')}\n</body></html>\n`;
}

function markdown(lines: number): string {
  const body: string[] = [];
  for (let i = 0; body.length < lines; i++) {
    body.push(
      `## Part ${i}`,
      '',
      `Text with *emphasis*, \`code ![no](x.png)\` and a [link](https://example.com/${i}).`,
      '',
      `![Figure ${i}](img/figure-${i}.webp "Title ${i}")`,
      '',
    );
  }
  return `${body.slice(0, lines).join('\n')}\n`;
}

function median(run: () => unknown, runs = 15, warmUp = 3): { ms: number; found: number } {
  let found = 0;
  for (let i = 0; i < warmUp; i++) run();
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    found = (run() as unknown[]).length;
    all.push(performance.now() - started);
  }
  return { ms: [...all].sort((a, b) => a - b)[runs >> 1] ?? 0, found };
}

const parseAndResolve = (language: ReferenceLanguage, text: string) => (): unknown[] =>
  findReferences(language, text).map((reference) =>
    resolveReference(imagePathOf(reference.value) ?? '', { document: 'site/index.html', webRoot: 'site/public' }),
  );

export function referencesBenchmark(): void {
  console.log(`\n## Missing images: a document's references parsed and resolved (median of 15; diagnostics wait ${DEBOUNCE_MS} ms after typing stops)\n`);
  const rows = [
    { file: 'HTML, 2,000 lines', language: 'html' as const, text: html(2_000) },
    { file: 'Markdown, 2,000 lines', language: 'markdown' as const, text: markdown(2_000) },
  ].map(({ file, language, text }) => {
    const { ms, found } = median(parseAndResolve(language, text));
    return { file, references: found, 'parse + resolve ms': ms.toFixed(1), 'debounce + parse ms': (DEBOUNCE_MS + ms).toFixed(0) };
  });
  console.table(rows);
}

/** Documents written to hurt the finders, at two sizes: linear finders take about twice as long for twice the text. */
const HOSTILE: readonly { readonly family: string; readonly language: ReferenceLanguage; readonly make: (n: number) => string }[] = [
  { family: 'CSS: quoted url("…")', language: 'css', make: (n) => 'a { background: url("x.png") }\n'.repeat(n) },
  { family: 'Markdown: unclosed ![a](', language: 'markdown', make: (n) => `${'![a]('.repeat(n)} x.png` },
  { family: 'Markdown: unclosed titles', language: 'markdown', make: (n) => '![a](x.png ('.repeat(n) },
  { family: 'Markdown: unclosed comments', language: 'markdown', make: (n) => 'a.png<!--'.repeat(n) },
  { family: 'Markdown: links', language: 'markdown', make: (n) => '[a.png] '.repeat(n) },
  { family: 'HTML: nested elements', language: 'html', make: (n) => `${'<div>'.repeat(n)}<img src="a.png">` },
];

export function hostileReferencesBenchmark(): void {
  console.log('\n## Hostile documents: the finders on n and 2n repetitions (median of 5; linear: the ratio stays near 2)\n');
  console.table(
    HOSTILE.map(({ family, language, make }) => {
      const [small, large] = [20_000, 40_000].map((n) => {
        const text = make(n);
        return { kib: Math.round(text.length / 1024), ms: median(() => findReferences(language, text), 5, 1).ms };
      }) as [{ kib: number; ms: number }, { kib: number; ms: number }];
      return {
        family,
        'n KiB': small.kib,
        'n ms': small.ms.toFixed(1),
        '2n KiB': large.kib,
        '2n ms': large.ms.toFixed(1),
        ratio: (large.ms / small.ms).toFixed(2),
      };
    }),
  );
}
