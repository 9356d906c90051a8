/**
 * The one shape-comparison engine of tape drift: two tape sets are aligned per contract file by operation and order,
 * and each pair of interactions is compared by shape (status, error type and message pattern, headers that matter,
 * members per JSON path with list items merged, JSON types, value formats, enum values, list lengths, pagination
 * tokens), with the normalisation rules of rules.ts. Pure: tapes in, a DriftReport out.
 */
import path from 'node:path';
import type { Tape, TapeInteraction } from '../recording/tape.ts';
import { ENUM_FORMAT, formatOf, messagePattern, type NormalizationRule } from './rules.ts';

/** The kinds of difference, in the order the report lists them. */
export const DRIFT_KINDS = [
  'interaction-count',
  'status',
  'error-type',
  'error-message',
  'content-type',
  'request-id',
  'member-presence',
  'type',
  'format',
  'enum-values',
  'list-length',
  'next-token',
] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

/** Where an example of a difference is, on one side. */
export interface DriftExample {
  file: string;
  /** Index of the interaction in the tape's `interactions`. */
  interaction: number;
  /** `METHOD path -> status`, so a reader sees the exchange without opening the tape. */
  exchange: string;
}

/** One difference, aggregated over every aligned pair that shows it. */
export interface DriftDifference {
  contractFile: string;
  operation: string;
  kind: DriftKind;
  /** JSON path in the response body (`$.Items[].Name`), a header name, or `(status)` / `(interactions)`. */
  path: string;
  a: unknown;
  b: unknown;
  /** How many aligned pairs show it. */
  count: number;
  exampleA?: DriftExample;
  exampleB?: DriftExample;
}

export interface TapeSetInput {
  label: string;
  tapes: readonly { file: string; tape: Tape }[];
}

export interface DriftReport {
  a: { label: string; tapes: number; interactions: number };
  b: { label: string; tapes: number; interactions: number };
  /** Contract files present on one side only. */
  onlyInA: string[];
  onlyInB: string[];
  /** Interactions compared pairwise. */
  pairs: number;
  differences: DriftDifference[];
  /** Differences by operation, for the summary. */
  byOperation: Record<string, number>;
}

/** A member name the run made (a map key holding a generated name): normalised like a value. */
const RUN_SCOPED_KEY = /(?:^|[^A-Za-z0-9])cpct[-_]/;

/** What one member path shows in one interaction. */
interface MemberSeen {
  types: Set<string>;
  formats: Set<string>;
  enums: Set<string>;
  lengths: number[];
}

/** The shape of one interaction, as compared. */
export interface Observation {
  operation: string;
  status: number;
  errorType: string | null;
  message: string | null;
  contentType: string | null;
  requestId: boolean;
  nextToken: boolean;
  members: Map<string, MemberSeen>;
}

function headerMap(headers: TapeInteraction['rawHeaders']): Record<string, string> {
  if (!headers) return {};
  if (!Array.isArray(headers)) return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < headers.length; i += 2) out[headers[i].toLowerCase()] = headers[i + 1];
  return out;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Walks a JSON value, recording each member path (list items merged as `[]`); a JSON null is an absent member. */
function walk({ value, at, key, members, rules }: { value: unknown; at: string; key: string; members: Map<string, MemberSeen>; rules: readonly NormalizationRule[] }): void {
  if (value === null || value === undefined) return;
  let seen = members.get(at);
  if (!seen) {
    seen = { types: new Set(), formats: new Set(), enums: new Set(), lengths: [] };
    members.set(at, seen);
  }
  const type = jsonType(value);
  seen.types.add(type === 'integer' ? 'number' : type);
  if (typeof value === 'string') {
    const format = formatOf({ key, value, rules });
    seen.formats.add(format);
    if (format === ENUM_FORMAT) seen.enums.add(value);
  } else if (Array.isArray(value)) {
    seen.lengths.push(value.length);
    for (const item of value) walk({ value: item, at: `${at}[]`, key, members, rules });
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      // Member names made by the run (map keys holding a run-scoped name) are normalised like values.
      const name = RUN_SCOPED_KEY.test(k) ? '<run-scoped-name>' : k;
      walk({ value: v, at: `${at}.${name}`, key: k, members, rules });
    }
  }
}

/** The shape of one interaction's response. */
export function observe({ interaction, rules }: { interaction: TapeInteraction; rules: readonly NormalizationRule[] }): Observation {
  const headers = headerMap(interaction.rawHeaders);
  const body = interaction.response;
  const members = new Map<string, MemberSeen>();
  if (!interaction.responseIsBinary && body !== undefined && body !== '') walk({ value: body, at: '$', key: '', members, rules });
  const error = interaction.status >= 300;
  const record = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const typeHeader = headers['x-amzn-errortype'];
  const errorType = error ? ((typeHeader ?? (record.__type as string | undefined) ?? (record.code as string | undefined) ?? '').split(':')[0].split('#').pop() ?? '') || null : null;
  const rawMessage = error ? (record.message ?? record.Message) : undefined;
  return {
    operation: interaction.operation ?? `${interaction.method} ${interaction.path.split('?')[0]}`,
    status: interaction.status,
    errorType,
    message: typeof rawMessage === 'string' ? messagePattern({ message: rawMessage }) : null,
    contentType: headers['content-type']?.split(';')[0].trim().toLowerCase() ?? null,
    requestId: headers['x-amzn-requestid'] !== undefined || headers['x-amz-request-id'] !== undefined,
    nextToken: typeof record.NextToken === 'string' && record.NextToken !== '',
    members,
  };
}

const sorted = (s: Iterable<string>) => [...s].sort();
const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

/** The differences of one aligned pair (enum values are compared over the whole operation instead: see compareTapeSets). */
export function comparePair({ a, b }: { a: Observation; b: Observation }): { kind: DriftKind; path: string; a: unknown; b: unknown }[] {
  const out: { kind: DriftKind; path: string; a: unknown; b: unknown }[] = [];
  if (a.status !== b.status) out.push({ kind: 'status', path: '(status)', a: a.status, b: b.status });
  if (a.errorType !== b.errorType) out.push({ kind: 'error-type', path: 'x-amzn-errortype', a: a.errorType, b: b.errorType });
  if (a.message !== b.message && a.errorType === b.errorType) out.push({ kind: 'error-message', path: '$.message', a: a.message, b: b.message });
  if (a.contentType !== b.contentType) out.push({ kind: 'content-type', path: 'content-type', a: a.contentType, b: b.contentType });
  if (a.requestId !== b.requestId) out.push({ kind: 'request-id', path: 'x-amzn-requestid', a: a.requestId ? 'present' : 'absent', b: b.requestId ? 'present' : 'absent' });
  if (a.nextToken !== b.nextToken) out.push({ kind: 'next-token', path: '$.NextToken', a: a.nextToken ? 'present' : 'absent', b: b.nextToken ? 'present' : 'absent' });
  // Members of an error body are the error's (message, type): the error kinds above cover them.
  if (a.status >= 300 || b.status >= 300) return out;
  for (const p of sorted(new Set([...a.members.keys(), ...b.members.keys()]))) {
    const x = a.members.get(p);
    const y = b.members.get(p);
    if (!x || !y) {
      out.push({ kind: 'member-presence', path: p, a: x ? 'present' : 'absent', b: y ? 'present' : 'absent' });
      continue;
    }
    if (!sameSet(x.types, y.types)) {
      out.push({ kind: 'type', path: p, a: sorted(x.types).join('|'), b: sorted(y.types).join('|') });
      continue;
    }
    // Enum values are formats too: a value of one side that is an enum on the other shows under enum-values.
    const fx = new Set([...x.formats].filter((f) => f !== ENUM_FORMAT));
    const fy = new Set([...y.formats].filter((f) => f !== ENUM_FORMAT));
    if (!sameSet(fx, fy)) out.push({ kind: 'format', path: p, a: sorted(x.formats).join('|') || '(none)', b: sorted(y.formats).join('|') || '(none)' });
    if (x.lengths.join(',') !== y.lengths.join(',')) out.push({ kind: 'list-length', path: p, a: x.lengths.length === 1 ? x.lengths[0] : x.lengths, b: y.lengths.length === 1 ? y.lengths[0] : y.lengths });
  }
  return out;
}

/** Tapes by contract file (the tape's meta.contractFile, else its file name). */
function byContractFile(set: TapeSetInput): Map<string, { file: string; tape: Tape }> {
  return new Map(set.tapes.map((t) => [t.tape.meta.contractFile || path.basename(t.file), t]));
}

/** Compares two tape sets by shape; the report lists every difference once, with a count and an example on each side. */
export function compareTapeSets({ a, b, rules }: { a: TapeSetInput; b: TapeSetInput; rules: readonly NormalizationRule[] }): DriftReport {
  const example = (t: { file: string; tape: Tape }, index: number): DriftExample => {
    const i = t.tape.interactions[index];
    return { file: t.file, interaction: index, exchange: `${i.method} ${i.path} -> ${i.status}` };
  };
  const filesA = byContractFile(a);
  const filesB = byContractFile(b);
  const agg = new Map<string, DriftDifference>();
  const add = (d: Omit<DriftDifference, 'count'>) => {
    const key = `${d.contractFile}\u0000${d.operation}\u0000${d.kind}\u0000${d.path}\u0000${JSON.stringify(d.a)}\u0000${JSON.stringify(d.b)}`;
    const prev = agg.get(key);
    if (prev) prev.count++;
    else agg.set(key, { ...d, count: 1 });
  };
  let pairs = 0;
  for (const [contractFile, ta] of [...filesA].sort(([x], [y]) => (x < y ? -1 : 1))) {
    const tb = filesB.get(contractFile);
    if (!tb) continue;
    // Per operation, the k-th interaction of one side meets the k-th of the other.
    const group = (tape: Tape) => {
      const m = new Map<string, { obs: Observation; index: number }[]>();
      tape.interactions.forEach((interaction, index) => {
        const obs = observe({ interaction, rules });
        if (!m.has(obs.operation)) m.set(obs.operation, []);
        m.get(obs.operation)!.push({ obs, index });
      });
      return m;
    };
    const ga = group(ta.tape);
    const gb = group(tb.tape);
    for (const operation of sorted(new Set([...ga.keys(), ...gb.keys()]))) {
      const xs = ga.get(operation) ?? [];
      const ys = gb.get(operation) ?? [];
      if (xs.length !== ys.length) {
        add({ contractFile, operation, kind: 'interaction-count', path: '(interactions)', a: xs.length, b: ys.length, ...(xs[0] ? { exampleA: example(ta, xs[0].index) } : {}), ...(ys[0] ? { exampleB: example(tb, ys[0].index) } : {}) });
      }
      for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
        pairs++;
        for (const d of comparePair({ a: xs[i].obs, b: ys[i].obs })) {
          add({ contractFile, operation, ...d, exampleA: example(ta, xs[i].index), exampleB: example(tb, ys[i].index) });
        }
      }
      // Enum values: over the whole operation and by member name (map keys in a path are data, so a value under
      // another key of the same map is still the same member), values seen on one side only, with where first seen.
      const enums = (list: { obs: Observation; index: number }[]) => {
        const m = new Map<string, { values: Map<string, { index: number; path: string }> }>();
        for (const { obs, index } of list) {
          if (obs.status >= 300) continue;
          for (const [p, seen] of obs.members) for (const v of seen.enums) {
            const member = p.slice(p.lastIndexOf('.') + 1);
            if (!m.has(member)) m.set(member, { values: new Map() });
            if (!m.get(member)!.values.has(v)) m.get(member)!.values.set(v, { index, path: p });
          }
        }
        return m;
      };
      const ea = enums(xs);
      const eb = enums(ys);
      for (const member of sorted(new Set([...ea.keys(), ...eb.keys()]))) {
        // A member present on one side only is already a member-presence difference.
        if (!ea.has(member) || !eb.has(member)) continue;
        const va = ea.get(member)!.values;
        const vb = eb.get(member)!.values;
        const onlyA = sorted([...va.keys()].filter((v) => !vb.has(v)));
        const onlyB = sorted([...vb.keys()].filter((v) => !va.has(v)));
        if (onlyA.length === 0 && onlyB.length === 0) continue;
        const p = onlyB.length > 0 ? vb.get(onlyB[0])!.path : va.get(onlyA[0])!.path;
        add({
          contractFile,
          operation,
          kind: 'enum-values',
          path: p,
          a: onlyA,
          b: onlyB,
          ...(onlyA.length > 0 ? { exampleA: example(ta, va.get(onlyA[0])!.index) } : {}),
          ...(onlyB.length > 0 ? { exampleB: example(tb, vb.get(onlyB[0])!.index) } : {}),
        });
      }
    }
  }
  const order = new Map(DRIFT_KINDS.map((k, i) => [k, i]));
  const differences = [...agg.values()].sort((x, y) =>
    x.operation < y.operation ? -1 : x.operation > y.operation ? 1 : x.contractFile < y.contractFile ? -1 : x.contractFile > y.contractFile ? 1 : order.get(x.kind)! - order.get(y.kind)! || (x.path < y.path ? -1 : x.path > y.path ? 1 : 0),
  );
  const byOperation: Record<string, number> = {};
  for (const d of differences) byOperation[d.operation] = (byOperation[d.operation] ?? 0) + 1;
  const count = (s: TapeSetInput) => s.tapes.reduce((n, t) => n + t.tape.interactions.length, 0);
  return {
    a: { label: a.label, tapes: a.tapes.length, interactions: count(a) },
    b: { label: b.label, tapes: b.tapes.length, interactions: count(b) },
    onlyInA: sorted([...filesA.keys()].filter((f) => !filesB.has(f))),
    onlyInB: sorted([...filesB.keys()].filter((f) => !filesA.has(f))),
    pairs,
    differences,
    byOperation,
  };
}
