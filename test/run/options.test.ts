import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../harness/errors.ts';
import { parseCliArgs, parseEndpointUrl } from '../../harness/run/options.ts';

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
      common: { reportsDir: path.join(cwd, 'reports'), seed: 1, grep: undefined, strict: false, optional: [] },
    });
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

  it('returns selftest and help modes', () => {
    expect(parse('--selftest').kind).toBe('selftest');
    expect(parse('--help').kind).toBe('help');
    expect(parse('-h').kind).toBe('help');
  });

  it('returns an embedded run with a fault given --fault NAME', () => {
    expect(parse('--fault', 'tags-dropped')).toMatchObject({ kind: 'run', target: { kind: 'embedded', fault: 'tags-dropped' } });
  });

  it.each([
    [['--bogus'], 'known flags'],
    [['--seed=-1'], '--seed to be an integer'],
    [['--seed', '1.5'], '--seed to be an integer'],
    [['--seed', '99999999999'], '--seed to be an integer'],
    [['--grep', '('], 'valid regular expression'],
    [['--optional', 'NoSuchOperation'], '--optional to list operations in scope'],
    [['--fault', 'no-such-fault'], '--fault to name a fault'],
    [['--target', 'aws'], 'the AWS target arrives with a later issue'],
    [['--target', 'mars'], '--target embedded'],
    [['--record', '--endpoint', 'http://x.test'], 'record and replay arrive with a later issue'],
    [['--replay'], 'record and replay arrive with a later issue'],
    [['--recordings', 'dir'], 'record and replay arrive with a later issue'],
    [['--selftest', '--endpoint', 'http://x.test'], '--selftest alone'],
    [['--endpoint', 'http://x.test', '--fault', 'tags-dropped'], 'pick one target'],
    [['--region', 'eu-west-1'], '--region only with --endpoint'],
    [['positional'], 'known flags'],
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
