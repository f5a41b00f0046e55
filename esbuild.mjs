// Bundles the extension host code into dist/extension.js and the Studio webview's script and styles
// into dist/webview/, and copies the codicon font into dist/codicons/ (the webview loads nothing remote).
// `--production` minifies and drops source maps; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * Modules that only some sessions need, each its own bundle beside extension.js, loaded by a dynamic
 * `import()` (or a `require`, where the caller is synchronous) the first time (the first placeholder,
 * Connect an Agent, the first request): the font reader, the agents' configuration writers and
 * undici stay out of activation and of the services' load.
 */
const LAZY_CHUNKS = {
  'src/pixels/placeholder.ts': 'placeholder',
  'src/agentConfig/agentConfigs.ts': 'agentConfig',
  'src/segmind/undiciParts.ts': 'undici',
};
/** Scripts of worker threads, each a bundle of its own: the parsers run in one, off the extension host's main thread. */
const WORKERS = { parserWorker: 'src/parsing/parserWorker.ts' };
/** Programs of their own, started outside VS Code: the MCP server an agent starts (a launcher in global storage requires it). */
const PROGRAMS = { mcpServer: 'src/mcp/server.ts' };

/** A dynamic import or a require of a lazy chunk's entry (from outside it) becomes a require of the chunk's file. */
const lazyChunks = {
  name: 'lazy-chunks',
  setup(build) {
    build.onResolve({ filter: /^\.{1,2}\// }, (args) => {
      if (args.kind !== 'dynamic-import' && args.kind !== 'require-call') return undefined;
      const target = path
        .relative(process.cwd(), path.resolve(args.resolveDir, args.path))
        .replaceAll(path.sep, '/')
        .replace(/\.(js|ts)$/, '');
      const chunk = LAZY_CHUNKS[`${target}.ts`];
      return chunk ? { path: `./${chunk}.js`, external: true } : undefined;
    });
  },
};

/**
 * Packages whose ES module build asks for `import.meta.url`, which a CommonJS bundle does not have:
 * their CommonJS build is bundled instead (fdir, the directory walker under tinyglobby).
 */
const COMMONJS_BUILDS = /^fdir$/;
const commonJsBuilds = {
  name: 'commonjs-builds',
  setup(build) {
    build.onResolve({ filter: COMMONJS_BUILDS }, (args) => ({ path: createRequire(args.importer).resolve(args.path) }));
  },
};

/** @type {import('esbuild').BuildOptions} */
const extensionHost = {
  entryPoints: {
    extension: 'src/extension.ts',
    ...Object.fromEntries(Object.entries(LAZY_CHUNKS).map(([entry, chunk]) => [chunk, entry])),
    ...WORKERS,
    ...PROGRAMS,
  },
  outdir: 'dist',
  plugins: [lazyChunks, commonJsBuilds],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // sharp loads its WebAssembly build at run time from node_modules (shipped in the .vsix, see .vscodeignore).
  external: ['vscode', 'sharp'],
  // jsonc-parser's main build is UMD with requires esbuild cannot follow; its ES module build bundles.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  legalComments: production ? 'none' : 'inline',
  logLevel: 'info',
  metafile: true,
};

/** The Studio webview: a browser script (it imports only protocol types and dependency-free helpers of src/domain). */
const studioScript = {
  entryPoints: { studio: 'media/studio/main.ts' },
  outdir: 'dist/webview',
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'info',
  metafile: true,
};

const studioStyles = {
  entryPoints: { studio: 'media/studio/studio.css' },
  outdir: 'dist/webview',
  bundle: true,
  minify: production,
  logLevel: 'info',
  metafile: true,
};

/** The placeholders' label font (Inter, SIL Open Font License 1.1) and its licence, read by src/flow/placeholders.ts. */
function copyLabelFont() {
  fs.mkdirSync('dist/fonts', { recursive: true });
  fs.copyFileSync('node_modules/@fontsource/inter/files/inter-latin-400-normal.woff', 'dist/fonts/inter-latin-400-normal.woff');
  fs.copyFileSync('node_modules/@fontsource/inter/LICENSE', 'dist/fonts/LICENSE-inter.txt');
}

function copyCodicons() {
  fs.mkdirSync('dist/codicons', { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(`node_modules/@vscode/codicons/dist/${file}`, `dist/codicons/${file}`);
}

/**
 * A lazy chunk has its own copy of what it bundles: a copy of @vscode/l10n there would never get the
 * bundle that activate() configures, so its words would stay English. They say none; this holds it.
 */
function sayNoWordsInLazyChunks(metafile) {
  for (const chunk of [...Object.values(LAZY_CHUNKS), ...Object.keys(WORKERS)]) {
    const inputs = Object.keys(metafile.outputs[`dist/${chunk}.js`]?.inputs ?? {});
    if (inputs.length === 0) throw new Error(`dist/${chunk}.js is not in the build's metafile`);
    const words = inputs.filter((input) => input.includes('node_modules/@vscode/l10n/'));
    if (words.length > 0) throw new Error(`dist/${chunk}.js bundles ${words.join(', ')}: a lazy chunk must not say words (move them to the caller).`);
  }
}

/**
 * The webview runs untrusted-facing in a browser: what it bundles is our own protocol and pure domain
 * code, and @vscode/l10n (3 KiB, the words of the host's bundle). dependency-cruiser holds its direct
 * imports; this holds what actually ships, however deep (type-only imports never do).
 */
function bundleNoLibraryInTheWebview(metafile) {
  const libraries = Object.keys(metafile.inputs).filter((input) => input.includes('node_modules/') && !input.includes('node_modules/@vscode/l10n/'));
  if (libraries.length > 0) throw new Error(`dist/webview/studio.js bundles ${libraries.join(', ')}: the webview takes no library but @vscode/l10n.`);
}

/** The parsers belong to the parser worker: one that reaches dist/extension.js (through a shared module) would load on activation. */
const PARSERS = ['@babel/parser', 'parse5', '@lezer/', '@csstools/css-tokenizer', 'yaml', 'smol-toml', 'jsonc-parser'];
function parsersOnlyInTheWorker(metafile) {
  const inputs = Object.keys(metafile.outputs['dist/extension.js']?.inputs ?? {});
  const parsers = inputs.filter((input) => PARSERS.some((name) => input.includes(`node_modules/${name}`)));
  if (parsers.length > 0) throw new Error(`dist/extension.js bundles ${parsers.slice(0, 3).join(', ')}: parsers run in the parser worker (src/parsing/).`);
}

/** A program started outside VS Code has no `vscode` module to require: one that imports it (through a shared module) would fail at its first line. */
function programsWithoutVscode(metafile) {
  for (const program of Object.keys(PROGRAMS)) {
    const imports = metafile.outputs[`dist/${program}.js`]?.imports ?? [];
    if (imports.some((entry) => entry.path === 'vscode')) throw new Error(`dist/${program}.js imports vscode: it runs outside VS Code.`);
  }
}

/**
 * What activation loads has a budget: dist/extension.js at most 550 KiB minified (518 in 0.3, 619 in
 * 0.4.0, 330 once undici became a lazy chunk). A development build is not minified, so it measures a
 * minified build of that entry alone, in memory: `npm test` fails on the change that passes it.
 */
const EXTENSION_BUDGET_KIB = 550;
async function extensionWithinBudget(metafile) {
  const bytes = production
    ? metafile.outputs['dist/extension.js'].bytes
    : (
        await esbuild.build({
          ...extensionHost,
          entryPoints: { extension: 'src/extension.ts' },
          minify: true,
          sourcemap: false,
          legalComments: 'none',
          write: false,
          logLevel: 'silent',
        })
      ).outputFiles.find((file) => file.path.endsWith('extension.js')).contents.length;
  const kib = bytes / 1024;
  if (kib > EXTENSION_BUDGET_KIB) {
    throw new Error(
      `dist/extension.js is ${kib.toFixed(1)} KiB minified, over its budget of ${EXTENSION_BUDGET_KIB} KiB: what activation does not need belongs in a lazy chunk (LAZY_CHUNKS) or the parser worker.`,
    );
  }
  if (!production) console.log(`dist/extension.js minified: ${kib.toFixed(1)} KiB (budget ${EXTENSION_BUDGET_KIB} KiB)`);
}

const builds = [extensionHost, studioScript, studioStyles];
// A bundle that is no longer built (dist/references.js before 0.4) must not linger beside the others.
fs.rmSync('dist', { recursive: true, force: true });
copyCodicons();
copyLabelFont();

if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  sayNoWordsInLazyChunks(results[0].metafile);
  parsersOnlyInTheWorker(results[0].metafile);
  programsWithoutVscode(results[0].metafile);
  await extensionWithinBudget(results[0].metafile);
  bundleNoLibraryInTheWebview(results[1].metafile);
  for (const result of results) {
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
      if (file.endsWith('.js') || file.endsWith('.css')) console.log(`${file}: ${(output.bytes / 1024).toFixed(1)} KiB`);
    }
  }
}
