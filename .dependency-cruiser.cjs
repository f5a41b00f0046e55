// The architecture, held by dependency-cruiser (it reads every import from the TypeScript AST:
// type-only, side-effect, require, dynamic import() and re-exports alike). The layers below are the
// one table of docs/architecture.md (test/unit/project/layers.test.ts holds the two equal): a module may
// import from its own folder and from folders of a lower layer only, so no two folders import each
// other. Some folders never import `vscode` (tested in plain node); the pure ones do no I/O either.
/** Lowest first. `(root)` is src/extension.ts, src/core.ts and src/services.ts. */
const LAYERS = [
  ['base'],
  ['shared'],
  ['domain'],
  ['segmind', 'protocol', 'log', 'pixels', 'references', 'sites', 'agentConfig'],
  ['jobs', 'auth', 'spending', 'parsing', 'mcp'],
  ['workspace', 'config'],
  ['flow', 'credits'],
  ['ui'],
  ['studio', 'statusBar', 'missingImages', 'agents'],
  ['commands'],
  ['(root)'],
];
/**
 * The pure half of any host folder is its subfolder `pure/` (one name, one pattern): what the status
 * bar, the Studio, the notifications and the agents' texts show, computed; how one job runs; the ids.
 */
const PURE_HALVES = '[^/]+/pure';
/** Never `vscode`: tested in plain node (unit tests, a loopback fake server). */
const NO_VSCODE = ['shared', 'domain', 'protocol', 'references', 'sites', 'agentConfig', 'segmind', 'pixels', 'parsing', 'mcp', PURE_HALVES];
/** Pure, besides: no file system, network or process modules either. */
const PURE = ['shared', 'domain', 'protocol', 'references', 'sites', 'agentConfig', PURE_HALVES];
const IO_MODULES = '^(node:)?(fs|fs/promises|net|http|https|http2|child_process|dgram|dns|tls|worker_threads|cluster)$';

const folderRule = (folder, rank) => {
  const above = LAYERS.slice(rank)
    .flat()
    .filter((other) => other !== folder && other !== '(root)');
  return {
    name: `layer-${rank}-${folder}`,
    comment: `src/${folder}/ (layer ${rank}) may import only its own folder and lower layers`,
    severity: 'error',
    from: { path: `^src/${folder}/` },
    to: { path: `^src/(${above.join('|')})/|^src/[^/]+\\.ts$` },
  };
};

// Only `forbidden` and `options` may be exported (the config is validated); the table is read back
// from the rules' names (`layer-<rank>-<folder>`) by test/unit/project/layers.test.ts.
module.exports = {
  forbidden: [
    ...LAYERS.flatMap((folders, rank) => folders.filter((folder) => folder !== '(root)').map((folder) => folderRule(folder, rank))),
    {
      name: 'no-vscode',
      comment: 'folders tested in plain node never import vscode',
      severity: 'error',
      from: { path: `^src/(${NO_VSCODE.join('|')})/` },
      to: { path: '^vscode$|node_modules/@types/vscode/' },
    },
    {
      name: 'pure-no-io',
      comment: 'pure folders do no I/O',
      severity: 'error',
      from: { path: `^src/(${PURE.join('|')})/` },
      to: { dependencyTypes: ['core'], path: IO_MODULES },
    },
    {
      name: 'webview-only-protocol-and-shared',
      comment:
        "the webview (media/) imports only the protocol and src/shared/ (the pure modules it shares with the host), and no library but @vscode/l10n (the host's translations)",
      severity: 'error',
      from: { path: '^media/' },
      to: { pathNot: '^(media/|src/protocol/|src/shared/|node_modules/@vscode/l10n/)' },
    },
    {
      name: 'no-circular',
      comment: 'no import cycles, within a folder too',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // node_modules stay in the graph as leaves (not followed), so the rules can see what reaches them.
    exclude: { path: '^(out|dist|test)/' },
  },
};
