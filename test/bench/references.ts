/**
 * Missing-image detection, timed: the references of a 2,000-line HTML page and of a 2,000-line
 * Markdown file, parsed and resolved (the work a document change costs after the 250 ms debounce),
 * median of 15 after 3 warm-up runs. The file system check is the host's and is not in it.
 */
import { imagePathOf, REFERENCES_DEBOUNCE_MS as DEBOUNCE_MS } from '../../src/domain/imageReference';
import { resolveReference } from '../../src/domain/referenceResolution';
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
