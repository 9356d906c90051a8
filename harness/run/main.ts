import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { constants, existsSync } from 'node:fs';
import { access, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { HarnessError, UsageError, formatError } from '../errors.ts';
import { checkAccount, checkAwsAllowed, maskAccount, type CallerIdentity } from '../recording/aws-guard.ts';
import { resolveReplaySet, type ReplaySet } from '../recording/replay-set.ts';
import { targetLabel } from '../targets/capabilities.ts';
import type { StaticCredentials, TargetSpec } from '../targets/types.ts';
import { domainPrefix, type RunConfig } from './config.ts';
import { finishRecording, readOutbox, replayLabel, reportCalls, reportReplay } from './live-extras.ts';
import { DEFAULT_REGION, parseCliArgs, USAGE, type CliMode, type TargetChoice } from './options.ts';
import { PACKAGE_ROOT, readSdkVersion } from './paths.ts';
import type { ContractMeta } from '../contracts/meta.ts';
import { MODEL_RELEASE, MODEL_SOURCE } from '../evidence/register.ts';
import { buildReport, exitCodeFor, totalWaiting, writeReport, type CollectedResult, type ConformanceReport } from './report.ts';
import { NOT_RUN_REASON } from './collector.ts';
import { buildApiCoverage, writeRunReports } from '../reporters/index.ts';
import { loadOperationIndex } from '../operation-index.ts';
import { SCOPED_OPERATIONS } from '../scope.ts';
import type { ContractRunner } from './runner.ts';
import { createProgress, progressModeOf, type ProgressListener } from './progress.ts';
import { checkShardSet, findShards, gatherBlobs, RECORD_FORMAT, shardFiles, writeShardRecord, type ShardRecord } from './shard.ts';
import type { CommonOptions } from './options.ts';
import type { SessionReport } from './config.ts';
import { runSelftest } from './selftest.ts';
import { formatSummary } from './summary.ts';
import { ensureDir } from '../fs-dirs.ts';
import { defaultDiffDir, runDrift } from '../drift/command.ts';
import { tapeFolder } from '../drift/tape-set.ts';
import { runEvidence } from '../drift/evidence.ts';

// vitest's node API is loaded only by the modes that run or list contracts: it is most of the CLI's start-up, and
// --help, --version and a usage error need none of it.
const listContracts = async () => (await import('./list.ts')).listContracts();
const createContractRunner = async (args: Parameters<typeof import('./runner.ts').createContractRunner>[0]) => (await import('./runner.ts')).createContractRunner(args);
const mergeContractBlobs = async (args: Parameters<typeof import('./runner.ts').mergeContractBlobs>[0]) => (await import('./runner.ts')).mergeContractBlobs(args);

/** What the CLI needs from its process, passed in so tests can drive it. */
export interface CliIo {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  stdout: { write(text: string): unknown };
  /** `isTTY` chooses between a progress bar and progress lines. */
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Registers a SIGINT handler; returns a function that removes it. */
  onInterrupt(handler: () => void): () => void;
  /** Ends the process at once (a second Ctrl-C). */
  exitNow(code: number): void;
  /** STS GetCallerIdentity for `--target aws` (tests inject a fake; by default the SDK's STS client, default chain). */
  getCallerIdentity?(args: { region: string }): Promise<CallerIdentity>;
}

/** Exit code after SIGINT (128 + 2), the shell convention for a run stopped by the user. */
export const EXIT_INTERRUPTED = 130;

const COMPONENT = 'cpct';
/** How long the reachability probe of --endpoint waits. */
const PROBE_TIMEOUT_MS = 5_000;
/** Credentials used when the environment has none: a local server does not check them, and they are recognisably fake. */
const DUMMY_ACCESS_KEY_ID = 'CPCTDUMMYACCESSKEY00';
const DUMMY_SECRET_ACCESS_KEY = 'cpct-dummy-secret-access-key';

/** Static credentials from the environment when both key parts are set, else the dummy pair. */
export function credentialsFromEnv({ env }: { env: Readonly<Record<string, string | undefined>> }): StaticCredentials {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  // A new object every time: the SDK annotates the credentials it is given (`$source`), which must not leak from one
  // client into the next.
  if (!accessKeyId || !secretAccessKey) return { accessKeyId: DUMMY_ACCESS_KEY_ID, secretAccessKey: DUMMY_SECRET_ACCESS_KEY };
  return env.AWS_SESSION_TOKEN ? { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN } : { accessKeyId, secretAccessKey };
}

/** Resolves the target choice into the plain-data spec the workers receive (`replay` needs the resolved set). */
export function targetSpecOf({ choice, env, replay }: { choice: TargetChoice; env: Readonly<Record<string, string | undefined>>; replay?: ReplaySet }): TargetSpec {
  if (choice.kind === 'endpoint') return { kind: 'endpoint', url: choice.url, region: choice.region, credentials: credentialsFromEnv({ env }) };
  if (choice.kind === 'aws') return { kind: 'aws', region: choice.region ?? (env.AWS_REGION || env.AWS_DEFAULT_REGION || DEFAULT_REGION) };
  if (choice.kind === 'replay') return { kind: 'replay', dir: replay?.root ?? path.dirname(choice.dir), tapeKind: replay?.kind ?? path.basename(choice.dir) };
  return choice.fault === undefined ? { kind: 'embedded' } : { kind: 'embedded', fault: choice.fault };
}

/** STS GetCallerIdentity with the default credential chain; loaded on use (only AWS runs need it). */
async function stsCallerIdentity({ region }: { region: string }): Promise<CallerIdentity> {
  const { STSClient, GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
  const sts = new STSClient({ region });
  try {
    return await sts.send(new GetCallerIdentityCommand({}));
  } finally {
    sts.destroy();
  }
}

/**
 * The AWS guard, in order and before any other call: CPCT_ALLOW_AWS=1 (no network at all without it), then STS
 * GetCallerIdentity (read-only; it tells which account the run will use, and the recorder scrubs that id from tapes),
 * then the CPCT_AWS_ACCOUNT match. Returns the caller's account.
 */
export async function guardAwsRun({ io, region }: { io: CliIo; region: string }): Promise<string | undefined> {
  const refused = checkAwsAllowed({ env: io.env });
  if (refused) throw refused;
  let identity: CallerIdentity;
  try {
    identity = await (io.getCallerIdentity ?? stsCallerIdentity)({ region });
  } catch (error) {
    const e = error as Error;
    throw new UsageError({
      component: 'aws',
      expected: 'STS GetCallerIdentity to answer with the credentials of the default chain',
      seen: `${e?.name ?? 'Error'}: ${e?.message ?? String(error)}`,
      action: 'check the credentials (AWS_PROFILE, AWS_ACCESS_KEY_ID, SSO login, ...) and the region; nothing was created',
    });
  }
  const { error } = await checkAccount({ env: io.env, getCallerIdentity: async () => identity });
  if (error) throw error;
  return identity.Account;
}

/** The request the probe sends: GetDomain of a name no run creates, which any Customer Profiles server answers. */
export const PROBE_DOMAIN = 'cpct-probe-no-such-domain';

/**
 * Fails with a usage error unless `url` answers like the Customer Profiles REST-JSON API: GetDomain of a domain
 * that does not exist must come back as JSON, and an error answer must name its error type (the
 * `x-amzn-ErrorType` header or a `__type` / `code` member), as every AWS JSON protocol answer does. Checked once
 * before the run, so a wrong endpoint costs one clear line instead of a failure per contract.
 */
export async function probeEndpoint({ url }: { url: string }): Promise<void> {
  const probeUrl = new URL(`domains/${PROBE_DOMAIN}`, url.endsWith('/') ? url : `${url}/`).toString();
  const request = `GET ${new URL(probeUrl).pathname} (GetDomain of a domain that does not exist)`;
  let response: Response;
  try {
    response = await fetch(probeUrl, { method: 'GET', headers: { accept: 'application/json' }, signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const seen = cause?.code ?? cause?.message ?? (error as Error).message;
    if (seen === 'bad port') {
      const port = new URL(url).port;
      throw new UsageError({
        component: COMPONENT,
        expected: `an endpoint on a port fetch may use`,
        seen: `port ${port}, which fetch refuses to contact (it is on the WHATWG fetch list of blocked ports; nothing was sent)`,
        action: 'run the server on another port (e.g. npm run mock -- --port 4566) and pass that --endpoint',
      });
    }
    throw new UsageError({
      component: COMPONENT,
      expected: `a server answering HTTP at ${url}`,
      seen: (error as Error).name === 'TimeoutError' ? `no answer to ${request} within ${PROBE_TIMEOUT_MS / 1000} s` : `${seen}`,
      action: 'start the server (e.g. npm run mock -- --port 4566) or correct --endpoint',
    });
  }
  const text = await response.text().catch(() => '');
  const contentType = response.headers.get('content-type') ?? '(none)';
  const unlike = unlikeTheApi({ status: response.status, contentType, errorTypeHeader: response.headers.get('x-amzn-errortype'), body: text });
  if (unlike) {
    throw new UsageError({
      component: COMPONENT,
      expected: `${url} to answer like the Customer Profiles API (${request}: a JSON body, and for an error an error type)`,
      seen: `${response.status} ${contentType}: ${unlike}; body starts ${JSON.stringify(text.slice(0, 60))}`,
      action: 'check that --endpoint is the Customer Profiles server (its base URL, without an operation path)',
    });
  }
}

/** Why an answer to the probe does not look like the API, or undefined when it does. */
export function unlikeTheApi({ status, contentType, errorTypeHeader, body }: { status: number; contentType: string; errorTypeHeader: string | null; body: string }): string | undefined {
  if (!/json/i.test(contentType)) return 'the content type is not JSON';
  let parsed: unknown;
  try {
    parsed = body === '' ? {} : JSON.parse(body);
  } catch {
    return 'the body is not JSON';
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return 'the body is not a JSON object';
  if (status >= 300) {
    const members = parsed as Record<string, unknown>;
    const named = errorTypeHeader ?? members.__type ?? members.code ?? members.Code;
    if (typeof named !== 'string' || named === '') return 'the error names no error type (no x-amzn-ErrorType header, no __type or code member)';
  }
  return undefined;
}

/** Creates the reports directory and checks it is writable, so a bad --reports fails before the run, not after. */
export async function prepareReportsDir({ dir }: { dir: string }): Promise<void> {
  await prepareWritableDir({ dir, what: 'reports directory', flag: '--reports DIR' });
}

/** Creates a folder the CLI writes into and checks it is writable; a refusal is a usage error (exit 2), at once. */
export async function prepareWritableDir({ dir, what, flag }: { dir: string; what: string; flag: string }): Promise<void> {
  try {
    await ensureDir({ dir });
    await access(dir, constants.W_OK);
  } catch (error) {
    throw new UsageError({ component: COMPONENT, expected: `a writable ${what} at ${dir}`, seen: (error as Error).message, action: `pass ${flag} with a directory you can write to` });
  }
}

/** `cpct --version`: the package, the official client it drives and the API model its schemas come from. */
export function formatVersion(): string {
  const require = createRequire(import.meta.url);
  const pkg = require(path.join(PACKAGE_ROOT, 'package.json')) as { name: string; version: string };
  return [
    `${pkg.name} ${pkg.version}`,
    `@aws-sdk/client-customer-profiles ${readSdkVersion()}`,
    `API model customer-profiles 2020-08-15, release ${MODEL_RELEASE} (${MODEL_SOURCE})`,
    `node ${process.version}`,
    '',
  ].join('\n');
}

/** `cpct --list [--grep P]`: the declared contracts without running them; none matching is a usage error. */
async function listMode({ io, grep }: { io: CliIo; grep?: RegExp }): Promise<number> {
  const all = await listContracts();
  const chosen = grep ? all.filter((c) => grep.test(`${c.id} ${c.title}`)) : all;
  if (chosen.length === 0) throw noMatch({ grep });
  const idWidth = Math.max(...chosen.map((c) => c.id.length));
  for (const c of chosen) io.stdout.write(`${c.id.padEnd(idWidth)}  ${c.level.padEnd(7)}  ${c.operations.join(',')}  ${c.title}\n`);
  const levels = ['must', 'should', 'assumed'].map((l) => `${chosen.filter((c) => c.level === l).length} ${l}`).join(', ');
  io.stdout.write(`\n${chosen.length} of ${all.length} contracts (${levels})\n`);
  return 0;
}

function noMatch({ grep }: { grep?: RegExp }): UsageError {
  return new UsageError({ component: COMPONENT, expected: 'at least one contract matching --grep', seen: `none matches ${grep}`, action: 'loosen the pattern (it matches "<id> <title>"; npm run conformance -- --list shows them)' });
}

/** Refuses a --grep that selects no contract before anything runs (collection only, a few seconds). */
async function checkGrepSelects({ grep }: { grep?: RegExp }): Promise<void> {
  if (!grep) return;
  const all = await listContracts();
  if (!all.some((c) => grep.test(`${c.id} ${c.title}`))) throw noMatch({ grep });
}

/**
 * The results of an interrupted run made whole: contracts of files that never started (absent from `results`; the
 * collector already marks those the interrupt skipped) become SKIP with NOT_RUN_REASON, so the summary and reports
 * list every contract.
 */
export function completeInterrupted({ results, declared }: { results: readonly CollectedResult[]; declared: readonly ContractMeta[] }): CollectedResult[] {
  const seen = new Set(results.map((r) => r.id));
  const missing = declared
    .filter((c) => !seen.has(c.id))
    .map((c): CollectedResult => ({ id: c.id, operations: c.operations, title: c.title, level: c.level, source: c.source, evidence: c.evidence, status: 'skip', reason: NOT_RUN_REASON, warnings: [], durationMs: 0, area: c.area, readsData: c.readsData }));
  return [...results, ...missing];
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
  if (mode.kind === 'version') {
    io.stdout.write(formatVersion());
    return 0;
  }
  try {
    if (mode.kind === 'list') return await listMode({ io, grep: mode.grep });
    if (mode.kind === 'selftest') return await selftestMode({ io, mode });
    if (mode.kind === 'merge') return await mergeMode({ io, mode });
    if (mode.kind === 'drift') return (await runDrift({ a: mode.a, b: mode.b, reportsDir: mode.reportsDir, rules: mode.rules, cwd: io.cwd, stdout: io.stdout })).code;
    if (mode.kind === 'evidence') return await runEvidence({ from: mode.from, report: mode.report, reportsDir: mode.reportsDir, cwd: io.cwd, stdout: io.stdout });
    return await runMode({ io, mode });
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
function trapInterrupt({ io, runners, progress }: { io: CliIo; runners: readonly ContractRunner[]; progress?: ProgressListener }): { interrupted: () => boolean; release: () => void } {
  let first: number | undefined;
  const release = io.onInterrupt(() => {
    const now = Date.now();
    if (first === undefined) {
      first = now;
      progress?.interrupted?.();
      io.stderr.write('cpct: interrupted; finishing the running contracts and deleting what the run created (press Ctrl-C again to abandon the cleanup)\n');
      for (const runner of runners) void runner.cancel().catch(() => undefined);
    } else if (now - first > SAME_PRESS_MS) {
      io.stderr.write('cpct: cleanup abandoned; domains named cpct-<run id>-* may remain on the target\n');
      io.exitNow(EXIT_INTERRUPTED);
    }
  });
  return { interrupted: () => first !== undefined, release };
}

async function runMode({ io, mode }: { io: CliIo; mode: Extract<CliMode, { kind: 'run' }> }): Promise<number> {
  const choice = mode.target;
  // The AWS opt-in comes first: without it nothing else happens, not even creating the reports directory.
  if (choice.kind === 'aws') {
    const refused = checkAwsAllowed({ env: io.env });
    if (refused) throw refused;
  }
  const replaySet = choice.kind === 'replay' ? resolveReplaySet({ dir: choice.packaged !== undefined && !existsSync(choice.dir) ? choice.packaged : choice.dir }) : undefined;
  const spec = targetSpecOf({ choice, env: io.env, replay: replaySet });
  await prepareReportsDir({ dir: mode.common.reportsDir });
  if (mode.record) {
    const kindDir = path.join(mode.record.dir, spec.kind === 'aws' ? 'aws' : 'endpoint');
    await prepareWritableDir({ dir: kindDir, what: 'recordings directory', flag: '--recordings DIR' });
  }
  // --record --diff DIR: a folder that holds no tapes is refused before anything is recorded (or billed).
  if (mode.record?.diff?.dir) tapeFolder({ dir: mode.record.diff.dir });
  if (spec.kind === 'endpoint') await probeEndpoint({ url: spec.url });
  const startedAt = new Date();
  const firstTape = replaySet?.tapes[0]?.tape.meta;
  const config: RunConfig = {
    // A replay reproduces the recorded run (each file's session takes its own tape's values; these are for the report).
    runId: firstTape?.runId ?? newRunId(),
    seed: firstTape?.seed ?? mode.common.seed,
    clockMs: firstTape ? Date.parse(firstTape.referenceClock) : startedAt.getTime(),
    target: spec,
    optional: mode.common.optional,
    strictOutput: mode.common.strictOutput,
    convergeMs: mode.common.convergeMs,
    ...(mode.common.fuzz === undefined ? {} : { fuzz: mode.common.fuzz }),
  };
  let account: string | undefined;
  if (spec.kind === 'aws') {
    account = await guardAwsRun({ io, region: spec.region });
    io.stderr.write(
      `cpct: AWS account ${account ? maskAccount({ account }) : '(unknown)'}${io.env.CPCT_AWS_ACCOUNT ? ' (matches CPCT_AWS_ACCOUNT)' : ' (CPCT_AWS_ACCOUNT unset: not checked)'}, ` +
        `region ${spec.region}, domains ${domainPrefix({ runId: config.runId })}-*; only those are created, and all are deleted at the end\n`,
    );
  }
  if (mode.record) {
    const targetKind = spec.kind === 'aws' ? 'aws' : 'endpoint';
    config.record = { dir: mode.record.dir, targetKind, region: spec.kind === 'aws' || spec.kind === 'endpoint' ? spec.region : DEFAULT_REGION, accountIds: account ? [account] : [] };
  }
  if (replaySet) {
    for (const { error } of replaySet.errors) io.stderr.write(`cpct: ${error.message} (its contracts fail; the other tapes replay)\n`);
  }
  const outbox = await mkdtemp(path.join(os.tmpdir(), 'cpct-run-'));
  config.outbox = outbox;
  const shard = mode.shard;
  try {
    const runner = await createContractRunner({ grep: mode.common.grep, ...(shard ? { shard, blobFile: shardFiles({ dir: mode.common.reportsDir, shard }).blobFile } : {}) });
    const progress = createProgress({ mode: progressModeOf({ env: io.env, isTTY: io.stderr.isTTY }), stream: io.stderr });
    const trap = trapInterrupt({ io, runners: [runner], progress });
    let results: CollectedResult[] = [];
    try {
      results = await runner.run({ config, progress });
    } catch (error) {
      // A run stopped by the user may end in an error (workers interrupted too); the sweep below still runs.
      if (!trap.interrupted() || error instanceof UsageError) throw error;
    } finally {
      trap.release();
      if (spec.kind === 'endpoint' || spec.kind === 'aws') await sweepLive({ io, spec, runId: config.runId });
      await runner.close();
    }
    if (trap.interrupted() && results.length === 0) {
      io.stderr.write('cpct: interrupted before any contract finished; no report written\n');
      return EXIT_INTERRUPTED;
    }
    if (results.length === 0 && shard && mode.common.grep) {
      // A part whose files hold no contract matching --grep is still a part: its record lets --merge see all N.
      io.stderr.write(`cpct: no contract of part ${shard.index}/${shard.count} matches ${mode.common.grep}; writing its (empty) reports and record for --merge\n`);
    } else if (results.length === 0) {
      if (mode.common.grep) {
        throw noMatch({ grep: mode.common.grep });
      }
      throw new HarnessError({ component: COMPONENT, expected: 'contract results', seen: `none; vitest said:\n${runner.output()}`, action: 'check that specs/contracts/*.contract.ts exist and load' });
    }
    const sessions = await readOutbox({ dir: outbox });
    let target = targetLabel({ spec });
    if (replaySet) target = replayLabel({ set: replaySet, cwd: io.cwd });
    if (config.record) target += ` (recording to ${path.relative(io.cwd, path.join(config.record.dir, config.record.targetKind)) || '.'})`;
    let common = mode.common;
    if (trap.interrupted()) {
      // A partial run must not replace the last complete reports: it goes to <reports>/interrupted, every contract
      // it did not run listed as such, and the target label says "interrupted" in every report.
      const declared = await listContracts().catch(() => []);
      results = completeInterrupted({ results, declared: declared.filter((c) => !mode.common.grep || mode.common.grep.test(`${c.id} ${c.title}`)) });
      const notRun = results.filter((r) => r.reason === NOT_RUN_REASON).length;
      target += ` (interrupted: ${notRun} of ${results.length} contracts not run)`;
      common = { ...mode.common, reportsDir: path.join(mode.common.reportsDir, 'interrupted') };
      await prepareReportsDir({ dir: common.reportsDir });
      io.stdout.write(`\nInterrupted: ${notRun} of ${results.length} contracts not run. This partial run's reports are in ${common.reportsDir}; the reports of the last complete run in ${mode.common.reportsDir} are kept.\n`);
    }
    const { calls, report } = await publishRun({ io, common, target, startedAt, seed: config.seed, runLabel: config.runId, results, sessions });
    if (shard) {
      const record: ShardRecord = {
        format: RECORD_FORMAT,
        shard,
        target,
        startedAt: report.startedAt,
        sdkVersion: report.sdkVersion,
        seed: config.seed,
        runId: config.runId,
        grep: mode.common.grep?.source ?? null,
        strictOutput: mode.common.strictOutput,
        sessions,
      };
      const file = await writeShardRecord({ dir: mode.common.reportsDir, record });
      const areas = [...new Set(results.map((r) => r.area))].sort().join(', ');
      io.stdout.write(`\nShard ${shard.index}/${shard.count}: ${results.length} contracts${areas ? ` (${areas})` : ''}; record ${file}. When every part has run: npm run conformance -- --merge <each part's reports dir>\n`);
    }
    if (spec.kind === 'aws') io.stdout.write(calls.text);
    if (replaySet) reportReplay({ set: replaySet, sessions, stderr: io.stderr });
    let recordingFailed = false;
    if (config.record) {
      const recording = await finishRecording({ record: config.record, sessions, reportsDir: mode.common.reportsDir });
      io.stderr.write(recording.text);
      recordingFailed = !recording.ok;
    }
    if (trap.interrupted()) return EXIT_INTERRUPTED;
    let drifted = false;
    if (config.record && mode.record?.diff && !recordingFailed) {
      // --record --diff: the new tapes against the folder given, or the committed set for the kind.
      const against = mode.record.diff.dir ?? defaultDiffDir({ packageRoot: PACKAGE_ROOT, targetKind: config.record.targetKind });
      io.stdout.write(`\n`);
      drifted = (await runDrift({ a: against, b: path.join(config.record.dir, config.record.targetKind), reportsDir: mode.common.reportsDir, cwd: io.cwd, stdout: io.stdout })).code !== 0;
    }
    // A tape that could not be written clean fails the record run (exit 1): the run itself went as reported.
    const runCode = recordingFailed ? 1 : exitCodeFor({ results, strict: mode.common.strict, strictOutput: mode.common.strictOutput });
    return runCode === 0 && drifted ? 1 : runCode;
  } finally {
    await rm(outbox, { recursive: true, force: true });
  }
}

/**
 * Writes every report of a finished run (conformance.json, the human and CI views, api-coverage.json, calls.json)
 * and prints the summary; a run and a merge of parts end the same way.
 */
async function publishRun({ io, common, target, startedAt, sdkVersion = readSdkVersion(), seed, runLabel, results, sessions }: {
  io: CliIo;
  sdkVersion?: string;
  common: CommonOptions;
  target: string;
  startedAt: Date;
  seed: number;
  runLabel: string;
  results: CollectedResult[];
  sessions: readonly SessionReport[];
}): Promise<{ calls: Awaited<ReturnType<typeof reportCalls>>; report: ConformanceReport }> {
  const waiting = totalWaiting({ sessions });
  const report = buildReport({ target, startedAt, sdkVersion, seed, results, waiting });
  const reportPath = await writeReport({ report, dir: common.reportsDir });
  // The human and CI views of the same results (conformance.md, junit.xml, index.html); computed, then written.
  const coverage = buildApiCoverage({ index: loadOperationIndex(), exchanges: sessions.flatMap((s) => s.exchanges ?? []), scope: SCOPED_OPERATIONS });
  await writeRunReports({ dir: common.reportsDir, report, results, coverage, counting: { strict: common.strict, strictOutput: common.strictOutput } });
  io.stdout.write(formatSummary({ target, seed, runId: runLabel, results, strict: common.strict, strictOutput: common.strictOutput, reportPath, waiting: { ...waiting, budgetMs: common.convergeMs } }));
  const calls = await reportCalls({ target, sessions, dir: common.reportsDir });
  return { calls, report };
}

/** `--merge DIR...`: checks the parts make one run, merges their blobs with vitest, and writes one set of reports. */
async function mergeMode({ io, mode }: { io: CliIo; mode: Extract<CliMode, { kind: 'merge' }> }): Promise<number> {
  await prepareReportsDir({ dir: mode.common.reportsDir });
  const shards = await findShards({ dirs: mode.dirs });
  checkShardSet({ shards });
  const blobs = await mkdtemp(path.join(os.tmpdir(), 'cpct-merge-'));
  try {
    await gatherBlobs({ shards, into: blobs });
    let merged: Awaited<ReturnType<typeof mergeContractBlobs>>;
    const grep = shards[0].record.grep;
    try {
      merged = await mergeContractBlobs({ dir: blobs, ...(grep === null ? {} : { grep: new RegExp(grep) }) });
    } catch (error) {
      throw new UsageError({ component: 'merge', expected: 'blob reports that vitest can merge', seen: (error as Error).message, action: 'run every part with the same version of cpct (and so of vitest), then merge again' });
    }
    if (merged.results.length === 0 && shards[0].record.grep !== null) {
      throw new UsageError({ component: 'merge', expected: 'at least one contract matching the parts\' --grep', seen: `none matches /${shards[0].record.grep}/ in any part`, action: 'rerun the parts with a looser --grep' });
    }
    if (merged.results.length === 0) {
      throw new HarnessError({ component: 'merge', expected: 'contract results in the parts\' blob reports', seen: `none; vitest said:\n${merged.output}`, action: 'rerun the parts' });
    }
    const records = shards.map((s) => s.record).sort((a, b) => a.shard.index - b.shard.index);
    const first = records[0];
    const startedAt = new Date(Math.min(...records.map((r) => Date.parse(r.startedAt))));
    const runLabel = `${records.map((r) => r.runId).join('+')}, merged from ${records.length} parts`;
    // The parts agree on --strict-output (checkShardSet); their verdicts already follow it, and so does the exit code.
    const common: CommonOptions = { ...mode.common, strictOutput: first.strictOutput };
    await publishRun({ io, common, target: first.target, startedAt, sdkVersion: first.sdkVersion, seed: first.seed, runLabel, results: merged.results, sessions: records.flatMap((r) => r.sessions) });
    return exitCodeFor({ results: merged.results, strict: common.strict, strictOutput: common.strictOutput });
  } finally {
    await rm(blobs, { recursive: true, force: true });
  }
}

/** Deletes every domain of the run on a live target (endpoint or AWS); problems go to stderr (they do not change the verdict). */
async function sweepLive({ io, spec, runId }: { io: CliIo; spec: Extract<TargetSpec, { kind: 'endpoint' | 'aws' }>; runId: string }): Promise<void> {
  // Loaded here: only live runs need a client in this process, and the SDK takes a tenth of a second to load.
  const [{ CustomerProfilesClient }, { sweepDomains }] = await Promise.all([import('@aws-sdk/client-customer-profiles'), import('./sweep.ts')]);
  const client =
    spec.kind === 'endpoint'
      ? new CustomerProfilesClient({ endpoint: spec.url, region: spec.region, credentials: spec.credentials, maxAttempts: 3 })
      : new CustomerProfilesClient({ region: spec.region, maxAttempts: 3 });
  try {
    const { problems } = await sweepDomains({ client, prefix: domainPrefix({ runId }) });
    for (const p of problems) io.stderr.write(`cpct: cleanup: ${p}\n`);
  } finally {
    client.destroy();
  }
}

async function selftestMode({ io, mode }: { io: CliIo; mode: Extract<CliMode, { kind: 'selftest' }> }): Promise<number> {
  await prepareReportsDir({ dir: mode.common.reportsDir });
  await checkGrepSelects({ grep: mode.common.grep });
  // Two vitest instances run faults side by side (most faults run one contract file, which keeps one core busy).
  const runners = [await createContractRunner({ grep: mode.common.grep }), await createContractRunner({ grep: mode.common.grep })];
  const trap = trapInterrupt({ io, runners });
  const interrupted = trap.interrupted;
  try {
    const outcome = await runSelftest({ runners, seed: mode.common.seed, reportsDir: mode.common.reportsDir, newRunId, interrupted });
    io.stdout.write(outcome.text);
    if (interrupted()) return EXIT_INTERRUPTED;
    return outcome.ok ? 0 : 1;
  } finally {
    trap.release();
    await Promise.all(runners.map((runner) => runner.close()));
  }
}
