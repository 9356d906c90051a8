#!/usr/bin/env node
// `npx cpct [flags]`: the same as `npm run conformance -- [flags]`, from a project that installed this package. The
// CLI resolves contracts, schemas and the vitest config relative to the package, and writes reports under the
// caller's working directory.
import { runEntry } from './run-entry.js';

await runEntry({ entry: 'harness/cli' });
