// npm's `prepare`: compiles to dist/ (tsc -p tsconfig.build.json) for `npm pack`, `npm publish` and installs from
// git (for a git dependency npm runs only `prepare`, in a clone). Skipped for `npm ci` / `npm install` run in this
// checkout itself (INIT_CWD is where npm was started): there the bins run the sources through tsx and nothing needs
// dist/, so CI's `npm ci` does not pay for a build.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const command = process.env.npm_command;
const ownInstall = (command === 'ci' || command === 'install') && path.resolve(process.env.INIT_CWD ?? '') === root;
if (ownInstall) {
  process.stdout.write('prepare: skipped for an install in this checkout (run `npm run build` for dist/)\n');
} else {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
