import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../harness/errors.ts';
import { ROOT } from '../cli/run-cli.ts';
import { nearestFlag, parseCliArgs, parseEndpointUrl } from '../../harness/run/options.ts';
import { DEFAULT_CONVERGE_MS } from '../../harness/run/config.ts';

const cwd = '/work/some-project';
const parse = (...argv: string[]) => parseCliArgs({ argv, cwd });

function usageMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('parseCliArgs', () => {
  it('returns an embedded run with seed 1, reports/ under cwd and nothing optional given no flags', () => {
    expect(parse()).toEqual({
      kind: 'run',
      target: { kind: 'embedded', fault: undefined },
      common: { reportsDir: path.join(cwd, 'reports'), seed: 1, grep: undefined, strict: false, strictOutput: false, optional: [], convergeMs: DEFAULT_CONVERGE_MS },
    });
  });

  it('returns the waiting budget given --converge-ms, and a usage error given a value that is not a whole number of milliseconds', () => {
    const mode = parse('--converge-ms', '60000');
    expect(mode.kind === 'run' && mode.common.convergeMs).toBe(60_000);
    const zero = parse('--converge-ms', '0');
    expect(zero.kind === 'run' && zero.common.convergeMs).toBe(0);
    for (const bad of ['-1', '1.5', 'soon', '99999999999']) expect(() => parse(`--converge-ms=${bad}`)).toThrow(/--converge-ms to be a whole number of milliseconds/);
    expect(() => parse('--merge', 'a', '--converge-ms', '5')).toThrow(/--converge-ms/);
  });

  it('returns strictOutput true given --strict-output, for runs and sharded parts, independent of --strict', () => {
    expect(parse('--strict-output')).toMatchObject({ kind: 'run', common: { strict: false, strictOutput: true } });
    expect(parse('--shard', '1/2', '--strict-output', '--strict')).toMatchObject({ kind: 'run', shard: { index: 1, count: 2 }, common: { strict: true, strictOutput: true } });
  });

  it('returns an endpoint run with region us-east-1 given --endpoint', () => {
    const mode = parse('--endpoint', 'http://127.0.0.1:4566/');
    expect(mode).toMatchObject({ kind: 'run', target: { kind: 'endpoint', url: 'http://127.0.0.1:4566', region: 'us-east-1' } });
  });

  it('returns the region, reports, seed, grep, strict and optional operations given them', () => {
    const mode = parse('--endpoint', 'https://example.test', '--region', 'eu-west-2', '--reports', 'out', '--seed', '42', '--grep', '^LAYOUT-', '--strict', '--optional', 'CreateDomainLayout, ListDomainLayouts');
    expect(mode).toMatchObject({
      kind: 'run',
      target: { kind: 'endpoint', url: 'https://example.test', region: 'eu-west-2' },
      common: { reportsDir: path.join(cwd, 'out'), seed: 42, strict: true, optional: ['CreateDomainLayout', 'ListDomainLayouts'] },
    });
    expect(mode.kind === 'run' && mode.common.grep?.source).toBe('^LAYOUT-');
  });

  it('returns an AWS run with the region unresolved given --target aws alone, and with it given --region', () => {
    expect(parse('--target', 'aws')).toMatchObject({ kind: 'run', target: { kind: 'aws' } });
    expect(parse('--target', 'aws').kind === 'run' && 'region' in (parse('--target', 'aws') as { target: object }).target).toBe(false);
    expect(parse('--target', 'aws', '--region', 'eu-west-2')).toMatchObject({ kind: 'run', target: { kind: 'aws', region: 'eu-west-2' } });
  });

  it('returns a record run into recordings/ under cwd given --record --endpoint, and into DIR given --recordings', () => {
    expect(parse('--record', '--endpoint', 'http://127.0.0.1:1')).toMatchObject({ kind: 'run', target: { kind: 'endpoint' }, record: { dir: path.join(cwd, 'recordings') } });
    expect(parse('--record', '--target', 'aws', '--recordings', 'tapes')).toMatchObject({ kind: 'run', target: { kind: 'aws' }, record: { dir: path.join(cwd, 'tapes') } });
  });

  it('returns a replay run from recordings/ under cwd given --replay, and from DIR given --recordings', () => {
    expect(parse('--replay')).toEqual({ kind: 'run', target: { kind: 'replay', dir: path.join(cwd, 'recordings'), packaged: path.join(ROOT, 'recordings') }, common: expect.anything() });
    expect(parse('--replay', '--recordings', '/abs/tapes/mock')).toEqual({ kind: 'run', target: { kind: 'replay', dir: '/abs/tapes/mock' }, common: expect.anything() });
  });

  it('returns selftest and help modes', () => {
    expect(parse('--selftest').kind).toBe('selftest');
    expect(parse('--help').kind).toBe('help');
    expect(parse('-h').kind).toBe('help');
  });

  it('returns the part given --shard I/N, for embedded, endpoint and replay runs', () => {
    expect(parse('--shard', '2/3')).toMatchObject({ kind: 'run', target: { kind: 'embedded' }, shard: { index: 2, count: 3 } });
    expect(parse('--endpoint', 'http://127.0.0.1:1', '--shard', '1/2')).toMatchObject({ kind: 'run', shard: { index: 1, count: 2 } });
    expect(parse('--replay', '--shard', '2/2')).toMatchObject({ kind: 'run', target: { kind: 'replay' }, shard: { index: 2, count: 2 } });
    expect('shard' in parse()).toBe(false);
  });

  it('returns a merge of absolute, de-duplicated directories given --merge A B and --merge A --merge C', () => {
    expect(parse('--merge', 'p1', 'p2', '/abs/p3', 'p1', '--reports', 'all', '--strict')).toEqual({
      kind: 'merge',
      dirs: [path.join(cwd, 'p1'), path.join(cwd, 'p2'), '/abs/p3'],
      common: expect.objectContaining({ reportsDir: path.join(cwd, 'all'), strict: true }),
    });
    expect(parse('--merge', 'a', '--merge', 'c')).toMatchObject({ kind: 'merge', dirs: [path.join(cwd, 'a'), path.join(cwd, 'c')] });
  });

  it('returns fuzz N given --fuzz N, and no fuzz (the default) without it', () => {
    expect(parse('--fuzz', '200')).toMatchObject({ kind: 'run', common: { fuzz: 200 } });
    expect(parse('--fuzz', '0')).toMatchObject({ kind: 'run', common: { fuzz: 0 } });
    expect((parse() as { common: { fuzz?: number } }).common.fuzz).toBeUndefined();
  });

  it('returns a usage error naming the range given --fuzz that is not an integer from 0 to 10000', () => {
    for (const bad of ['-1', '1.5', 'many', '10001']) expect(usageMessage(() => parse(`--fuzz=${bad}`))).toContain('--fuzz to be an integer from 0 to 10000');
  });

  it('returns an embedded run with a fault given --fault NAME', () => {
    expect(parse('--fault', 'tags-dropped')).toMatchObject({ kind: 'run', target: { kind: 'embedded', fault: 'tags-dropped' } });
  });

  it.each([
    [['--bogus'], 'a flag cpct knows'],
    [['--seed'], 'a value after --seed'],
    [['--list', '--seed', '3'], '--list with at most --grep'],
    [['--seed=-1'], '--seed to be an integer'],
    [['--seed', '1.5'], '--seed to be an integer'],
    [['--seed', '99999999999'], '--seed to be an integer'],
    [['--grep', '('], 'valid regular expression'],
    [['--optional', 'NoSuchOperation'], '--optional to list operations in scope'],
    [['--fault', 'no-such-fault'], '--fault to name a fault'],
    [['--target', 'mars'], '--target embedded or --target aws'],
    [['--target', 'aws', '--fault', 'tags-dropped'], '--target aws without --fault'],
    [['--target', 'aws', '--region', 'moon'], '--region to be an AWS region'],
    [['--record'], '--record with a live target'],
    [['--record', '--fault', 'tags-dropped'], '--record with a live target'],
    [['--record', '--replay'], '--record or --replay, not both'],
    [['--replay', '--endpoint', 'http://x.test'], '--replay without a live target'],
    [['--replay', '--target', 'aws'], '--replay without a live target'],
    [['--recordings', 'dir'], '--recordings with --record or --replay'],
    [['--replay', '--recordings', ''], '--recordings to name a directory'],
    [['--selftest', '--replay'], '--selftest alone'],
    [['--selftest', '--endpoint', 'http://x.test'], '--selftest alone'],
    [['--endpoint', 'http://x.test', '--fault', 'tags-dropped'], 'pick one target'],
    [['--region', 'eu-west-1'], '--region only with --endpoint or --target aws'],
    [['positional'], 'flags only (directories follow --merge, and one follows --diff)'],
    [['--shard', '0/2'], '--shard I/N with 1 <= I <= N <= 64'],
    [['--shard', '3/2'], '--shard I/N'],
    [['--shard', 'half'], '--shard I/N'],
    [['--selftest', '--shard', '1/2'], '--selftest alone'],
    [['--merge', 'a', '--seed', '3'], '--merge with only --reports and --strict'],
    [['--merge', 'a', '--shard', '1/2'], '--merge with only --reports and --strict'],
    [['--merge', 'a', '--strict-output'], 'the merge applies their --strict-output'],
    [['--selftest', '--strict-output'], '--selftest alone'],
    [['--merge', ''], '--merge to name directories'],
  ])('throws a UsageError for %j', (argv, fragment) => {
    const message = usageMessage(() => parse(...argv));
    expect(message).toMatch(/^cpct: expected .*; saw .*; .+/);
    expect(message).toContain(fragment);
  });
});

describe('parseEndpointUrl', () => {
  it('returns the URL without trailing slashes given an http or https URL', () => {
    expect(parseEndpointUrl({ value: 'http://localhost:4566//' })).toBe('http://localhost:4566');
    expect(parseEndpointUrl({ value: 'https://profile.us-east-1.amazonaws.com' })).toBe('https://profile.us-east-1.amazonaws.com');
  });

  it.each(['localhost:4566', 'ftp://x.test', 'not a url', 'http://x.test/?a=1', 'http://user:pw@x.test'])('throws a UsageError given %s', (value) => {
    expect(usageMessage(() => parseEndpointUrl({ value }))).toContain('--endpoint');
  });
});

describe('parseCliArgs (flags a new user mistypes)', () => {
  const message = (...argv: string[]) => {
    try {
      parseCliArgs({ argv, cwd: '/w' });
    } catch (error) {
      return (error as Error).message;
    }
    return 'no error';
  };

  it('returns "unknown flag" with the nearest flag and no Node quoting given a misspelt flag', () => {
    expect(message('--gerp', 'x')).toBe('cpct: expected a flag cpct knows; saw unknown flag --gerp; did you mean --grep? see --help');
    expect(message('--bogus')).toBe('cpct: expected a flag cpct knows; saw unknown flag --bogus; see --help');
    expect(message('--strict-ouptut')).toMatch(/did you mean --strict-output\?/);
  });

  it('returns the version and list modes given --version and --list [--grep]', () => {
    expect(parseCliArgs({ argv: ['--version'], cwd: '/w' })).toEqual({ kind: 'version' });
    expect(parseCliArgs({ argv: ['--list'], cwd: '/w' })).toEqual({ kind: 'list' });
    expect(parseCliArgs({ argv: ['--list', '--grep', '^PAGE-'], cwd: '/w' })).toEqual({ kind: 'list', grep: /^PAGE-/ });
  });
});

describe('nearestFlag', () => {
  it('returns the flag within three edits or sharing a prefix, else undefined', () => {
    expect(nearestFlag({ name: 'endpont' })).toBe('endpoint');
    expect(nearestFlag({ name: 'selft' })).toBe('selftest');
    expect(nearestFlag({ name: 'zzzzzzzz' })).toBeUndefined();
  });
});
