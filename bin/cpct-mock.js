#!/usr/bin/env node
// `npx cpct-mock [--port N] [--host H]`: the standalone reference server (`npm run mock`), from an installed package.
import { runEntry } from './run-entry.js';

const { main } = await runEntry({ entry: 'harness/mock/server-cli' });
main({ argv: process.argv.slice(2) }).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`mock: expected a clean run; saw ${String(error)}; report this as a bug\n`);
    process.exit(2);
  },
);
