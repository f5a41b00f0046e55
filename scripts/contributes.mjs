// `npm run contributes`: writes into package.json what src/domain/build/contributions.ts generates from
// the catalog and the options schema (the settings' enums and ranges, the agent tool's schema and
// description). `--check` changes nothing and fails, naming the keys, when package.json differs;
// test/unit/project/packageJson.test.ts holds the same in check mode.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const outfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'segmind-contributes-')), 'contributions.cjs');
await esbuild.build({
  entryPoints: [path.join(repoRoot, 'src', 'domain', 'build', 'contributions.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  logLevel: 'silent',
});
const { withGeneratedContributions, withGeneratedNls } = createRequire(import.meta.url)(outfile);
fs.rmSync(path.dirname(outfile), { recursive: true, force: true });

const manifestFile = path.join(repoRoot, 'package.json');
const before = fs.readFileSync(manifestFile, 'utf8');
const after = `${JSON.stringify(withGeneratedContributions(JSON.parse(before)), null, 2)}\n`;
// The generated words, in English: package.nls.json (the German file is translated by hand; a test holds its keys).
const nlsFile = path.join(repoRoot, 'package.nls.json');
const nlsBefore = fs.readFileSync(nlsFile, 'utf8');
const nlsAfter = `${JSON.stringify(withGeneratedNls(JSON.parse(nlsBefore)), null, 2)}\n`;
if (nlsAfter !== nlsBefore) {
  if (check) {
    console.error('contributes: package.nls.json is stale (the generated settings words); run npm run contributes.');
    process.exitCode = 1;
  } else {
    fs.writeFileSync(nlsFile, nlsAfter);
    console.log('contributes: package.nls.json updated with the generated settings words.');
  }
}
if (after === before) {
  console.log('contributes: package.json is up to date with the catalog and the options schema.');
} else if (check) {
  const was = JSON.parse(before).contributes;
  const is = JSON.parse(after).contributes;
  const stale = [
    ...Object.keys(is.configuration.properties).filter(
      (key) => JSON.stringify(is.configuration.properties[key]) !== JSON.stringify(was.configuration.properties[key]),
    ),
    ...(JSON.stringify(is.languageModelTools) !== JSON.stringify(was.languageModelTools) ? ['languageModelTools[0]'] : []),
  ];
  console.error(`contributes: package.json is stale (${stale.join(', ')}); run npm run contributes.`);
  process.exitCode = 1;
} else {
  fs.writeFileSync(manifestFile, after);
  console.log('contributes: package.json updated from the catalog and the options schema.');
}
