/**
 * The MCP server an agent starts (src/mcp/server.ts, built to dist/mcpServer.js), driven by the
 * SDK's own client over stdio against a window played by openChannel (./fakeWindow.ts): the tools it
 * lists, where a call goes, the progress it passes on, and what it answers without a window. Skipped
 * when the bundle is not built (npm test builds first).
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { AGENT_TOOL_NAMES } from '../../../src/domain/generation/agentTools';
import { type ChannelHost } from '../../../src/mcp/channelHost';
import { removeRegistration } from '../../../src/mcp/channelPlaces';
import { fakeWindow, textResult } from './fakeWindow';

const SERVER_BUNDLE = path.resolve(__dirname, '..', '..', '..', '..', 'dist', 'mcpServer.js');

describe('The MCP server (dist/mcpServer.js) with the SDK’s client over stdio', function () {
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
