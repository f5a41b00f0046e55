/**
 * What a configuration read as literals is made of (sites/configTypes): the UNKNOWN marker, still
 * known after crossing the parser worker's boundary as a copy, and the readers of a configuration's
 * parts, which give nothing for a part of the wrong kind or an UNKNOWN rather than guessing.
 */
import * as assert from 'node:assert/strict';
import { isUnknown, object, text, texts, UNKNOWN } from '../../../src/sites/configTypes';

describe('The parts of a configuration (sites/configTypes)', () => {
  it('UNKNOWN is known as such, also as a copy from the worker; other values are not', () => {
    assert.equal(isUnknown(UNKNOWN), true);
    assert.equal(isUnknown(structuredClone(UNKNOWN)), true);
    assert.equal(isUnknown({ $unknown: 'yes' }), false);
    assert.equal(isUnknown(null), false);
    assert.equal(isUnknown(undefined), false);
  });

  it('reads an object, a string, a string or list of strings; anything else is empty or undefined', () => {
    assert.deepEqual(object({ a: 1 }), { a: 1 });
    for (const value of [['a'], 'a', null, UNKNOWN, undefined]) assert.deepEqual(object(value), {}, JSON.stringify(value));
    assert.equal(text('public'), 'public');
    assert.equal(text(1), undefined);
    assert.equal(text(UNKNOWN), undefined);
    assert.deepEqual(texts('static'), ['static']);
    assert.deepEqual(texts(['static', 1, 'public', UNKNOWN]), ['static', 'public']);
    assert.equal(texts(false), undefined);
  });
});
