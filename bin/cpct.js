#!/usr/bin/env node
// `npx cpct [flags]`: the same as `npm run conformance -- [flags]`, from a project that installed this package. The
// CLI resolves contracts, schemas and the vitest config relative to the package, and writes reports under the
// caller's working directory.
import { runEntry } from './run-entry.js';

// --help, --version and usage errors need no vitest; every other mode runs or lists contracts through it.
const quick = process.argv.slice(2).some((arg) => ['--help', '-h', '--version'].includes(arg));
await runEntry({ entry: 'harness/cli', preload: quick ? [] : ['vitest/node'] });
