/**
 * The MCP server (dist/mcpServer.js), on the official SDK's low-level Server over stdio: what coding
 * agents (Claude Code, Codex CLI, Antigravity CLI, Cursor, Devin Desktop, Cline) start. It holds no key and no
 * Segmind client: it lists the tools, and runs each call in the VS Code window whose workspace
 * folders hold its working directory (./channelPlaces.ts, ./windowClient.ts), where the call goes
 * through the same flow as the language model tool. Without such a window it still answers, and
 * every call says to open the folder in VS Code; nothing is sent.
 */
import * as fs from 'node:fs';
import { Server } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { AGENT_TOOL_DESCRIPTIONS, AGENT_TOOL_NAMES, agentToolJsonSchema, generateImageDescription, type AgentToolName } from '../domain/generation/agentTools';
import { AGENT_TOOL_ANNOTATIONS, agentToolOutputJsonSchema } from '../domain/generation/agentAnswers';
import { toolInputJsonSchema } from '../domain/generation/options';
import type { AgentResult } from './wire';
import { channelFolder, readRegistrations, windowFor } from './channelPlaces';
import { callWindow, ChannelError } from './windowClient';

export const SERVER_NAME = 'segmind-image-studio';

export interface ServeOptions {
  readonly version: string;
  /** The folder the agent works in (default: the process's working directory). */
  readonly directory?: string;
  /** Where windows register (default: the user's; tests give their own). */
  readonly channels?: string;
  /** The one window to serve, when the editor that starts the server names it (Cursor's registration does: `--window <id>`). */
  readonly window?: string;
}

type ToolResult = AgentResult & Record<string, unknown>;

const errorResult = (text: string): ToolResult => ({ content: [{ type: 'text', text }], isError: true });

function toolList(): {
  name: string;
  title: string;
  description: string;
  inputSchema: { type: 'object'; [key: string]: unknown };
  outputSchema: { type: 'object'; [key: string]: unknown };
  annotations: Record<string, unknown>;
}[] {
  return AGENT_TOOL_NAMES.map((name) => ({
    name,
    title: AGENT_TOOL_ANNOTATIONS[name].title,
    description: name === 'generate_image' ? generateImageDescription() : AGENT_TOOL_DESCRIPTIONS[name],
    // Generated from the zod schema the window parses the call with: an object's, always.
    inputSchema: { type: 'object', ...(name === 'generate_image' ? toolInputJsonSchema() : agentToolJsonSchema(name)) },
    // And the answer's, from the schema the window builds it with (its text is rendered from the same answer).
    outputSchema: agentToolOutputJsonSchema(name),
    annotations: { ...AGENT_TOOL_ANNOTATIONS[name] },
  }));
}

const isTool = (name: string): name is AgentToolName => (AGENT_TOOL_NAMES as readonly string[]).includes(name);

function realDirectory(directory: string): string {
  try {
    return fs.realpathSync(directory);
  } catch {
    return directory;
  }
}

/** A server of the tools, for `serveStdio` (one per connection). */
export function createServer(options: ServeOptions): Server {
  const server = new Server({ name: SERVER_NAME, version: options.version }, { capabilities: { tools: {} } });
  const directory = realDirectory(options.directory ?? process.cwd());
  const channels = options.channels ?? channelFolder();
  server.setRequestHandler('tools/list', () => ({ tools: toolList() }));
  server.setRequestHandler('tools/call', async (request, ctx): Promise<ToolResult> => {
    const { name } = request.params;
    if (!isTool(name)) return errorResult(`There is no tool ${name}; the tools are ${AGENT_TOOL_NAMES.join(', ')}.`);
    const registrations = readRegistrations(channels);
    const window = options.window ? registrations.find((registration) => registration.window === options.window) : windowFor(directory, registrations);
    if (!window && options.window) {
      return errorResult(
        'The VS Code window that started this server is closed. Ask the user to reopen the folder in VS Code, then call the tool again. Nothing was sent.',
      );
    }
    if (!window) {
      return errorResult(
        'No VS Code window has your working directory open with Image Studio for Segmind. Ask the user to open this folder (or one above it) in VS Code with the extension installed, then call the tool again. Nothing was sent.',
      );
    }
    const token = ctx.mcpReq._meta?.progressToken;
    let sent = 0;
    let notified: Promise<void> = Promise.resolve();
    const onProgress =
      token === undefined
        ? undefined
        : (message: string): void => {
            sent += 1;
            const params = { progressToken: token, progress: sent, message };
            // In order, and all out before the result (an agent drops progress that comes after it).
            notified = notified.then(() => ctx.mcpReq.notify({ method: 'notifications/progress', params })).catch(() => undefined);
          };
    try {
      const result: ToolResult = {
        ...(await callWindow(window, name, request.params.arguments ?? {}, ctx.mcpReq.signal, { directory, ...(onProgress ? { onProgress } : {}) })),
      };
      await notified;
      return result;
    } catch (error) {
      const why = error instanceof ChannelError ? error.message : 'the channel failed';
      return errorResult(
        `The VS Code window of your working directory could not be reached (${why}). Ask the user to check that it is still open, then call the tool again.`,
      );
    }
  });
  return server;
}

/** The window named by `--window <id>` among the arguments, if any. */
export function windowArgument(args: readonly string[]): string | undefined {
  const at = args.indexOf('--window');
  return at >= 0 ? args[at + 1] : undefined;
}

/** Serves the tools over stdio until the agent closes them. */
export function serve(options: ServeOptions): void {
  const window = options.window ?? windowArgument(process.argv.slice(2));
  serveStdio(() => createServer({ ...options, ...(window ? { window } : {}) }), {
    onerror: (error) => process.stderr.write(`${SERVER_NAME}: ${error.message}\n`),
  });
}
