/**
 * The tape: nock's recorder definitions (`nock.recorder.rec({ output_objects: true })`) wrapped in a file object that
 * says how to reproduce the run (seed, reference clock, run id) and what recorded it (SDK and project versions,
 * target kind, region). Files live in `recordings/<target-kind>/<contract-file>.json`.
 */
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { HarnessError } from '../errors.ts';
import { ensureDirSync } from '../fs-dirs.ts';
import { PACKAGE_ROOT } from '../package-root.ts';

export const TAPE_FORMAT = 'cpct-tape/1';

/** How the run that made a tape can be reproduced, and what made it. */
export interface TapeMeta {
  /** Seed of the generated data. */
  seed: number;
  /** The run's reference clock, ISO 8601 (`Date.parse` gives RunConfig.clockMs back). */
  referenceClock: string;
  /** The run id: domain names carry it (`cpct-<runId>-…`), so a replay must reuse it to send identical requests. */
  runId: string;
  /** Version of @aws-sdk/client-customer-profiles that sent the requests. */
  sdkVersion: string;
  /** Version of this project. */
  projectVersion: string;
  /** Kind of target recorded against, e.g. `aws` or `endpoint`. */
  targetKind: string;
  region: string;
  /** When the tape was written, ISO 8601 (informational). */
  recordedAt: string;
  /** The contract file the interactions belong to, e.g. `layouts.contract.ts`. */
  contractFile: string;
}

/** A violation of the schemas found in a recorded response (recorded, but flagged). */
export interface TapeViolation {
  part: 'status' | 'headers' | 'body';
  pointer: string;
  expected: string;
  seen: string;
  severity: 'error' | 'warning';
  keyword: string;
}

/** One exchange: a nock definition plus the operation name and any schema violations of the response. */
export interface TapeInteraction {
  scope: string;
  method: string;
  /** Request path as sent (percent-encoded), with the query string if any. */
  path: string;
  /** Request body: parsed JSON when it was JSON, else the text; '' when there was none. */
  body?: unknown;
  status: number;
  /** Response body: parsed JSON when it was JSON, else the text (hex when `responseIsBinary`). */
  response?: unknown;
  /** Response headers, lower-case names (nock 14 writes an object; older nock a flat [name, value, …] array). */
  rawHeaders?: Record<string, string> | string[];
  reqheaders?: Record<string, string>;
  responseIsBinary?: boolean;
  operation?: string;
  violations?: TapeViolation[];
}

export interface Tape {
  format: typeof TAPE_FORMAT;
  meta: TapeMeta;
  interactions: TapeInteraction[];
}

const COMPONENT = 'recordings';

function tapeError({ file, where, expected, seen }: { file: string; where: string; expected: string; seen: string }): HarnessError {
  return new HarnessError({
    component: COMPONENT,
    expected: `${where ? `${where} to be ` : ''}${expected} in ${file}`,
    seen,
    action: 're-record this tape with --record, or fix or delete the file (other tapes still replay)',
  });
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

const META_FIELDS: readonly [keyof TapeMeta, 'string' | 'number'][] = [
  ['seed', 'number'],
  ['referenceClock', 'string'],
  ['runId', 'string'],
  ['sdkVersion', 'string'],
  ['projectVersion', 'string'],
  ['targetKind', 'string'],
  ['region', 'string'],
  ['recordedAt', 'string'],
  ['contractFile', 'string'],
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks one interaction's structure; returns the first problem as [where, expected, seen], or null. */
function interactionProblem(value: unknown, at: string): [string, string, string] | null {
  if (!isRecord(value)) return [at, 'an object', kindOf(value)];
  const str = (key: string) => typeof value[key] === 'string' && (value[key] as string).length > 0;
  if (!str('scope')) return [`${at}.scope`, 'a non-empty string', kindOf(value.scope)];
  if (!str('method') || !/^[A-Za-z]+$/.test(value.method as string)) return [`${at}.method`, 'an HTTP method', kindOf(value.method)];
  if (!str('path') || !(value.path as string).startsWith('/')) return [`${at}.path`, 'a path starting with "/"', kindOf(value.path)];
  const status = value.status;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) return [`${at}.status`, 'an HTTP status (integer 100..599)', kindOf(status)];
  const headers = value.rawHeaders;
  if (headers !== undefined) {
    const ok = Array.isArray(headers)
      ? headers.length % 2 === 0 && headers.every((h) => typeof h === 'string')
      : isRecord(headers) && Object.values(headers).every((h) => typeof h === 'string');
    if (!ok) return [`${at}.rawHeaders`, 'an object of string values (or a flat [name, value, …] array)', kindOf(headers)];
  }
  if (value.reqheaders !== undefined && !isRecord(value.reqheaders)) return [`${at}.reqheaders`, 'an object', kindOf(value.reqheaders)];
  if (value.responseIsBinary !== undefined && typeof value.responseIsBinary !== 'boolean') return [`${at}.responseIsBinary`, 'a boolean', kindOf(value.responseIsBinary)];
  if (value.responseIsBinary === true && (typeof value.response !== 'string' || !/^(?:[0-9a-fA-F]{2})*$/.test(value.response))) {
    return [`${at}.response`, 'a hex string (responseIsBinary is true)', kindOf(value.response)];
  }
  if (value.operation !== undefined && typeof value.operation !== 'string') return [`${at}.operation`, 'a string', kindOf(value.operation)];
  if (value.violations !== undefined) {
    if (!Array.isArray(value.violations)) return [`${at}.violations`, 'an array', kindOf(value.violations)];
    for (let i = 0; i < value.violations.length; i++) {
      const v = value.violations[i];
      if (!isRecord(v) || typeof v.pointer !== 'string' || typeof v.expected !== 'string' || typeof v.seen !== 'string') {
        return [`${at}.violations[${i}]`, 'an object with pointer, expected and seen strings', kindOf(v)];
      }
    }
  }
  return null;
}

/** Validates a parsed tape; throws a HarnessError naming `file` and the first thing that is wrong. */
export function validateTape({ value, file }: { value: unknown; file: string }): Tape {
  if (!isRecord(value)) throw tapeError({ file, where: 'the file', expected: 'a JSON object', seen: kindOf(value) });
  if (value.format !== TAPE_FORMAT) throw tapeError({ file, where: 'format', expected: `"${TAPE_FORMAT}"`, seen: kindOf(value.format) });
  const meta = value.meta;
  if (!isRecord(meta)) throw tapeError({ file, where: 'meta', expected: 'an object', seen: kindOf(meta) });
  for (const [key, type] of META_FIELDS) {
    const v = meta[key];
    const ok = type === 'number' ? typeof v === 'number' && Number.isFinite(v) : typeof v === 'string' && v.length > 0;
    if (!ok) throw tapeError({ file, where: `meta.${key}`, expected: type === 'number' ? 'a number' : 'a non-empty string', seen: kindOf(v) });
  }
  if (Number.isNaN(Date.parse(meta.referenceClock as string))) throw tapeError({ file, where: 'meta.referenceClock', expected: 'an ISO 8601 date', seen: kindOf(meta.referenceClock) });
  if (!Array.isArray(value.interactions)) throw tapeError({ file, where: 'interactions', expected: 'an array', seen: kindOf(value.interactions) });
  for (let i = 0; i < value.interactions.length; i++) {
    const problem = interactionProblem(value.interactions[i], `interactions[${i}]`);
    if (problem) throw tapeError({ file, where: problem[0], expected: problem[1], seen: problem[2] });
  }
  return value as unknown as Tape;
}

/** Parses tape text; a JSON syntax error names the file and the position. */
export function parseTape({ text, file }: { text: string; file: string }): Tape {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw tapeError({ file, where: '', expected: 'JSON', seen: `a syntax error (${(error as Error).message})` });
  }
  return validateTape({ value, file });
}

/** Reads and validates one tape file. */
export function loadTape({ file }: { file: string }): Tape {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw tapeError({ file, where: '', expected: 'a readable file', seen: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
  }
  return parseTape({ text, file });
}

/** Every `*.json` file under `dir`, sorted, recursively (README and other files are not tapes). */
export function tapeFiles({ dir }: { dir: string }): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries: string[];
    try {
      entries = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const name of entries) {
      const full = path.join(d, name);
      let isDir: boolean;
      try {
        isDir = statSync(full).isDirectory();
      } catch {
        // A dangling link is not a tape; loading it by name would report it, listing it would only hide the others.
        continue;
      }
      if (isDir) walk(full);
      else if (name.endsWith('.json')) out.push(full);
    }
  };
  walk(dir);
  return out;
}

/** Loads every tape under `dir`; a malformed one lands in `errors` and does not stop the others. A missing dir is empty. */
export function loadTapes({ dir }: { dir: string }): { tapes: { file: string; tape: Tape }[]; errors: { file: string; error: HarnessError }[] } {
  const tapes: { file: string; tape: Tape }[] = [];
  const errors: { file: string; error: HarnessError }[] = [];
  for (const file of tapeFiles({ dir })) {
    try {
      tapes.push({ file, tape: loadTape({ file }) });
    } catch (error) {
      errors.push({ file, error: error instanceof HarnessError ? error : tapeError({ file, where: '', expected: 'a tape', seen: String(error) }) });
    }
  }
  return { tapes, errors };
}

/** Where the tape of `contractFile` against `targetKind` lives: `<dir>/<target-kind>/<contract file without .ts>.json`. */
export function tapePath({ dir, targetKind, contractFile }: { dir: string; targetKind: string; contractFile: string }): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(targetKind)) {
    throw new HarnessError({ component: COMPONENT, expected: 'a target kind of lower-case letters, digits and "-"', seen: JSON.stringify(targetKind), action: 'pass the kind of the target (aws, endpoint)' });
  }
  const base = path.basename(contractFile).replace(/\.(?:[cm]?ts|[cm]?js)$/, '');
  return path.join(dir, targetKind, `${base}.json`);
}

/** Tape text: two-space JSON with a final newline, so diffs of re-recorded tapes stay readable. */
export function serializeTape({ tape }: { tape: Tape }): string {
  return `${JSON.stringify(tape, null, 2)}\n`;
}

/** Writes a tape (creating its directory) through a temporary file, so a crash never leaves half a tape. */
export function writeTape({ file, tape }: { file: string; tape: Tape }): void {
  ensureDirSync({ dir: path.dirname(file) });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, serializeTape({ tape }));
  renameSync(tmp, file);
}

/** Version of the installed @aws-sdk/client-customer-profiles. */
export function installedSdkVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('@aws-sdk/client-customer-profiles/package.json') as { version: string }).version;
}

/** Version of this project, from its package.json. */
export function installedProjectVersion(): string {
  const require = createRequire(import.meta.url);
  return (require(path.join(PACKAGE_ROOT, 'package.json')) as { version: string }).version;
}

function parseVersion(v: string): [number, number, number] | null {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** Same "major" as semver's caret: the major, or for 0.x the minor too (0.x minors may break). */
function sameLine(a: [number, number, number], b: [number, number, number]): boolean {
  return a[0] === b[0] && (a[0] !== 0 || a[1] === b[1]);
}

export interface Compatibility {
  /** Whether the tape may replay. */
  ok: boolean;
  /** What to tell the user: why not, or what differs though it may still replay. Empty when versions are equal. */
  notes: string[];
}

/**
 * Whether a tape from another SDK or project version can replay: the tape format must be the same and the SDK and
 * project on the same major line; a newer or older minor replays with a note (its serializer may send other bytes,
 * which shows as an unmatched request).
 */
export function checkCompatibility({ meta, sdkVersion, projectVersion, format = TAPE_FORMAT }: {
  meta: Pick<TapeMeta, 'sdkVersion' | 'projectVersion'>;
  sdkVersion: string;
  projectVersion: string;
  /** Format the tape declares (loadTape already refuses any other than TAPE_FORMAT). */
  format?: string;
}): Compatibility {
  const notes: string[] = [];
  let ok = true;
  if (format !== TAPE_FORMAT) {
    ok = false;
    notes.push(`tape format "${format}" is not "${TAPE_FORMAT}", which this version reads: re-record the tape with --record`);
  }
  const pairs: [string, string, string, string][] = [
    ['SDK', '@aws-sdk/client-customer-profiles', meta.sdkVersion, sdkVersion],
    ['project', 'customer-profiles-conformance', meta.projectVersion, projectVersion],
  ];
  for (const [label, pkg, recorded, running] of pairs) {
    if (recorded === running) continue;
    const a = parseVersion(recorded);
    const b = parseVersion(running);
    if (!a || !b) {
      ok = false;
      notes.push(`${label} version "${recorded}" of the tape or "${running}" running is not x.y.z: re-record the tape with --record`);
    } else if (!sameLine(a, b)) {
      ok = false;
      notes.push(`tape recorded with ${pkg} ${recorded}, running ${running} (another major line): re-record with --record, or install ${pkg}@${recorded} to replay it`);
    } else {
      notes.push(`tape recorded with ${pkg} ${recorded}, running ${running}: it replays; if a request no longer matches, re-record with --record`);
    }
  }
  return { ok, notes };
}
