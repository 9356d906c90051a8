import type { ExchangeLike, ExchangesByContract } from '../../harness/reporters/common.ts';
import type { CollectedResult, ConformanceReport } from '../../harness/run/report.ts';

/** A warning whose text holds markup and a pipe, as a response can make it say anything. */
export const MARKUP_WARNING = 'UpdateDomainLayout body /DisplayName: expected string matching /^[a-z|]+$/; saw string "</td><script>x</script>"';
export const TAGS_WARNING = 'CreateDomainLayout body /Tags: expected at least 1 entries; saw object with 0 members';

/**
 * Five contracts over two areas: 2 pass, 1 fail, 1 na, 1 skip; 2 warnings (one on a pass, one on the failure);
 * evidence of three kinds: a URL with a location, a URL alone, a repository path, and one `where` that is not http(s).
 */
export function sampleResults(): CollectedResult[] {
  const base = { level: 'must' as const, source: 'model', evidence: [{ id: 'M-X', kind: 'model' as const, where: 'https://example.invalid/model.json' }], readsData: true, warnings: [] as string[], durationMs: 12, reason: '' };
  return [
    {
      ...base,
      id: 'LAYOUT-CREATE-01',
      title: 'CreateDomainLayout returns the layout',
      area: 'layouts',
      operations: ['CreateDomainLayout', 'GetDomainLayout'],
      status: 'pass',
      evidence: [{ id: 'M-LAYOUT-CREATE', kind: 'model', where: 'https://example.invalid/model.json (com.amazonaws.customerprofiles#CreateDomainLayout, @http)' }],
      warnings: [TAGS_WARNING],
    },
    {
      ...base,
      id: 'LAYOUT-VERSION-01',
      title: 'UpdateDomainLayout bumps Version <& "quoted">',
      area: 'layouts',
      operations: ['UpdateDomainLayout'],
      status: 'fail',
      level: 'should',
      reason: 'expected Version "2"; saw "1" | pipe\u0007bell',
      expected: '2',
      seen: '1',
      durationMs: 1500,
      evidence: [
        { id: 'D-LAYOUT-VERSION', kind: 'aws-doc', where: 'https://example.invalid/adminguide/layouts.html?a=1&b=2 (Versions)' },
        { id: 'O-LAYOUT-VERSION', kind: 'observed', where: 'recordings/aws/layouts.contract.json (entry 12)' },
      ],
      warnings: [MARKUP_WARNING],
    },
    {
      ...base,
      id: 'OBJTYPE-KEYS-01',
      title: 'PutProfileObjectType keeps Keys',
      area: 'object-types',
      operations: ['PutProfileObjectType'],
      status: 'pass',
      evidence: [{ id: 'A-BAD-LINK', kind: 'assumed', where: 'javascript:alert(1) (not a link)' }],
    },
    { ...base, id: 'OBJTYPE-TEMPLATE-01', title: 'templates exist', area: 'object-types', operations: ['GetProfileObjectTypeTemplate'], status: 'na', reason: 'the target does not offer GetProfileObjectTypeTemplate' },
    { ...base, id: 'LAYOUT-SIZE-01', title: 'a 2 MB layout is accepted', area: 'layouts', operations: ['CreateDomainLayout'], status: 'skip', reason: 'too slow on this target' },
  ];
}

/** The report the run would write for sampleResults (hand-built: id order, summary counted by hand). */
export function sampleReport(): ConformanceReport {
  const rows = sampleResults()
    .map(({ id, operations, title, level, source, evidence, status, reason, warnings, durationMs }) => ({ id, operations, title, level, source, evidence, status, reason, warnings, durationMs }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return { target: 'endpoint http://127.0.0.1:4566', startedAt: '2025-06-09T10:11:12.345Z', sdkVersion: '3.1019.0', seed: 42, results: rows, summary: { pass: 2, fail: 1, na: 1, skip: 1, warnings: 2 } };
}

/** The failing contract's exchanges: a create, then the update whose response showed the failure (a long body). */
export function sampleExchanges(): ExchangesByContract {
  const update: ExchangeLike = {
    operation: 'UpdateDomainLayout',
    request: { method: 'PUT', path: '/domains/cpct-1/layouts/main', query: { 'x-id': 'a b' }, headers: {}, body: '{"Layout":"</script><b>x</b>"}' },
    response: { status: 200, headers: { 'content-type': 'application/json', 'x-amzn-requestid': 'r-1', 'x-other': 'dropped' }, body: new TextEncoder().encode(`{"Version":"1","Layout":"${'y'.repeat(2500)}"}`) },
  };
  const create: ExchangeLike = { ...update, operation: 'CreateDomainLayout', request: { ...update.request, method: 'POST' }, response: { status: 200, headers: {}, body: '{}' } };
  return { 'LAYOUT-VERSION-01': [create, update] };
}
