import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HarnessError } from '../../harness/errors.ts';
import { checkCompatibility, installedSdkVersion, loadTape, loadTapes, tapePath, writeTape, type Tape } from '../../harness/recording/tape.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'cpct-tape-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function goodTape(): Tape {
  return {
    format: 'cpct-tape/1',
    meta: {
      seed: 42,
      referenceClock: '2025-06-09T00:00:00.000Z',
      runId: 'abc123',
      sdkVersion: '3.1019.0',
      projectVersion: '0.1.0',
      targetKind: 'aws',
      region: 'eu-west-1',
      recordedAt: '2025-06-10T12:00:00.000Z',
      contractFile: 'layouts.contract.ts',
    },
    interactions: [
      { scope: 'https://customer-profiles.cpct.invalid', method: 'GET', path: '/domains/d/layouts?max-results=5', body: '', status: 200, response: { Items: [] }, rawHeaders: { 'content-type': 'application/json' }, operation: 'ListDomainLayouts' },
    ],
  };
}

function write(name: string, content: unknown): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function loadError(file: string): HarnessError {
  try {
    loadTape({ file });
  } catch (error) {
    return error as HarnessError;
  }
  throw new Error('expected loadTape to throw');
}

describe('loadTape', () => {
  it('returns the tape written by writeTape, unchanged', () => {
    const file = path.join(dir, 'rt', 'aws', 'layouts.contract.json');
    writeTape({ file, tape: goodTape() });
    expect(loadTape({ file })).toEqual(goodTape());
    expect(readdirSync(path.dirname(file))).toEqual(['layouts.contract.json']);
  });

  it.each([
    ['not JSON', '{ "format": ', 'expected JSON in', 'a syntax error'],
    ['an array', [], 'expected the file to be a JSON object in', 'an array'],
    ['another format', { ...goodTape(), format: 'cpct-tape/2' }, 'expected format to be "cpct-tape/1" in', 'the string "cpct-tape/2"'],
    ['no meta', { ...goodTape(), meta: undefined }, 'expected meta to be an object in', 'undefined'],
    ['a string seed', { ...goodTape(), meta: { ...goodTape().meta, seed: '42' } }, 'expected meta.seed to be a number in', 'the string "42"'],
    ['a bad clock', { ...goodTape(), meta: { ...goodTape().meta, referenceClock: 'yesterday' } }, 'expected meta.referenceClock to be an ISO 8601 date in', 'the string "yesterday"'],
    ['no interactions', { ...goodTape(), interactions: {} }, 'expected interactions to be an array in', 'an object'],
    ['a relative path', { ...goodTape(), interactions: [{ ...goodTape().interactions[0], path: 'domains' }] }, 'expected interactions[0].path to be a path starting with "/" in', 'the string "domains"'],
    ['a bad status', { ...goodTape(), interactions: [goodTape().interactions[0], { ...goodTape().interactions[0], status: 'OK' }] }, 'expected interactions[1].status to be an HTTP status (integer 100..599) in', 'the string "OK"'],
    ['bad headers', { ...goodTape(), interactions: [{ ...goodTape().interactions[0], rawHeaders: ['a'] }] }, 'expected interactions[0].rawHeaders to be an object of string values (or a flat [name, value, …] array) in', 'an array'],
    ['bad binary', { ...goodTape(), interactions: [{ ...goodTape().interactions[0], responseIsBinary: true, response: 'xyz' }] }, 'expected interactions[0].response to be a hex string (responseIsBinary is true) in', 'the string "xyz"'],
  ])('throws a HarnessError naming the file and the place for %s', (name, content, expected, seen) => {
    const file = write(`bad-${name.replace(/\W+/g, '-')}.json`, content);
    const error = loadError(file);
    expect(error).toBeInstanceOf(HarnessError);
    expect(error.message).toContain(`recordings: ${expected} ${file}; saw ${seen}`);
    expect(error.message).toContain('re-record this tape with --record');
  });

  it('throws a HarnessError naming a file that does not exist', () => {
    expect(loadError(path.join(dir, 'missing.json')).message).toContain(`a readable file in ${path.join(dir, 'missing.json')}; saw ENOENT`);
  });
});

describe('loadTapes', () => {
  it('returns the good tapes and one error per malformed tape, which does not stop the others', () => {
    const root = path.join(dir, 'set');
    writeTape({ file: path.join(root, 'aws', 'a.contract.json'), tape: goodTape() });
    write('set/aws/b.contract.json', '{"format":"cpct-tape/1"');
    writeTape({ file: path.join(root, 'endpoint', 'c.contract.json'), tape: goodTape() });
    write('set/README.md', '# not a tape');
    const { tapes, errors } = loadTapes({ dir: root });
    expect(tapes.map((t) => path.relative(root, t.file))).toEqual([path.join('aws', 'a.contract.json'), path.join('endpoint', 'c.contract.json')]);
    expect(errors.map((e) => path.relative(root, e.file))).toEqual([path.join('aws', 'b.contract.json')]);
    expect(errors[0].error.message).toContain(path.join(root, 'aws', 'b.contract.json'));
  });

  it('returns nothing for a directory that does not exist', () => {
    expect(loadTapes({ dir: path.join(dir, 'nope') })).toEqual({ tapes: [], errors: [] });
  });
});

describe('tapePath', () => {
  it('returns recordings/<target-kind>/<contract file without .ts>.json', () => {
    expect(tapePath({ dir: 'recordings', targetKind: 'aws', contractFile: 'specs/contracts/layouts.contract.ts' })).toBe(path.join('recordings', 'aws', 'layouts.contract.json'));
  });

  it('throws a HarnessError for a target kind that is not a plain name', () => {
    expect(() => tapePath({ dir: 'r', targetKind: '../x', contractFile: 'a.ts' })).toThrow(/target kind/);
  });
});

describe('checkCompatibility', () => {
  const meta = { sdkVersion: '3.1019.0', projectVersion: '0.1.0' };

  it('returns ok without notes for the same versions', () => {
    expect(checkCompatibility({ meta, sdkVersion: '3.1019.0', projectVersion: '0.1.0' })).toEqual({ ok: true, notes: [] });
  });

  it('returns ok with a note for another minor of the SDK or another patch of a 0.x project', () => {
    const result = checkCompatibility({ meta, sdkVersion: '3.1030.2', projectVersion: '0.1.4' });
    expect(result.ok).toBe(true);
    expect(result.notes).toEqual([
      'tape recorded with @aws-sdk/client-customer-profiles 3.1019.0, running 3.1030.2: it replays; if a request no longer matches, re-record with --record',
      'tape recorded with customer-profiles-conformance 0.1.0, running 0.1.4: it replays; if a request no longer matches, re-record with --record',
    ]);
  });

  it('returns not ok, saying what to do, for another SDK major, another 0.x minor, or another tape format', () => {
    expect(checkCompatibility({ meta, sdkVersion: '4.0.0', projectVersion: '0.1.0' })).toEqual({
      ok: false,
      notes: ['tape recorded with @aws-sdk/client-customer-profiles 3.1019.0, running 4.0.0 (another major line): re-record with --record, or install @aws-sdk/client-customer-profiles@3.1019.0 to replay it'],
    });
    expect(checkCompatibility({ meta, sdkVersion: '3.1019.0', projectVersion: '0.2.0' }).ok).toBe(false);
    expect(checkCompatibility({ meta: { ...meta, projectVersion: '1.2.0' }, sdkVersion: '3.1019.0', projectVersion: '1.9.0' }).ok).toBe(true);
    const format = checkCompatibility({ meta, sdkVersion: '3.1019.0', projectVersion: '0.1.0', format: 'cpct-tape/0' });
    expect(format).toEqual({ ok: false, notes: ['tape format "cpct-tape/0" is not "cpct-tape/1", which this version reads: re-record the tape with --record'] });
  });

  it('returns the installed SDK version as x.y.z', () => {
    expect(installedSdkVersion()).toMatch(/^3\.\d+\.\d+$/);
  });
});
