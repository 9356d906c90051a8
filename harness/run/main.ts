import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { HarnessError, UsageError, formatError } from '../errors.ts';
import { targetLabel, type StaticCredentials, type TargetSpec } from '../targets/index.ts';
import { domainPrefix, type RunConfig } from './config.ts';
import { parseCliArgs, USAGE, type CliMode, type TargetChoice } from './options.ts';
import { readSdkVersion } from './paths.ts';
import { buildReport, exitCodeFor, writeReport, type CollectedResult } from './report.ts';
import { createContractRunner, type ContractRunner } from './runner.ts';
import { runSelftest } from './selftest.ts';
import { formatSummary } from './summary.ts';

/** What the CLI needs from its process, passed in so tests can drive it. */
export interface CliIo {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Registers a SIGINT handler; returns a function that removes it. */
  onInterrupt(handler: () => void): () => void;
  /** Ends the process at once (a second Ctrl-C). */
  exitNow(code: number): void;
}

/** Exit code after SIGINT (128 + 2), the shell convention for a run stopped by the user. */
export const EXIT_INTERRUPTED = 130;

const COMPONENT = 'cpct';
/** How long the reachability probe of --endpoint waits. */
const PROBE_TIMEOUT_MS = 5_000;
/** Credentials used when the environment has none: a local server does not check them, and they are recognisably fake. */
const DUMMY_CREDENTIALS: StaticCredentials = { accessKeyId: 'CPCTDUMMYACCESSKEY00', secretAccessKey: 'cpct-dummy-secret-access-key' };

/** Static credentials from the environment when both key parts are set, else the dummy pair. */
export function credentialsFromEnv({ env }: { env: Readonly<Record<string, string | undefined>> }): StaticCredentials {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) return DUMMY_CREDENTIALS;
  return env.AWS_SESSION_TOKEN ? { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN } : { accessKeyId, secretAccessKey };
}

/** Resolves the target choice into the plain-data spec the workers receive. */
export function targetSpecOf({ choice, env }: { choice: TargetChoice; env: Readonly<Record<string, string | undefined>> }): TargetSpec {
  if (choice.kind === 'endpoint') return { kind: 'endpoint', url: choice.url, region: choice.region, credentials: credentialsFromEnv({ env }) };
  return choice.fault === undefined ? { kind: 'embedded' } : { kind: 'embedded', fault: choice.fault };
}

/** Fails with a usage error unless something answers HTTP at `url` (any status will do). */
export async function probeEndpoint({ url }: { url: string }): Promise<void> {
  try {
    const response = await fetch(url, { method: 'GET', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await response.body?.cancel();
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const seen = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new UsageError({
      component: COMPONENT,
      expected: `a server answering HTTP at ${url}`,
      seen: `${seen}`,
      action: 'start the server (e.g. npm run mock -- --port 4566) or correct --endpoint',
    });
  }
}

/** Creates the reports directory and checks it is writable, so a bad --reports fails before the run, not after. */
export async function prepareReportsDir({ dir }: { dir: string }): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (error) {
    throw new UsageError({ component: COMPONENT, expected: `a writable reports directory at ${dir}`, seen: (error as Error).message, action: 'pass --reports DIR with a directory you can write to' });
  }
}

/** A fresh run id: 8 hex digits, so every domain of the run is `cpct-<8 hex>-<label>`. */
export function newRunId(): string {
  return randomBytes(4).toString('hex');
}

/** Runs the CLI and returns its exit code; never throws. */
export async function runCli(io: CliIo): Promise<number> {
  let mode: CliMode;
  try {
    mode = parseCliArgs({ argv: io.argv, cwd: io.cwd });
  } catch (error) {
    return reportError({ io, error });
  }
  if (mode.kind === 'help') {
    io.stdout.write(USAGE);
    return 0;
  }
  try {
    return mode.kind === 'selftest' ? await selftestMode({ io, mode }) : await runMode({ io, mode });
  } catch (error) {
    return reportError({ io, error });
  }
}

function reportError({ io, error }: { io: CliIo; error: unknown }): number {
  if (error instanceof UsageError) {
    io.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (error instanceof HarnessError) {
    io.stderr.write(`${error.message}\n`);
    return 1;
  }
  io.stderr.write(`${formatError({ component: COMPONENT, expected: 'the run to complete', seen: (error as Error)?.stack ?? String(error), action: 'this is a bug in the harness: please report it with the output above' })}\n`);
  return 1;
}

/**
 * A second SIGINT within this window is the same press reaching the process twice (a terminal signals the whole
 * process group, and tsx relays to its child as well), not a request to abandon the cleanup.
 */
const SAME_PRESS_MS = 1_000;

/** Wires SIGINT to cancelling the runner: the first press cancels (cleanup still runs), a later one gives up. */
function trapInterrupt({ io, runner }: { io: CliIo; runner: ContractRunner }): { interrupted: () => boolean; release: () => void } {
  let first: number | undefined;
  const release = io.onInterrupt(() => {
    const now = Date.now();
    if (first === undefined) {
      first = now;
      io.stderr.write('cpct: interrupted; finishing the running contracts and deleting what the run created (press Ctrl-C again to abandon the cleanup)\n');
      void runner.cancel().catch(() => undefined);
    } else if (now - first > SAME_PRESS_MS) {
      io.stderr.write('cpct: cleanup abandoned; domains named cpct-<run id>-* may remain on the target\n');
      io.exitNow(EXIT_INTERRUPTED);
    }
  });
  return { interrupted: () => first !== undefined, release };
}

async function runMode({ io, mode }: { io: CliIo; mode: Extract<CliMode, { kind: 'run' }> }): Promise<number> {
  const spec = targetSpecOf({ choice: mode.target, env: io.env });
  await prepareReportsDir({ dir: mode.common.reportsDir });
  if (spec.kind === 'endpoint') await probeEndpoint({ url: spec.url });
  const startedAt = new Date();
  const config: RunConfig = { runId: newRunId(), seed: mode.common.seed, clockMs: startedAt.getTime(), target: spec, optional: mode.common.optional };
  const runner = await createContractRunner({ grep: mode.common.grep });
  const trap = trapInterrupt({ io, runner });
  let results: CollectedResult[] = [];
  try {
    results = await runner.run({ config });
  } catch (error) {
    // A run stopped by the user may end in an error (workers interrupted too); the sweep below still runs.
    if (!trap.interrupted()) throw error;
  } finally {
    trap.release();
    if (spec.kind === 'endpoint') await sweepEndpoint({ io, spec, runId: config.runId });
    await runner.close();
  }
  if (trap.interrupted() && results.length === 0) {
    io.stderr.write('cpct: interrupted before any contract finished; no report written\n');
    return EXIT_INTERRUPTED;
  }
  if (results.length === 0) {
    if (mode.common.grep) {
      throw new UsageError({ component: COMPONENT, expected: 'at least one contract matching --grep', seen: `none matches ${mode.common.grep}`, action: 'loosen the pattern (it matches "<id> <title>")' });
    }
    throw new HarnessError({ component: COMPONENT, expected: 'contract results', seen: `none; vitest said:\n${runner.output()}`, action: 'check that specs/contracts/*.contract.ts exist and load' });
  }
  const target = targetLabel({ spec });
  const report = buildReport({ target, startedAt, sdkVersion: readSdkVersion(), seed: config.seed, results });
  const reportPath = await writeReport({ report, dir: mode.common.reportsDir });
  io.stdout.write(formatSummary({ target, seed: config.seed, runId: config.runId, results, strict: mode.common.strict, reportPath }));
  if (trap.interrupted()) return EXIT_INTERRUPTED;
  return exitCodeFor({ results, strict: mode.common.strict });
}

/** Deletes every domain of the run on a live endpoint; problems go to stderr (they do not change the verdict). */
async function sweepEndpoint({ io, spec, runId }: { io: CliIo; spec: Extract<TargetSpec, { kind: 'endpoint' }>; runId: string }): Promise<void> {
  // Loaded here: only endpoint runs need a client in this process, and the SDK takes a tenth of a second to load.
  const [{ CustomerProfilesClient }, { sweepDomains }] = await Promise.all([import('@aws-sdk/client-customer-profiles'), import('./sweep.ts')]);
  const client = new CustomerProfilesClient({ endpoint: spec.url, region: spec.region, credentials: spec.credentials, maxAttempts: 3 });
  try {
    const { problems } = await sweepDomains({ client, prefix: domainPrefix({ runId }) });
    for (const p of problems) io.stderr.write(`cpct: cleanup: ${p}\n`);
  } finally {
    client.destroy();
  }
}

async function selftestMode({ io, mode }: { io: CliIo; mode: Extract<CliMode, { kind: 'selftest' }> }): Promise<number> {
  await prepareReportsDir({ dir: mode.common.reportsDir });
  const runner = await createContractRunner({ grep: mode.common.grep });
  const trap = trapInterrupt({ io, runner });
  try {
    const outcome = await runSelftest({ runner, seed: mode.common.seed, reportsDir: mode.common.reportsDir, newRunId, interrupted: trap.interrupted });
    io.stdout.write(outcome.text);
    if (trap.interrupted()) return EXIT_INTERRUPTED;
    return outcome.ok ? 0 : 1;
  } finally {
    trap.release();
    await runner.close();
  }
}
