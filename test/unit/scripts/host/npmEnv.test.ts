/**
 * The host installer's inner npm must not inherit what an outer `npm run` exports: code-server's
 * postinstall reads the Node version from npm_config_user_agent and refused Node 24 when
 * `npm run demo` (Node 20) started it. Here a real `npm run` of a throwaway package prints the
 * environment as install.sh's clean_npm_env passes it on, next to the polluted one it starts from.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..', '..', '..');
const npmEnvScript = path.join(root, 'scripts', 'host', 'npmEnv.sh');

function environmentOf(lines: string): Map<string, string> {
  const env = new Map<string, string>();
  for (const line of lines.split('\0')) {
    const eq = line.indexOf('=');
    if (eq > 0) env.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return env;
}

describe('host install: the inner npm gets a clean environment', function () {
  let folder: string;
  let outer: Map<string, string>;
  let inner: Map<string, string>;

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'segmind-npm-env-'));
    const quoted = JSON.stringify(npmEnvScript).slice(1, -1);
    fs.writeFileSync(
      path.join(folder, 'package.json'),
      JSON.stringify({
        name: 'npm-env-probe',
        version: '1.0.0',
        private: true,
        scripts: { outer: 'env -0', inner: `bash -c '. "${quoted}"; clean_npm_env env -0'` },
      }),
    );
    const run = (script: string): Map<string, string> => {
      const result = spawnSync('npm', ['run', '--silent', script], {
        cwd: folder,
        encoding: 'utf8',
        env: { ...process.env, npm_config_registry: 'http://127.0.0.1:9/mirror' },
      });
      assert.equal(result.status, 0, result.stderr);
      return environmentOf(result.stdout);
    };
    outer = run('outer');
    inner = run('inner');
  });

  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('an outer npm run exports its own Node in the user agent (what broke the install)', () => {
    assert.match(outer.get('npm_config_user_agent') ?? '', new RegExp(`node/${process.version}`));
    assert.ok(outer.has('npm_lifecycle_event') && outer.has('INIT_CWD') && outer.has('NODE'));
  });

  it('drops npm_config_user_agent, the script facts, NODE and INIT_CWD', () => {
    const leaked = [...inner.keys()].filter(
      (name) =>
        /^npm_(config_user_agent|config_node_gyp|config_loglevel|lifecycle_|package_|execpath|node_execpath|command)/.test(name) ||
        name === 'NODE' ||
        name === 'INIT_CWD',
    );
    assert.deepEqual(leaked, []);
  });

  it('drops the folders npm put in front of PATH and keeps the rest in order', () => {
    const outerPath = (outer.get('PATH') ?? '').split(':');
    const innerPath = (inner.get('PATH') ?? '').split(':');
    assert.ok(
      outerPath.some((entry) => entry.endsWith('/node_modules/.bin')),
      'npm prepends node_modules/.bin',
    );
    assert.deepEqual(
      innerPath,
      outerPath.filter((entry) => !entry.endsWith('/node_modules/.bin') && !entry.endsWith('/@npmcli/run-script/lib/node-gyp-bin')),
    );
  });

  it('keeps the network settings a user sets on purpose (a registry mirror)', () => {
    assert.equal(inner.get('npm_config_registry'), 'http://127.0.0.1:9/mirror');
  });
});
