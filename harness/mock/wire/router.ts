import type { OperationEntry, OperationIndex } from '../../operation-index.ts';

/**
 * Routes REST-JSON requests to operations using the URI templates of the operation index (never hand-copied
 * paths). Literal segments take precedence over labels, and labels over greedy labels, as Smithy's routing
 * requires: `/domains/{DomainName}/profiles/objects` must win over `/domains/{DomainName}/profiles/{ProfileId}`.
 */

type Segment =
  | { kind: 'literal'; value: string }
  | { kind: 'label'; member: string; name: string }
  | { kind: 'greedy'; member: string; name: string };

interface Route {
  operation: string;
  entry: OperationEntry;
  segments: Segment[];
  /** Literal query pairs in the template (`/x?type=a`); all must be present. */
  queryLiterals: [string, string][];
  greedy: boolean;
  /** Specificity key: one digit per segment, 0 literal, 1 label, 2 greedy; smaller sorts first. */
  rank: string;
}

/** Outcome of routing one request. */
export type RouteMatch =
  | {
      kind: 'operation';
      operation: string;
      entry: OperationEntry;
      /** member name -> raw (still percent-encoded) label value. */
      rawLabels: Record<string, string>;
      /** member name -> label name, to name the label in error messages. */
      labelNames: Record<string, string>;
    }
  | { kind: 'not-implemented'; operation: string }
  | { kind: 'unknown' };

/** A router built once per mock instance. */
export interface Router {
  /** Finds the operation for `method` and the raw request path (percent-encoded, no query string). */
  match(params: { method: string; path: string; query?: URLSearchParams }): RouteMatch;
}

function parseTemplate(uri: string, entry: OperationEntry): Pick<Route, 'segments' | 'queryLiterals' | 'greedy' | 'rank'> {
  const [pathPart, queryPart] = uri.split('?', 2) as [string, string | undefined];
  const memberOfLabel = new Map<string, string>();
  for (const [member, label] of Object.entries(entry.input.labels)) memberOfLabel.set(label, member);
  const segments: Segment[] = pathPart
    .split('/')
    .slice(1)
    .map((raw) => {
      const m = /^\{([^}]+?)(\+)?\}$/.exec(raw);
      if (!m) return { kind: 'literal', value: raw } as const;
      const name = m[1];
      const member = memberOfLabel.get(name) ?? name;
      return { kind: m[2] ? 'greedy' : 'label', member, name } as const;
    });
  const queryLiterals: [string, string][] = queryPart
    ? [...new URLSearchParams(queryPart).entries()].map(([k, v]) => [k, v] as [string, string])
    : [];
  const rank = segments.map((s) => (s.kind === 'literal' ? '0' : s.kind === 'label' ? '1' : '2')).join('');
  return { segments, queryLiterals, greedy: segments.some((s) => s.kind === 'greedy'), rank };
}

function safeDecode(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

function literalMatches(raw: string, literal: string): boolean {
  if (raw === literal) return true;
  return raw.includes('%') && safeDecode(raw) === literal;
}

function tryRoute(route: Route, parts: string[], query: URLSearchParams | undefined): Record<string, string> | null {
  const segs = route.segments;
  if (route.greedy ? parts.length < segs.length : parts.length !== segs.length) return null;
  const labels: Record<string, string> = {};
  let p = 0;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    if (seg.kind === 'literal') {
      if (!literalMatches(parts[p], seg.value)) return null;
      p++;
    } else if (seg.kind === 'label') {
      labels[seg.member] = parts[p++];
    } else {
      // A greedy label takes every segment the remaining literals leave over.
      const rest = segs.length - i - 1;
      const take = parts.length - p - rest;
      if (take < 1) return null;
      labels[seg.member] = parts.slice(p, p + take).join('/');
      p += take;
    }
  }
  for (const [k, v] of route.queryLiterals) {
    if (!query || (v === '' ? !query.has(k) : query.get(k) !== v)) return null;
  }
  return labels;
}

/** Segment by segment, literal before label before greedy; a route that ends early loses to one that goes on. */
function compareRank(a: string, b: string): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const ca = a[i] ?? '3';
    const cb = b[i] ?? '3';
    if (ca !== cb) return ca < cb ? -1 : 1;
  }
  return 0;
}

/** Builds the router for the operations of `index`; only `implemented` ones dispatch, the rest report not-implemented. */
export function createRouter({ index, implemented }: { index: OperationIndex; implemented: readonly string[] }): Router {
  const byMethod = new Map<string, Route[]>();
  for (const [operation, entry] of Object.entries(index.operations)) {
    const route: Route = { operation, entry, ...parseTemplate(entry.http.uri, entry) };
    const method = entry.http.method.toUpperCase();
    let list = byMethod.get(method);
    if (!list) byMethod.set(method, (list = []));
    list.push(route);
  }
  for (const list of byMethod.values()) {
    // Most specific first; more literal query constraints first among equals.
    list.sort((a, b) => compareRank(a.rank, b.rank) || b.queryLiterals.length - a.queryLiterals.length);
  }
  const enabled = new Set(implemented);
  return {
    match({ method, path, query }) {
      const routes = byMethod.get(method.toUpperCase());
      if (!routes || !path.startsWith('/')) return { kind: 'unknown' };
      const parts = path.split('/').slice(1);
      for (const route of routes) {
        const rawLabels = tryRoute(route, parts, query);
        if (!rawLabels) continue;
        if (!enabled.has(route.operation)) return { kind: 'not-implemented', operation: route.operation };
        const labelNames: Record<string, string> = {};
        for (const seg of route.segments) if (seg.kind !== 'literal') labelNames[seg.member] = seg.name;
        return { kind: 'operation', operation: route.operation, entry: route.entry, rawLabels, labelNames };
      }
      return { kind: 'unknown' };
    },
  };
}
