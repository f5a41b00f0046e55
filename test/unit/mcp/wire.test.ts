/**
 * The channel between an MCP server and its VS Code window (the protocol of src/mcp/wire.ts, spoken
 * by src/mcp/channelHost.ts and src/mcp/windowClient.ts): its framing, its opening (a peer without
 * the window's token, or a socket that is not the registered window, is hung up on), cancellation,
 * and the private folder of registrations (src/mcp/channelPlaces.ts). No VS Code: the real window's
 * side is in test/integration/mcpServer.test.ts; the server an agent starts is in server.test.ts.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { framed, lineReader, MAX_MESSAGE_BYTES, type Registration } from '../../../src/mcp/wire';
import { openChannel, type ChannelHost } from '../../../src/mcp/channelHost';
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
} from '../../../src/mcp/channelPlaces';
import { callWindow, ChannelError } from '../../../src/mcp/windowClient';
import { fakeWindow, textResult } from './fakeWindow';
import { until } from '../../support/conditions';

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
    await until(() => window.calls.length === 1, 'the call reached the window');
    controller.abort();
    await assert.rejects(pending, /cancelled/);
    await until(() => window.calls[0]?.signal.aborted === true, 'the window saw the cancel');
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
