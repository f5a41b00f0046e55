/**
 * The channel between the MCP server (a process an agent starts) and the VS Code window that runs
 * its calls: one JSON message per line over a Unix socket (a named pipe on Windows), each parsed on
 * arrival with the schemas here. Who may talk: the server opens with the window's token (from the
 * window's registration, a file only this OS user can read) and the window answers with its id;
 * either side hangs up on anything else.
 *
 *   server → window   hello { token }            window → server   welcome { window }
 *   server → window   call { id, tool, arguments, directory? }
 *                                                 window → server   progress { id, message } (while it runs)
 *                                                 window → server   result { id, result }
 *   server → window   cancel { id }
 *
 * `directory` is the agent's working directory (a real path): the folder, the settings and every
 * relative path of the call are its own. Lines are split on bytes and decoded as a stream, so a
 * character split across two reads arrives whole.
 */
import { StringDecoder } from 'node:string_decoder';
import * as z from '../domain/generation/schema';
import { AGENT_TOOL_NAMES } from '../domain/generation/agentTools';

/** A line longer than this is not ours: the connection is closed (previews are small PNGs). */
export const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

/** What a tool answers: MCP's own result shape (text, PNG previews, structured content, isError). */
export interface AgentResult {
  content: ({ type: 'text'; text: string } | { type: 'image'; data: string; mimeType: 'image/png' })[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

const agentResultSchema = z.once(() =>
  z.object({
    content: z.array(
      z.union([
        z.object({ type: z.literal('text'), text: z.string() }),
        z.object({ type: z.literal('image'), data: z.string(), mimeType: z.literal('image/png') }),
      ]),
    ),
    structuredContent: z.optional(z.record(z.string(), z.unknown())),
    isError: z.optional(z.boolean()),
  }),
);

export const serverMessageSchema = z.once(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('hello'), token: z.string() }),
    z.object({ type: z.literal('call'), id: z.number(), tool: z.enum(AGENT_TOOL_NAMES), arguments: z.unknown(), directory: z.optional(z.string()) }),
    z.object({ type: z.literal('cancel'), id: z.number() }),
  ]),
);
export type ServerMessage = z.infer<ReturnType<typeof serverMessageSchema>>;

export const windowMessageSchema = z.once(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('welcome'), window: z.string() }),
    z.object({ type: z.literal('progress'), id: z.number(), message: z.string() }),
    z.object({ type: z.literal('result'), id: z.number(), result: agentResultSchema() }),
  ]),
);
export type WindowMessage = z.infer<ReturnType<typeof windowMessageSchema>>;

/** A window's registration: where its channel is, which folders it serves, and the token a server opens with. */
export const registrationSchema = z.once(() =>
  z.object({
    version: z.literal(1),
    window: z.string(),
    socket: z.string(),
    token: z.string(),
    pid: z.number(),
    /** The window's workspace folders, as file system paths. */
    folders: z.array(z.string()),
  }),
);
export type Registration = z.infer<ReturnType<typeof registrationSchema>>;

/**
 * Splits a byte stream into lines, each a message; a line over the limit ends the stream (`onTooLong`).
 * The bytes are decoded as a stream: a UTF-8 character cut between two chunks is held until its end arrives.
 */
export function lineReader(onLine: (line: string) => void, onTooLong: () => void): (chunk: Buffer) => void {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let pendingBytes = 0;
  let over = false;
  return (chunk) => {
    if (over) return;
    pending += decoder.write(chunk);
    pendingBytes += chunk.length;
    let newline = pending.indexOf('\n');
    if (newline >= 0) {
      while (newline >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        if (line.trim()) onLine(line);
        newline = pending.indexOf('\n');
      }
      pendingBytes = Buffer.byteLength(pending); // what is left after the last newline: a part of one message
    }
    if (pendingBytes > MAX_MESSAGE_BYTES) {
      over = true;
      pending = '';
      onTooLong();
    }
  };
}

/** One message as a line. */
export const framed = (message: ServerMessage | WindowMessage): string => `${JSON.stringify(message)}\n`;

/** A line parsed with a schema, or undefined for anything that is not one of its messages. */
export function parsedLine<T>(line: string, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }): T | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
