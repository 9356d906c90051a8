import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sanitizeTape } from '../../harness/recording/sanitize.ts';
import { formatFindings, scanFile, scanRecordings, scanValue } from '../../harness/recording/scan.ts';
import { writeTape } from '../../harness/recording/tape.ts';
import { ACCESS_KEY_ID, ACCOUNT, GENERATED, plantedTape, REAL_EMAIL, SECRET_KEY, SESSION_TOKEN } from './planted.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'cpct-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scanValue', () => {
  const findings = scanValue({ value: plantedTape(), file: 'planted.json' });
  const at = (location: string) => findings.filter((f) => f.location === location).map((f) => f.kind);

  it('returns a finding of every kind in an unsanitized tape', () => {
    expect(new Set(findings.map((f) => f.kind))).toEqual(new Set(['auth-header', 'signature', 'access-key-id', 'account-id', 'session-token', 'secret', 'email', 'phone']));
  });

  it('returns each finding at its JSON location, inside JSON strings and percent-encoded paths too', () => {
    expect(at('/interactions/0/reqheaders/Authorization')).toEqual(['auth-header']);
    expect(at('/interactions/0/reqheaders/X-Amz-Security-Token')).toEqual(['auth-header']);
    expect(at('/interactions/0/reqheaders/X-Amz-Date')).toEqual(['auth-header']);
    expect(at('/interactions/0/rawHeaders/Authorization')).toEqual(['auth-header']);
    expect(at('/interactions/0/rawHeaders/x-amz-account-id')).toEqual(['account-id']);
    expect(at('/interactions/0/path (percent-decoded)')).toEqual(expect.arrayContaining(['account-id', 'email']));
    expect(at('/interactions/0/path')).toEqual(expect.arrayContaining(['account-id', 'access-key-id']));
    expect(at('/interactions/0/body/AccountId')).toEqual(['account-id']);
    expect(at('/interactions/0/body/Note')).toEqual(['secret']);
    expect(at('/interactions/0/body/Queue')).toEqual(['account-id']);
    expect(at('/interactions/0/body/Nested/Object (JSON inside the string) /SessionToken')).toEqual(['session-token']);
    expect(at('/interactions/0/body/Nested/Object (JSON inside the string) /Email')).toEqual(['email']);
    expect(at('/interactions/0/response/Credentials/AccessKeyId')).toEqual(['access-key-id']);
    expect(at('/interactions/0/response/Credentials/Password')).toEqual(['secret']);
    expect(at('/interactions/0/response/Owner/OwnerAccountId')).toEqual(['account-id']);
    expect(at('/interactions/0/response/Profile/PhoneNumber')).toEqual(['phone']);
    expect(at('/interactions/0/response/Url')).toEqual(expect.arrayContaining(['signature', 'access-key-id', 'session-token']));
    expect(at('/interactions/0/violations/0/seen')).toEqual(['email']);
  });

  it('returns nothing for synthetic contact data, the fake account and placeholders', () => {
    const value = {
      interactions: [
        {
          rawHeaders: { 'x-amz-account-id': '000000000000' },
          response: {
            EmailAddress: GENERATED.email,
            PhoneNumber: GENERATED.phone,
            Other: `${GENERATED.ukPhone} redacted-email-0123abcd@example.invalid redacted-phone-0123abcd`,
            Arn: 'arn:aws:profile:us-east-1:000000000000:domains/d',
            Credentials: { AccessKeyId: 'REDACTED_ACCESS_KEY_ID', SecretAccessKey: 'REDACTED_SECRET', SessionToken: 'REDACTED_SESSION_TOKEN' },
            NextToken: 'opaque',
          },
        },
      ],
    };
    expect(scanValue({ value, file: 'clean.json' })).toEqual([]);
  });

  it('returns excerpts that do not repeat the secret', () => {
    const text = formatFindings({ findings });
    for (const secret of [SECRET_KEY, SESSION_TOKEN, ACCESS_KEY_ID, REAL_EMAIL, ACCOUNT]) expect(text).not.toContain(secret);
  });
});

describe('scanRecordings', () => {
  it('returns findings naming the file, for tapes in nested folders, and none for a sanitized tape or a README', () => {
    const root = path.join(dir, 'recordings');
    writeTape({ file: path.join(root, 'aws', 'dirty.json'), tape: plantedTape() });
    writeTape({ file: path.join(root, 'aws', 'clean.json'), tape: sanitizeTape({ tape: plantedTape() }) });
    writeFileSync(path.join(root, 'README.md'), `mentions ${ACCESS_KEY_ID} in prose, not a tape\n`);
    const findings = scanRecordings({ dir: root });
    expect(findings.length).toBeGreaterThan(10);
    expect(new Set(findings.map((f) => f.file))).toEqual(new Set([path.join(root, 'aws', 'dirty.json')]));
  });

  it('returns findings by line for a file that is not JSON', () => {
    const bad = path.join(dir, 'broken');
    mkdirSync(bad);
    writeFileSync(path.join(bad, 'x.json'), `{ "oops": \n "${ACCESS_KEY_ID}"`);
    expect(scanFile({ file: path.join(bad, 'x.json') })).toEqual([{ file: path.join(bad, 'x.json'), location: 'line 2', kind: 'access-key-id', excerpt: '"AKIA"… (20 chars)' }]);
  });

  it('returns no findings for a missing directory', () => {
    expect(scanRecordings({ dir: path.join(dir, 'nope') })).toEqual([]);
  });
});
