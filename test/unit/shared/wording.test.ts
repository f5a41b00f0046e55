/**
 * Facts said once for every place that words them (shared/wording): how long Segmind keeps a result,
 * that a stopped job may still be billed, the action buttons, why a location is refused, and labels
 * looked up when they are read.
 */
import * as assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import {
  actionLabel,
  leadsOutside,
  mayStillCharge,
  refusalOf,
  RESULT_RETENTION_MS,
  resultsKept,
  retention,
  RETENTION_IN_LOGS,
  withLabel,
  type ErrorAction,
} from '../../../src/shared/wording';

describe('Wording said once (shared/wording)', () => {
  it('says how long results are kept from the one number, in English for the log and in the display language elsewhere', () => {
    assert.equal(RESULT_RETENTION_MS, 60 * 60 * 1000);
    assert.equal(RETENTION_IN_LOGS, '1 hour');
    assert.equal(retention(), '1 hour');
    assert.equal(resultsKept(), 'Segmind keeps results for 1 hour');
    l10n.config({ contents: { '1 hour': '1 Stunde', 'Segmind keeps results for {0}': 'Segmind bewahrt Ergebnisse {0} lang auf' } });
    try {
      assert.equal(resultsKept(), 'Segmind bewahrt Ergebnisse 1 Stunde lang auf', 'the hour is translated inside the sentence');
      assert.equal(RETENTION_IN_LOGS, '1 hour', 'the log stays English');
    } finally {
      l10n.config({ contents: {} });
    }
  });

  it('warns that a job we stop waiting for may still be billed', () => {
    assert.equal(mayStillCharge(), 'Segmind may still finish the job and charge for it');
  });

  it('gives every action a button label of its own', () => {
    const actions: ErrorAction[] = ['setApiKey', 'showLog', 'openSettings', 'checkCredits', 'manageTrust'];
    assert.deepEqual(actions.map(actionLabel), ['Set API Key', 'Show Log', 'Open Settings', 'Check Credits', 'Manage Workspace Trust']);
  });

  it('ends the sentence of a refused location with its reason; an unverifiable one says what failed, or that it is unknown', () => {
    assert.equal(refusalOf({ reason: 'outside' }), leadsOutside());
    assert.equal(leadsOutside(), 'leads outside the workspace folder.');
    assert.equal(refusalOf({ reason: 'git' }), 'is inside .git, which belongs to git.');
    assert.match(refusalOf({ reason: 'stream' }), /^has a ":" in a name .* never written\.$/);
    assert.equal(refusalOf({ reason: 'unverifiable', detail: 'EACCES' }), 'could not be checked (EACCES), so nothing is written there.');
    assert.equal(refusalOf({ reason: 'unverifiable' }), 'could not be checked (unknown error), so nothing is written there.');
  });

  it('withLabel: the label is read anew each time, and is listed with the row’s own fields', () => {
    let language = 'en';
    const row = withLabel({ icon: 'check' }, () => (language === 'en' ? 'saved' : 'gespeichert'));
    assert.equal(row.label, 'saved');
    language = 'de';
    assert.equal(row.label, 'gespeichert');
    assert.deepEqual(Object.keys(row), ['icon', 'label']);
    assert.equal(JSON.stringify(row), '{"icon":"check","label":"gespeichert"}', 'a row posted to the webview carries its label');
  });
});
