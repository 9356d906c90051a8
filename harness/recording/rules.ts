/**
 * What counts as secret or personal in a tape, in one place: the sanitizer replaces what these rules find and the
 * scanner reports what they still find, so the two cannot drift apart. Patterns only; no state.
 */

/** The one account id a tape may hold. */
export const FAKE_ACCOUNT_ID = '000000000000';

/** The scope every interaction is rewritten to, whatever host it was recorded against (`.invalid` never resolves). */
export const CANONICAL_SCOPE = 'https://customer-profiles.cpct.invalid';

/** Fixed placeholders for credentials (none of them matches the patterns that find the real thing). */
export const REDACTED = {
  accessKeyId: 'REDACTED_ACCESS_KEY_ID',
  secret: 'REDACTED_SECRET',
  sessionToken: 'REDACTED_SESSION_TOKEN',
  authorization: 'REDACTED_AUTHORIZATION',
  signatureParam: 'REDACTED',
} as const;

/**
 * Headers that never reach a tape: credentials and signatures, per-request noise that would make tapes differ run
 * to run (date, payload hash, invocation id, retry counter, user agent), cookies, and hop-by-hop framing that a
 * replay recomputes.
 */
export const STRIPPED_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'x-amz-security-token',
  'x-amz-date',
  'x-amz-content-sha256',
  'amz-sdk-invocation-id',
  'amz-sdk-request',
  'user-agent',
  'x-amz-user-agent',
  'cookie',
  'set-cookie',
  'x-api-key',
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
]);

/** Headers whose mere presence in a tape is a finding (a subset of the stripped ones: the credential carriers). */
export const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set(['authorization', 'proxy-authorization', 'x-amz-security-token', 'cookie', 'set-cookie', 'x-api-key']);

/** Separator in an ARN as it appears raw, percent-encoded (a path label) or encoded twice (a URL inside a query). */
const SEP = '(?::|%3[aA]|%253[aA])';

/** An ARN up to its account field; group 1 is everything before the account, group 2 the account. */
export const ARN_ACCOUNT_RE = new RegExp(`(arn${SEP}aws[a-z-]*${SEP}[a-z0-9-]*${SEP}[a-z0-9-]*${SEP})(\\d{12})(?!\\d)`, 'g');

/** An account id as the first path segment of an AWS endpoint URL (SQS queue URLs and the like). */
export const AWS_URL_ACCOUNT_RE = /(\.amazonaws\.com(?:\.cn)?(?:\/|%2[fF]))(\d{12})(?!\d)/g;

/** AWS access key ids and the other IAM unique-id prefixes; no word boundaries, so a key glued to other text is found too. */
export const ACCESS_KEY_RE = /(?:AKIA|ASIA|AIDA|AROA|AIPA|ANPA|ANVA|AGPA|ABIA|ACCA)[A-Z0-9]{16}/g;

/** STS session tokens start with one of a few fixed base64 prefixes. */
export const SESSION_TOKEN_RE = /(?:IQoJb3JpZ2lu|FwoGZXIvYXdz|AQoDYXdz)[A-Za-z0-9+/=%]{16,}/g;

/** A 40-character secret key written next to a key-like name (`aws_secret_access_key = …`, `"SecretAccessKey":"…"`). */
export const SECRET_TEXT_RE = /((?:aws[_-]?)?secret[_-]?(?:access[_-]?)?key\\?["']?\s*[:=]\s*\\?["']?)([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi;

/** A session token written next to a key-like name, whatever its prefix. */
export const SESSION_TEXT_RE = /((?:aws[_-]?)?(?:session|security)[_-]?token\\?["']?\s*[:=]\s*\\?["']?)([A-Za-z0-9/+=%]{16,})/gi;

/** A SigV4 Authorization value written out in text. */
export const SIGV4_AUTH_RE = /AWS4-HMAC-SHA256\s+Credential=[^"\s,]+(?:,\s*SignedHeaders=[^"\s,]+)?(?:,\s*Signature=[0-9a-fA-F]+)?/g;

/** Presigned-URL parameters that carry a credential or a signature. */
export const SIGNATURE_PARAM_RE = /((?:X-Amz-Signature|X-Amz-Security-Token|X-Amz-Credential)=)([^&\s"'#]+)/gi;

/** An e-mail address anywhere in a string, as a whole token (so a replacement never leaves half an address behind). */
export const EMAIL_RE = /(?<![A-Za-z0-9._%+@-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])/g;

/** An E.164-looking telephone number anywhere in a string. */
export const PHONE_RE = /\+[1-9]\d{6,14}(?!\d)/g;

/** Cheap pre-test: a string that matches none of these cannot hold anything the text rules replace. */
export const TEXT_HINT_RE = /arn|amazonaws|AKIA|ASIA|AIDA|AROA|AIPA|ANPA|ANVA|AGPA|ABIA|ACCA|IQoJ|FwoG|AQoD|secret|token|AWS4|X-Amz|@|\+[1-9]|\d{12}/i;

/** JSON keys that hold an account id. `AccountNumber` (a profile field) is deliberately not one. */
export const ACCOUNT_KEY_RE = /^(?:aws:)?(?:source|owner|caller|principal|target|destination)?[-_]?account(?:[-_]?id)?$/i;

/** JSON keys whose string value is a credential. `NextToken` and `ClientToken` are deliberately not among them. */
export const SECRET_KEY_RE =
  /^(?:aws[-_]?)?(?:secret(?:[-_]?access)?[-_]?key|secret|password|passwd|private[-_]?key|client[-_]?secret|api[-_]?key|session[-_]?token|security[-_]?token|access[-_]?token|refresh[-_]?token|id[-_]?token)$/i;

/** JSON keys whose string value is an access key id. */
export const ACCESS_KEY_KEY_RE = /^(?:aws[-_]?)?access[-_]?key(?:[-_]?id)?$/i;

/** Personal-data JSON keys and the kind of placeholder their values get. */
export const PII_KEYS: readonly { re: RegExp; kind: PiiKind }[] = [
  { re: /^(?:personal|business|home|work)?[-_]?email(?:[-_]?address)?$/i, kind: 'email' },
  { re: /^(?:home|mobile|business|work|cell)?[-_]?phone(?:[-_]?number)?$/i, kind: 'phone' },
  { re: /^(?:first|middle|last|full|business|booking|guest|passenger|given|family|sur)[-_]?name$/i, kind: 'name' },
  { re: /^(?:birth[-_]?date|date[-_]?of[-_]?birth|dob)$/i, kind: 'date' },
  { re: /^(?:address[1-4]|street(?:[-_]?address)?|postal[-_]?code|zip(?:[-_]?code)?)$/i, kind: 'address' },
];

/** Keys of an object that is an address; inside one, these members are personal too. */
export const ADDRESS_OBJECT_KEY_RE = /^(?:(?:shipping|mailing|billing|home|work)[-_]?)?address$/i;
export const ADDRESS_MEMBER_RE = /^(?:address[1-4]?|city|county|state|province|postal[-_]?code)$/i;

export type PiiKind = 'email' | 'phone' | 'name' | 'address' | 'date';

/** A value the sanitizer produced for personal data; left alone on a second pass. */
export const PII_PLACEHOLDER_RE = /^redacted-(?:email|phone|name|address|date)-[0-9a-f]{8}(?:@example\.invalid)?$/;

/** Placeholders for credentials; left alone on a second pass. */
export const CREDENTIAL_PLACEHOLDERS: ReadonlySet<string> = new Set(Object.values(REDACTED));
