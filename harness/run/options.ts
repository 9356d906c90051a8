import path from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.ts';
import { FAULTS } from '../mock/faults/catalogue.ts';
import { SCOPED_OPERATIONS } from '../scope.ts';
import { DEFAULT_CONVERGE_MS, DEFAULT_FUZZ } from './config.ts';
import { PACKAGE_ROOT } from '../package-root.ts';

/** Options every mode shares. */
export interface CommonOptions {
  /** Absolute directory the reports go to. */
  reportsDir: string;
  seed: number;
  /** Selects contracts whose "<id> <title>" matches. */
  grep?: RegExp;
  /** Count failures of `assumed` contracts in the exit code. */
  strict: boolean;
  /** `--strict-output`: a contract whose responses carried warnings fails, and counts in the exit code whatever its level. */
  strictOutput: boolean;
  /** Operations the user declares optional for the target (`--optional A,B`). */
  optional: string[];
  /** `--converge-ms`: the run's budget for waiting on eventual consistency (ms). */
  convergeMs: number;
  /** `--fuzz N`: generated robustness cases per operation (absent: DEFAULT_FUZZ). */
  fuzz?: number;
}

/** Which target a run talks to, before credentials are resolved. */
export type TargetChoice =
  | { kind: 'embedded'; fault?: string }
  | { kind: 'endpoint'; url: string; region: string }
  /** Real AWS; without --region the CLI takes AWS_REGION / AWS_DEFAULT_REGION, else us-east-1. */
  | { kind: 'aws'; region?: string }
  /**
   * Offline from the tapes under `dir` (absolute). `packaged`, set when --recordings was not given, is the package's
   * own tapes: used when `dir` does not exist, so `npx cpct --replay` works in a project that has no recordings/.
   */
  | { kind: 'replay'; dir: string; packaged?: string };

/** What the CLI was asked to do: a closed set of modes, parsed once. */
export type CliMode =
  | { kind: 'help' }
  | { kind: 'version' }
  /** Prints the declared contracts (id, level, operations, title), those matching `grep` when given, without running them. */
  | { kind: 'list'; grep?: RegExp }
  | { kind: 'run'; target: TargetChoice; common: CommonOptions; record?: { dir: string; diff?: { dir?: string } }; shard?: Shard }
  /** `cpct drift A B`: differences by shape between two tape sets (absolute folders). */
  | { kind: 'drift'; a: string; b: string; reportsDir: string; rules?: string }
  /** `cpct evidence --from DIR`: proposed register entries from a recorded session (never edits the register). */
  | { kind: 'evidence'; from: string; report?: string; reportsDir: string }
  | { kind: 'selftest'; common: CommonOptions }
  /** Combines the shard records found in `dirs` (absolute; each a shard's --reports DIR) into one set of reports. */
  | { kind: 'merge'; dirs: string[]; common: CommonOptions };

/** One part of a sharded run: contract files are split across `count` parts by vitest; this is part `index` (1-based). */
export interface Shard {
  index: number;
  count: number;
}

const COMPONENT = 'cpct';
export const DEFAULT_SEED = 1;
/** Most generated robustness cases per operation --fuzz takes (each is one request). */
export const MAX_FUZZ = 10_000;
export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_RECORDINGS = 'recordings';

export const USAGE = `Usage: cpct [flags]   (npm run conformance -- [flags])

Runs the Customer Profiles contract suite and writes <reports>/conformance.json.

Targets (default: the embedded reference implementation):
  --endpoint URL        any server speaking the Customer Profiles REST-JSON protocol at URL
  --target aws          real AWS with the default credential chain; refused unless CPCT_ALLOW_AWS=1, and when
                        CPCT_AWS_ACCOUNT is set, unless the credentials belong to that account
  --region R            region for --endpoint or --target aws (default us-east-1; for aws AWS_REGION first)
  --target embedded     the embedded reference implementation (the default)
  --fault NAME          the embedded implementation with one fault of the catalogue applied

Record and replay:
  --record              with --endpoint URL or --target aws: a live run that writes one sanitized tape per contract
                        file to <recordings>/<endpoint|aws>/<file>.json, then scans them
  --diff [DIR]          with --record: then compare the new tapes by shape with DIR (default: the committed set,
                        recordings/<aws|endpoint> of the package if present, else recordings/mock); writes drift.json
  --replay              offline, from tapes: <recordings> is a folder of tapes or holds exactly one <kind>/ folder
  --recordings DIR      where tapes are written or read (default recordings/; --replay without it and without
                        a recordings/ folder here replays the tapes shipped with the package)

Sharded runs (split the contract files across machines, then combine):
  --shard I/N           run part I of N (contract files are split by vitest); besides the part's own reports, leaves
                        <reports>/shard/ (vitest blob report and the run's record) for --merge
  --merge DIR...        combine the shard/ folders of every part's --reports DIR into one set of reports in
                        --reports; refused unless the parts are 1..N of one N, with the same seed, target, filters
                        and --strict-output (which the merge then applies)

Common:
  --reports DIR         where reports go (default reports/)
  --seed N              seed of the generated data (default ${DEFAULT_SEED})
  --fuzz N              generated cases per operation in the robustness area, on top of each member's boundary
                        case (default ${DEFAULT_FUZZ}; 0 sends the boundary cases only; a nightly job may take 200)
  --grep PATTERN        only contracts whose "<id> <title>" matches the regular expression
  --strict              failures of "assumed" contracts also fail the run
  --strict-output       a contract whose responses carried warnings (values breaking an input constraint of the
                        model, unknown members, enum values the model does not list) fails, and fails the run
                        whatever its level; without it warnings are only reported (docs/response-checks.md)
  --optional A,B        operations the target may refuse (AccessDenied / unknown operation): NA instead of FAIL
  --converge-ms N       the run's budget for waiting on eventual consistency, in milliseconds, shared by all
                        contracts (default ${DEFAULT_CONVERGE_MS}, half an hour, sized for real AWS); once spent, each
                        further wait polls once and fails at once saying so. A wait also ends early when the target
                        reports itself ready and keeps giving the same wrong answer over a short settle window
  --selftest            run the suite against every fault of the catalogue and the benign variations
  --list                print the contracts (id, level, operations, title) without running them; with --grep, those
                        that match
  --version             print the package, AWS SDK and API model versions
  --help                this text

Other commands:
  cpct drift A B [--reports DIR] [--rules FILE]
                        differences by shape between two folders of tapes (docs/drift.md); writes drift.json and
                        drift.md; exit 0 none, 1 some, 2 unusable input
  cpct evidence --from DIR [--report FILE] [--reports DIR]
                        from a recorded session (tapes in DIR, its conformance.json: --report, default
                        DIR/conformance.json or reports/conformance.json), proposed "observed" register entries and
                        the contracts that failed there; writes evidence-proposal.json and .md, never the register

Exit codes: 0 every contract PASS, NA or SKIP; 1 at least one FAIL; 2 usage or configuration error; 130 interrupted
(Ctrl-C: contracts not run are reported as such and the previous reports are kept).
`;

/** Parses `cpct drift A B [--reports DIR] [--rules FILE]` (argv after `drift`). */
function parseDriftArgs({ argv, cwd }: { argv: readonly string[]; cwd: string }): CliMode {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], strict: true, allowPositionals: true, options: { reports: { type: 'string' }, rules: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    throw usage('cpct drift A B [--reports DIR] [--rules FILE]', (error as Error).message.split('\n')[0].replace(/'/g, ''));
  }
  if (parsed.values.help) return { kind: 'help' };
  if (parsed.positionals.length !== 2) throw usage('cpct drift A B: two folders of tapes', `${parsed.positionals.length} folder(s)`, 'e.g. cpct drift recordings/mock recordings/endpoint');
  if (parsed.values.reports === '' || parsed.values.rules === '') throw usage('--reports and --rules to name a path', 'an empty value');
  const [a, b] = parsed.positionals.map((p) => path.resolve(cwd, p));
  return { kind: 'drift', a, b, reportsDir: path.resolve(cwd, parsed.values.reports ?? 'reports'), ...(parsed.values.rules ? { rules: path.resolve(cwd, parsed.values.rules) } : {}) };
}

/** Parses `cpct evidence --from DIR [--report FILE] [--reports DIR]` (argv after `evidence`). */
function parseEvidenceArgs({ argv, cwd }: { argv: readonly string[]; cwd: string }): CliMode {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], strict: true, allowPositionals: false, options: { from: { type: 'string' }, report: { type: 'string' }, reports: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    throw usage('cpct evidence --from DIR [--report FILE] [--reports DIR]', (error as Error).message.split('\n')[0].replace(/'/g, ''));
  }
  const v = parsed.values;
  if (v.help) return { kind: 'help' };
  if (!v.from) throw usage('cpct evidence --from DIR (a folder of tapes recorded from AWS)', 'no --from', 'e.g. cpct evidence --from recordings/aws');
  return { kind: 'evidence', from: path.resolve(cwd, v.from), ...(v.report ? { report: path.resolve(cwd, v.report) } : {}), reportsDir: path.resolve(cwd, v.reports ?? 'reports') };
}

function usage(expected: string, seen: string, action = 'see --help'): UsageError {
  return new UsageError({ component: COMPONENT, expected, seen, action });
}

/** Checks an --endpoint value: an absolute http(s) URL with a host and nothing after the path. */
export function parseEndpointUrl({ value }: { value: string }): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw usage('--endpoint to be an absolute URL such as http://127.0.0.1:4566', JSON.stringify(value), 'pass the URL of the server, scheme included');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    throw usage('--endpoint to be an http or https URL with a host', JSON.stringify(value), 'pass e.g. http://127.0.0.1:4566');
  }
  if (url.search || url.hash || url.username || url.password) {
    throw usage('--endpoint without query, fragment or credentials', JSON.stringify(value), 'pass only scheme, host, port and path');
  }
  return value.replace(/\/+$/, '');
}

/** Parses argv (without node and script) into a mode; throws UsageError for anything it cannot accept. */
export function parseCliArgs({ argv, cwd }: { argv: readonly string[]; cwd: string }): CliMode {
  if (argv[0] === 'drift') return parseDriftArgs({ argv: argv.slice(1), cwd });
  if (argv[0] === 'evidence') return parseEvidenceArgs({ argv: argv.slice(1), cwd });
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        endpoint: { type: 'string' },
        region: { type: 'string' },
        target: { type: 'string' },
        fault: { type: 'string' },
        reports: { type: 'string' },
        seed: { type: 'string' },
        fuzz: { type: 'string' },
        grep: { type: 'string' },
        strict: { type: 'boolean' },
        'strict-output': { type: 'boolean' },
        optional: { type: 'string' },
        'converge-ms': { type: 'string' },
        selftest: { type: 'boolean' },
        record: { type: 'boolean' },
        diff: { type: 'boolean' },
        replay: { type: 'boolean' },
        recordings: { type: 'string' },
        shard: { type: 'string' },
        merge: { type: 'string', multiple: true },
        list: { type: 'boolean' },
        version: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      // Only `--merge A B C` and `--record --diff DIR` take positionals (the shard directories after the first; the folder to compare with).
      allowPositionals: true,
      tokens: true,
    });
  } catch (error) {
    throw parseArgsError({ error: error as Error & { code?: string } });
  }
  const v = parsed.values;
  if (v.help) return { kind: 'help' };
  if (v.version) return { kind: 'version' };
  if (v.diff && !v.record) throw usage('--diff with --record (it compares the new tapes with a folder)', '--diff without --record', 'add --record, or run cpct drift A B on two folders');
  // `--diff DIR`: DIR is the word right after --diff (--diff takes no value of its own, so parseArgs leaves it positional).
  const tokens = parsed.tokens ?? [];
  const diffAt = tokens.findIndex((t) => t.kind === 'option' && t.name === 'diff');
  const next = diffAt >= 0 ? tokens[diffAt + 1] : undefined;
  const diffDir = next?.kind === 'positional' && v.merge === undefined ? path.resolve(cwd, next.value) : undefined;
  if (diffDir !== undefined) parsed.positionals.splice(parsed.positionals.indexOf((next as { value: string }).value), 1);
  if (parsed.positionals.length > 0 && v.merge === undefined) {
    throw usage('flags only (directories follow --merge, and one follows --diff)', parsed.positionals.map((p) => JSON.stringify(p)).join(' '), 'remove the stray words, or quote a value that has spaces');
  }

  if (v.target !== undefined && v.target !== 'embedded' && v.target !== 'aws') {
    throw usage('--target embedded or --target aws (or --endpoint URL)', `--target ${v.target}`, 'pick embedded or aws, or pass --endpoint URL');
  }
  if (v.recordings === '') throw usage('--recordings to name a directory', 'an empty value');
  if (v.record && v.replay) throw usage('--record or --replay, not both', '--record together with --replay', 'record a live run first, then replay it');
  if (v.recordings !== undefined && !v.record && !v.replay) throw usage('--recordings with --record or --replay', `--recordings ${v.recordings} alone`, 'add --record or --replay, or drop --recordings');
  const recordings = path.resolve(cwd, v.recordings ?? DEFAULT_RECORDINGS);

  let seed = DEFAULT_SEED;
  if (v.seed !== undefined) {
    if (!/^\d{1,10}$/.test(v.seed) || Number(v.seed) > 2 ** 31 - 1) throw usage('--seed to be an integer from 0 to 2147483647', JSON.stringify(v.seed));
    seed = Number(v.seed);
  }
  let fuzz: number | undefined;
  if (v.fuzz !== undefined) {
    if (!/^\d{1,5}$/.test(v.fuzz) || Number(v.fuzz) > MAX_FUZZ) throw usage(`--fuzz to be an integer from 0 to ${MAX_FUZZ}`, JSON.stringify(v.fuzz), 'pass the number of generated cases per operation');
    fuzz = Number(v.fuzz);
  }
  let grep: RegExp | undefined;
  if (v.grep !== undefined) {
    try {
      grep = new RegExp(v.grep);
    } catch (error) {
      throw usage('--grep to be a valid regular expression', `${JSON.stringify(v.grep)} (${(error as Error).message})`);
    }
  }
  if (v.list) {
    const extra = Object.keys(v).filter((k) => k !== 'list' && k !== 'grep');
    if (extra.length > 0) throw usage('--list with at most --grep', extra.map((k) => `--${k}`).join(', '), 'drop them: --list runs nothing');
    return grep ? { kind: 'list', grep } : { kind: 'list' };
  }
  const optional = v.optional === undefined ? [] : v.optional.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = optional.filter((op) => !(SCOPED_OPERATIONS as readonly string[]).includes(op));
  if (unknown.length > 0) throw usage(`--optional to list operations in scope (${SCOPED_OPERATIONS.join(', ')})`, unknown.join(', '));
  if (v.reports === '') throw usage('--reports to name a directory', 'an empty value');
  let convergeMs = DEFAULT_CONVERGE_MS;
  if (v['converge-ms'] !== undefined) {
    if (!/^\d{1,10}$/.test(v['converge-ms']) || Number(v['converge-ms']) > 2 ** 31 - 1) throw usage('--converge-ms to be a whole number of milliseconds from 0 to 2147483647', JSON.stringify(v['converge-ms']), `pass e.g. --converge-ms ${DEFAULT_CONVERGE_MS} (the default)`);
    convergeMs = Number(v['converge-ms']);
  }
  const common: CommonOptions = { reportsDir: path.resolve(cwd, v.reports ?? 'reports'), seed, grep, strict: v.strict === true, strictOutput: v['strict-output'] === true, optional, convergeMs, ...(fuzz === undefined ? {} : { fuzz }) };

  if (v.fault !== undefined && !FAULTS.some((f) => f.name === v.fault)) {
    throw usage(`--fault to name a fault of the catalogue (${FAULTS.map((f) => f.name).join(', ')})`, JSON.stringify(v.fault));
  }
  if (v.merge !== undefined) {
    const extra = ['endpoint', 'fault', 'target', 'region', 'record', 'replay', 'recordings', 'seed', 'grep', 'optional', 'selftest', 'shard', 'strict-output', 'converge-ms', 'fuzz'].filter((k) => v[k as keyof typeof v] !== undefined);
    if (extra.length > 0) throw usage('--merge with only --reports and --strict (the shards already ran with their own flags; the merge applies their --strict-output)', extra.map((k) => `--${k}`).join(', '), 'drop them');
    const dirs = [...v.merge, ...parsed.positionals];
    if (dirs.some((d) => d === '')) throw usage('--merge to name directories', 'an empty value');
    return { kind: 'merge', dirs: [...new Set(dirs.map((d) => path.resolve(cwd, d)))], common };
  }
  const shard = v.shard === undefined ? {} : { shard: parseShard({ value: v.shard }) };
  if (v.selftest) {
    const extra = ['endpoint', 'fault', 'target', 'region', 'record', 'replay', 'recordings', 'shard', 'strict-output', 'converge-ms', 'fuzz'].filter((k) => v[k as keyof typeof v] !== undefined);
    if (extra.length > 0) throw usage('--selftest alone (it always uses the embedded implementation and judges faults by failures, not warnings)', extra.map((k) => `--${k}`).join(', '));
    return { kind: 'selftest', common };
  }
  if (v.replay) {
    const extra = ['endpoint', 'fault', 'target', 'region'].filter((k) => v[k as keyof typeof v] !== undefined);
    if (extra.length > 0) throw usage('--replay without a live target (the tapes are the target)', extra.map((k) => `--${k}`).join(', '), 'drop them, or drop --replay to run live');
    const packaged = v.recordings === undefined ? { packaged: path.join(PACKAGE_ROOT, DEFAULT_RECORDINGS) } : {};
    return { kind: 'run', target: { kind: 'replay', dir: recordings, ...packaged }, common, ...shard };
  }
  const record = v.record ? { record: { dir: recordings, ...(v.diff ? { diff: diffDir ? { dir: diffDir } : {} } : {}) } } : {};
  if (v.endpoint !== undefined) {
    if (v.fault !== undefined || v.target !== undefined) throw usage('--endpoint without --fault or --target', '--endpoint together with them', 'pick one target');
    return { kind: 'run', target: { kind: 'endpoint', url: parseEndpointUrl({ value: v.endpoint }), region: v.region ?? DEFAULT_REGION }, common, ...record, ...shard };
  }
  if (v.target === 'aws') {
    if (v.fault !== undefined) throw usage('--target aws without --fault (faults apply to the embedded implementation)', '--fault', 'drop --fault');
    if (v.region !== undefined && !/^[a-z]{2}(?:-[a-z]+)+-\d+$/.test(v.region)) throw usage('--region to be an AWS region such as us-east-1', JSON.stringify(v.region));
    return { kind: 'run', target: v.region === undefined ? { kind: 'aws' } : { kind: 'aws', region: v.region }, common, ...record, ...shard };
  }
  if (v.record) throw usage('--record with a live target: --endpoint URL or --target aws', 'no live target', 'add --endpoint URL (e.g. npm run mock) or --target aws');
  if (v.region !== undefined) throw usage('--region only with --endpoint or --target aws', `--region ${v.region}`);
  return { kind: 'run', target: { kind: 'embedded', fault: v.fault }, common, ...shard };
}

/** Every long flag the CLI knows, for suggestions. */
export const KNOWN_FLAGS = [
  'endpoint', 'region', 'target', 'fault', 'reports', 'seed', 'fuzz', 'grep', 'strict', 'strict-output', 'optional', 'converge-ms', 'selftest',
  'record', 'diff', 'replay', 'recordings', 'shard', 'merge', 'list', 'version', 'help',
] as const;

/** The known flag nearest to `name` (edit distance at most 3, or a prefix), if any. */
export function nearestFlag({ name, known = KNOWN_FLAGS }: { name: string; known?: readonly string[] }): string | undefined {
  let best: { flag: string; distance: number } | undefined;
  for (const flag of known) {
    const distance = flag.startsWith(name) ? 1 : editDistance(name, flag);
    if (distance <= 3 && (!best || distance < best.distance)) best = { flag, distance };
  }
  return best?.flag;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

/** Turns a node:util parseArgs error into one usage line without Node's quoting (unknown flag, missing value). */
function parseArgsError({ error }: { error: Error & { code?: string } }): UsageError {
  const flag = /'(-[^' ]*)/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const name = flag.replace(/^-+/, '').split('=')[0];
    const near = nearestFlag({ name });
    return usage('a flag cpct knows', `unknown flag ${flag}`, `${near ? `did you mean --${near}? ` : ''}see --help`);
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const takesValue = /argument missing/.test(error.message);
    return usage(takesValue ? `a value after ${flag}` : `${flag} without a value`, takesValue ? 'none' : 'a value', 'see --help');
  }
  return usage('flags cpct knows', error.message.split('\n')[0].replace(/'/g, ''), 'see --help');
}

/** Parses `--shard I/N`: 1 <= I <= N <= 64 (vitest refuses more parts than contract files; the runner checks that). */
export function parseShard({ value }: { value: string }): Shard {
  const m = /^(\d{1,2})\/(\d{1,2})$/.exec(value.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || index < 1 || count < 1 || index > count || count > 64) {
    throw usage('--shard I/N with 1 <= I <= N <= 64, e.g. --shard 1/2', JSON.stringify(value), 'pass the part number and the number of parts');
  }
  return { index, count };
}
