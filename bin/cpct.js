#!/usr/bin/env node
// `npx cpct [flags]`: the same as `npm run conformance -- [flags]`, from a project that installed this package.
// Registers tsx (a runtime dependency) in this process and runs the TypeScript CLI; the CLI resolves contracts,
// schemas and the vitest config relative to the package, and writes reports under the caller's working directory.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../harness/cli.ts', import.meta.url).href);
