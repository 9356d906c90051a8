import net from 'node:net';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli, type CliIo } from '../../harness/run/main.ts';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A CLI io with a fake STS and captured output; `reports` is a directory that does not exist yet. */
function io({ argv, env, account }: { argv: string[]; env: Record<string, string>; account?: string }) {
  const base = mkdtempSync(path.join(os.tmpdir(), 'cpct-aws-'));
  dirs.push(base);
  const reports = path.join(base, 'reports');
  let stdout = '';
  let stderr = '';
  const getCallerIdentity = vi.fn(async () => ({ Account: account, Arn: `arn:aws:iam::${account}:user/u` }));
  const cli: CliIo = {
    argv: [...argv, '--reports', reports],
    env,
    cwd: base,
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    onInterrupt: () => () => undefined,
    exitNow: () => undefined,
    getCallerIdentity,
  };
  return { cli, reports, getCallerIdentity, out: () => stdout, err: () => stderr };
}

describe('runCli --target aws', () => {
  it('returns 2 before any network call or file given no CPCT_ALLOW_AWS', async () => {
    const connect = vi.spyOn(net.Socket.prototype, 'connect');
    const run = io({ argv: ['--target', 'aws'], env: { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'x' } });
    expect(await runCli(run.cli)).toBe(2);
    expect(run.err()).toMatch(/^aws: expected CPCT_ALLOW_AWS=1 .*; saw CPCT_ALLOW_AWS unset; set CPCT_ALLOW_AWS=1/);
    expect(run.out()).toBe('');
    expect(run.getCallerIdentity).not.toHaveBeenCalled();
    expect(connect).not.toHaveBeenCalled();
    expect(existsSync(run.reports)).toBe(false);
  });

  it('returns 2 given CPCT_ALLOW_AWS=true (only 1 opts in)', async () => {
    const run = io({ argv: ['--record', '--target', 'aws'], env: { CPCT_ALLOW_AWS: 'true' } });
    expect(await runCli(run.cli)).toBe(2);
    expect(run.err()).toContain('saw CPCT_ALLOW_AWS="true"');
    expect(run.getCallerIdentity).not.toHaveBeenCalled();
  });

  it('returns 2 naming both accounts masked, after one STS call and nothing else, given another CPCT_AWS_ACCOUNT', async () => {
    const connect = vi.spyOn(net.Socket.prototype, 'connect');
    const run = io({ argv: ['--target', 'aws', '--region', 'eu-west-1'], env: { CPCT_ALLOW_AWS: '1', CPCT_AWS_ACCOUNT: '111122223333' }, account: '444455556666' });
    expect(await runCli(run.cli)).toBe(2);
    expect(run.getCallerIdentity).toHaveBeenCalledTimes(1);
    expect(run.getCallerIdentity).toHaveBeenCalledWith({ region: 'eu-west-1' });
    expect(run.err()).toContain('expected credentials of account …3333');
    expect(run.err()).toContain('saw credentials of account …6666');
    expect(run.err()).not.toContain('444455556666');
    expect(connect).not.toHaveBeenCalled();
  });
});
