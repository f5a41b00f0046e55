/**
 * Cursor's own way to add an MCP server (`vscode.cursor.mcp.registerServer`, an API only Cursor
 * has): where it exists, the extension registers its server there when it starts, so Cursor's agent
 * gets the tools with nothing to configure. Looked up, never imported; anywhere else it is a no-op.
 * The server is told this window's id, since Cursor may start it outside the workspace.
 */
import type { LaunchSpec } from '../agentConfig/launchSpec';

interface CursorMcp {
  registerServer(config: { name: string; server: { command: string; args: string[]; env: Record<string, string> } }): void;
  unregisterServer?(name: string): void;
}

/** The editor's `cursor.mcp` namespace, when it has one with `registerServer`. */
export function cursorMcpOf(editorApi: unknown): CursorMcp | undefined {
  const mcp = (editorApi as { cursor?: { mcp?: Partial<CursorMcp> } } | undefined)?.cursor?.mcp;
  return typeof mcp?.registerServer === 'function' ? (mcp as CursorMcp) : undefined;
}

export const CURSOR_SERVER_NAME = 'segmind-image-studio';

/**
 * Registers the server with Cursor (when `editorApi` is Cursor's); the disposable unregisters it.
 * Never throws: Cursor's API is not ours, and the rest works without it.
 */
export function registerWithCursor(editorApi: unknown, spec: LaunchSpec, window: string | undefined, log: (line: string) => void): { dispose(): void } {
  const mcp = cursorMcpOf(editorApi);
  if (!mcp) return { dispose: () => undefined };
  try {
    mcp.registerServer({
      name: CURSOR_SERVER_NAME,
      server: { command: spec.command, args: [...spec.args, ...(window ? ['--window', window] : [])], env: { ...spec.env } },
    });
    log(`Registered the MCP server with Cursor${window ? ` for window ${window}` : ''}.`);
  } catch (error) {
    log(`Cursor did not take the MCP server: ${error instanceof Error ? error.message : String(error)}.`);
    return { dispose: () => undefined };
  }
  return {
    dispose: () => {
      try {
        mcp.unregisterServer?.(CURSOR_SERVER_NAME);
      } catch {
        // the editor is closing
      }
    },
  };
}
