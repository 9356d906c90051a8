import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLOCK_ISO, parseGenerateArgs, runGenerateCli } from '../../generators/cli.ts';
import { UsageError } from '../../harness/errors.ts';
import { generateRecords, ndjsonLine } from '../../generators/generate.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'cpct-generate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'generators/cli.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expected(options: Parameters<typeof generateRecords>[0]): string {
  let s = '';
  for (const record of generateRecords(options)) s += ndjsonLine({ record });
  return s;
}

describe('generate CLI (process)', () => {
  it('exits 2 with an expected/saw message and the usage given a non-integer seed', () => {
    const r = cli(['--seed', 'abc', '--profiles', '3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('generate: expected --seed to be an integer; saw "abc"');
    expect(r.stderr).toContain('usage: npm run generate');
    expect(r.stdout).toBe('');
  });

  it('exits 2 given an unknown flag', () => {
    const r = cli(['--seed', '1', '--profiles', '3', '--colour', 'red']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^generate: expected only --seed, --profiles/);
    expect(r.stderr).toContain("'--colour'");
  });

  it('writes NDJSON to stdout, byte-identical to the in-process generator, and nothing to stderr', () => {
    const r = cli(['--seed', '7', '--profiles', '6', '--format', 'iso8601']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines.pop()).toBe('');
    for (const line of lines) {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      expect(Object.keys(parsed)).toEqual(['objectTypeName', 'object']);
      expect(typeof parsed.objectTypeName).toBe('string');
      expect(typeof parsed.object).toBe('object');
    }
    expect(JSON.parse(lines[0]).objectTypeName).toBe('_profile');
    expect(r.stdout).toBe(expected({ seed: 7, clockMs: Date.parse(DEFAULT_CLOCK_ISO), profiles: 6, format: 'iso8601' }));
  });

  it('writes to --out and honours --types and --clock', () => {
    const out = join(tmp, 'loyalty.ndjson');
    const r = cli(['--seed', '7', '--profiles', '8', '--types', 'loyalty', '--clock', '2024-01-15T12:00:00+01:00', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(text).toBe(expected({ seed: 7, clockMs: Date.UTC(2024, 0, 15, 11), profiles: 8, families: ['loyalty'] }));
    const types = new Set(text.trim().split('\n').map((l) => JSON.parse(l).objectTypeName));
    expect([...types].every((t) => t === '_profile' || t.startsWith('loyalty'))).toBe(true);
  });

  it('exits 1 with a message given an --out path that cannot be written', () => {
    const r = cli(['--seed', '1', '--profiles', '2', '--out', join(tmp, 'missing-dir', 'x.ndjson')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^generate: expected to write NDJSON to .*; saw ENOENT/);
  });
});

describe('parseGenerateArgs', () => {
  it.each([
    [['--profiles', '1'], /expected --seed N \(an integer\); saw no --seed/],
    [['--seed', '1'], /expected --profiles N/],
    [['--seed', '1', '--profiles=-1'], /--profiles to be an integer >= 0; saw "-1"/],
    [['--seed', '1', '--profiles', '-1'], /argument is ambiguous/],
    [['--seed', '1.5', '--profiles', '1'], /--seed to be an integer; saw "1.5"/],
    [['--seed', '99999999999999999999', '--profiles', '1'], /--seed to be an integer/],
    [['--seed', '1', '--profiles', '1', '--format', 'csv'], /--format epochmilli or iso8601; saw "csv"/],
    [['--seed', '1', '--profiles', '1', '--types', 'air,boat'], /subset of air,hotel,loyalty; saw "air,boat"/],
    [['--seed', '1', '--profiles', '1', '--types', ''], /subset of air,hotel,loyalty/],
    [['--seed', '1', '--profiles', '1', '--clock', 'yesterday'], /--clock as an ISO 8601 date/],
    [['--seed', '1', '--profiles', '1', '--clock', '1700000000'], /--clock as an ISO 8601 date/],
    [['--seed', '1', '--profiles', '1', 'extra'], /saw Unexpected argument|positional/i],
    [['--seed'], /expected only --seed/],
  ])('throws a UsageError given %j', (argv, message) => {
    expect(() => parseGenerateArgs({ argv })).toThrow(UsageError);
    expect(() => parseGenerateArgs({ argv })).toThrow(message);
  });

  it('returns the defaults: all families, epochmilli, the fixed documented clock', () => {
    expect(parseGenerateArgs({ argv: ['--seed=-3', '--profiles', '0'] })).toEqual({
      seed: -3,
      profiles: 0,
      out: undefined,
      families: ['air', 'hotel', 'loyalty'],
      format: 'epochmilli',
      clockMs: Date.UTC(2025, 5, 9),
      help: false,
    });
  });

  it('returns families in canonical order given --types loyalty,air', () => {
    expect(parseGenerateArgs({ argv: ['--seed', '1', '--profiles', '1', '--types', 'loyalty,air'] }).families).toEqual(['air', 'loyalty']);
  });
});

describe('runGenerateCli', () => {
  function capture(isTTY: boolean) {
    const stream = new PassThrough() as PassThrough & { isTTY?: boolean };
    stream.isTTY = isTTY;
    let text = '';
    stream.on('data', (d) => (text += String(d)));
    return { stream, text: () => text };
  }

  it('draws a progress bar on stderr only when stderr is a TTY and the output is large', async () => {
    const quietErr = capture(false);
    const out1 = capture(false);
    expect(await runGenerateCli({ argv: ['--seed', '1', '--profiles', '1000', '--types', 'air'], stdout: out1.stream, stderr: quietErr.stream })).toBe(0);
    expect(quietErr.text()).toBe('');
    const ttyErr = capture(true);
    const out2 = capture(false);
    expect(await runGenerateCli({ argv: ['--seed', '1', '--profiles', '1000', '--types', 'air'], stdout: out2.stream, stderr: ttyErr.stream })).toBe(0);
    expect(ttyErr.text()).toContain('1000/1000 profiles');
    expect(out2.text()).toBe(out1.text());
  });

  it('prints usage and returns 0 given --help', async () => {
    const out = capture(false);
    expect(await runGenerateCli({ argv: ['--help'], stdout: out.stream, stderr: capture(false).stream })).toBe(0);
    expect(out.text()).toContain('--seed N');
  });
});
