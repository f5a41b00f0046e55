/**
 * The MCP server's side of the channel: one connection per call to the window that serves the
 * agent's folder. It opens with the window's token and goes on only when the window answers with
 * its own id; a call cancelled by the agent is cancelled in the window too.
 */
import * as net from 'node:net';
import { framed, lineReader, parsedLine, windowMessageSchema, type AgentResult, type Registration } from './wire';
import type { AgentToolName } from '../domain/generation/agentTools';

/** How long a window has to answer the opening (it answers in milliseconds; a socket that does not is not a window). */
const HANDSHAKE_MS = 5_000;

export class ChannelError extends Error {}

/** Runs `tool` in the window of `registration` and gives its result; rejects with ChannelError when the window cannot be reached or is not the one registered. */
export function callWindow(
  registration: Registration,
  tool: AgentToolName,
  args: unknown,
  signal?: AbortSignal,
  how: { readonly directory?: string; readonly onProgress?: (message: string) => void } = {},
): Promise<AgentResult> {
  return new Promise<AgentResult>((resolve, reject) => {
    const socket = net.createConnection(registration.socket);
    let welcomed = false;
    let settled = false;
    const id = 1;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(handshake);
      signal?.removeEventListener('abort', onAbort);
      socket.end();
      socket.destroy();
      outcome();
    };
    const fail = (why: string): void => finish(() => reject(new ChannelError(why)));
    const handshake = setTimeout(() => fail('the window did not answer'), HANDSHAKE_MS);
    const onAbort = (): void => {
      if (welcomed) socket.write(framed({ type: 'cancel', id }));
      finish(() => reject(new ChannelError('cancelled')));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.on('connect', () => socket.write(framed({ type: 'hello', token: registration.token })));
    socket.on(
      'data',
      lineReader(
        (line) => {
          const message = parsedLine(line, windowMessageSchema());
          if (!message) return fail('the window sent something that is not a message of the channel');
          if (message.type === 'welcome') {
            if (message.window !== registration.window) return fail('the socket is not the registered window');
            welcomed = true;
            clearTimeout(handshake);
            socket.write(framed({ type: 'call', id, tool, arguments: args, ...(how.directory ? { directory: how.directory } : {}) }));
            return;
          }
          if (message.type === 'progress') {
            if (welcomed && message.id === id && !settled) how.onProgress?.(message.message);
            return;
          }
          if (!welcomed || message.id !== id) return fail('the window answered out of turn');
          finish(() => resolve(message.result));
        },
        () => fail('the window sent a message over the size limit'),
      ),
    );
    socket.on('error', (error) => fail(error.message));
    socket.on('close', () => fail('the window closed the channel'));
  });
}
