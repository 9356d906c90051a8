/**
 * The sanitizer: what runs over every interaction before it is written. Pure and idempotent: the same input and
 * options give the same output, and sanitizing a sanitized value changes nothing (every placeholder is a fixed point
 * of every rule). It removes credential and per-request headers, replaces account ids, access key ids, session tokens
 * and secrets with fixed placeholders, personal data the run did not generate with stable hash-based placeholders,
 * and the scope with one canonical scope.
 */
import { createHmac } from 'node:crypto';
import { isFictionPhone, RESERVED_EMAIL_RE } from '../../generators/synthetic-pii.ts';
import {
  ACCESS_KEY_KEY_RE,
  ACCESS_KEY_RE,
  ACCOUNT_KEY_RE,
  ADDRESS_MEMBER_RE,
  ADDRESS_OBJECT_KEY_RE,
  ARN_ACCOUNT_RE,
  AWS_URL_ACCOUNT_RE,
  BARE_ACCOUNT_RE,
  CANONICAL_SCOPE,
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
  type PiiKind,
} from './rules.ts';
import type { Tape, TapeInteraction } from './tape.ts';

export { CANONICAL_SCOPE, FAKE_ACCOUNT_ID } from './rules.ts';

/** The key placeholders are hashed with when the caller gives none (tests; the recorder always passes a random one). */
export const DEFAULT_PLACEHOLDER_KEY = 'cpct-placeholder-key';

export interface SanitizeOptions {
  /**
   * Values the run generated (names, addresses, e-mails, phones it sent): kept as they are. Synthetic e-mails and
   * phones (reserved domains, fiction ranges) are kept without being listed.
   */
  allow?: ReadonlySet<string>;
  /** Account ids known to be real (the caller's, from STS or CPCT_AWS_ACCOUNT): replaced wherever they appear. */
  accountIds?: Iterable<string>;
  /**
   * Secret for the placeholder hashes. Within one key the same value always gets the same placeholder, so equality
   * in the data survives; a random key (the recorder's default) keeps a low-entropy value such as a phone number from
   * being recovered from its placeholder by trying every number.
   */
  key?: string;
}

interface Ctx {
  allow: ReadonlySet<string>;
  accounts: RegExp | null;
  key: string;
  /** Personal data rules apply (bodies, query values); off for paths, where the run's own ids live. */
  pii: boolean;
}

/** RFC 3986 percent-encoding as the SDK writes query keys and values (also !'()*). */
export function encodeQueryPart({ value }: { value: string }): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** A stable placeholder for a personal value: `redacted-<kind>-<8 hex>` (an e-mail keeps the shape of one). */
export function piiPlaceholder({ kind, value, key = DEFAULT_PLACEHOLDER_KEY }: { kind: PiiKind; value: string; key?: string }): string {
  const h = createHmac('sha256', key).update(`${kind}\0${value}`).digest('hex').slice(0, 8);
  return kind === 'email' ? `redacted-email-${h}@example.invalid` : `redacted-${kind}-${h}`;
}

function keepPii(value: string, kind: PiiKind, ctx: Ctx): boolean {
  if (value.trim() === '' || PII_PLACEHOLDER_RE.test(value) || ctx.allow.has(value)) return true;
  if (kind === 'email') return RESERVED_EMAIL_RE.test(value);
  if (kind === 'phone') return isFictionPhone({ written: value });
  return false;
}

/** Account ids that ARNs and AWS URLs in `text` reveal (other than the fake one). */
export function accountIdsIn({ text }: { text: string }): Set<string> {
  const out = new Set<string>();
  for (const re of [ARN_ACCOUNT_RE, AWS_URL_ACCOUNT_RE]) {
    for (const m of text.matchAll(re)) if (m[2] !== FAKE_ACCOUNT_ID) out.add(m[2]);
  }
  return out;
}

function accountsRe(ids: Iterable<string>): RegExp | null {
  const list = [...new Set(ids)].filter((id) => /^\d{12}$/.test(id) && id !== FAKE_ACCOUNT_ID);
  return list.length > 0 ? new RegExp(`(?<!\\d)(?:${list.join('|')})(?!\\d)`, 'g') : null;
}

/** One pass of the text rules: credentials and accounts always, personal data when `ctx.pii`. */
function textRulesOnce(text: string, ctx: Ctx): string {
  let s = text
    .replace(SIGV4_AUTH_RE, REDACTED.authorization)
    .replace(SIGNATURE_PARAM_RE, `$1${REDACTED.signatureParam}`)
    .replace(ARN_ACCOUNT_RE, `$1${FAKE_ACCOUNT_ID}`)
    .replace(AWS_URL_ACCOUNT_RE, `$1${FAKE_ACCOUNT_ID}`);
  if (ctx.accounts) s = s.replace(ctx.accounts, FAKE_ACCOUNT_ID);
  s = s
    .replace(BARE_ACCOUNT_RE, (m) => (isFakeAccount({ text: m }) ? m : FAKE_ACCOUNT_ID))
    .replace(ACCESS_KEY_RE, REDACTED.accessKeyId)
    .replace(SESSION_TOKEN_RE, REDACTED.sessionToken)
    .replace(SECRET_TEXT_RE, `$1${REDACTED.secret}`)
    .replace(SESSION_TEXT_RE, (all, head: string, value: string) => (CREDENTIAL_PLACEHOLDERS.has(value) ? all : `${head}${REDACTED.sessionToken}`));
  if (ctx.pii) {
    s = s
      .replace(EMAIL_RE, (m) => (keepPii(m, 'email', ctx) ? m : piiPlaceholder({ kind: 'email', value: m, key: ctx.key })))
      .replace(PHONE_RE, (m) => (keepPii(m, 'phone', ctx) ? m : piiPlaceholder({ kind: 'phone', value: m, key: ctx.key })));
  }
  return s;
}

/**
 * The text rules until nothing changes: in text glued together without separators, one replacement can expose the
 * next match (an e-mail right after a phone number). A few passes always settle; the bound only guards the loop.
 */
function applyTextRules(text: string, ctx: Ctx): string {
  if (!TEXT_HINT_RE.test(text)) return text;
  let s = text;
  for (let i = 0; i < 8; i++) {
    const next = textRulesOnce(s, ctx);
    if (next === s) break;
    s = next;
  }
  return s;
}

/**
 * The text rules, also through one layer of percent-encoding: when something shows only once decoded (an e-mail as
 * `%40`, a secret after `%3D`), the cleaned text is returned fully encoded (stable under a second pass).
 */
function sanitizeText(text: string, ctx: Ctx): string {
  const s = applyTextRules(text, ctx);
  if (!s.includes('%')) return s;
  const decoded = safeDecode(s);
  if (decoded === null || decoded === s) return s;
  const cleaned = applyTextRules(decoded, ctx);
  return cleaned === decoded ? s : encodeQueryPart({ value: cleaned });
}

/** One percent-encoded path segment or query part: decoded, cleaned, re-encoded as the SDK encodes only if it changed. */
function sanitizeEncoded(raw: string, ctx: Ctx, key: string | null): string {
  const decoded = safeDecode(raw);
  if (decoded === null) return sanitizeText(raw, ctx);
  const cleaned = key === null ? applyTextRules(decoded, ctx) : sanitizeString(decoded, ctx, key, false);
  return cleaned === decoded ? sanitizeText(raw, ctx) : encodeQueryPart({ value: cleaned });
}

function piiKindOfKey(key: string, inAddress: boolean): PiiKind | null {
  for (const { re, kind } of PII_KEYS) if (re.test(key)) return kind;
  return inAddress && ADDRESS_MEMBER_RE.test(key) ? 'address' : null;
}

/** A string under a JSON key: key rules first (accounts, credentials, personal fields), then JSON-in-string, then text rules. */
function sanitizeString(value: string, ctx: Ctx, key: string | null, inAddress: boolean): string {
  if (key !== null) {
    if (ACCOUNT_KEY_RE.test(key) && /^\d{12}$/.test(value)) return FAKE_ACCOUNT_ID;
    if (ACCESS_KEY_KEY_RE.test(key) && value !== '') return REDACTED.accessKeyId;
    if (SECRET_KEY_RE.test(key) && value !== '' && !CREDENTIAL_PLACEHOLDERS.has(value)) return /token/i.test(key) ? REDACTED.sessionToken : REDACTED.secret;
    if (ctx.pii) {
      const kind = piiKindOfKey(key, inAddress);
      if (kind && !keepPii(value, kind, ctx)) {
        // A field that holds an e-mail or phone among other text keeps the text and loses the contact.
        const cleaned = kind === 'email' || kind === 'phone' ? sanitizeText(value, ctx) : value;
        return cleaned !== value && keepPii(cleaned, kind, ctx) ? cleaned : piiPlaceholder({ kind, value, key: ctx.key });
      }
    }
  }
  const trimmed = value.trimStart();
  if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && value.length >= 2) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      parsed = undefined;
    }
    if (parsed !== undefined && typeof parsed === 'object' && parsed !== null) {
      const cleaned = sanitizeJson(parsed, ctx, null, false);
      // Re-serialise only when something changed, so a clean document keeps its exact bytes.
      return deepEqual(parsed, cleaned) ? value : JSON.stringify(cleaned);
    }
  }
  return sanitizeText(value, ctx);
}

/** Walks a JSON value; returns a new value (the input is never mutated). */
function sanitizeJson(value: unknown, ctx: Ctx, key: string | null, inAddress: boolean): unknown {
  if (typeof value === 'string') return sanitizeString(value, ctx, key, inAddress);
  if (typeof value === 'number') {
    return key !== null && ACCOUNT_KEY_RE.test(key) && Number.isInteger(value) && String(value).length === 12 ? 0 : value;
  }
  if (Array.isArray(value)) return value.map((v) => sanitizeJson(v, ctx, key, inAddress));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    const childInAddress = key !== null && ADDRESS_OBJECT_KEY_RE.test(key);
    for (const [k, v] of Object.entries(value)) out[sanitizeText(k, ctx)] = sanitizeJson(v, ctx, k, childInAddress);
    return out;
  }
  return value;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k, i) => k === kb[i] && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Sanitizes a request path segment by segment (ARNs in labels are percent-encoded), and each query key and value. */
function sanitizePath(raw: string, ctx: Ctx): string {
  const q = raw.indexOf('?');
  const pathname = (q < 0 ? raw : raw.slice(0, q))
    .split('/')
    .map((segment) => sanitizeEncoded(segment, ctx, null))
    .join('/');
  if (q < 0) return pathname;
  const pairs = raw
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawKey = eq < 0 ? pair : pair.slice(0, eq);
      const key = sanitizeEncoded(rawKey, ctx, null);
      if (eq < 0) return key;
      return `${key}=${sanitizeEncoded(pair.slice(eq + 1), ctx, safeDecode(rawKey) ?? rawKey)}`;
    });
  return `${pathname}?${pairs.join('&')}`;
}

/** Header object with lower-case names, from nock's object or flat-array form. */
export function headerObject({ headers }: { headers: Record<string, string> | string[] | undefined }): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) {
      const name = headers[i].toLowerCase();
      out[name] = name in out ? `${out[name]}, ${headers[i + 1]}` : headers[i + 1];
    }
  } else {
    for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = String(v);
  }
  return out;
}

function sanitizeHeaders(headers: Record<string, string> | string[], ctx: Ctx): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headerObject({ headers }))) {
    if (STRIPPED_HEADERS.has(name)) continue;
    // A header is a named value like a JSON member: `x-amz-account-id` is an account field.
    out[name] = sanitizeString(value, ctx, name.replace(/^x-amzn?-/, ''), false);
  }
  return out;
}

/** The response body as the bytes a replay sends (JSON re-serialised as nock does), for content-length. */
export function responseBytes({ interaction }: { interaction: Pick<TapeInteraction, 'response' | 'responseIsBinary'> }): Buffer {
  const r = interaction.response;
  if (r === undefined || r === null || r === '') return Buffer.alloc(0);
  if (interaction.responseIsBinary && typeof r === 'string') return Buffer.from(r, 'hex');
  return Buffer.from(typeof r === 'string' ? r : JSON.stringify(r), 'utf8');
}

function makeCtx(options: SanitizeOptions, learned: Iterable<string>): Ctx {
  return {
    allow: options.allow ?? new Set(),
    accounts: accountsRe([...(options.accountIds ?? []), ...learned]),
    key: options.key ?? DEFAULT_PLACEHOLDER_KEY,
    pii: true,
  };
}

function sanitizeWith(interaction: TapeInteraction, ctx: Ctx): TapeInteraction {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(interaction)) {
    switch (field) {
      case 'scope':
        out.scope = CANONICAL_SCOPE;
        break;
      case 'method':
      case 'status':
      case 'operation':
      case 'responseIsBinary':
        out[field] = value;
        break;
      case 'path':
        out.path = sanitizePath(String(value), ctx);
        break;
      case 'rawHeaders':
      case 'reqheaders':
        out[field] = value === undefined ? value : sanitizeHeaders(value as Record<string, string>, ctx);
        break;
      case 'response':
        if (interaction.responseIsBinary && typeof value === 'string') {
          const text = Buffer.from(value, 'hex').toString('latin1');
          const cleaned = sanitizeText(text, ctx);
          out.response = cleaned === text ? value : Buffer.from(cleaned, 'latin1').toString('hex');
        } else {
          out.response = sanitizeJson(value, ctx, null, false);
        }
        break;
      default:
        // body, violations, and anything else a hand-made tape carries.
        out[field] = sanitizeJson(value, ctx, null, false);
    }
  }
  const headers = out.rawHeaders as Record<string, string> | undefined;
  if (headers && 'content-length' in headers) headers['content-length'] = String(responseBytes({ interaction: out as unknown as TapeInteraction }).byteLength);
  return out as unknown as TapeInteraction;
}

/** Sanitizes one interaction (pure, idempotent). Account ids its own ARNs reveal are replaced everywhere in it. */
export function sanitizeInteraction({ interaction, options = {} }: { interaction: TapeInteraction; options?: SanitizeOptions }): TapeInteraction {
  return sanitizeWith(interaction, makeCtx(options, accountIdsIn({ text: JSON.stringify(interaction) })));
}

/** Sanitizes a whole tape (pure, idempotent). Account ids any ARN in the tape reveals are replaced in every interaction. */
export function sanitizeTape({ tape, options = {} }: { tape: Tape; options?: SanitizeOptions }): Tape {
  const ctx = makeCtx(options, accountIdsIn({ text: JSON.stringify(tape) }));
  const meta = sanitizeJson(tape.meta, { ...ctx, pii: false }, null, false) as Tape['meta'];
  return { ...tape, meta, interactions: tape.interactions.map((i) => sanitizeWith(i, ctx)) };
}

/**
 * What a replay does to a live request before matching it: the credential and account rules the recorder applied
 * (a request that carried the real account id in an ARN matches its tape, which holds the fake one). Personal-data
 * rules are not applied: a replayed request echoes the placeholders of replayed responses already. `path` may carry
 * a query string; `query` holds decoded values (the SDK's form).
 */
export function normalizeForMatch<Q extends Record<string, string | string[]> | undefined>({ path, query, body }: { path: string; query?: Q; body: unknown }): {
  path: string;
  query: Q;
  body: unknown;
} {
  const ctx: Ctx = { allow: new Set(), accounts: null, key: DEFAULT_PLACEHOLDER_KEY, pii: false };
  const learned = accountIdsIn({ text: `${path} ${JSON.stringify(query ?? {})} ${typeof body === 'string' ? body : JSON.stringify(body) ?? ''}` });
  if (learned.size > 0) ctx.accounts = accountsRe(learned);
  let outQuery = query;
  if (query) {
    const q: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(query)) q[sanitizeText(k, ctx)] = Array.isArray(v) ? v.map((x) => sanitizeString(x, ctx, k, false)) : sanitizeString(v, ctx, k, false);
    outQuery = q as Q;
  }
  return {
    path: TEXT_HINT_RE.test(path) ? sanitizePath(path, ctx) : path,
    query: outQuery as Q,
    body: body === undefined || body === null || body === '' ? body : sanitizeJson(body, ctx, null, false),
  };
}
