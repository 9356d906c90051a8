/**
 * CLI: `npx tsx specs/build-schemas.ts --model PATH [--out DIR]` (or `npm run specs:build -- --model PATH`).
 * Rebuilds the committed JSON Schemas and operations.json from a Smithy 2.0 JSON AST model.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { formatError } from '../harness/errors.ts';
import { buildSchemaFiles, readModel, writeSchemaFiles } from './lib/build.ts';

const DEFAULT_OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'schemas');

/** Runs the build for the given argv (without node and script); returns the exit code. */
export function main({ argv }: { argv: string[] }): number {
  let values: { model?: string; out?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { model: { type: 'string' }, out: { type: 'string' } }, strict: true }));
  } catch (e) {
    process.stderr.write(`${formatError({ component: 'specs:build', expected: '--model PATH [--out DIR]', seen: (e as Error).message, action: 'fix the flags' })}\n`);
    return 2;
  }
  if (!values.model) {
    process.stderr.write(`${formatError({ component: 'specs:build', expected: '--model PATH to a Smithy JSON AST', seen: 'no --model', action: 'e.g. npm run specs:build -- --model ../shared/models/customer-profiles.smithy.json' })}\n`);
    return 2;
  }
  const out = path.resolve(values.out ?? DEFAULT_OUT);
  const started = performance.now();
  const modelFile = path.resolve(values.model);
  if (!existsSync(modelFile)) {
    process.stderr.write(`${formatError({ component: 'specs:build', expected: 'a readable Smithy JSON AST file', seen: `no file at ${modelFile}`, action: 'check the --model path' })}\n`);
    return 2;
  }
  const files = buildSchemaFiles({ model: readModel({ file: modelFile }) });
  const result = writeSchemaFiles({ files, out });
  const ms = Math.round(performance.now() - started);
  process.stdout.write(
    `specs:build: ${files.size} files in ${out} (${result.written} written, ${result.unchanged} unchanged, ${result.removed.length} removed${result.removed.length ? `: ${result.removed.join(', ')}` : ''}) in ${ms} ms\n`,
  );
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main({ argv: process.argv.slice(2) });
}
