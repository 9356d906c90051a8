import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparePair, compareTapeSets, observe } from '../../harness/drift/compare.ts';
import { driftExitCode, formatDriftMarkdown, formatDriftSummary } from '../../harness/drift/report.ts';
import { DEFAULT_RULES, formatOf, messagePattern } from '../../harness/drift/rules.ts';
import { loadTapeSet } from '../../harness/drift/tape-set.ts';
import { UsageError } from '../../harness/errors.ts';
import { TAPE_FORMAT, type Tape, type TapeInteraction } from '../../harness/recording/tape.ts';
import { parseCliArgs } from '../../harness/run/options.ts';

function interaction(over: Partial<TapeInteraction>): TapeInteraction {
  return { scope: 'https://x.invalid', method: 'GET', path: '/domains/d', status: 200, operation: 'GetDomain', rawHeaders: { 'content-type': 'application/json', 'x-amzn-requestid': 'r' }, response: {}, ...over };
}

function tape(interactions: TapeInteraction[], runId = 'aaaaaaaa'): Tape {
  return {
    format: TAPE_FORMAT,
    meta: { seed: 1, referenceClock: '2025-06-01T00:00:00.000Z', runId, sdkVersion: '1.0.0', projectVersion: '0.1.0', targetKind: 'mock', region: 'us-east-1', recordedAt: '2025-06-01T00:00:00.000Z', contractFile: 'x.contract.ts' },
    interactions,
  };
}

const obs = (i: Partial<TapeInteraction>) => observe({ interaction: interaction(i), rules: DEFAULT_RULES });

describe('formatOf', () => {
  it('returns the format of the first rule that matches given ids, times, names and codes', () => {
    const f = (value: string, key = 'X') => formatOf({ key, value, rules: DEFAULT_RULES });
    expect(f('2025-06-01T10:00:00.123Z')).toBe('iso-8601');
    expect(f('6c9cb1edf0354e2b6ed31b912abb9d5b')).toBe('hex-id');
    expect(f('cpct-ab12cd34-layouts')).toBe('run-scoped-name');
    expect(f('anything', 'NextToken')).toBe('token');
    expect(f('PROFILE_EXPLORER')).toBe('enum');
    expect(f('Hello there')).toBe('text');
  });
});

describe('messagePattern', () => {
  it('returns the message with generated names and numbers replaced given two runs\' messages', () => {
    expect(messagePattern({ message: 'Layout cpct-ab12cd34-l1 does not exist (3 tries)' })).toBe(messagePattern({ message: 'Layout cpct-99999999-l1 does not exist (7 tries)' }));
  });
});

describe('comparePair', () => {
  it('returns no difference given bodies that differ only in ids, times and run-scoped names', () => {
    const a = obs({ response: { Name: 'cpct-aaaaaaaa-x', Id: '6c9cb1edf0354e2b6ed31b912abb9d5b', At: 1.5, Items: [{ T: '2025-06-01T00:00:00Z' }] } });
    const b = obs({ response: { Name: 'cpct-bbbbbbbb-x', Id: '0000b1edf0354e2b6ed31b912abb0000', At: 9.25, Items: [{ T: '2026-01-01T10:00:00Z' }] } });
    expect(comparePair({ a, b })).toEqual([]);
  });

  it('returns presence, type, format, list length and token differences given bodies that differ in shape', () => {
    const a = obs({ response: { Gone: 1, At: 1, Id: '6c9cb1edf0354e2b6ed31b912abb9d5b', Items: [1, 2], NextToken: 't' } });
    const b = obs({ response: { At: '2025-06-01T00:00:00Z', Id: 'not an id', Items: [1] } });
    expect(comparePair({ a, b })).toEqual([
      { kind: 'next-token', path: '$.NextToken', a: 'present', b: 'absent' },
      { kind: 'type', path: '$.At', a: 'number', b: 'string' },
      { kind: 'member-presence', path: '$.Gone', a: 'present', b: 'absent' },
      { kind: 'format', path: '$.Id', a: 'hex-id', b: 'text' },
      { kind: 'list-length', path: '$.Items', a: 2, b: 1 },
      { kind: 'member-presence', path: '$.NextToken', a: 'present', b: 'absent' },
    ]);
  });

  it('returns status, error type and request id differences given error answers', () => {
    const a = obs({ status: 404, rawHeaders: { 'content-type': 'application/json', 'x-amzn-errortype': 'ResourceNotFoundException:http://x', 'x-amzn-requestid': 'r' }, response: { Message: 'gone' } });
    const b = obs({ status: 500, rawHeaders: { 'content-type': 'application/x-amz-json-1.1' }, response: { __type: 'InternalServerException', message: 'oops' } });
    expect(comparePair({ a, b }).map((d) => [d.kind, d.a, d.b])).toEqual([
      ['status', 404, 500],
      ['error-type', 'ResourceNotFoundException', 'InternalServerException'],
      ['content-type', 'application/json', 'application/x-amz-json-1.1'],
      ['request-id', 'present', 'absent'],
    ]);
  });
});

describe('compareTapeSets', () => {
  it('returns aggregated differences with examples, counts and enum values seen on one side only, given two tape sets', () => {
    const a = tape([interaction({ response: { Type: 'A_ONE' } }), interaction({ response: { Type: 'A_TWO' } }), interaction({ operation: 'ListDomains', response: { Items: [] } })]);
    const b = tape([interaction({ response: { Type: 'A_ONE', Extra: true } }), interaction({ response: { Type: 'A_THREE', Extra: true } })], 'bbbbbbbb');
    const report = compareTapeSets({ a: { label: 'a', tapes: [{ file: 'a/x.json', tape: a }] }, b: { label: 'b', tapes: [{ file: 'b/x.json', tape: b }] }, rules: DEFAULT_RULES });
    expect(report.pairs).toBe(2);
    expect(report.differences.map((d) => [d.operation, d.kind, d.path, d.a, d.b, d.count])).toEqual([
      ['GetDomain', 'member-presence', '$.Extra', 'absent', 'present', 2],
      ['GetDomain', 'enum-values', '$.Type', ['A_TWO'], ['A_THREE'], 1],
      ['ListDomains', 'interaction-count', '(interactions)', 1, 0, 1],
    ]);
    expect(report.differences[1].exampleB).toEqual({ file: 'b/x.json', interaction: 1, exchange: 'GET /domains/d -> 200' });
    expect(driftExitCode({ report })).toBe(1);
    expect(formatDriftSummary({ report })).toContain('3 difference(s) in 2 operation(s) over 2 aligned interactions.');
    expect(formatDriftMarkdown({ report })).toContain('| x.contract.ts | enum-values | `$.Type` | A_TWO | A_THREE | 1 | x.json #1: `GET /domains/d -> 200` | x.json #1: `GET /domains/d -> 200` |');
  });

  it('returns exit code 0 and says so given identical tape sets', () => {
    const a = tape([interaction({ response: { Type: 'A_ONE' } })]);
    const report = compareTapeSets({ a: { label: 'a', tapes: [{ file: 'a.json', tape: a }] }, b: { label: 'b', tapes: [{ file: 'b.json', tape: a }] }, rules: DEFAULT_RULES });
    expect(driftExitCode({ report })).toBe(0);
    expect(formatDriftSummary({ report })).toContain('No difference by shape over 1 aligned interactions.');
  });
});

describe('loadTapeSet', () => {
  it('throws a UsageError naming the problem given a missing folder, an empty one, several kinds or a malformed tape', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'cpct-tapeset-'));
    try {
      expect(() => loadTapeSet({ dir: path.join(root, 'none'), label: 'x' })).toThrow(UsageError);
      expect(() => loadTapeSet({ dir: root, label: 'x' })).toThrow(/tapes \(\*\.json\) in .* or in exactly one folder below it; saw none/);
      mkdirSync(path.join(root, 'mock'));
      mkdirSync(path.join(root, 'aws'));
      writeFileSync(path.join(root, 'mock', 'a.json'), JSON.stringify(tape([])));
      writeFileSync(path.join(root, 'aws', 'a.json'), '{"format":"other"}');
      expect(() => loadTapeSet({ dir: root, label: 'x' })).toThrow(/2 folders of tapes \(aws, mock\)/);
      expect(() => loadTapeSet({ dir: path.join(root, 'aws'), label: 'x' })).toThrow(/^drift: expected every tape in .* to be a cpct-tape\/1 tape/);
      expect(loadTapeSet({ dir: path.join(root, 'mock'), label: 'x' }).tapes).toHaveLength(1);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('parseCliArgs', () => {
  const cwd = '/w';
  it('returns the drift, evidence and record-diff modes given their command lines', () => {
    expect(parseCliArgs({ argv: ['drift', 'a', 'b', '--rules', 'r.json'], cwd })).toEqual({ kind: 'drift', a: '/w/a', b: '/w/b', reportsDir: '/w/reports', rules: '/w/r.json' });
    expect(parseCliArgs({ argv: ['evidence', '--from', 'recordings/aws'], cwd })).toEqual({ kind: 'evidence', from: '/w/recordings/aws', reportsDir: '/w/reports' });
    expect(parseCliArgs({ argv: ['--record', '--endpoint', 'http://127.0.0.1:1', '--diff', 'old'], cwd })).toMatchObject({ kind: 'run', record: { dir: '/w/recordings', diff: { dir: '/w/old' } } });
    expect(parseCliArgs({ argv: ['--record', '--endpoint', 'http://127.0.0.1:1', '--diff'], cwd })).toMatchObject({ kind: 'run', record: { diff: {} } });
  });

  it('throws a UsageError given drift with one folder, evidence without --from, or --diff without --record', () => {
    expect(() => parseCliArgs({ argv: ['drift', 'a'], cwd })).toThrow(/two folders of tapes; saw 1 folder/);
    expect(() => parseCliArgs({ argv: ['evidence'], cwd })).toThrow(/no --from/);
    expect(() => parseCliArgs({ argv: ['--diff'], cwd })).toThrow(/--diff with --record/);
    expect(() => parseCliArgs({ argv: ['--record', 'stray', '--endpoint', 'http://127.0.0.1:1', '--diff'], cwd })).toThrow(/flags only/);
  });
});

describe('loadUserRules', () => {
  it('returns rules with regular expressions given a rules file, and throws a UsageError given a malformed one', async () => {
    const { loadUserRules } = await import('../../harness/drift/rules.ts');
    const root = mkdtempSync(path.join(os.tmpdir(), 'cpct-rules-'));
    try {
      const good = path.join(root, 'good.json');
      writeFileSync(good, JSON.stringify([{ name: 'ref', key: '^Ref$', value: '^R-', format: 'booking-ref' }]));
      const rules = loadUserRules({ file: good });
      expect(formatOf({ key: 'Ref', value: 'R-1', rules: [...rules, ...DEFAULT_RULES] })).toBe('booking-ref');
      expect(formatOf({ key: 'Other', value: 'R-1', rules: [...rules, ...DEFAULT_RULES] })).toBe('text');
      const bad = path.join(root, 'bad.json');
      writeFileSync(bad, JSON.stringify([{ name: 'x', value: '(', format: 'f' }]));
      expect(() => loadUserRules({ file: bad })).toThrow(/^drift: expected --rules .*; saw entry 0: /);
      writeFileSync(bad, '{}');
      expect(() => loadUserRules({ file: bad })).toThrow(UsageError);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('runDrift', () => {
  it('returns 0 given sets that differ only in a value a user rule names, where the built-in rules alone return 1', async () => {
    const { runDrift, defaultDiffDir } = await import('../../harness/drift/command.ts');
    const root = mkdtempSync(path.join(os.tmpdir(), 'cpct-rundrift-'));
    try {
      for (const [side, value] of [['a', 'REF_ONE'], ['b', 'REF_TWO']]) {
        mkdirSync(path.join(root, side));
        writeFileSync(path.join(root, side, 'x.json'), JSON.stringify(tape([interaction({ response: { Ref: value } })])));
      }
      const rules = path.join(root, 'rules.json');
      writeFileSync(rules, JSON.stringify([{ name: 'ref', key: '^Ref$', format: 'booking-ref' }]));
      let out = '';
      const stdout = { write: (t: string) => (out += t) };
      const plain = await runDrift({ a: path.join(root, 'a'), b: path.join(root, 'b'), reportsDir: path.join(root, 'r1'), cwd: root, stdout });
      expect(plain.code).toBe(1);
      expect(out).toContain('[enum-values] $.Ref: REF_ONE | REF_TWO');
      const withRules = await runDrift({ a: path.join(root, 'a'), b: path.join(root, 'b'), reportsDir: path.join(root, 'r2'), rules, cwd: root, stdout });
      expect(withRules.code).toBe(0);
      expect(defaultDiffDir({ packageRoot: root, targetKind: 'aws' })).toBe(path.join(root, 'recordings', 'mock'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
