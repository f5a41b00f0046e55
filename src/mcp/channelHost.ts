/**
 * The window's side of the channel (no VS Code here; src/agents/ wires it to the window): a Unix
 * socket (a named pipe on Windows) that takes a connection only after the opening with this
 * window's token, answers with the window's id, runs each call with `handle`, and aborts a call
 * the server cancels or hangs up on. Anything else ends the connection.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import { framed, lineReader, parsedLine, serverMessageSchema, type AgentResult } from './wire';
import type { AgentToolName } from '../domain/generation/agentTools';
import { MAX_SOCKET_PATH_BYTES } from './channelPlaces';

/** How a call runs: its cancellation, the agent's working directory, and where its progress goes. */
export interface CallContext {
  readonly signal: AbortSignal;
  readonly directory?: string;
  readonly progress: (message: string) => void;
}

export type CallHandler = (tool: AgentToolName, args: unknown, context: CallContext) => Promise<AgentResult>;

export interface ChannelHost {
  close(): Promise<void>;
}

export async function openChannel(options: {
  readonly socket: string;
  readonly window: string;
  readonly token: string;
  readonly handle: CallHandler;
  readonly log?: (line: string) => void;
}): Promise<ChannelHost> {
  const { socket: address, window, token, handle, log } = options;
  const connections = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    connections.add(socket);
    let welcomed = false;
    const calls = new Map<number, AbortController>();
    const refuse = (why: string): void => {
      log?.(`Agent channel: a connection was refused: ${why}.`);
      socket.destroy();
    };
    socket.on(
      'data',
      lineReader(
        (line) => {
          const message = parsedLine(line, serverMessageSchema());
          if (!message) return refuse('not a message of the channel');
          if (message.type === 'hello') {
            if (welcomed || message.token !== token) return refuse('it did not open with this window’s token');
            welcomed = true;
            socket.write(framed({ type: 'welcome', window }));
            return;
          }
          if (!welcomed) return refuse('it called before opening with the token');
          if (message.type === 'cancel') {
            calls.get(message.id)?.abort();
            return;
          }
          const controller = new AbortController();
          calls.set(message.id, controller);
          const { id } = message;
          const progress = (text: string): void => {
            if (!socket.destroyed && !controller.signal.aborted) socket.write(framed({ type: 'progress', id, message: text }));
          };
          void handle(message.tool, message.arguments, {
            signal: controller.signal,
            progress,
            ...(message.directory ? { directory: message.directory } : {}),
          })
            .catch((error: unknown): AgentResult => {
              log?.(`Agent channel: a call failed: ${error instanceof Error ? error.message : String(error)}.`);
              return {
                content: [
                  {
                    type: 'text',
                    text: 'The VS Code window could not run this call. Call the tool again; if it fails again, ask the user to look at the Segmind log (Segmind: Show Log).',
                  },
                ],
                isError: true,
              };
            })
            .then((result) => {
              calls.delete(message.id);
              if (!socket.destroyed) socket.write(framed({ type: 'result', id: message.id, result }));
            });
        },
        () => refuse('a message over the size limit'),
      ),
    );
    socket.on('error', () => undefined);
    socket.on('close', () => {
      connections.delete(socket);
      for (const controller of calls.values()) controller.abort(); // the agent is gone: stop waiting for it
    });
  });
  // Node cuts a longer path to the OS limit and listens there: a socket nobody finds, left behind.
  if (process.platform !== 'win32' && Buffer.byteLength(address) > MAX_SOCKET_PATH_BYTES) {
    throw new Error(`the socket path is ${Buffer.byteLength(address)} bytes, past the ${MAX_SOCKET_PATH_BYTES} a socket can have`);
  }
  if (process.platform !== 'win32') fs.rmSync(address, { force: true }); // a socket file left by a window that crashed
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(address, () => {
        server.off('error', reject);
        resolve();
      });
    });
    if (process.platform !== 'win32') fs.chmodSync(address, 0o600);
  } catch (error) {
    // Never a stray socket: what listen made (or half made) goes with the failure.
    server.close();
    if (process.platform !== 'win32') fs.rmSync(address, { force: true });
    throw error;
  }
  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const connection of connections) connection.destroy();
        server.close(() => resolve());
        if (process.platform !== 'win32') fs.rmSync(address, { force: true });
      }),
  };
}
