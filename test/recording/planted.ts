/**
 * Secrets and personal data planted in every place a tape can hold them, for the sanitizer, scanner and recorder
 * tests. The values are AWS's documented examples or plainly made up, in the shapes real ones have.
 */
import type { Tape, TapeInteraction } from '../../harness/recording/tape.ts';

export const ACCOUNT = '123456789012';
export const OTHER_ACCOUNT = '210987654321';
/** AWS's documented example access key id and secret (the shapes of real ones). */
export const ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
export const TEMP_KEY_ID = 'ASIAY34FZKBOKMUTVV7A';
export const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
export const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDexample';
export const REAL_EMAIL = 'jane.doe@gmail.com';
export const REAL_PHONE = '+14155551234';
export const GENERATED = { firstName: 'Genny', email: 'genny.x.1@example.com', phone: '+12025550142', ukPhone: '+447700900123' };

/** Every string that must not survive sanitizing. */
export const FORBIDDEN: readonly string[] = [
  ACCOUNT,
  OTHER_ACCOUNT,
  ACCESS_KEY_ID,
  TEMP_KEY_ID,
  SECRET_KEY,
  SESSION_TOKEN,
  'jane.doe',
  '4155551234',
  'Springfield',
  '1 Real Street',
  '1980-01-01',
  'AWS4-HMAC-SHA256',
  'deadbeef',
  'Doe, Jane',
  'a-session-token-without-known-prefix',
  'hunter2',
];

/** One interaction with something secret or personal in every field. */
export function plantedInteraction(): TapeInteraction {
  const arn = `arn:aws:profile:us-east-1:${ACCOUNT}:domains/d`;
  return {
    scope: 'https://profile.us-east-1.amazonaws.com:443',
    method: 'POST',
    path: `/tags/${encodeURIComponent(arn)}?next-token=abc&owner=${encodeURIComponent(REAL_EMAIL)}&key=${ACCESS_KEY_ID}&q=${encodeURIComponent(`arn:aws:iam::${ACCOUNT}:role/r`)}`,
    reqheaders: {
      Authorization: `AWS4-HMAC-SHA256 Credential=${ACCESS_KEY_ID}/20250609/us-east-1/profile/aws4_request, SignedHeaders=host;x-amz-date, Signature=deadbeef00`,
      'X-Amz-Security-Token': SESSION_TOKEN,
      'X-Amz-Date': '20250609T000000Z',
      'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'amz-sdk-invocation-id': '5b1c1f1e-0000-4000-8000-000000000000',
      'amz-sdk-request': 'attempt=1; max=3',
      'User-Agent': 'aws-sdk-js/3.1019.0 os/linux',
      'x-amz-user-agent': 'aws-sdk-js/3.1019.0',
      'content-type': 'application/json',
    },
    body: {
      ResourceArn: arn,
      AccountId: OTHER_ACCOUNT,
      Note: `aws_secret_access_key = ${SECRET_KEY}`,
      Queue: `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/dlq`,
      Nested: {
        Object: JSON.stringify({ Email: REAL_EMAIL, Phone: REAL_PHONE, Role: `arn:aws:iam::${ACCOUNT}:role/x`, SessionToken: 'a-session-token-without-known-prefix' }),
      },
      FirstName: GENERATED.firstName,
      EmailAddress: GENERATED.email,
      PhoneNumber: GENERATED.phone,
    },
    status: 200,
    response: {
      DomainArn: arn,
      Profile: {
        FirstName: 'Jane',
        LastName: 'Doe',
        BusinessName: 'Doe, Jane',
        EmailAddress: REAL_EMAIL,
        PhoneNumber: REAL_PHONE,
        MobilePhoneNumber: GENERATED.ukPhone,
        Address: { Address1: '1 Real Street', City: 'Springfield', PostalCode: '62704', Country: 'US' },
        BirthDate: '1980-01-01',
      },
      Generated: { FirstName: GENERATED.firstName, EmailAddress: GENERATED.email, PhoneNumber: GENERATED.phone },
      Credentials: { AccessKeyId: TEMP_KEY_ID, SecretAccessKey: SECRET_KEY, SessionToken: SESSION_TOKEN, Password: 'hunter2' },
      Echo: `Authorization: AWS4-HMAC-SHA256 Credential=${ACCESS_KEY_ID}/20250609/us-east-1/profile/aws4_request, SignedHeaders=host, Signature=deadbeef01`,
      Url: `https://b.s3.amazonaws.com/k?X-Amz-Credential=${ACCESS_KEY_ID}%2F20250609&X-Amz-Signature=deadbeef02&X-Amz-Security-Token=${encodeURIComponent(SESSION_TOKEN)}`,
      Message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/r/s is not authorized; contact ${REAL_EMAIL} or ${REAL_PHONE}`,
      Owner: { OwnerAccountId: Number(OTHER_ACCOUNT) },
      Items: [{ Object: JSON.stringify({ EmailAddress: REAL_EMAIL, PhoneNumber: REAL_PHONE, Key: ACCESS_KEY_ID }) }],
      NextToken: 'opaque-next-token',
    },
    rawHeaders: {
      'x-amzn-RequestId': 'req-1',
      Authorization: 'leaked',
      'x-amz-security-token': SESSION_TOKEN,
      'Set-Cookie': 'session=abc',
      'content-type': 'application/json',
      'content-length': '999',
      'x-amzn-ErrorMessage': `arn:aws:iam::${ACCOUNT}:user/u`,
      'x-amz-account-id': OTHER_ACCOUNT,
    },
    operation: 'TagResource',
    violations: [{ part: 'body', pointer: '/Profile/EmailAddress', expected: 'a string', seen: `"${REAL_EMAIL}"`, severity: 'warning', keyword: 'type' }],
  };
}

/** A tape holding the planted interaction. */
export function plantedTape(): Tape {
  return {
    format: 'cpct-tape/1',
    meta: {
      seed: 7,
      referenceClock: '2025-06-09T00:00:00.000Z',
      runId: 'r1',
      sdkVersion: '3.1019.0',
      projectVersion: '0.1.0',
      targetKind: 'aws',
      region: 'us-east-1',
      recordedAt: '2025-06-09T00:00:00.000Z',
      contractFile: 'layouts.contract.ts',
    },
    interactions: [plantedInteraction()],
  };
}
