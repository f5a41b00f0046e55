/**
 * The channel between an MCP server and its VS Code window (src/protocol/agentChannel.ts,
 * src/mcp/): its framing, its opening (a peer without the window's token, or a socket that is not
 * the registered window, is hung up on), cancellation, the private folder of registrations, and
 * the built server (dist/mcpServer.js) driven by the SDK's own client over stdio against a window
 * played by openChannel. No VS Code: the real window's side is in test/integration/mcpServer.test.ts.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { AGENT_TOOL_NAMES, type AgentToolName } from '../../src/domain/generation/agentTools';
import { framed, lineReader, MAX_MESSAGE_BYTES, type AgentResult, type Registration } from '../../src/mcp/wire';
import { openChannel, type ChannelHost } from '../../src/mcp/channelHost';
import {
  channelFolder,
  MAX_SOCKET_PATH_BYTES,
  newChannelAddress,
  privateFolder,
  privateSocketFolder,
  shortSocketFolder,
  readRegistrations,
  removeRegistration,
  sweepRegistrations,
  windowFor,
  writeRegistration,
} from '../../src/mcp/channelPlaces';
import { callWindow, ChannelError } from '../../src/mcp/windowClient';

const SERVER_BUNDLE = path.resolve(__dirname, '..', '..', '..', 'dist', 'mcpServer.js');

interface Call {
  readonly tool: AgentToolName;
  readonly args: unknown;
  readonly signal: AbortSignal;
  readonly directory?: string;
  readonly progress: (message: string) => void;
}

/** A window played by openChannel: it records each call and answers with `answer`. */
async function fakeWindow(
  folder: string,
  workspace: string[],
  answer: (call: Call) => Promise<AgentResult> = (call) => Promise.resolve(textResult(`ran ${call.tool}`, call.tool)),
) {
  const address = newChannelAddress(folder);
  assert.ok(address);
  const { window, socket } = address;
  const calls: Call[] = [];
  const refused: string[] = [];
  const token = `token-${window}`;
  const host = await openChannel({
    socket,
    window,
    token,
    handle: (tool, args, context) => {
      const call = { tool, args, ...context };
      calls.push(call);
      return answer(call);
    },
    log: (line) => refused.push(line),
  });
  const registration: Registration = { version: 1, window, socket, token, pid: process.pid, folders: workspace };
  writeRegistration(folder, registration);
  return { registration, calls, refused, host };
}

/** The least answer each tool's output schema takes (the SDK's client checks structuredContent against it). */
const EMPTY_ANSWERS: Readonly<Record<AgentToolName, Record<string, unknown>>> = {
  generate_image: { saved: [], failed: [], warnings: [] },
  find_missing_images: { missing: [] },
  fill_missing_images: { missing: [], saved: [], failed: [], warnings: [] },
  check_credits: { credits: 0, todaySpend: 0, agentSpend: 0, dailySpendLimit: 0, agentDailySpendLimit: 0 },
};

const textResult = (text: string, tool?: AgentToolName): AgentResult => ({
  content: [{ type: 'text', text }],
  ...(tool ? { structuredContent: EMPTY_ANSWERS[tool] } : {}),
});

/** Connects to a socket, writes `lines`, and resolves with what came back when the other side hangs up. */
function rawExchange(socket: string, lines: string[]): Promise<string> {
  return new Promise((resolve) => {
    const connection = net.createConnection(socket);
    let received = '';
    connection.on('connect', () => connection.write(lines.join('')));
    connection.on('data', (chunk) => (received += chunk.toString('utf8')));
    connection.on('error', () => undefined);
    connection.on('close', () => resolve(received));
  });
}

describe('The agents’ channel: one JSON message per line', () => {
  it('splits a stream into lines however the chunks fall, and skips blank lines', () => {
    const lines: string[] = [];
    const read = lineReader(
      (line) => lines.push(line),
      () => assert.fail('not too long'),
    );
    const stream = framed({ type: 'hello', token: 'a' }) + '\n' + framed({ type: 'cancel', id: 7 });
    for (let at = 0; at < stream.length; at += 5) read(Buffer.from(stream.slice(at, at + 5)));
    assert.deepEqual(
      lines.map((line) => JSON.parse(line) as unknown),
      [
        { type: 'hello', token: 'a' },
        { type: 'cancel', id: 7 },
      ],
    );
  });

  it('never cuts a character: a message of non-ASCII text split at every byte arrives whole', () => {
    const prompt = '日本語の長いプロンプト、絵文字 🦊 も。'.repeat(40);
    const bytes = Buffer.from(framed({ type: 'call', id: 1, tool: 'generate_image', arguments: { prompt } }));
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const lines: string[] = [];
      const read = lineReader(
        (line) => lines.push(line),
        () => assert.fail('not too long'),
      );
      for (let at = 0; at < bytes.length; at += size) read(bytes.subarray(at, at + size));
      assert.equal(lines.length, 1);
      assert.equal((JSON.parse(lines[0] ?? '') as { arguments: { prompt: string } }).arguments.prompt, prompt, `chunks of ${size} bytes`);
      assert.ok(!lines[0]?.includes('\uFFFD'));
    }
  });

  it('ends the stream at a line over the size limit', () => {
    let tooLong = 0;
    const read = lineReader(
      () => assert.fail('no line'),
      () => tooLong++,
    );
    read(Buffer.alloc(MAX_MESSAGE_BYTES + 1, 'x'));
    assert.equal(tooLong, 1);
  });
});

describe('The agents’ channel over a real socket', function () {
  this.timeout(20_000);
  let folder: string;
  let hosts: ChannelHost[];
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'segmind-channel-'));
    hosts = [];
  });
  afterEach(async () => {
    await Promise.all(hosts.map((host) => host.close()));
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('runs a call in the window that opened with its token, and gives back its result', async () => {
    const window = await fakeWindow(folder, ['/work/site']);
    hosts.push(window.host);
    const result = await callWindow(window.registration, 'check_credits', { any: 1 });
    assert.deepEqual(result, textResult('ran check_credits', 'check_credits'));
    assert.deepEqual(
      window.calls.map((call) => [call.tool, call.args]),
      [['check_credits', { any: 1 }]],
    );
  });

  it('hangs up on a peer without the window’s token, and runs nothing it asks', async () => {
    const window = await fakeWindow(folder, ['/work/site']);
    hosts.push(window.host);
    const forged: Registration = { ...window.registration, token: 'a-guess' };
    await assert.rejects(callWindow(forged, 'generate_image', { prompt: 'x' }), ChannelError);
    const answered = await rawExchange(window.registration.socket, [framed({ type: 'call', id: 1, tool: 'generate_image', arguments: { prompt: 'x' } })]);
    assert.equal(answered, '', 'a call before the opening gets no answer');
    const garbage = await rawExchange(window.registration.socket, ['{"jsonrpc":"2.0","method":"tools/call"}\n']);
    assert.equal(garbage, '');
    assert.equal(window.calls.length, 0);
    assert.equal(window.refused.length, 3, window.refused.join('\n'));
  });

  it('refuses a socket that answers with another window’s id (a registration pointing at the wrong channel)', async () => {
    const real = await fakeWindow(folder, ['/work/site']);
    hosts.push(real.host);
    const impostor: Registration = { ...real.registration, window: 'not-this-one' };
    await assert.rejects(callWindow(impostor, 'check_credits', {}), /not the registered window/);
    assert.equal(real.calls.length, 0);
  });

  it('passes the agent’s cancellation to the window’s call', async () => {
    const window = await fakeWindow(
      folder,
      ['/work/site'],
      (call) => new Promise((resolve) => call.signal.addEventListener('abort', () => resolve(textResult('stopped')))),
    );
    hosts.push(window.host);
    const controller = new AbortController();
    const pending = callWindow(window.registration, 'fill_missing_images', {}, controller.signal);
    await until(() => window.calls.length === 1);
    controller.abort();
    await assert.rejects(pending, /cancelled/);
    await until(() => window.calls[0]?.signal.aborted === true);
  });

  it('keeps its registrations private (0700 folder, 0600 files, 0600 socket), and finds the window whose folder is deepest', async () => {
    const windows = path.join(folder, 'home', '.segmind-image-studio', 'windows');
    fs.mkdirSync(path.dirname(windows), { recursive: true, mode: 0o755 });
    assert.equal(privateFolder(windows), undefined);
    if (process.platform !== 'win32') {
      assert.equal(fs.statSync(windows).mode & 0o777, 0o700);
      assert.equal(fs.statSync(path.dirname(windows)).mode & 0o777, 0o700, 'a parent others could enter is closed too');
    }
    const outer = await fakeWindow(windows, ['/work']);
    const inner = await fakeWindow(windows, ['/work/site', '/elsewhere']);
    hosts.push(outer.host, inner.host);
    if (process.platform !== 'win32') {
      assert.equal(fs.statSync(path.join(windows, `${inner.registration.window}.json`)).mode & 0o777, 0o600);
      assert.equal(fs.statSync(inner.registration.socket).mode & 0o777, 0o600);
    }
    const registrations = readRegistrations(windows);
    assert.equal(windowFor('/work/site/src', registrations)?.window, inner.registration.window);
    assert.equal(windowFor('/work/other', registrations)?.window, outer.registration.window);
    assert.equal(windowFor('/work', registrations)?.window, outer.registration.window);
    assert.equal(windowFor('/workshop', registrations), undefined, 'a sibling whose name starts the same is not inside');
    assert.equal(windowFor('/tmp', registrations), undefined);
  });

  it('forgets a window whose process is gone, and sweeps what it left', async () => {
    const gone = spawn(process.execPath, ['-e', '0']);
    const pid = await new Promise<number>((resolve) => gone.on('exit', () => resolve(gone.pid ?? -1)));
    const address = newChannelAddress(folder);
    assert.ok(address);
    const { window, socket } = address;
    writeRegistration(folder, { version: 1, window, socket, token: 't', pid, folders: ['/work'] });
    if (process.platform !== 'win32') fs.writeFileSync(socket, '');
    assert.equal(readRegistrations(folder).length, 0);
    sweepRegistrations(folder);
    assert.deepEqual(fs.readdirSync(folder), []);
    removeRegistration(folder, 'never-there'); // nothing to remove is not an error
  });

  it('a home folder too long for a socket path: the socket goes to a short private folder of this user, and works', async () => {
    const longHome = path.join(folder, 'h'.repeat(60), 'a-rather-long-user-name', 'and-more');
    const registrations = path.join(longHome, '.segmind-image-studio', 'windows');
    fs.mkdirSync(registrations, { recursive: true, mode: 0o700 });
    assert.ok(Buffer.byteLength(path.join(registrations, 'abcdefabcdef.sock')) > 107, 'past the Linux limit');
    const short = path.join(folder, 's');
    const address = newChannelAddress(registrations, () => short);
    assert.ok(address?.socketFolder === short, 'the short folder');
    assert.ok(Buffer.byteLength(address.socket) <= MAX_SOCKET_PATH_BYTES);
    assert.equal(privateSocketFolder(short), undefined);
    if (process.platform !== 'win32') assert.equal(fs.statSync(short).mode & 0o777, 0o700);
    const host = await openChannel({ socket: address.socket, window: address.window, token: 't', handle: () => Promise.resolve(textResult('ok')) });
    hosts.push(host);
    const registration: Registration = { version: 1, window: address.window, socket: address.socket, token: 't', pid: process.pid, folders: ['/w'] };
    writeRegistration(registrations, registration);
    assert.deepEqual(await callWindow(registration, 'check_credits', {}), textResult('ok'));
    removeRegistration(registrations, address.window, address.socket);
    assert.deepEqual(fs.readdirSync(short), [], 'its socket goes with its registration');
    assert.deepEqual(fs.readdirSync(registrations), []);
    const nowhere = newChannelAddress(registrations, () => path.join(folder, 'x'.repeat(120)));
    assert.equal(nowhere, undefined, 'no address past the limit, ever');
  });

  it('the short folder is refused when another user could have made it: a link, or a file', () => {
    if (process.platform === 'win32') return;
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'segmind-target-'));
    try {
      fs.symlinkSync(target, path.join(folder, 'link'));
      assert.match(privateSocketFolder(path.join(folder, 'link')) ?? '', /is not a folder/);
      fs.writeFileSync(path.join(folder, 'file'), '');
      assert.match(privateSocketFolder(path.join(folder, 'file')) ?? '', /is not a folder/);
      assert.equal(shortSocketFolder({ XDG_RUNTIME_DIR: '/run/user/1000' }, '/tmp'), '/run/user/1000/segmind-image-studio');
      assert.match(shortSocketFolder({}, '/tmp'), /^\/tmp\/segmind-image-studio-\d+$/);
    } finally {
      fs.rmSync(target, { recursive: true, force: true });
    }
  });

  it('a channel that cannot listen leaves no socket behind', async () => {
    if (process.platform === 'win32') return;
    const socket = path.join(folder, 'p'.repeat(120) + '.sock');
    await assert.rejects(openChannel({ socket, window: 'w', token: 't', handle: () => Promise.resolve(textResult('x')) }));
    assert.deepEqual(fs.readdirSync(folder), []);
  });

  it('lives in the home of the system’s user record, whatever $HOME an agent was started with', () => {
    const home = process.env['HOME'];
    process.env['HOME'] = folder;
    try {
      assert.equal(channelFolder(), path.join(os.userInfo().homedir, '.segmind-image-studio', 'windows'));
      assert.notEqual(os.userInfo().homedir, folder);
    } finally {
      process.env['HOME'] = home;
    }
  });
});

describe('The MCP server (dist/mcpServer.js) with the SDK’s client over stdio', function () {
  this.timeout(30_000);
  let folder: string;
  let launcher: string;
  let workspace: string;
  let hosts: ChannelHost[];
  before(function () {
    if (!fs.existsSync(SERVER_BUNDLE)) this.skip(); // npm test builds first; `npm run test:unit` alone may not have
  });
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'segmind-server-'));
    workspace = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'segmind-workspace-')));
    launcher = path.join(folder, 'launcher.cjs');
    fs.writeFileSync(launcher, `require(${JSON.stringify(SERVER_BUNDLE)}).serve({ version: 'test', channels: ${JSON.stringify(folder)} });\n`);
    hosts = [];
  });
  afterEach(async () => {
    await Promise.all(hosts.map((host) => host.close()));
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  async function connect(cwd: string, args: string[] = []): Promise<Client> {
    const client = new Client({ name: 'unit-test', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [launcher, ...args], cwd, stderr: 'ignore' }));
    return client;
  }

  it('lists the four tools, each with an object input schema', async () => {
    const client = await connect(workspace);
    try {
      const { tools } = await client.listTools();
      assert.deepEqual(
        tools.map((tool) => tool.name),
        [...AGENT_TOOL_NAMES],
      );
      const generate = tools.find((tool) => tool.name === 'generate_image');
      assert.equal(generate?.inputSchema.type, 'object');
      assert.deepEqual(generate?.inputSchema.required, ['prompt']);
      assert.ok(generate?.inputSchema.properties && 'resize' in generate.inputSchema.properties && 'path' in generate.inputSchema.properties);
      const fill = tools.find((tool) => tool.name === 'fill_missing_images');
      assert.deepEqual((fill?.inputSchema.properties?.['mode'] as { enum?: string[] } | undefined)?.enum, ['placeholder', 'generate']);
    } finally {
      await client.close();
    }
  });

  it('each tool has a title, annotations (the read-only ones marked so) and an output schema of an object', async () => {
    const client = await connect(workspace);
    try {
      const { tools } = await client.listTools();
      const byName = new Map(tools.map((tool) => [tool.name, tool]));
      for (const name of ['find_missing_images', 'check_credits']) assert.equal(byName.get(name)?.annotations?.readOnlyHint, true, name);
      for (const name of ['generate_image', 'fill_missing_images']) {
        assert.deepEqual(
          [byName.get(name)?.annotations?.readOnlyHint, byName.get(name)?.annotations?.destructiveHint, byName.get(name)?.annotations?.openWorldHint],
          [false, false, true],
          name,
        );
      }
      for (const tool of tools) {
        assert.ok(tool.title && tool.annotations?.title, `${tool.name} has a title`);
        assert.equal(tool.outputSchema?.type, 'object', tool.name);
      }
      const generate = byName.get('generate_image')?.outputSchema;
      assert.deepEqual(generate?.required, ['saved', 'failed', 'warnings']);
      const properties = (schema: unknown): Record<string, unknown> => (schema as { properties: Record<string, unknown> }).properties;
      const saved = (properties(generate)['saved'] as { items: { required: string[] } }).items;
      assert.deepEqual(saved.required.sort(), ['format', 'markdown', 'path']);
      const find = byName.get('find_missing_images')?.outputSchema;
      assert.ok('next' in properties(find) && 'elsewhere' in properties(find));
      assert.deepEqual(find?.required, ['missing']);
    } finally {
      await client.close();
    }
  });

  it('a call carries the agent’s working directory, and the window’s progress reaches an agent that asked for it', async () => {
    const messages: string[] = [];
    let seen: () => void = () => undefined;
    const agentSawBoth = new Promise<void>((resolve) => (seen = resolve));
    const window = await fakeWindow(folder, [workspace], async (call) => {
      call.progress('queued 0:00');
      call.progress('processing 0:10');
      await agentSawBoth; // the job "runs" until the agent has read both (a result ends the call's progress)
      return textResult('done', call.tool);
    });
    hosts.push(window.host);
    const inner = path.join(workspace, 'packages', 'site');
    fs.mkdirSync(inner, { recursive: true });
    const client = await connect(inner);
    try {
      const result = await client.callTool(
        { name: 'generate_image', arguments: { prompt: 'x' } },
        {
          onprogress: (progress) => {
            messages.push(progress.message ?? '');
            if (messages.length === 2) seen();
          },
        },
      );
      assert.equal(result.isError, undefined);
      assert.deepEqual(messages, ['queued 0:00', 'processing 0:10']);
      assert.equal(window.calls[0]?.directory, inner);
    } finally {
      await client.close();
    }
  });

  it('runs a call in the window that has its working directory open, with the arguments as sent', async () => {
    const window = await fakeWindow(folder, [workspace]);
    hosts.push(window.host);
    const client = await connect(path.join(workspace));
    try {
      const result = await client.callTool({ name: 'find_missing_images', arguments: { scope: 'docs' } });
      assert.deepEqual(result.content, [{ type: 'text', text: 'ran find_missing_images' }]);
      assert.deepEqual(window.calls[0]?.args, { scope: 'docs' });
    } finally {
      await client.close();
    }
  });

  it('without a window for its folder: starts, answers every call with an error that says what to do, and reaches no window', async () => {
    const elsewhere = await fakeWindow(folder, [path.join(os.tmpdir(), 'some-other-project')]);
    hosts.push(elsewhere.host);
    const client = await connect(workspace);
    try {
      const result = await client.callTool({ name: 'generate_image', arguments: { prompt: 'x' } });
      assert.equal(result.isError, true);
      assert.match(
        JSON.stringify(result.content),
        /No VS Code window has your working directory open with Image Studio for Segmind\. Ask the user to open this folder \(or one above it\) in VS Code/,
      );
      assert.equal(elsewhere.calls.length, 0);
    } finally {
      await client.close();
    }
  });

  it('--window <id> serves that window alone (Cursor’s registration), and says so when it has closed', async () => {
    const window = await fakeWindow(folder, ['/somewhere/else']);
    hosts.push(window.host);
    const client = await connect(workspace, ['--window', window.registration.window]);
    try {
      assert.equal((await client.callTool({ name: 'check_credits', arguments: {} })).isError, undefined);
      assert.equal(window.calls.length, 1);
      removeRegistration(folder, window.registration.window);
      const closed = await client.callTool({ name: 'check_credits', arguments: {} });
      assert.equal(closed.isError, true);
      assert.match(JSON.stringify(closed.content), /window that started this server is closed/);
    } finally {
      await client.close();
    }
  });

  it('answers a raw initialize of protocol revision 2025-06-18 with that revision', async () => {
    const child = spawn(process.execPath, [launcher], { cwd: workspace, stdio: ['pipe', 'pipe', 'ignore'] });
    try {
      const answer = new Promise<string>((resolve) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
          if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
        });
      });
      child.stdin.write(
        `${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } })}\n`,
      );
      const reply = JSON.parse(await answer) as {
        id: number;
        result: { protocolVersion: string; serverInfo: { name: string }; capabilities: { tools?: object } };
      };
      assert.equal(reply.id, 1);
      assert.equal(reply.result.protocolVersion, '2025-06-18');
      assert.equal(reply.result.serverInfo.name, 'segmind-image-studio');
      assert.ok(reply.result.capabilities.tools);
    } finally {
      child.kill();
    }
  });
});

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) assert.fail('the condition did not become true in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
