/**
 * What the finders' tests share: the documents of test/fixtures/references/, and the values a finder
 * gives for a text, each checked to be exactly the text at its range (diagnostics and quick fixes
 * rely on that range, so every test of a finder checks it).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ImageReference } from '../../../src/domain/references/imageReference';
import { findReferences, type ReferenceLanguage } from '../../../src/references';

const fixtures = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'references');

export const fixture = (name: string): string => fs.readFileSync(path.join(fixtures, name), 'utf8');

/** The values found, in order (for texts too large to check every range cheaply). */
export const values = (language: ReferenceLanguage, text: string): string[] => findReferences(language, text).map((reference) => reference.value);

/** The values found, each checked to be exactly the text at its range. */
export function valuesIn(language: ReferenceLanguage, text: string): string[] {
  const found = findReferences(language, text);
  for (const reference of found) assert.equal(text.slice(reference.start, reference.end), reference.value, `the range of ${reference.value}`);
  return found.map((reference) => reference.value);
}

/** A reference's size as `WxH`, or `none`: one string to compare per reference. */
export const sized = (reference: ImageReference): string => (reference.size ? `${reference.size.width}x${reference.size.height}` : 'none');
