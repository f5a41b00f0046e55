/**
 * The channel's folder holds only this user's registrations (mcp/channelPlaces.ts): a file another
 * user made while the folder was open to others, or one others may read, is removed and never
 * dialled (0.4 closed the folder but kept what was planted in it, so prompts went to the planted
 * socket). The other user is a real one where the tests run as root (nobody, uid 65534).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { privateFolder, readRegistrations, registrationFile, windowFor } from '../../src/mcp/channelPlaces';
import type { Registration } from '../../src/mcp/wire';

const NOBODY = 65_534;

function registration(folder: string, window: string): Registration {
  return { version: 1, window, socket: path.join(folder, `${window}.sock`), token: 't', pid: process.pid, folders: ['/work'] };
}

describe('The channel’s folder holds only this user’s registrations (mcp/channelPlaces)', function () {
  let home: string;
  let folder: string;
  beforeEach(function () {
    if (process.platform === 'win32') this.skip(); // the user's profile is private there
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'segmind-places-'));
    folder = path.join(home, '.segmind-image-studio', 'windows');
  });
  afterEach(() => home && fs.rmSync(home, { recursive: true, force: true }));

  it('removes a registration others may read, and never gives it to be dialled', () => {
    assert.equal(privateFolder(folder), undefined);
    const open = registration(folder, 'open');
    fs.writeFileSync(registrationFile(folder, 'open'), JSON.stringify(open), { mode: 0o644 });
    fs.chmodSync(registrationFile(folder, 'open'), 0o644); // whatever the umask
    const own = registration(folder, 'own');
    fs.writeFileSync(registrationFile(folder, 'own'), JSON.stringify(own), { mode: 0o600 });

    assert.deepEqual(
      readRegistrations(folder).map((found) => found.window),
      ['own'],
    );
    assert.equal(windowFor('/work/site', readRegistrations(folder))?.window, 'own');
    assert.equal(fs.existsSync(registrationFile(folder, 'open')), false, 'the open registration is removed');
  });

  it('removes, at its repair, a registration another user planted while the folder was open to others', function () {
    if (process.getuid?.() !== 0) this.skip(); // only root can be another user here
    // Under a folder the other user can enter (the temporary folder may be root's alone).
    fs.rmSync(home, { recursive: true, force: true });
    home = fs.mkdtempSync(path.join(fs.existsSync('/var/tmp') ? '/var/tmp' : os.tmpdir(), 'segmind-places-'));
    folder = path.join(home, '.segmind-image-studio', 'windows');
    fs.mkdirSync(folder, { recursive: true, mode: 0o777 });
    fs.chmodSync(folder, 0o777);
    fs.chmodSync(path.dirname(folder), 0o777);
    fs.chmodSync(home, 0o777);
    const planted = registration(folder, 'planted');
    const plant = spawnSync(
      process.execPath,
      [
        '-e',
        `require('fs').writeFileSync(${JSON.stringify(registrationFile(folder, 'planted'))}, ${JSON.stringify(JSON.stringify(planted))}, { mode: 0o600 })`,
      ],
      { uid: NOBODY, gid: NOBODY },
    );
    assert.equal(plant.status, 0, `the other user could not plant: ${String(plant.stderr)}`);
    assert.equal(fs.statSync(registrationFile(folder, 'planted')).uid, NOBODY);

    assert.equal(privateFolder(folder), undefined, 'the folder is repaired');
    assert.equal(fs.statSync(folder).mode & 0o777, 0o700);
    assert.equal(fs.existsSync(registrationFile(folder, 'planted')), false, 'what the other user planted is gone');
    assert.deepEqual(readRegistrations(folder), []);
  });

  it('a subfolder whose name starts with two dots is inside its workspace folder (windowFor took `..x` for outside)', () => {
    const found = windowFor('/work/..x/src', [registration(folder, 'w')]);
    assert.equal(found?.window, 'w');
    assert.equal(windowFor('/work/../elsewhere', [registration(folder, 'w')]), undefined, 'a real way out is still outside');
  });
});
