import * as assert from 'node:assert/strict';
import { MAX_SET_FILES, setProblem } from '../../../../src/domain/images/imageSets';

describe('Sets are bounded (domain/images/imageSets)', () => {
  it('at most 32 files per element, each at most 4096 px a side', () => {
    assert.equal(setProblem(MAX_SET_FILES, []), undefined);
    assert.deepEqual(setProblem(5_001, []), { kind: 'too-many', files: 5_001 });
    assert.equal(setProblem(3, [undefined, { width: 4096, height: 4096 }]), undefined);
    assert.deepEqual(setProblem(2, [undefined, { width: 5000, height: 300 }]), { kind: 'too-large', width: 5000, height: 300 });
  });
});
