// Shared by the bins: runs one entry module, compiled or from source. In this project's own checkout (which has
// tsconfig.build.json; the packed package does not) the TypeScript source runs through tsx, a dev dependency, so a
// stale dist/ can never stand in for edited sources; an installed package runs the compiled JavaScript in dist/.
import { existsSync } from 'node:fs';

const root = new URL('../', import.meta.url);

/** Imports `<entry>.ts` from source in a checkout, `dist/<entry>.js` otherwise; resolves to the module. */
export async function runEntry({ entry }) {
  if (existsSync(new URL('tsconfig.build.json', root))) {
    const { register } = await import('tsx/esm/api');
    register();
    return import(new URL(`${entry}.ts`, root).href);
  }
  return import(new URL(`dist/${entry}.js`, root).href);
}
