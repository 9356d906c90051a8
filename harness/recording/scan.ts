/**
 * The scanner: re-reads tape files and reports anything secret-like that remains, naming the file and the JSON
 * location. It is the last line of defence (the recorder runs it on every tape it writes, and `npm test` runs it over
 * recordings/), so it reads the files as text from disk and trusts nothing the sanitizer did.
 */
import { readFileSync } from 'node:fs';
import { isFictionPhone, RESERVED_EMAIL_RE } from '../../generators/synthetic-pii.ts';
import {
  ACCESS_KEY_KEY_RE,
  ACCESS_KEY_RE,
  ACCOUNT_KEY_RE,
  ARN_ACCOUNT_RE,
  AWS_URL_ACCOUNT_RE,
  BARE_ACCOUNT_RE,
  CREDENTIAL_HEADERS,
  CREDENTIAL_PLACEHOLDERS,
  EMAIL_RE,
  FAKE_ACCOUNT_ID,
  isFakeAccount,
  PHONE_RE,
  PII_KEYS,
  PII_PLACEHOLDER_RE,
  REDACTED,
  SECRET_KEY_RE,
  SECRET_TEXT_RE,
  SESSION_TEXT_RE,
  SESSION_TOKEN_RE,
  SIGNATURE_PARAM_RE,
  SIGV4_AUTH_RE,
  STRIPPED_HEADERS,
  TEXT_HINT_RE,
} from './rules.ts';
import { tapeFiles } from './tape.ts';

export type FindingKind = 'auth-header' | 'signature' | 'access-key-id' | 'account-id' | 'session-token' | 'secret' | 'email' | 'phone';

/** One thing that should not be in a tape. */
export interface Finding {
  file: string;
  /** JSON pointer of the value; `<pointer> (JSON inside the string) <inner pointer>` when nested; `line N` if unparsable. */
  location: string;
  kind: FindingKind;
  /** The value masked: its first characters and its length, never the whole secret. */
  excerpt: string;
}

/** How a finding shows its value: the first characters and the length, never the whole secret. */
export function excerptOf({ value }: { value: string }): string {
  return `${JSON.stringify(value.slice(0, 4))}… (${value.length} chars)`;
}

const mask = (value: string) => excerptOf({ value });

function token(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

type Report = (kind: FindingKind, location: string, value: string) => void;

/** Findings of the text rules in one string (none where the rules' shared pre-test says none can match). */
function scanText(text: string, location: string, report: Report): void {
  if (!TEXT_HINT_RE.test(text)) return;
  for (const m of text.matchAll(SIGV4_AUTH_RE)) report('signature', location, m[0]);
  for (const m of text.matchAll(SIGNATURE_PARAM_RE)) if (m[2] !== REDACTED.signatureParam) report('signature', location, m[0]);
  for (const re of [ARN_ACCOUNT_RE, AWS_URL_ACCOUNT_RE]) for (const m of text.matchAll(re)) if (m[2] !== FAKE_ACCOUNT_ID) report('account-id', location, m[2]);
  for (const m of text.matchAll(BARE_ACCOUNT_RE)) if (!isFakeAccount({ text: m[0] })) report('account-id', location, m[0]);
  for (const m of text.matchAll(ACCESS_KEY_RE)) report('access-key-id', location, m[0]);
  for (const m of text.matchAll(SESSION_TOKEN_RE)) report('session-token', location, m[0]);
  for (const m of text.matchAll(SECRET_TEXT_RE)) report('secret', location, m[2]);
  for (const m of text.matchAll(SESSION_TEXT_RE)) report('session-token', location, m[2]);
  for (const m of text.matchAll(EMAIL_RE)) if (!RESERVED_EMAIL_RE.test(m[0])) report('email', location, m[0]);
  for (const m of text.matchAll(PHONE_RE)) if (!isFictionPhone({ written: m[0] })) report('phone', location, m[0]);
}

/** Findings of the key rules for one string under a JSON key. */
function scanKeyed(key: string, value: string, location: string, report: Report): void {
  if (ACCOUNT_KEY_RE.test(key) && /^\d{12}$/.test(value) && value !== FAKE_ACCOUNT_ID) report('account-id', location, value);
  if (ACCESS_KEY_KEY_RE.test(key) && value !== '' && value !== REDACTED.accessKeyId) report('access-key-id', location, value);
  if (SECRET_KEY_RE.test(key) && value !== '' && !CREDENTIAL_PLACEHOLDERS.has(value)) report(/token/i.test(key) ? 'session-token' : 'secret', location, value);
  const kind = PII_KEYS.find((p) => p.re.test(key))?.kind;
  if (kind === 'email' && value.includes('@') && !RESERVED_EMAIL_RE.test(value) && !PII_PLACEHOLDER_RE.test(value)) report('email', location, value);
  if (kind === 'phone' && (value.match(/\d/g)?.length ?? 0) >= 7 && !isFictionPhone({ written: value }) && !PII_PLACEHOLDER_RE.test(value)) report('phone', location, value);
}

function isHeaderContainer(key: string | null): boolean {
  return key === 'rawHeaders' || key === 'reqheaders';
}

/** Walks a JSON value; `key` is the member name the value sits under. */
function scanJson(value: unknown, location: string, key: string | null, report: Report): void {
  if (typeof value === 'string') {
    if (key !== null) scanKeyed(key, value, location, report);
    const trimmed = value.trimStart();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      let inner: unknown;
      try {
        inner = JSON.parse(value);
      } catch {
        inner = undefined;
      }
      // JSON inside a string is read as JSON, member by member, as the sanitizer reads it (a number in it is data).
      if (inner && typeof inner === 'object') {
        scanJson(inner, `${location} (JSON inside the string) `, null, report);
        return;
      }
    }
    scanText(value, location, report);
    if (value.includes('%')) {
      try {
        const decoded = decodeURIComponent(value);
        if (decoded !== value) scanText(decoded, `${location} (percent-decoded)`, report);
      } catch {
        // Not percent-encoding: the raw text was scanned.
      }
    }
    return;
  }
  if (typeof value === 'number') {
    if (key !== null && ACCOUNT_KEY_RE.test(key) && String(value).length === 12) report('account-id', location, String(value));
    return;
  }
  if (Array.isArray(value)) {
    if (isHeaderContainer(key)) {
      // nock's flat [name, value, …] header form.
      for (let i = 0; i + 1 < value.length; i += 2) scanHeader(String(value[i]), value[i + 1], `${location}/${i}`, report);
      return;
    }
    value.forEach((v, i) => scanJson(v, `${location}/${i}`, key, report));
    return;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const at = `${location}/${token(k)}`;
      scanText(k, `${at} (member name)`, report);
      if (isHeaderContainer(key)) scanHeader(k, v, at, report);
      else if (CREDENTIAL_HEADERS.has(k.toLowerCase())) report('auth-header', at, typeof v === 'string' ? v : k);
      else scanJson(v, at, k, report);
    }
  }
}

function scanHeader(name: string, value: unknown, location: string, report: Report): void {
  if (STRIPPED_HEADERS.has(name.toLowerCase()) && (CREDENTIAL_HEADERS.has(name.toLowerCase()) || /^x-amz-(?:date|content-sha256)$/i.test(name))) {
    report('auth-header', location, typeof value === 'string' ? value : name);
    return;
  }
  scanJson(value, location, name.replace(/^x-amzn?-/i, ''), report);
}

/** Scans a parsed tape (or any JSON value) and returns its findings, located under `file`. */
export function scanValue({ value, file }: { value: unknown; file: string }): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  scanJson(value, '', null, (kind, location, v) => {
    // The key rule and the text rule may both see one value; report it once.
    const id = `${location}\0${kind}\0${v}`;
    if (seen.has(id)) return;
    seen.add(id);
    findings.push({ file, location: location || '/', kind, excerpt: mask(v) });
  });
  return findings;
}

/** Scans one tape file as it is on disk; a file that is not JSON is scanned line by line as text. */
export function scanFile({ file }: { file: string }): Finding[] {
  const text = readFileSync(file, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const findings: Finding[] = [];
    text.split('\n').forEach((line, i) => scanText(line, `line ${i + 1}`, (kind, location, v) => findings.push({ file, location, kind, excerpt: mask(v) })));
    return findings;
  }
  return scanValue({ value, file });
}

/** Scans every `*.json` file under `dir` (recursively); a missing or empty directory has no findings. */
export function scanRecordings({ dir }: { dir: string }): Finding[] {
  return tapeFiles({ dir }).flatMap((file) => scanFile({ file }));
}

/** One line per finding, for error messages and test output. */
export function formatFindings({ findings }: { findings: readonly Finding[] }): string {
  return findings.map((f) => `${f.file} at ${f.location}: ${f.kind} ${f.excerpt}`).join('\n');
}
