/**
 * What the human and CI reporters share: the rows they render (report rows joined with what only the collector
 * knows: area, expected, seen), a printable view of a wire exchange, body truncation and the operation x area
 * counts. Pure: no I/O.
 */
import type { ContractStatus } from '../contracts/meta.ts';
import type { EvidenceRef } from '../evidence/register.ts';
import type { ConformanceReport, ResultRow } from '../run/report.ts';
import { SCOPED_OPERATIONS } from '../scope.ts';

/** A wire exchange as the reporters accept it: the captured WireExchange, or the same read back from JSON (body text). */
export interface ExchangeLike {
  operation: string;
  request: { method: string; path: string; query?: Record<string, string | string[]>; headers?: Record<string, string>; body: string | null };
  response: { status: number; headers?: Record<string, string>; body: Uint8Array | string };
}

/** Exchanges of each contract, by contract id, in the order they were made; a failure shows its contract's last one. */
export type ExchangesByContract = Readonly<Record<string, readonly ExchangeLike[]>>;

/** A result row with the collector-only fields the reporters use when they are known. */
export type ReportRow = ResultRow & { area: string; expected?: string; seen?: string };

/** A collector result or anything else carrying the extra fields, keyed by id. */
export type RowExtras = { id: string; area?: string; expected?: string; seen?: string };

export const STATUSES: readonly ContractStatus[] = ['pass', 'fail', 'na', 'skip'];

/** What a response warning is, in one sentence the human reports print beside the warnings. */
export const WARNINGS_NOTE =
  'Response warnings are values that break an input constraint of the model (length, pattern, range, sizes, map keys), enum values it does not list and members it does not declare; they fail a contract only in a run with --strict-output (docs/response-checks.md).';

/** A citation split for rendering: the URL or repository path, the location after it, and the link when it is http(s). */
export interface CitationParts {
  target: string;
  location?: string;
  /** Set only for http and https URLs, so a report never links anything else (a `javascript:` citation stays text). */
  href?: string;
}

/** Splits an evidence `where` (a URL or a repository path, optionally followed by ` (location)`). */
export function citationParts({ where }: { where: string }): CitationParts {
  const m = /^(\S+)(?: \((.*)\))?$/s.exec(where.trim());
  if (!m) return { target: where };
  const parts: CitationParts = { target: m[1] };
  if (m[2] !== undefined) parts.location = m[2];
  if (/^https?:\/\/\S+$/i.test(m[1])) parts.href = m[1];
  return parts;
}

/** One evidence reference as plain text: `id kind where`. */
export function evidenceLine({ ref }: { ref: EvidenceRef }): string {
  return `${ref.id} ${ref.kind} ${ref.where}`;
}

/** Bodies longer than this are cut in the human reports. */
export const BODY_LIMIT = 2_000;

/** The area of a row the collector did not describe: the id's first word, lower case (e.g. LAYOUT-01 -> layout). */
export function areaFromId({ id }: { id: string }): string {
  return id.split('-')[0].toLowerCase() || 'unknown';
}

/**
 * The report's rows with area, expected and seen from `results` (the collector's results) where an id matches.
 * conformance.json has no area, so a report read back from disk falls back to the id's prefix.
 */
export function reportRows({ report, results }: { report: ConformanceReport; results?: readonly RowExtras[] }): ReportRow[] {
  const extras = new Map((results ?? []).map((r) => [r.id, r]));
  return report.results.map((row) => {
    const extra = extras.get(row.id) ?? (row as Partial<RowExtras>);
    const out: ReportRow = { ...row, area: extra.area ?? areaFromId({ id: row.id }) };
    if (extra.expected !== undefined) out.expected = extra.expected;
    if (extra.seen !== undefined) out.seen = extra.seen;
    return out;
  });
}

/** Cuts text to `limit` characters and says how much was left out. */
export function truncate({ text, limit = BODY_LIMIT }: { text: string; limit?: number }): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}… (${text.length - limit} more characters)`;
}

/** A response body as text. */
export function bodyText({ body }: { body: Uint8Array | string | null | undefined }): string {
  if (body === null || body === undefined) return '';
  return typeof body === 'string' ? body : new TextDecoder().decode(body);
}

/** A printable exchange: request line, bodies cut to `limit` characters. */
export interface ExchangeView {
  operation: string;
  requestLine: string;
  requestBody: string;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: string;
}

function queryString({ query }: { query?: Record<string, string | string[]> }): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The view of one exchange the reports print; only the response headers a reader needs (type, error type, request id). */
export function exchangeView({ exchange, limit = BODY_LIMIT }: { exchange: ExchangeLike; limit?: number }): ExchangeView {
  const keep = ['content-type', 'x-amzn-errortype', 'x-amzn-requestid'];
  const responseHeaders: Record<string, string> = {};
  for (const [k, v] of Object.entries(exchange.response.headers ?? {})) if (keep.includes(k.toLowerCase())) responseHeaders[k.toLowerCase()] = v;
  return {
    operation: exchange.operation,
    requestLine: `${exchange.request.method} ${exchange.request.path}${queryString({ query: exchange.request.query })}`,
    requestBody: truncate({ text: exchange.request.body ?? '', limit }),
    status: exchange.response.status,
    responseHeaders,
    responseBody: truncate({ text: bodyText({ body: exchange.response.body }), limit }),
  };
}

/** The exchange that best shows a failure: the contract's last one (the assertion follows the last call). */
export function failureExchange({ id, exchanges }: { id: string; exchanges?: ExchangesByContract }): ExchangeLike | undefined {
  const list = exchanges?.[id];
  return list && list.length > 0 ? list[list.length - 1] : undefined;
}

export type StatusCounts = Record<ContractStatus, number>;

/** Counts per operation and area; a contract counts under every operation it lists ("(none)" when it lists none). */
export interface OperationAreaMatrix {
  operations: string[];
  areas: string[];
  cells: Record<string, Record<string, StatusCounts>>;
}

const NONE = '(none)';

/** Operations in scope order first (core, then supporting), then any others alphabetically, "(none)" last. */
export function orderOperations({ operations }: { operations: Iterable<string> }): string[] {
  const set = new Set(operations);
  const scoped = SCOPED_OPERATIONS.filter((op) => set.has(op));
  const rest = [...set].filter((op) => !(SCOPED_OPERATIONS as readonly string[]).includes(op) && op !== NONE).sort();
  return [...scoped, ...rest, ...(set.has(NONE) ? [NONE] : [])];
}

/** Builds the operation x area counts of the rows. */
export function operationAreaMatrix({ rows }: { rows: readonly ReportRow[] }): OperationAreaMatrix {
  const cells: Record<string, Record<string, StatusCounts>> = {};
  const areas = new Set<string>();
  for (const row of rows) {
    areas.add(row.area);
    for (const op of row.operations.length > 0 ? new Set(row.operations) : [NONE]) {
      cells[op] ??= {};
      cells[op][row.area] ??= { pass: 0, fail: 0, na: 0, skip: 0 };
      cells[op][row.area][row.status] += 1;
    }
  }
  return { operations: orderOperations({ operations: Object.keys(cells) }), areas: [...areas].sort(), cells };
}
