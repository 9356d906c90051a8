import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../harness/mock/server.ts';
import { cleanEnv, ROOT, startCli } from './run-cli.ts';

/**
 * `npx cpct` from another project: pack this package, install the tarball into a fresh project, and run the suite
 * from there against the standalone reference server. Slow (an npm install), so it runs once.
 */
const exec = promisify(execFile);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const TIMEOUT = 300_000;

let work: string | undefined;
let server: MockServer | undefined;
afterAll(async () => {
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('npx cpct in a project that installed the package', () => {
  it(
    'runs the contracts from the installed package against --endpoint and writes reports/ under its own directory',
    async () => {
      work = await mkdtemp(path.join(os.tmpdir(), 'cpct-pack-'));
      const env = cleanEnv({ npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' });
      await exec(NPM, ['pack', '--pack-destination', work, '--silent'], { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 });
      const tarball = (await readdir(work)).find((f) => f.endsWith('.tgz'));
      expect(tarball).toBeDefined();

      const project = path.join(work, 'consumer');
      await exec('mkdir', ['-p', project]);
      await writeFile(path.join(project, 'package.json'), JSON.stringify({ name: 'cpct-consumer', version: '1.0.0', private: true, type: 'module' }));
      await exec(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', path.join(work, tarball!)], { cwd: project, env, maxBuffer: 16 * 1024 * 1024 });
      const bin = path.join(project, 'node_modules', '.bin', 'cpct');
      expect(existsSync(bin)).toBe(true);

      server = await startMockServer({ options: { secondDefaultClearsFirst: true } });
      // `--no`: npx must use the installed bin and never fetch a package of that name; `--` keeps cpct's flags from npm.
      const run = startCli({ command: [NPX, '--no', '--', 'cpct'], args: ['--endpoint', server.url], cwd: project, timeoutMs: TIMEOUT });
      const { code } = await run.exit;
      expect(code, `${run.stdout()}\n${run.stderr()}`).toBe(0);
      const report = JSON.parse(await readFile(path.join(project, 'reports', 'conformance.json'), 'utf8'));
      expect(report.target).toBe(`endpoint ${server.url}`);
      expect(report.summary.fail).toBe(0);
      expect(report.results.length).toBeGreaterThan(100);
    },
    TIMEOUT + 60_000,
  );
});
