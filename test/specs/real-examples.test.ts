import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOperationIndex } from '../../harness/operation-index.ts';
import { createSchemaRegistry, pointerToken } from '../../harness/schemas.ts';
import { validateExchange, type WireViolation } from '../../harness/wire-validation/index.ts';
import { PROJECT_ROOT } from './fixture.ts';

/**
 * Responses other people wrote down (AWS documentation pages, printed SDK results, a CLI fixture), checked by the
 * wire validator under the response policy. Each finding that remains is listed, with a reason specific to its
 * example, in specs/evidence/notes/real-examples-disagreements.json; the list and the findings must agree. The
 * examples live beside the project (absent on a user's machine), so this file skips without them.
 */

const EXAMPLES_DIR = path.resolve(PROJECT_ROOT, '..', 'shared', 'reference', 'real-examples');
const LIST_FILE = path.join(PROJECT_ROOT, 'specs', 'evidence', 'notes', 'real-examples-disagreements.json');
const LIST_NAME = path.relative(PROJECT_ROOT, LIST_FILE);
const hasExamples = existsSync(EXAMPLES_DIR);

interface Example {
  operation: string;
  source: string;
  kind: 'documented-response' | 'request-only' | 'constructed-from-doc';
  notes: string;
  output?: unknown;
}

interface Listed {
  example: string;
  pointer: string;
  keyword: string;
  severity: 'error' | 'warning';
  reason: string;
}

const index = loadOperationIndex();
const registry = createSchemaRegistry();
const keyOf = (f: { example: string; pointer: string; keyword: string; severity: string }) => `${f.example} ${f.pointer} ${f.keyword} ${f.severity}`;

function readExamples(): Map<string, Example> {
  const out = new Map<string, Example>();
  for (const file of readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json')).sort()) {
    out.set(file.replace(/\.json$/, ''), JSON.parse(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as Example);
  }
  return out;
}

/** The wire validator's findings for a documented output, sent as the operation's success answer would be. */
function findingsOf({ example }: { example: Example }): WireViolation[] {
  const entry = index.operations[example.operation];
  return validateExchange({
    index,
    registry,
    exchange: {
      operation: example.operation,
      request: { method: entry?.http.method ?? 'GET', path: '/', query: {}, headers: {}, body: null },
      response: { status: entry?.http.code ?? 200, headers: { 'content-type': 'application/json' }, body: new TextEncoder().encode(JSON.stringify(example.output)) },
    },
  });
}

/** JSON pointers of the members whose value is null, at any depth. */
function nullMembers({ value, at = '' }: { value: unknown; at?: string }): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => nullMembers({ value: item, at: `${at}/${i}` }));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (v === null ? [`${at}/${pointerToken({ token: k })}`] : nullMembers({ value: v, at: `${at}/${pointerToken({ token: k })}` })));
}

function readList(): Listed[] {
  return (JSON.parse(readFileSync(LIST_FILE, 'utf8')) as { disagreements: Listed[] }).disagreements;
}

describe('real-examples-disagreements.json', () => {
  it('returns entries of the documented form, each finding once, with a reason of its own', () => {
    const listed = readList();
    for (const d of listed) {
      expect(Object.keys(d).sort(), keyOf(d)).toEqual(['example', 'keyword', 'pointer', 'reason', 'severity']);
      expect(['error', 'warning'], keyOf(d)).toContain(d.severity);
      expect(d.example, keyOf(d)).toMatch(/^[A-Z][A-Za-z]+--\d+$/);
      expect(d.reason.length, `${keyOf(d)}: a reason says why, for this example`).toBeGreaterThan(80);
    }
    expect(new Set(listed.map(keyOf)).size, 'a finding listed twice').toBe(listed.length);
    // A reason copied from entry to entry is not specific to its example.
    expect(new Set(listed.map((d) => d.reason)).size, 'two entries with the same reason').toBe(listed.length);
  });
});

describe.skipIf(!hasExamples)(hasExamples ? 'real examples' : `real examples (skipped: ${EXAMPLES_DIR} is absent on this machine)`, () => {
  const examples = hasExamples ? readExamples() : new Map<string, Example>();
  const documented = [...examples].filter(([, e]) => e.kind === 'documented-response' && e.output !== undefined);
  const found = new Map<string, { example: string; violation: WireViolation }>();
  for (const [name, example] of documented) {
    for (const violation of findingsOf({ example })) found.set(keyOf({ example: name, ...violation }), { example: name, violation });
  }

  it('returns documented responses of operations the model has', () => {
    expect(documented.length).toBeGreaterThan(0);
    expect(documented.filter(([, e]) => !index.operations[e.operation]).map(([n]) => n)).toEqual([]);
  });

  it(`returns exactly the findings listed in ${LIST_NAME}`, () => {
    const listed = readList();
    const listedKeys = new Set(listed.map(keyOf));
    const unlisted = [...found]
      .filter(([key]) => !listedKeys.has(key))
      .map(([key, { violation: v }]) => `not listed: ${key} (expected ${v.expected}; saw ${v.seen}): add it to ${LIST_NAME} with a reason from the example's notes and source, or fix the validator if the finding is wrong`);
    const stale = listed
      .filter((d) => !found.has(keyOf(d)))
      .map((d) => `listed but no longer found: ${keyOf(d)}: remove it from ${LIST_NAME} (or, if the example changed, check why)`);
    expect([...unlisted, ...stale]).toEqual([]);
  });

  it('returns no finding at a JSON null member (read as absent, as the SDKs do)', () => {
    const withNulls = documented.filter(([, e]) => nullMembers({ value: e.output }).length > 0);
    // The folder's README names pages and printed SDK results with explicit nulls: the rule must meet some.
    expect(withNulls.length).toBeGreaterThan(0);
    for (const [name, example] of withNulls) {
      const nulls = new Set(nullMembers({ value: example.output }));
      expect([...found.values()].filter((f) => f.example === name && nulls.has(f.violation.pointer)).map((f) => keyOf({ example: name, ...f.violation })), name).toEqual([]);
    }
  });

  it('returns the disagreements the issue names with the policy\'s severities', () => {
    const has = (example: string, pointer: string, keyword: string, severity: string) => expect(found.has(`${example} ${pointer} ${keyword} ${severity}`), `${example} ${pointer} ${keyword} ${severity}`).toBe(true);
    // "Tags": {} in the CLI fixture and on the default-attributes page: AWS documents an empty tag map, so it is no finding.
    const emptyTags = documented.filter(([, e]) => /"Tags":\{\}/.test(JSON.stringify(e.output))).map(([n]) => n);
    expect(emptyTags).toEqual(expect.arrayContaining(['GetDomain--1', 'ListDomains--1']));
    expect([...found.keys()].filter((k) => emptyTags.some((n) => k.startsWith(`${n} `)) && / \/(Items\/\d+\/)?Tags minProperties /.test(k))).toEqual([]);
    // The default-attributes page: an undocumented Launched flag, a statistic the model does not list, the DisplayName pattern.
    expect([...found.values()].filter((f) => f.violation.pointer === '/Launched').every((f) => f.violation.severity === 'warning')).toBe(true);
    has(nameWith({ documented, value: 'TIME_DIFFERENCE_FROM_NOW' }), '/Statistic', 'enum', 'warning');
    has(nameWith({ documented, value: "Customer's maximum hold time" }), '/DisplayName', 'pattern', 'warning');
    // ISO-8601 timestamps printed by the CLI: a wrong JSON type stays an error.
    has('GetDomain--1', '/CreatedAt', 'type', 'error');
    has('ListDomains--1', '/Items/0/CreatedAt', 'type', 'error');
  });
});

/** The name of the documented example whose output holds `value` somewhere (as a string). */
function nameWith({ documented, value }: { documented: [string, Example][]; value: string }): string {
  const hit = documented.find(([, e]) => JSON.stringify(e.output).includes(JSON.stringify(value)));
  if (!hit) throw new Error(`real examples: expected an example whose output holds ${JSON.stringify(value)}; saw none; check the folder`);
  return hit[0];
}
