/**
 * CLI: `npm run specs:diff -- --from OLD.json --to NEW.json [--reports DIR] [--recordings DIR] [--no-contracts]`.
 * What changed between two Smithy JSON AST models, and what it touches here; writes model-diff.json and .md.
 * Exit 0 when the models agree on everything but documentation, 1 when they differ, 2 for unusable input.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { formatError, UsageError } from '../harness/errors.ts';
import { writeJsonAndMarkdown } from '../harness/report-files.ts';
import { diffModels, formatModelMarkdown, formatModelSummary, modelImpact, type ContractRef, type ModelDiff, type TapeRef } from './lib/model-diff.ts';
import type { SmithyModel } from './lib/smithy.ts';

const COMPONENT = 'specs:diff';
const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What the command was asked, parsed once. */
export interface DiffModelsOptions {
  from: string;
  to: string;
  reportsDir: string;
  recordingsDir: string;
  /** Collect the declared contracts (a few seconds of vitest collection) for the impact. */
  contracts: boolean;
}

/** Parses argv (without node and script); throws UsageError for anything it cannot accept. */
export function parseDiffArgs({ argv, cwd }: { argv: readonly string[]; cwd: string }): DiffModelsOptions {
  let values: { from?: string; to?: string; reports?: string; recordings?: string; 'no-contracts'?: boolean };
  try {
    ({ values } = parseArgs({ args: [...argv], strict: true, options: { from: { type: 'string' }, to: { type: 'string' }, reports: { type: 'string' }, recordings: { type: 'string' }, 'no-contracts': { type: 'boolean' } } }));
  } catch (error) {
    throw new UsageError({ component: COMPONENT, expected: '--from OLD.json --to NEW.json [--reports DIR] [--recordings DIR] [--no-contracts]', seen: (error as Error).message, action: 'fix the flags' });
  }
  if (!values.from || !values.to) {
    throw new UsageError({ component: COMPONENT, expected: 'both --from OLD.json and --to NEW.json (Smithy JSON AST models)', seen: `${values.from ? '' : 'no --from '}${values.to ? '' : 'no --to'}`.trim(), action: 'e.g. npm run specs:diff -- --from old.smithy.json --to new.smithy.json' });
  }
  return {
    from: path.resolve(cwd, values.from),
    to: path.resolve(cwd, values.to),
    reportsDir: path.resolve(cwd, values.reports ?? 'reports'),
    recordingsDir: path.resolve(cwd, values.recordings ?? path.join(PACKAGE_ROOT, 'recordings')),
    contracts: values['no-contracts'] !== true,
  };
}

/** Reads a model file, turning every way it can be unusable into a UsageError naming the file and what it holds. */
export function loadModelFile({ file, flag }: { file: string; flag: string }): SmithyModel {
  if (!existsSync(file)) throw new UsageError({ component: COMPONENT, expected: `a Smithy JSON AST file for ${flag}`, seen: `no file at ${file}`, action: `check the ${flag} path` });
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError({ component: COMPONENT, expected: `JSON in ${file} (${flag})`, seen: (error as Error).message, action: 'pass the .smithy.json file of the model' });
  }
  const model = parsed as Partial<SmithyModel> & { metadata?: unknown; operations?: unknown };
  if (typeof model !== 'object' || model === null || !String(model.smithy ?? '').startsWith('2') || typeof model.shapes !== 'object') {
    const botocore = typeof model === 'object' && model !== null && 'operations' in model && 'metadata' in model;
    throw new UsageError({
      component: COMPONENT,
      expected: `a Smithy 2.0 JSON AST ("smithy": "2.0" and "shapes") in ${file} (${flag})`,
      seen: botocore ? 'a botocore service-2.json (metadata, operations, shapes), another format' : `top-level keys ${typeof model === 'object' && model !== null ? Object.keys(model).slice(0, 6).join(', ') || '(none)' : typeof model}`,
      action: 'pass the .smithy.json file of the model (e.g. from aws/api-models-aws)',
    });
  }
  return model as SmithyModel;
}

/** The tapes under `dir` as the impact needs them (file relative to `cwd`, operation per interaction). */
async function tapeRefs({ dir, cwd }: { dir: string; cwd: string }): Promise<TapeRef[]> {
  const { loadTapes } = await import('../harness/recording/tape.ts');
  return loadTapes({ dir }).tapes.map(({ file, tape }) => ({ file: path.relative(cwd, file), interactions: tape.interactions }));
}

/** Builds the whole diff with its impact (reads the register, the tapes and, unless turned off, the contracts). */
export async function buildModelDiff({ options, cwd }: { options: DiffModelsOptions; cwd: string }): Promise<ModelDiff> {
  const before = loadModelFile({ file: options.from, flag: '--from' });
  const after = loadModelFile({ file: options.to, flag: '--to' });
  const diff = diffModels({ before, after, labels: { from: path.basename(options.from), to: path.basename(options.to) } });
  const { loadRegister } = await import('../harness/evidence/register.ts');
  let contracts: ContractRef[] = [];
  if (options.contracts) {
    const { listContracts } = await import('../harness/run/list.ts');
    contracts = await listContracts();
  }
  diff.impact = modelImpact({ diff, before, after, contracts, register: loadRegister().entries, tapes: await tapeRefs({ dir: options.recordingsDir, cwd }) });
  return diff;
}

/** Writes model-diff.json and model-diff.md under `dir`; returns their paths. */
export function writeModelDiff({ diff, dir }: { diff: ModelDiff; dir: string }): Promise<{ json: string; md: string }> {
  return writeJsonAndMarkdown({ dir, name: 'model-diff', value: diff, markdown: formatModelMarkdown({ diff }) });
}

/** Runs the command; returns its exit code and never throws. */
export async function main({ argv, cwd, stdout, stderr }: { argv: readonly string[]; cwd: string; stdout: { write(t: string): unknown }; stderr: { write(t: string): unknown } }): Promise<number> {
  try {
    const options = parseDiffArgs({ argv, cwd });
    const started = performance.now();
    const diff = await buildModelDiff({ options, cwd });
    const files = await writeModelDiff({ diff, dir: options.reportsDir });
    stdout.write(formatModelSummary({ diff }));
    stdout.write(`  reports: ${path.relative(cwd, files.json)}, ${path.relative(cwd, files.md)} (${Math.round(performance.now() - started)} ms)\n`);
    const differs = diff.operationsAdded.length + diff.operationsRemoved.length + diff.operationsChanged.length + diff.shapesChanged.length > 0;
    return differs ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      stderr.write(`${error.message}\n`);
      return 2;
    }
    stderr.write(`${formatError({ component: COMPONENT, expected: 'the diff to complete', seen: (error as Error)?.stack ?? String(error), action: 'this is a bug: please report it with the output above' })}\n`);
    return 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main({ argv: process.argv.slice(2), cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });
}
