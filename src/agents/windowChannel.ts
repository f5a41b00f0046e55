/**
 * This window's end of the agents' channel: opened when the extension starts, it registers the
 * window's workspace folders (as real paths: a server started in a symlinked folder still finds it)
 * in the private folder of ../mcp/channelPlaces.ts, keeps them current as folders are added or
 * removed, and runs each call an MCP server sends with `handle` (AgentCalls.call). Disposing it —
 * the window closing, the extension stopping — closes the socket and removes the registration.
 */
import * as vscode from 'vscode';
import * as fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { Logger } from '../log/logger';
import { openChannel, type CallHandler, type ChannelHost } from '../mcp/channelHost';
import {
  channelFolder,
  newChannelAddress,
  privateFolder,
  privateSocketFolder,
  removeRegistration,
  sweepRegistrations,
  writeRegistration,
} from '../mcp/channelPlaces';

export interface WindowChannelOptions {
  readonly handle: CallHandler;
  readonly logger: Logger;
  /** Where windows register (tests give their own; a real window takes the user's). */
  readonly folder?: string;
  /** Where sockets go when the folder's path is too long for one (tests give their own). */
  readonly shortFolder?: () => string;
}

/** A workspace folder as the server will compare it: its real path on disk. */
function realPath(uri: vscode.Uri): string {
  try {
    return fs.realpathSync(uri.fsPath);
  } catch {
    return uri.fsPath;
  }
}

export class WindowChannel implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];

  private constructor(
    private readonly folder: string,
    readonly window: string,
    private readonly socket: string,
    private readonly token: string,
    private readonly host: ChannelHost,
    private readonly logger: Logger,
  ) {
    this.register();
    this.subscriptions.push(vscode.workspace.onDidChangeWorkspaceFolders(() => this.register()));
  }

  /** Opens the channel, or logs why it cannot (the rest of the extension works without it). */
  static async open(options: WindowChannelOptions): Promise<WindowChannel | undefined> {
    const folder = options.folder ?? channelFolder();
    try {
      const problem = privateFolder(folder);
      if (problem) {
        options.logger.warn(`Agents' channel not opened: ${problem}; MCP servers cannot reach this window.`);
        return undefined;
      }
      sweepRegistrations(folder);
      const address = newChannelAddress(folder, options.shortFolder);
      if (!address) {
        options.logger.warn("Agents' channel not opened: no folder of this user has a path short enough for a socket; MCP servers cannot reach this window.");
        return undefined;
      }
      const { window, socket } = address;
      const socketProblem = address.socketFolder ? privateSocketFolder(address.socketFolder) : undefined;
      if (socketProblem) {
        options.logger.warn(`Agents' channel not opened: ${socketProblem}; MCP servers cannot reach this window.`);
        return undefined;
      }
      const token = randomBytes(32).toString('base64url');
      const host = await openChannel({ socket, window, token, handle: options.handle, log: (line) => options.logger.warn(line) });
      options.logger.info(`Agents' channel open: window ${window}.`);
      return new WindowChannel(folder, window, socket, token, host, options.logger);
    } catch (error) {
      options.logger.warn(`Agents' channel not opened: ${error instanceof Error ? error.message : String(error)}; MCP servers cannot reach this window.`);
      return undefined;
    }
  }

  private register(): void {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => realPath(folder.uri));
    try {
      writeRegistration(this.folder, { version: 1, window: this.window, socket: this.socket, token: this.token, pid: process.pid, folders });
    } catch (error) {
      this.logger.warn(`Agents' channel: the registration was not written: ${error instanceof Error ? error.message : String(error)}.`);
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    removeRegistration(this.folder, this.window, this.socket);
    void this.host.close();
  }
}
