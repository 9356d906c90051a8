import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../harness/errors.ts';
import { startMockServer } from '../../harness/mock/server.ts';
import { credentialsFromEnv, guardAwsRun, newRunId, prepareReportsDir, probeEndpoint, targetSpecOf, type CliIo } from '../../harness/run/main.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('credentialsFromEnv', () => {
  it('returns the recognisably fake pair given no or half credentials', () => {
    const dummy = { accessKeyId: 'CPCTDUMMYACCESSKEY00', secretAccessKey: 'cpct-dummy-secret-access-key' };
    expect(credentialsFromEnv({ env: {} })).toEqual(dummy);
    expect(credentialsFromEnv({ env: { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE' } })).toEqual(dummy);
  });

  it('returns a new pair each time, so what the SDK writes onto one client\'s credentials does not reach the next', () => {
    const first = credentialsFromEnv({ env: {} }) as unknown as Record<string, unknown>;
    first.$source = { CREDENTIALS_CODE: 'e' };
    expect(credentialsFromEnv({ env: {} })).toEqual({ accessKeyId: 'CPCTDUMMYACCESSKEY00', secretAccessKey: 'cpct-dummy-secret-access-key' });
  });

  it('returns the environment\'s key pair, with the session token when one is set', () => {
    expect(credentialsFromEnv({ env: { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 's' } })).toEqual({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 's' });
    expect(credentialsFromEnv({ env: { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 's', AWS_SESSION_TOKEN: 't' } })).toEqual({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 's', sessionToken: 't' });
  });
});

describe('targetSpecOf', () => {
  it('returns the AWS region from --region, else AWS_REGION, else AWS_DEFAULT_REGION, else us-east-1', () => {
    expect(targetSpecOf({ choice: { kind: 'aws', region: 'eu-west-1' }, env: { AWS_REGION: 'us-west-2' } })).toEqual({ kind: 'aws', region: 'eu-west-1' });
    expect(targetSpecOf({ choice: { kind: 'aws' }, env: { AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'ap-south-1' } })).toEqual({ kind: 'aws', region: 'us-west-2' });
    expect(targetSpecOf({ choice: { kind: 'aws' }, env: { AWS_REGION: '', AWS_DEFAULT_REGION: 'ap-south-1' } })).toEqual({ kind: 'aws', region: 'ap-south-1' });
    expect(targetSpecOf({ choice: { kind: 'aws' }, env: {} })).toEqual({ kind: 'aws', region: 'us-east-1' });
  });

  it('returns an endpoint with the environment\'s credentials, a replay of a folder of tapes, and the embedded target with its fault', () => {
    expect(targetSpecOf({ choice: { kind: 'endpoint', url: 'http://127.0.0.1:4566', region: 'us-east-1' }, env: { AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b' } })).toEqual({
      kind: 'endpoint', url: 'http://127.0.0.1:4566', region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    });
    expect(targetSpecOf({ choice: { kind: 'replay', dir: '/tapes/mock' }, env: {} })).toEqual({ kind: 'replay', dir: '/tapes', tapeKind: 'mock' });
    expect(targetSpecOf({ choice: { kind: 'replay', dir: '/x' }, env: {}, replay: { root: '/recordings', kind: 'endpoint', tapes: [], errors: [] } })).toEqual({ kind: 'replay', dir: '/recordings', tapeKind: 'endpoint' });
    expect(targetSpecOf({ choice: { kind: 'embedded' }, env: {} })).toEqual({ kind: 'embedded' });
    expect(targetSpecOf({ choice: { kind: 'embedded', fault: 'tags-dropped' }, env: {} })).toEqual({ kind: 'embedded', fault: 'tags-dropped' });
  });
});

describe('guardAwsRun', () => {
  const io = (env: Record<string, string>, getCallerIdentity: CliIo['getCallerIdentity']): CliIo => ({
    argv: [], env, cwd: '/', stdout: { write: () => true }, stderr: { write: () => true }, onInterrupt: () => () => undefined, exitNow: () => undefined, getCallerIdentity,
  });

  it('returns the caller\'s account given CPCT_ALLOW_AWS=1 and a matching or unset CPCT_AWS_ACCOUNT', async () => {
    const sts = async () => ({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/u' });
    expect(await guardAwsRun({ io: io({ CPCT_ALLOW_AWS: '1', CPCT_AWS_ACCOUNT: '111122223333' }, sts), region: 'us-east-1' })).toBe('111122223333');
    expect(await guardAwsRun({ io: io({ CPCT_ALLOW_AWS: '1' }, sts), region: 'us-east-1' })).toBe('111122223333');
  });

  it('throws a UsageError saying nothing was created given STS that fails', async () => {
    const sts = async () => {
      throw Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    };
    const error = await guardAwsRun({ io: io({ CPCT_ALLOW_AWS: '1' }, sts), region: 'eu-west-1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      'aws: expected STS GetCallerIdentity to answer with the credentials of the default chain; saw CredentialsProviderError: Could not load credentials from any providers; ' +
        'check the credentials (AWS_PROFILE, AWS_ACCESS_KEY_ID, SSO login, ...) and the region; nothing was created',
    );
  });

  it('throws before calling STS given no CPCT_ALLOW_AWS', async () => {
    let called = false;
    const sts = async () => {
      called = true;
      return { Account: '111122223333' };
    };
    await expect(guardAwsRun({ io: io({}, sts), region: 'us-east-1' })).rejects.toBeInstanceOf(UsageError);
    expect(called).toBe(false);
  });
});

describe('newRunId', () => {
  it('returns 8 lower-case hex digits, a new one each time', () => {
    const ids = Array.from({ length: 20 }, () => newRunId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}$/);
    expect(new Set(ids).size).toBe(20);
  });
});

describe('probeEndpoint', () => {
  /** Serves one canned answer on a loopback port for the length of `body`. */
  async function withServer(answer: { status: number; headers: Record<string, string>; body: string }, body: (url: string) => Promise<void>): Promise<void> {
    const server = http.createServer((_req, res) => {
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await body(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it('resolves given the reference implementation (404 ResourceNotFoundException as JSON)', async () => {
    const mock = await startMockServer({ port: 0, host: '127.0.0.1' });
    try {
      await expect(probeEndpoint({ url: mock.url })).resolves.toBeUndefined();
    } finally {
      await mock.close();
    }
  });

  it('resolves given a JSON error that names its type in the body only', async () => {
    await withServer({ status: 403, headers: { 'content-type': 'application/json' }, body: '{"__type":"AccessDeniedException","message":"no"}' }, async (url) => {
      await expect(probeEndpoint({ url })).resolves.toBeUndefined();
    });
  });

  it('throws a usage error naming status and content type given an HTML file server', async () => {
    await withServer({ status: 404, headers: { 'content-type': 'text/html' }, body: '<!DOCTYPE HTML><title>Error response</title>' }, async (url) => {
      const error = await probeEndpoint({ url }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toMatch(/^cpct: expected http:\/\/127\.0\.0\.1:\d+ to answer like the Customer Profiles API .*; saw 404 text\/html: the content type is not JSON; body starts "<!DOCTYPE/);
    });
  });

  it('throws given a JSON error without an error type', async () => {
    await withServer({ status: 404, headers: { 'content-type': 'application/json' }, body: '{"error":"not found"}' }, async (url) => {
      await expect(probeEndpoint({ url })).rejects.toThrow(/the error names no error type/);
    });
  });

  it('throws saying nothing was sent given a port fetch blocks (1)', async () => {
    await expect(probeEndpoint({ url: 'http://127.0.0.1:1' })).rejects.toThrow(/port 1, which fetch refuses to contact .*nothing was sent/);
  });
});

describe('prepareReportsDir', () => {
  it('creates the directory with its parents', async () => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'cpct-reports-'));
    dirs.push(base);
    const dir = path.join(base, 'a', 'b');
    await prepareReportsDir({ dir });
    expect(existsSync(dir)).toBe(true);
  });
});
