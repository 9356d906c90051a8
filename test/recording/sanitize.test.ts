import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CANONICAL_SCOPE,
  FAKE_ACCOUNT_ID,
  normalizeForMatch,
  piiPlaceholder,
  sanitizeInteraction,
  sanitizeTape,
  type SanitizeOptions,
} from '../../harness/recording/sanitize.ts';
import { scanFile, scanValue } from '../../harness/recording/scan.ts';
import { writeTape, type Tape, type TapeInteraction } from '../../harness/recording/tape.ts';
import {
  ACCESS_KEY_ID,
  ACCOUNT,
  FORBIDDEN,
  GENERATED,
  OTHER_ACCOUNT,
  plantedInteraction,
  plantedTape,
  REAL_EMAIL,
  SECRET_KEY,
  SESSION_TOKEN,
} from './planted.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'cpct-sanitize-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OPTIONS: SanitizeOptions = { allow: new Set([GENERATED.firstName]), key: 'test-key' };
const EMAIL_PLACEHOLDER_RE = /^redacted-email-[0-9a-f]{8}@example\.invalid$/;

describe('sanitizeInteraction', () => {
  const clean = sanitizeInteraction({ interaction: plantedInteraction(), options: OPTIONS });
  const text = JSON.stringify(clean);
  const response = clean.response as Record<string, any>;
  const body = clean.body as Record<string, any>;

  it('returns an interaction holding none of the planted secrets or personal data, anywhere', () => {
    for (const planted of FORBIDDEN) expect(text, planted).not.toContain(planted);
    // Percent-encoded and JSON-escaped forms too.
    for (const planted of [REAL_EMAIL, SESSION_TOKEN, SECRET_KEY]) {
      expect(text).not.toContain(encodeURIComponent(planted));
      expect(text).not.toContain(JSON.stringify(planted).slice(1, -1));
    }
  });

  it('returns an interaction the scanner finds nothing in, once written to a file', () => {
    const file = path.join(dir, 'clean.json');
    writeTape({ file, tape: { ...plantedTape(), interactions: [clean] } });
    expect(scanFile({ file })).toEqual([]);
  });

  it('returns the canonical scope and no credential or per-request header', () => {
    expect(clean.scope).toBe(CANONICAL_SCOPE);
    expect(clean.reqheaders).toEqual({ 'content-type': 'application/json' });
    expect(Object.keys(clean.rawHeaders as object).sort()).toEqual(['content-length', 'content-type', 'x-amz-account-id', 'x-amzn-errormessage', 'x-amzn-requestid']);
    expect((clean.rawHeaders as Record<string, string>)['x-amz-account-id']).toBe(FAKE_ACCOUNT_ID);
    expect((clean.rawHeaders as Record<string, string>)['x-amzn-errormessage']).toBe(`arn:aws:iam::${FAKE_ACCOUNT_ID}:user/u`);
  });

  it('returns the path with the ARN label and query values rewritten, percent-encoded as the SDK encodes them', () => {
    expect(clean.path).toMatch(
      new RegExp(
        `^/tags/arn%3Aaws%3Aprofile%3Aus-east-1%3A${FAKE_ACCOUNT_ID}%3Adomains%2Fd\\?next-token=abc&owner=redacted-email-[0-9a-f]{8}%40example\\.invalid&key=REDACTED_ACCESS_KEY_ID&q=arn%3Aaws%3Aiam%3A%3A${FAKE_ACCOUNT_ID}%3Arole%2Fr$`,
      ),
    );
  });

  it('returns account ids replaced by the fake one in ARNs, account fields (string or number), URLs and JSON inside strings', () => {
    expect(body.ResourceArn).toBe(`arn:aws:profile:us-east-1:${FAKE_ACCOUNT_ID}:domains/d`);
    expect(body.AccountId).toBe(FAKE_ACCOUNT_ID);
    expect(body.Queue).toBe(`https://sqs.us-east-1.amazonaws.com/${FAKE_ACCOUNT_ID}/dlq`);
    expect(JSON.parse(body.Nested.Object).Role).toBe(`arn:aws:iam::${FAKE_ACCOUNT_ID}:role/x`);
    expect(response.Owner.OwnerAccountId).toBe(0);
  });

  it('returns credentials replaced by fixed placeholders, key-named fields and free text alike', () => {
    expect(response.Credentials).toEqual({ AccessKeyId: 'REDACTED_ACCESS_KEY_ID', SecretAccessKey: 'REDACTED_SECRET', SessionToken: 'REDACTED_SESSION_TOKEN', Password: 'REDACTED_SECRET' });
    expect(body.Note).toBe('aws_secret_access_key = REDACTED_SECRET');
    expect(JSON.parse(body.Nested.Object).SessionToken).toBe('REDACTED_SESSION_TOKEN');
    expect(response.Echo).toBe('Authorization: REDACTED_AUTHORIZATION');
    expect(response.Url).toBe('https://b.s3.amazonaws.com/k?X-Amz-Credential=REDACTED&X-Amz-Signature=REDACTED&X-Amz-Security-Token=REDACTED');
    expect(response.NextToken).toBe('opaque-next-token');
  });

  it('returns personal data the run did not generate as stable placeholders, so equal values stay equal', () => {
    const p = response.Profile;
    expect(p.EmailAddress).toMatch(EMAIL_PLACEHOLDER_RE);
    expect(JSON.parse(response.Items[0].Object).EmailAddress).toBe(p.EmailAddress);
    expect(JSON.parse(body.Nested.Object).Email).toBe(p.EmailAddress);
    expect(clean.path).toContain(encodeURIComponent(p.EmailAddress));
    expect(p.PhoneNumber).toMatch(/^redacted-phone-[0-9a-f]{8}$/);
    expect(JSON.parse(response.Items[0].Object).PhoneNumber).toBe(p.PhoneNumber);
    expect(p.FirstName).toMatch(/^redacted-name-[0-9a-f]{8}$/);
    expect(p.LastName).toMatch(/^redacted-name-[0-9a-f]{8}$/);
    expect(p.FirstName).not.toBe(p.LastName);
    expect(p.BirthDate).toMatch(/^redacted-date-[0-9a-f]{8}$/);
    expect(p.Address).toEqual({ Address1: expect.stringMatching(/^redacted-address-/), City: expect.stringMatching(/^redacted-address-/), PostalCode: expect.stringMatching(/^redacted-address-/), Country: 'US' });
    expect(response.Message).toBe(`User: arn:aws:sts::${FAKE_ACCOUNT_ID}:assumed-role/r/s is not authorized; contact ${p.EmailAddress} or ${p.PhoneNumber}`);
    expect((clean.violations as { seen: string }[])[0].seen).toBe(`"${p.EmailAddress}"`);
  });

  it('returns generated data unchanged: allow-listed values, reserved-domain e-mails and fiction-range phones', () => {
    expect(response.Generated).toEqual({ FirstName: GENERATED.firstName, EmailAddress: GENERATED.email, PhoneNumber: GENERATED.phone });
    expect(response.Profile.MobilePhoneNumber).toBe(GENERATED.ukPhone);
    expect(body.FirstName).toBe(GENERATED.firstName);
    // Without the allow-list, a generated name is indistinguishable from a real one.
    const strict = sanitizeInteraction({ interaction: plantedInteraction(), options: { key: 'test-key' } });
    expect((strict.response as any).Generated.FirstName).toMatch(/^redacted-name-/);
  });

  it('returns placeholders that depend on the key, so a low-entropy value cannot be looked up without it', () => {
    const a = piiPlaceholder({ kind: 'phone', value: '+14155551234', key: 'k1' });
    expect(a).toBe(piiPlaceholder({ kind: 'phone', value: '+14155551234', key: 'k1' }));
    expect(a).not.toBe(piiPlaceholder({ kind: 'phone', value: '+14155551234', key: 'k2' }));
    expect(a).not.toBe(piiPlaceholder({ kind: 'phone', value: '+14155551235', key: 'k1' }));
  });

  it('returns the content-length of the sanitized body, and leaves its input untouched', () => {
    const input = plantedInteraction();
    const before = JSON.stringify(input);
    const out = sanitizeInteraction({ interaction: input, options: OPTIONS });
    expect(JSON.stringify(input)).toBe(before);
    expect((out.rawHeaders as Record<string, string>)['content-length']).toBe(String(Buffer.byteLength(JSON.stringify(out.response))));
  });

  it('returns a clean JSON-in-string with its exact bytes (only a changed document is re-serialised)', () => {
    const object = '{ "BookingId": "AB0000000421",  "Email": "genny.x.1@example.com" }';
    const out = sanitizeInteraction({ interaction: { scope: 's', method: 'PUT', path: '/x', status: 200, body: { Object: object } } });
    expect((out.body as { Object: string }).Object).toBe(object);
  });

  it('returns a real account id passed by the caller replaced wherever it appears, even outside an ARN', () => {
    const out = sanitizeInteraction({ interaction: { scope: 's', method: 'GET', path: '/x', status: 200, response: { Note: `account ${OTHER_ACCOUNT} here` } }, options: { accountIds: [OTHER_ACCOUNT] } });
    expect((out.response as { Note: string }).Note).toBe(`account ${FAKE_ACCOUNT_ID} here`);
  });
});

describe('sanitizeTape', () => {
  it('returns a tape where an account id one ARN reveals is replaced in every interaction, also bare', () => {
    const tape: Tape = {
      ...plantedTape(),
      interactions: [
        { scope: 's', method: 'GET', path: '/a', status: 200, response: { Note: `bare ${ACCOUNT}` } },
        { scope: 's', method: 'GET', path: '/b', status: 200, response: { Arn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k` } },
      ],
    };
    const out = sanitizeTape({ tape });
    expect(JSON.stringify(out)).not.toContain(ACCOUNT);
    expect((out.interactions[0].response as { Note: string }).Note).toBe(`bare ${FAKE_ACCOUNT_ID}`);
  });
});

describe('normalizeForMatch', () => {
  it('returns a live request rewritten as the recorder rewrote it: real account and key ids replaced, generated data kept', () => {
    const arn = `arn:aws:profile:us-east-1:${ACCOUNT}:domains/d`;
    const live = normalizeForMatch({ path: `/tags/${encodeURIComponent(arn)}`, query: { q: arn }, body: { ResourceArn: arn, Tags: { k: ACCESS_KEY_ID }, FirstName: 'Genny' } });
    expect(live.path).toBe(`/tags/${encodeURIComponent(`arn:aws:profile:us-east-1:${FAKE_ACCOUNT_ID}:domains/d`)}`);
    expect(live.query).toEqual({ q: `arn:aws:profile:us-east-1:${FAKE_ACCOUNT_ID}:domains/d` });
    expect(live.body).toEqual({ ResourceArn: `arn:aws:profile:us-east-1:${FAKE_ACCOUNT_ID}:domains/d`, Tags: { k: 'REDACTED_ACCESS_KEY_ID' }, FirstName: 'Genny' });
  });
});

/** Strings mixing noise with fragments of everything the sanitizer looks for, including near misses. */
const fragment = fc.constantFrom(
  ACCOUNT,
  `arn:aws:profile:us-east-1:${ACCOUNT}:domains/d`,
  `arn%3Aaws%3Akms%3Aeu-west-1%3A${OTHER_ACCOUNT}%3Akey%2Fk`,
  `https://sqs.eu-west-1.amazonaws.com/${OTHER_ACCOUNT}/q`,
  ACCESS_KEY_ID,
  SESSION_TOKEN,
  `aws_secret_access_key=${SECRET_KEY}`,
  `"SecretAccessKey":"${SECRET_KEY}"`,
  'session_token: abcdefghijklmnopqrstuvwxyz',
  `AWS4-HMAC-SHA256 Credential=${ACCESS_KEY_ID}/x, SignedHeaders=host, Signature=abc123`,
  'X-Amz-Signature=abcdef&',
  REAL_EMAIL,
  'John.Smith@Corp.co.uk',
  GENERATED.email,
  'redacted-email-0123abcd@example.invalid',
  '+14155551234',
  '+12025550142',
  '+447700900123',
  '+4420 7946 0000',
  '+1 415 555 2671',
  '(415) 555-2671',
  '415.555.2671',
  '020 7946 0123',
  '07700 900123',
  '(02) 5550 1234',
  'tel 4155552671',
  '0044 20 7946 1234',
  ' ',
  '-',
  '(',
  '"jane doe"@gmail.com',
  "o'brien@corp.co.uk",
  'acct=123456789012',
  '1234-5678-9012',
  'APKAQ2LPROPERTYTEST7',
  'AgoJb3JpZ2luX2VjEPROPERTYTESTTOKEN',
  '000000000000',
  'REDACTED_SECRET',
  '{"EmailAddress":"x@gmail.com","AccountId":"123456789012"}',
  encodeURIComponent(REAL_EMAIL),
  `aws_secret_access_key%3D${encodeURIComponent(SECRET_KEY)}`,
  '%',
  '%2',
  '@',
  '+',
  ':',
  '%3A',
  '"',
  '{',
  '.com',
);
const mixedString = fc.array(fc.oneof(fc.string({ maxLength: 6 }), fragment), { maxLength: 5 }).map((parts) => parts.join(''));
const key = fc.oneof(
  fc.constantFrom('FirstName', 'LastName', 'EmailAddress', 'PhoneNumber', 'Address', 'City', 'Address1', 'BirthDate', 'AccountId', 'OwnerAccountId', 'SecretAccessKey', 'SessionToken', 'AccessKeyId', 'Password', 'NextToken', 'Object', 'Name'),
  fc.string({ maxLength: 6 }),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, mixedString, fc.integer(), fc.constant(123456789012), tie('object'), tie('array'), tie('object').map((o) => JSON.stringify(o))),
  object: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  array: fc.array(tie('value'), { maxLength: 3 }),
})).value;
const interaction: fc.Arbitrary<TapeInteraction> = fc.record(
  {
    scope: fc.constantFrom('https://profile.us-east-1.amazonaws.com:443', 'http://127.0.0.1:4566'),
    method: fc.constantFrom('GET', 'POST'),
    path: fc.tuple(mixedString, mixedString).map(([p, q]) => `/x/${encodeURIComponent(p)}?a=${encodeURIComponent(q)}&b`),
    body: json,
    status: fc.constantFrom(200, 404),
    response: json,
    rawHeaders: fc.dictionary(fc.constantFrom('authorization', 'x-amz-date', 'x-amzn-requestid', 'content-length', 'x-custom'), mixedString, { maxKeys: 3 }),
  },
  { requiredKeys: ['scope', 'method', 'path', 'status'] },
);

describe('sanitizeInteraction (percent-escapes next to numbers)', () => {
  it('returns the same interaction when applied twice, given the paths the fuzz found where raw and decoded text disagreed', () => {
    for (const path of [
      '/x/415.555.2671%40123456789012?a=&b',
      '/x/jane.doe%40gmail.comtel%204155552671?a=&b',
      '/x/123456789012%253Aaws_secret_access_key%3DwJalrXUtnFEMI%2FK7MDENG%2FbPxRfiCYEXAMPLEKEY?a=&b',
      '/x/?a=123456789012%25A0AgoJb3JpZ2luX2VjEPROPERTYTESTTOKEN&b',
      '/x/?a=415.555.2671%40aws_secret_access_key%253DwJalrXUtnFEMI%252FK7MDENG%252FbPxRfiCYEXAMPLEKEY&b',
    ]) {
      const once = sanitizeInteraction({ interaction: { scope: 'https://x', method: 'GET', path, status: 200 }, options: { key: 'k' } });
      expect(sanitizeInteraction({ interaction: once, options: { key: 'k' } }).path, path).toBe(once.path);
      expect(scanValue({ value: once, file: 'x' }), path).toEqual([]);
    }
  });
});

describe('sanitizeInteraction (properties)', () => {
  it('returns the same interaction when applied twice (idempotent), whatever the input', () => {
    fc.assert(
      fc.property(interaction, fc.boolean(), (i, withAllow) => {
        const options: SanitizeOptions = { key: 'k', allow: withAllow ? new Set([REAL_EMAIL]) : undefined };
        const once = sanitizeInteraction({ interaction: i, options });
        expect(sanitizeInteraction({ interaction: once, options })).toEqual(once);
      }),
      { numRuns: 1000 },
    );
  });

  it('returns an interaction in which the scanner finds nothing, whatever the input', () => {
    fc.assert(
      fc.property(interaction, (i) => {
        const once = sanitizeInteraction({ interaction: i, options: { key: 'k' } });
        expect(scanValue({ value: once, file: 'generated' })).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});
