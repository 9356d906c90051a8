import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, exitCodeFor, failureCounts, summarize, totalWaiting, writeReport, type CollectedResult } from '../../harness/run/report.ts';

function result(over: Partial<CollectedResult>): CollectedResult {
  return { id: 'X-01', title: 't', area: 'a', operations: ['Op'], level: 'must', source: 's', evidence: [], readsData: true, status: 'pass', reason: '', warnings: [], durationMs: 1, ...over };
}

describe('summarize', () => {
  it('returns the count of each status', () => {
    const rows = [result({ status: 'pass' }), result({ status: 'pass' }), result({ status: 'fail' }), result({ status: 'na' })];
    expect(summarize({ results: rows })).toEqual({ pass: 2, fail: 1, na: 1, skip: 0, warnings: 0 });
  });
});

describe('buildReport', () => {
  it('returns exactly the documented fields, results sorted by id and without collector-only fields', () => {
    const report = buildReport({
      target: 'embedded',
      startedAt: new Date('2025-06-09T00:00:00.000Z'),
      sdkVersion: '3.1019.0',
      seed: 7,
      results: [result({ id: 'B-01', status: 'fail', expected: 'x', seen: 'y', reason: 'expected x; saw y' }), result({ id: 'A-01' })],
    });
    expect(Object.keys(report)).toEqual(['target', 'startedAt', 'sdkVersion', 'seed', 'results', 'summary']);
    expect(report.startedAt).toBe('2025-06-09T00:00:00.000Z');
    expect(report.results.map((r) => r.id)).toEqual(['A-01', 'B-01']);
    expect(Object.keys(report.results[1])).toEqual(['id', 'operations', 'title', 'level', 'source', 'evidence', 'status', 'reason', 'warnings', 'durationMs']);
    expect(report.summary).toEqual({ pass: 1, fail: 1, na: 0, skip: 0, warnings: 0 });
  });
});

describe('buildReport (waiting)', () => {
  it('returns the run\'s waiting in the summary given the sessions\' waiting', () => {
    const report = buildReport({ target: 'embedded', startedAt: new Date(0), sdkVersion: '3', seed: 1, results: [result({})], waiting: { waitedMs: 1234, waits: 3 } });
    expect(report.summary).toEqual({ pass: 1, fail: 0, na: 0, skip: 0, warnings: 0, waitedMs: 1234, waits: 3 });
  });
});

describe('totalWaiting', () => {
  it('returns the sum over the sessions given sessions with and without waiting recorded', () => {
    expect(totalWaiting({ sessions: [{ waitedMs: 100, waits: 2 }, {}, { waitedMs: 50, waits: 1 }] })).toEqual({ waitedMs: 150, waits: 3 });
    expect(totalWaiting({ sessions: [] })).toEqual({ waitedMs: 0, waits: 0 });
  });
});

describe('writeReport', () => {
  it('writes conformance.json into a directory it creates', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cpct-report-'));
    try {
      const report = buildReport({ target: 't', startedAt: new Date(0), sdkVersion: 'v', seed: 1, results: [result({})] });
      const file = await writeReport({ report, dir: path.join(dir, 'nested') });
      expect(file).toBe(path.join(dir, 'nested', 'conformance.json'));
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(report);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('exitCodeFor', () => {
  it('returns 0 given only pass, na and skip', () => {
    expect(exitCodeFor({ results: [result({}), result({ status: 'na' }), result({ status: 'skip' })], strict: false })).toBe(0);
  });

  it('returns 1 given a failed must or should contract', () => {
    expect(exitCodeFor({ results: [result({ status: 'fail', level: 'must' })], strict: false })).toBe(1);
    expect(exitCodeFor({ results: [result({ status: 'fail', level: 'should' })], strict: false })).toBe(1);
  });

  it('returns 0 given a failed assumed contract, and 1 with strict', () => {
    const results = [result({ status: 'fail', level: 'assumed' })];
    expect(exitCodeFor({ results, strict: false })).toBe(0);
    expect(exitCodeFor({ results, strict: true })).toBe(1);
    expect(failureCounts({ result: results[0], strict: false })).toBe(false);
  });

  it('returns 1 given a failed assumed contract with warnings under strictOutput, without --strict', () => {
    const results = [result({ status: 'fail', level: 'assumed', warnings: ['GetDomain body /Tags: expected at least 1 entries; saw object with 0 members'] })];
    expect(exitCodeFor({ results, strict: false, strictOutput: true })).toBe(1);
    expect(exitCodeFor({ results, strict: false })).toBe(0);
  });

  it('returns 0 given warnings on passing, na and skipped contracts, with or without strictOutput', () => {
    const warnings = ['ListDomains body /Items/0/Launched: expected only members the model declares; saw unknown member "Launched"'];
    const results = [result({ warnings }), result({ status: 'na', warnings }), result({ status: 'skip', warnings })];
    expect(exitCodeFor({ results, strict: false })).toBe(0);
    expect(exitCodeFor({ results, strict: false, strictOutput: true })).toBe(0);
  });

  it('returns 0 given a failed assumed contract without warnings under strictOutput', () => {
    expect(exitCodeFor({ results: [result({ status: 'fail', level: 'assumed' })], strict: false, strictOutput: true })).toBe(0);
  });
});
