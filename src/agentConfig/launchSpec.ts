/**
 * How an agent starts the MCP server, decided from the runtime: a Node.js 20 or later on PATH (by
 * its name, not its versioned path), else the editor's own executable, told to run as Node when it
 * is Electron. The spec is the same for every window and folder: it names no window, socket or
 * workspace (the server finds its window from its working directory). Pure.
 */

export interface LaunchSpec {
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

export interface Runtime {
  /** The extension host's own executable (VS Code's Electron, or the Node.js of a remote server). */
  readonly execPath: string;
  readonly electron: boolean;
  /** The major version of a `node` on PATH, when there is one. */
  readonly nodeOnPath?: number;
}

/** The MCP SDK needs Node.js 20 or later. */
const MIN_NODE = 20;

export function launchSpecFor(launcher: string, runtime: Runtime): LaunchSpec {
  if ((runtime.nodeOnPath ?? 0) >= MIN_NODE) return { command: 'node', args: [launcher] };
  return { command: runtime.execPath, args: [launcher], ...(runtime.electron ? { env: { ELECTRON_RUN_AS_NODE: '1' } } : {}) };
}
