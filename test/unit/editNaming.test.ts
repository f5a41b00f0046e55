import * as assert from 'node:assert/strict';
import { editBaseName, localTimestamp } from '../../src/domain/images/fileNaming';

// Built from local fields, so the expected text does not depend on the machine's time zone.
const at = new Date(2026, 10, 22, 3, 15, 2);

describe('edit naming', () => {
  it('formats the timestamp as YYYYMMDD-HHMMSS in local time, zero-padded', () => {
    assert.equal(localTimestamp(at), '20261122-031502');
    assert.equal(localTimestamp(new Date(2027, 0, 1, 0, 0, 0)), '20270101-000000');
    assert.equal(localTimestamp(new Date(2026, 11, 31, 23, 59, 59)), '20261231-235959');
  });

  const cases: Array<[string, string]> = [
    ['logo.png', 'logo-edit-20261122-031502'],
    ['images/logo.png', 'logo-edit-20261122-031502'],
    ['images\\sub\\Logo Final.JPEG', 'Logo Final-edit-20261122-031502'],
    ['archive.tar.webp', 'archive.tar-edit-20261122-031502'],
    ['noextension', 'noextension-edit-20261122-031502'],
    ['.hidden.png', 'hidden-edit-20261122-031502'],
    ['a:b*c?.png', 'a-b-c-edit-20261122-031502'],
    ['..png', 'image-edit-20261122-031502'],
    ['con.png', 'image-con-edit-20261122-031502'],
  ];
  for (const [original, expected] of cases) {
    it(`"${original}" → "${expected}"`, () => {
      assert.equal(editBaseName(original, at), expected);
    });
  }

  it('bounds a very long original name and keeps the suffix whole', () => {
    const name = editBaseName(`${'x'.repeat(300)}.png`, at);
    assert.ok(name.endsWith('-edit-20261122-031502'), name);
    assert.ok(name.length <= 96, `too long: ${name.length}`);
  });

  it('never contains separators, ".." or control characters', () => {
    for (const original of ['../../etc/passwd.png', 'a/../../b.png', 'x\u0000y.png', 'tab\there.png', '....png']) {
      const name = editBaseName(original, at);
      assert.doesNotMatch(name, /[\\/]|\.\./, name);
      assert.ok(
        [...name].every((c) => c.charCodeAt(0) >= 0x20),
        `control character in "${name}"`,
      );
      assert.doesNotMatch(name, /^[.\s-]/, name);
    }
  });
});
