/**
 * The Studio's contract (protocol/studioProtocol). It is types, but for its two lists, which the
 * types, the message schema and the host's filter all take: the commands a notice may offer and the
 * gallery's actions. Checked here: each command is an action the error words offer and has a
 * button label, and each value of both lists passes the message schema (studioMessages.ts).
 */
import * as assert from 'node:assert/strict';
import { parseWebviewMessage } from '../../../src/protocol/studioMessages';
import { GALLERY_ACTIONS, STUDIO_COMMANDS, type StudioCommand } from '../../../src/protocol/studioProtocol';
import { actionLabel, type ErrorAction } from '../../../src/shared/wording';

// The compiler holds the two sets equal: an action the error words offer that the Studio does not
// know would be dropped from its notices without a word (studio/studioChannel.ts filters by the list).
const everyActionIsACommand: [Exclude<ErrorAction, StudioCommand>] extends [never] ? true : false = true;
const everyCommandIsAnAction: [Exclude<StudioCommand, ErrorAction>] extends [never] ? true : false = true;

describe('The Studio contract’s lists (protocol/studioProtocol)', () => {
  it('offers each error action as a Studio command, each with a button label of its own', () => {
    assert.ok(everyActionIsACommand && everyCommandIsAnAction);
    const labels = STUDIO_COMMANDS.map((command) => actionLabel(command));
    assert.deepEqual(labels, ['Set API Key', 'Show Log', 'Check Credits', 'Manage Workspace Trust', 'Open Settings']);
    assert.equal(new Set(labels).size, STUDIO_COMMANDS.length);
  });

  it('each command and each gallery action passes the message schema; a near miss does not', () => {
    for (const command of STUDIO_COMMANDS) assert.ok(parseWebviewMessage({ type: 'runCommand', command }).ok, command);
    assert.deepEqual([...GALLERY_ACTIONS], ['open', 'reveal', 'copyLink', 'useAsInput', 'regenerate']);
    for (const action of GALLERY_ACTIONS) assert.ok(parseWebviewMessage({ type: 'galleryAction', action, uri: 'file:///ws/fox.png' }).ok, action);
    assert.equal(parseWebviewMessage({ type: 'runCommand', command: 'SetApiKey' }).ok, false, 'the list is exact, case included');
    assert.equal(parseWebviewMessage({ type: 'galleryAction', action: 'delete', uri: 'file:///ws/fox.png' }).ok, false);
  });
});
