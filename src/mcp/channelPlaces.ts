/**
 * Where windows and MCP servers meet: a folder in the user's home (from the system's user record, not
 * from an environment an agent may have changed) that only this OS user can enter (0700), holding
 * each open window's registration (`<id>.json`, 0600) and, on Unix, its socket (`<id>.sock`); on
 * Windows the socket is a named pipe. A server finds the window whose workspace folders hold its
 * working directory. Shared by both sides; no VS Code here.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { registrationSchema, type Registration } from './wire';

/** The folder of registrations (and sockets). `home` is for tests; a real run takes the user record's. */
export function channelFolder(home = os.userInfo().homedir): string {
  return path.join(home, '.segmind-image-studio', 'windows');
}

/**
 * The longest socket path used, in bytes: the OS limit is the size of `sun_path` less its final NUL
 * (107 on Linux, 103 on macOS and the BSDs); past it, listen fails or the path is cut.
 */
export const MAX_SOCKET_PATH_BYTES = 103;

/** Where sockets go when the home folder's path is too long for one: a short folder of this user alone. */
export function shortSocketFolder(env: NodeJS.ProcessEnv = process.env, tmp = os.tmpdir()): string {
  const uid = typeof process.getuid === 'function' ? process.getuid() : os.userInfo().username;
  const runtime = env['XDG_RUNTIME_DIR'];
  return runtime && path.isAbsolute(runtime) ? path.join(runtime, 'segmind-image-studio') : path.join(tmp, `segmind-image-studio-${uid}`);
}

/**
 * A new window's id and the address of its channel: in the folder of registrations when the path
 * fits, else in `short` (made private and checked like the folder of registrations, by the caller);
 * undefined when not even that fits (the channel is then not opened: never a path the OS would cut).
 */
export function newChannelAddress(
  folder: string,
  short: () => string = shortSocketFolder,
): { readonly window: string; readonly socket: string; readonly socketFolder?: string } | undefined {
  const window = randomBytes(6).toString('hex');
  if (process.platform === 'win32') return { window, socket: `\\\\.\\pipe\\segmind-image-studio-${os.userInfo().username}-${window}` };
  const fits = (dir: string): boolean => Buffer.byteLength(path.join(dir, `${window}.sock`)) <= MAX_SOCKET_PATH_BYTES;
  if (fits(folder)) return { window, socket: path.join(folder, `${window}.sock`) };
  const other = short();
  return fits(other) ? { window, socket: path.join(other, `${window}.sock`), socketFolder: other } : undefined;
}

/**
 * Makes a folder of its own for sockets private to this user, or says why it cannot be trusted (its
 * parent, such as /tmp, is shared: only the folder itself is checked and made 0700).
 */
export function privateSocketFolder(folder: string): string | undefined {
  try {
    fs.mkdirSync(folder, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return `${folder} could not be made`;
  }
  const stat = fs.lstatSync(folder);
  if (!stat.isDirectory() || stat.isSymbolicLink()) return `${folder} is not a folder`;
  if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return `${folder} belongs to another user`;
  if ((stat.mode & 0o077) !== 0) fs.chmodSync(folder, 0o700);
  return undefined;
}

/**
 * Makes the folder (and its parent) private to this user, or says why it cannot be trusted: a folder
 * someone else owns, or one others may enter, could hold a socket that is not a window's.
 */
export function privateFolder(folder: string): string | undefined {
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (process.platform === 'win32') return undefined; // the user's profile is private already
  for (const dir of [path.dirname(folder), folder]) {
    const stat = fs.lstatSync(dir);
    if (!stat.isDirectory() || stat.isSymbolicLink()) return `${dir} is not a folder`;
    if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return `${dir} belongs to another user`;
    if ((stat.mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
  }
  // A folder that was open to others may hold what they planted while it was: it goes.
  for (const name of fs.readdirSync(folder)) ownPrivateEntry(path.join(folder, name));
  return undefined;
}

/**
 * Whether an entry of the folder is this user's own and private (others may not read or write it);
 * one that is not is removed, and never dialled: another user's registration would send prompts to
 * their socket, and their answers to the agent.
 */
function ownPrivateEntry(file: string): boolean {
  if (process.platform === 'win32') return true; // the user's profile is private already
  try {
    const stat = fs.lstatSync(file);
    const mine = typeof process.getuid !== 'function' || stat.uid === process.getuid();
    // A window's socket is made with the umask's mode and closed a moment later (channelHost): only its owner counts.
    const isPrivate = stat.isSocket() || (stat.isFile() && (stat.mode & 0o077) === 0);
    if (mine && isPrivate) return true;
    fs.rmSync(file, { recursive: true, force: true });
  } catch {
    // gone meanwhile, or not ours to remove: not dialled either way
  }
  return false;
}

export function registrationFile(folder: string, window: string): string {
  return path.join(folder, `${window}.json`);
}

/** Writes a registration (0600, atomically: a server never reads half of one). */
export function writeRegistration(folder: string, registration: Registration): void {
  const file = registrationFile(folder, registration.window);
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(registration), { mode: 0o600, flag: 'wx' });
  fs.renameSync(temporary, file);
}

/** Removes a window's registration and its socket (`socket`: where it was, when not beside the registration). */
export function removeRegistration(folder: string, window: string, socket = path.join(folder, `${window}.sock`)): void {
  fs.rmSync(registrationFile(folder, window), { force: true });
  if (process.platform !== 'win32' && path.basename(socket) === `${window}.sock`) fs.rmSync(socket, { force: true });
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes what windows that no longer run left behind (a crash leaves its registration and socket). */
export function sweepRegistrations(folder: string): void {
  for (const name of fs.readdirSync(folder)) {
    if (!name.endsWith('.json')) continue;
    try {
      const parsed = registrationSchema().safeParse(JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8')));
      if (parsed.success && !alive(parsed.data.pid)) removeRegistration(folder, parsed.data.window, parsed.data.socket);
    } catch {
      // another window's registration being written right now
    }
  }
}

/** A socket of this user's (a named pipe on Windows is the user's by its name); one not there yet counts, as connecting to it fails. */
function ownSocket(socket: string): boolean {
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return true;
  try {
    return fs.lstatSync(socket).uid === process.getuid();
  } catch {
    return true;
  }
}

/** Every registration of this user's (others' are removed) of a window that still runs, newest first. */
export function readRegistrations(folder: string): Registration[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  const found: { registration: Registration; at: number }[] = [];
  for (const name of names) {
    try {
      const file = path.join(folder, name);
      if (!ownPrivateEntry(file)) continue;
      const parsed = registrationSchema().safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      if (parsed.success && alive(parsed.data.pid) && ownSocket(parsed.data.socket)) found.push({ registration: parsed.data, at: fs.statSync(file).mtimeMs });
    } catch {
      // a registration being written or removed right now: the next call sees it
    }
  }
  return found.sort((a, b) => b.at - a.at).map((entry) => entry.registration);
}

/** The window whose workspace folders hold `directory` most closely (the deepest folder wins; then the newest window). */
export function windowFor(directory: string, registrations: readonly Registration[]): Registration | undefined {
  const inside = (folder: string): boolean => {
    const relative = path.relative(folder, directory);
    // `..x` is a folder inside; only `..` itself, or `..` followed by a separator, leaves.
    return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
  };
  let best: { registration: Registration; depth: number } | undefined;
  for (const registration of registrations) {
    for (const folder of registration.folders) {
      if (inside(folder) && (!best || folder.length > best.depth)) best = { registration, depth: folder.length };
    }
  }
  return best?.registration;
}
