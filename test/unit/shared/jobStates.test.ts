/**
 * The states a job goes through (shared/jobStates): which are still running, the icon each is shown
 * with (turning while it works), and a label looked up in the display language each time it is read.
 */
import * as assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { iconNameOf, isRunningState, JOB_STATE_NAMES, JOB_STATES, themeIconOf } from '../../../src/shared/jobStates';

describe('Job states (shared/jobStates)', () => {
  it('has one look for every state, and only the states before a result are running', () => {
    assert.deepEqual(Object.keys(JOB_STATES), [...JOB_STATE_NAMES]);
    assert.deepEqual(JOB_STATE_NAMES.filter(isRunningState), ['submitting', 'queued', 'processing', 'rate-limited', 'downloading']);
    for (const state of ['saved', 'failed', 'cancelled', 'expired'] as const) assert.equal(isRunningState(state), false, state);
  });

  it('names each icon as the webview (codicon) and the status bar ($(…)) want it; only processing turns', () => {
    assert.equal(iconNameOf('processing'), 'sync~spin');
    assert.equal(themeIconOf('processing'), '$(sync~spin)');
    assert.equal(iconNameOf('saved'), 'check');
    assert.equal(themeIconOf('failed'), '$(error)');
    assert.deepEqual(
      JOB_STATE_NAMES.filter((state) => iconNameOf(state).endsWith('~spin')),
      ['processing'],
    );
    assert.equal(new Set(JOB_STATE_NAMES.map(iconNameOf)).size, JOB_STATE_NAMES.length, 'no two states look alike');
  });

  it('says each label in the language configured when it is read, not when the module loaded', () => {
    assert.equal(JOB_STATES.processing.label, 'processing');
    assert.equal(JOB_STATES['rate-limited'].label, 'rate-limited');
    l10n.config({ contents: { processing: 'in Arbeit' } });
    try {
      assert.equal(JOB_STATES.processing.label, 'in Arbeit');
      assert.equal(JOB_STATES.saved.label, 'saved', 'a sentence the bundle lacks stays English');
    } finally {
      l10n.config({ contents: {} });
    }
    assert.equal(JOB_STATES.processing.label, 'processing');
  });
});
