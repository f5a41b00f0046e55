/**
 * The generation flow with an asker of the test's own: what an asker answers late (a mask chosen
 * after the images were checked, as the palette's mask pick does) is checked like what came in the
 * options, before anything is sent.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import sharp from 'sharp';
import type { CommandOptions } from '../../src/domain/generation/options';
import { AsksNothing } from '../../src/flow/asksNothing';
import type { EditContext, GenerationFlow } from '../../src/flow/generationFlow';
import { testServices } from './support/testServices';
import { useFakeSegmind, workspaceFolder } from './support/segmindFixture';

const FOLDER = 'flow-test';

/** Answers the prompt, the model and the mask once it has seen the images, as the palette does. */
class LateMaskAsker extends AsksNothing {
  readonly seen: string[][] = [];
  constructor(private readonly mask: vscode.Uri) {
    super();
  }

  override complete(options: CommandOptions, edit?: EditContext): Promise<CommandOptions> {
    this.seen.push(edit?.images.map((image) => image.path) ?? []);
    return Promise.resolve({ ...options, prompt: 'Change the masked part', model: 'gpt-image-1-edit', mask: this.mask });
  }
}

describe('The generation flow, with a mask the asker chooses late', function () {
  const segmind = useFakeSegmind();
  const file = (name: string): vscode.Uri => vscode.Uri.joinPath(workspaceFolder(), FOLDER, name);
  let flow: GenerationFlow;
  let dispose: () => void;

  before(async () => {
    const services = await testServices('flow tests');
    flow = services.flow;
    dispose = services.dispose;
    const transparent = { r: 0, g: 0, b: 0, alpha: 0 };
    await vscode.workspace.fs.writeFile(
      file('mask-64.png'),
      await sharp({ create: { width: 64, height: 64, channels: 4, background: transparent } })
        .png()
        .toBuffer(),
    );
    await vscode.workspace.fs.writeFile(
      file('mask-32.png'),
      await sharp({ create: { width: 32, height: 32, channels: 4, background: transparent } })
        .png()
        .toBuffer(),
    );
  });

  after(async () => {
    dispose();
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder(), FOLDER), { recursive: true, useTrash: false });
  });

  const logo = (): vscode.Uri => vscode.Uri.joinPath(workspaceFolder(), 'images', 'logo.png');

  it('uploads the late mask with the image and sends it as mask', async () => {
    const asker = new LateMaskAsker(file('mask-64.png'));
    const result = await flow.run({ options: { images: [logo()] }, edit: true }, asker);
    assert.ok(result.ran);
    assert.deepEqual(asker.seen, [['images/logo.png']], 'asked once, after the image was located');
    assert.equal(result.outcome.saved.length, 1);
    const uploads = segmind.fake.requestsTo('upload', 'POST', '/upload-asset');
    assert.equal(uploads.length, 1);
    assert.equal((uploads[0]?.body as { data_urls?: unknown[] }).data_urls?.length, 2, 'image and mask in one upload');
    const body = segmind.fake.requestsTo('api', 'POST', '/v2/gpt-image-1-edit')[0]?.body as Record<string, unknown>;
    assert.equal(body['mask'], segmind.fake.uploads[1]?.url);
    assert.equal(result.plan.mask?.path, `${FOLDER}/mask-64.png`);
  });

  it('refuses a late mask of another size than the image, before any request', async () => {
    await assert.rejects(flow.run({ options: { images: [logo()] }, edit: true }, new LateMaskAsker(file('mask-32.png'))), /must be the same size/);
    assert.equal(segmind.fake.requests.length, 0);
  });
});
