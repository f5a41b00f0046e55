/**
 * package.json repeats facts that the code owns: the settings' enums and ranges (the catalog), the
 * languages of the editor menu (links.ts), the commands the walkthrough runs. This holds them together,
 * so a change in one place that forgets the other fails here.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMAND_IDS } from '../../../src/base/pure/commandIds';
import { TOOL_NAME, TOOL_REFERENCE_NAME } from '../../../src/base/pure/toolIds';
import { withGeneratedContributions, withGeneratedNls } from '../../../src/domain/build/contributions';
import { toolInputJsonSchema } from '../../../src/domain/generation/options';
import { BACKGROUNDS, MODELS, MODEL_SLUGS, MODERATIONS, OUTPUT_FORMATS, QUALITIES, TEXT_TO_IMAGE_MODELS } from '../../../src/domain/generation/catalog';
import { LINK_LANGUAGES } from '../../../src/domain/references/links';
import { TRANSPORTS } from '../../../src/domain/jobs/transport';

/** The context key of src/ui/keyContext.ts (which imports vscode, so it is not imported here). */
const HAS_API_KEY = 'segmind.hasApiKey';

interface Property {
  readonly type?: string | string[];
  readonly default?: unknown;
  readonly enum?: readonly unknown[];
  readonly enumItemLabels?: readonly string[];
  readonly enumDescriptions?: readonly string[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly scope?: string;
}
interface MenuEntry {
  readonly command: string;
  readonly when?: string;
}
interface Step {
  readonly id: string;
  readonly description: string;
  readonly media: { readonly markdown?: string };
  readonly completionEvents?: readonly string[];
}

const root = path.resolve(__dirname, '..', '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: {
    commands: readonly { command: string }[];
    configuration: { properties: Record<string, Property> };
    menus: Record<string, readonly MenuEntry[]>;
    walkthroughs: readonly { steps: readonly Step[] }[];
  };
};
const properties = pkg.contributes.configuration.properties;
const setting = (key: string): Property => {
  const found = properties[`segmind.${key}`];
  assert.ok(found, `segmind.${key} is not contributed`);
  return found;
};
const contributedCommands = new Set(pkg.contributes.commands.map((entry) => entry.command));
const allSizes = [...new Set(MODEL_SLUGS.flatMap((slug) => MODELS[slug].sizes))];

describe('package.json against the code', () => {
  it('segmind.defaultModel offers exactly the text-to-image models of the catalog', () => {
    const defaultModel = setting('defaultModel');
    assert.deepEqual(defaultModel.enum, [...TEXT_TO_IMAGE_MODELS]);
    assert.equal(defaultModel.enumDescriptions?.length, TEXT_TO_IMAGE_MODELS.length);
    assert.ok(TEXT_TO_IMAGE_MODELS.includes(defaultModel.default as never));
  });

  it('the parameter settings offer the catalog\'s values, with "model default" first', () => {
    const cases: Array<[string, readonly string[]]> = [
      ['size', allSizes],
      ['quality', QUALITIES],
      ['background', BACKGROUNDS],
      ['outputFormat', OUTPUT_FORMATS],
      ['moderation', MODERATIONS],
    ];
    for (const [key, values] of cases) {
      const property = setting(key);
      assert.deepEqual(property.enum, [null, ...values], `segmind.${key}`);
      assert.equal(property.enumItemLabels?.length, values.length + 1, `segmind.${key} labels every value`);
      assert.equal(property.default, null, `segmind.${key} defaults to the model's own default`);
    }
  });

  it("segmind.outputCompression spans every model's range", () => {
    const compression = setting('outputCompression');
    assert.equal(compression.minimum, Math.min(...MODEL_SLUGS.map((slug) => MODELS[slug].compressionRange[0])));
    assert.equal(compression.maximum, Math.max(...MODEL_SLUGS.map((slug) => MODELS[slug].compressionRange[1])));
  });

  it('the generation settings may differ per workspace folder (resource scope); the base URLs never', () => {
    for (const key of [
      'outputFolder',
      'defaultModel',
      'size',
      'quality',
      'background',
      'outputFormat',
      'outputCompression',
      'moderation',
      'saveMetadata',
      'preserveUnmaskedPixels',
    ]) {
      assert.equal(setting(key).scope, 'resource', `segmind.${key}`);
    }
    assert.equal(setting('apiBaseUrl').scope, 'application');
    assert.equal(setting('uploadBaseUrl').scope, 'application');
  });

  it('segmind.transport offers the transports the job runner knows', () => {
    assert.deepEqual(setting('transport').enum, [...TRANSPORTS]);
    assert.equal(setting('transport').default, 'async');
  });

  it('the editor context menu shows Generate Image… on exactly the languages a link can be inserted into', () => {
    const entry = pkg.contributes.menus['editor/context']?.find((candidate) => candidate.command === COMMAND_IDS.generateImage);
    const match = /editorLangId =~ \/\^\(([^)]+)\)\$\//.exec(entry?.when ?? '');
    assert.ok(match?.[1], `no editorLangId regex in ${entry?.when}`);
    assert.deepEqual(match[1].split('|').sort(), Object.keys(LINK_LANGUAGES).sort());
  });

  it('every menu entry names a contributed command', () => {
    for (const [menu, entries] of Object.entries(pkg.contributes.menus)) {
      for (const entry of entries) assert.ok(contributedCommands.has(entry.command), `${menu}: ${entry.command} is not contributed`);
    }
  });

  it('the key step of the walkthrough completes on the key, not on running the command', () => {
    const step = pkg.contributes.walkthroughs.flatMap((walkthrough) => walkthrough.steps).find((candidate) => candidate.id === 'setKey');
    assert.deepEqual(step?.completionEvents, [`onContext:${HAS_API_KEY}`]);
  });

  it('Clear API Key and Check Credits are in the palette only while there is a key', () => {
    const palette = pkg.contributes.menus['commandPalette'] ?? [];
    for (const command of [COMMAND_IDS.clearApiKey, COMMAND_IDS.checkCredits]) {
      assert.equal(palette.find((entry) => entry.command === command)?.when, HAS_API_KEY, command);
    }
  });

  it('the walkthrough runs and completes on contributed commands, and its pictures exist', () => {
    const steps = pkg.contributes.walkthroughs.flatMap((walkthrough) => walkthrough.steps);
    assert.ok(steps.length > 0);
    const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
    for (const step of steps) {
      // The words (with their links) are in package.nls.json; every step links to a command.
      const description = /^%([\w.]+)%$/.exec(step.description)?.[1];
      const words = description ? (nls[description] ?? '') : step.description;
      assert.match(words, /\(command:[\w.]+\)/, `step ${step.id} links to a command`);
      for (const [, command] of words.matchAll(/\(command:([\w.]+)\)/g)) {
        assert.ok(command && contributedCommands.has(command), `step ${step.id} links to ${command}, which is not contributed`);
      }
      for (const event of step.completionEvents ?? []) {
        const command = /^onCommand:(.+)$/.exec(event)?.[1];
        if (command) assert.ok(contributedCommands.has(command), `step ${step.id} completes on ${command}, which is not contributed`);
      }
      if (step.media.markdown) assert.ok(fs.existsSync(path.join(root, step.media.markdown)), `${step.media.markdown} is missing`);
    }
  });
});

describe('The agent tool in package.json', () => {
  const tools =
    (
      JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
        contributes: { languageModelTools?: Array<Record<string, unknown>> };
      }
    ).contributes.languageModelTools ?? [];
  const tool = tools.find((entry) => entry['name'] === TOOL_NAME);

  it('is contributed under its name and reference name, referenceable in prompts, with an icon and descriptions', () => {
    assert.ok(tool, `${TOOL_NAME} is not contributed`);
    assert.equal(tool['toolReferenceName'], TOOL_REFERENCE_NAME);
    assert.equal(tool['canBeReferencedInPrompt'], true);
    for (const key of ['icon', 'displayName', 'userDescription', 'modelDescription']) assert.equal(typeof tool[key], 'string', key);
    assert.match(String(tool['modelDescription']), /resize/);
    assert.match(String(tool['modelDescription']), /3840x2160/);
  });

  it('holds every generated part as src/domain/build/contributions.ts makes it from the catalog (npm run contributes)', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.deepEqual(withGeneratedContributions(manifest), manifest, 'package.json is stale: run npm run contributes');
    const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
    assert.deepEqual(withGeneratedNls(nls), nls, 'package.nls.json is stale: run npm run contributes');
  });

  it('declares exactly the input schema generated from the options schema', () => {
    assert.deepEqual(tool?.['inputSchema'], toolInputJsonSchema(), 'package.json is stale: regenerate inputSchema from toolInputJsonSchema()');
    const schema = toolInputJsonSchema() as { required?: string[]; properties?: Record<string, unknown> };
    assert.deepEqual(schema.required, ['prompt']);
    assert.deepEqual(Object.keys(schema.properties ?? {}).sort(), [
      'background',
      'fit',
      'images',
      'mask',
      'model',
      'moderation',
      'outputCompression',
      'outputFormat',
      'path',
      'placeholder',
      'prompt',
      'quality',
      'resize',
      'size',
      'style',
      'variants',
    ]);
  });
});

describe('The release', () => {
  it("package.json's version is the CHANGELOG's newest dated entry; every entry above it is in progress", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const headings = [...fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8').matchAll(/^## (\d+\.\d+\.\d+)(.*)$/gm)].map((match) => ({
      version: match[1],
      rest: (match[2] ?? '').trim(),
    }));
    const dated = headings.findIndex((heading) => /^— \d{4}-\d{2}-\d{2}$/.test(heading.rest));
    assert.ok(dated >= 0, 'no dated entry in CHANGELOG.md');
    assert.equal(manifest.version, headings[dated]?.version);
    for (const heading of headings.slice(0, dated)) assert.equal(heading.rest, '(in progress)', `## ${heading.version}`);
  });
});

describe('The Studio in the manifest (package.json, .vscodeignore)', () => {
  const studioPkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    activationEvents: string[];
    contributes: { commands: Array<{ command: string; icon?: string }>; menus: Record<string, Array<{ command: string; when?: string }>> };
  };

  it('activates to restore the panel, and offers the command in the image preview title with an icon', () => {
    assert.ok(studioPkg.activationEvents.includes('onWebviewPanel:segmind.studio'));
    assert.ok(studioPkg.contributes.commands.find((command) => command.command === 'segmind.openStudio')?.icon);
    const title = studioPkg.contributes.menus['editor/title']?.find((entry) => entry.command === 'segmind.openStudio');
    assert.match(title?.when ?? '', /activeCustomEditorId == 'imagePreview\.previewEditor'/);
  });

  it('packages the webview bundle and the codicon font', () => {
    const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
    for (const line of ['!dist/webview/*.js', '!dist/webview/*.css', '!dist/codicons/codicon.css', '!dist/codicons/codicon.ttf'])
      assert.ok(ignore.includes(line), `${line} missing`);
  });
});
