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
const ARN_SEP = '(?::|%3[aA]|%253[aA])';

/** An ARN up to its account field; group 1 is everything before the account, group 2 the account. */
export const ARN_ACCOUNT_RE = new RegExp(`(arn${ARN_SEP}aws[a-z-]*${ARN_SEP}[a-z0-9-]*${ARN_SEP}[a-z0-9-]*${ARN_SEP})(\\d{12})(?!\\d)`, 'g');

/** An account id as the first path segment of an AWS endpoint URL (SQS queue URLs and the like). */
export const AWS_URL_ACCOUNT_RE = /(\.amazonaws\.com(?:\.cn)?(?:\/|%2[fF]))(\d{12})(?!\d)/g;

/**
 * The four-letter prefixes of IAM unique ids (IAM User Guide, "Understanding unique ID prefixes",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-prefixes): access keys
 * (AKIA), temporary STS keys (ASIA), users, roles, groups, instance profiles, policies and their versions, public
 * keys, certificates, bearer tokens and context-specific credentials.
 */
export const IAM_ID_PREFIXES: readonly string[] = ['ABIA', 'ACCA', 'AGPA', 'AIDA', 'AIPA', 'AKIA', 'ANPA', 'ANVA', 'APKA', 'AROA', 'ASCA', 'ASIA'];

/**
 * An access key id or other IAM unique id: a prefix then 16 (access keys) or 17 (other ids) characters. No word
 * boundaries, so a key glued to other text is found too.
 */
export const ACCESS_KEY_RE = new RegExp(`(?:${IAM_ID_PREFIXES.join('|')})[A-Z0-9]{16,17}`, 'g');

/**
 * STS session tokens: base64 of a small binary header, so they start with two free characters and then one of a few
 * fixed strings (`IQoJb3JpZ2lu…`, `AgoJb3JpZ2lu…`, `FwoGZXIvYXdz…`, `FQoGZXIvYXdz…`, `AQoDYXdz…`).
 */
export const SESSION_TOKEN_RE = /[A-Za-z0-9+/]{2}o(?:Jb3JpZ2lu|GZXIvYXdz|DYXdz)[A-Za-z0-9+/=%]{16,}/g;

/** Digits right after `%` or `%X` belong to a percent-escape (`%20` + `4155552671` is not a twelve-digit number). */
const NOT_PERCENT_ESCAPE = '(?<!%[0-9A-Fa-f]?)';

/**
 * The same, after a number: a percent-escape of exactly what would end it differently once decoded (a digit, `@`, a
 * letter, `_`, any non-ASCII byte, or `.`/`,`/`-` before a digit as in `%2E5`), also encoded again (`%2540`): the
 * raw text must rule out at least what any decoded layer of it rules out. The text rules read a value both raw and percent-decoded, and
 * a match the decoded text rules out must not be found in the raw text either, or a second pass would change it.
 */
const NOT_BEFORE_ESCAPE = '(?!%(?:25)*(?:3\\d|4[0-9A-Fa-f]|5[0-9AaFf]|6[1-9A-Fa-f]|7[0-9Aa]|[89A-Fa-f][0-9A-Fa-f]|2[CcDdEe]\\d))';

/** A UUID's last group can be twelve digits; an account id is never the tail of a UUID. */
const NOT_UUID_TAIL = '(?<![0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-)';

/**
 * A twelve-digit account id standing alone in text or a header (`acct=123456789012`), or written as the console
 * shows it (`1234-5678-9012`): a run of exactly twelve digits, not part of a word, a decimal number or a UUID.
 */
export const BARE_ACCOUNT_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_.+])${NOT_PERCENT_ESCAPE}(?:${NOT_UUID_TAIL}\\d{12}|(?<![0-9A-Fa-f]-)\\d{4}-\\d{4}-\\d{4}(?!-[0-9A-Fa-f]))(?![\\p{L}\\p{N}_]|[.,]\\d)${NOT_BEFORE_ESCAPE}`,
  'gu',
);

/** True for the fake account id, in either written form (a fixed point of the account rules). */
export function isFakeAccount({ text }: { text: string }): boolean {
  return text.replace(/-/g, '') === FAKE_ACCOUNT_ID;
}

/** A 40-character secret key written next to a key-like name (`aws_secret_access_key = …`, `"SecretAccessKey":"…"`). */
export const SECRET_TEXT_RE = /((?:aws[_-]?)?secret[_-]?(?:access[_-]?)?key\\?["']?\s*[:=]\s*\\?["']?)([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi;

/** A session token written next to a key-like name, whatever its prefix. */
export const SESSION_TEXT_RE = /((?:aws[_-]?)?(?:session|security)[_-]?token\\?["']?\s*[:=]\s*\\?["']?)([A-Za-z0-9/+=%]{16,})/gi;

/** A SigV4 Authorization value written out in text. */
export const SIGV4_AUTH_RE = /AWS4-HMAC-SHA256\s+Credential=[^"\s,]+(?:,\s*SignedHeaders=[^"\s,]+)?(?:,\s*Signature=[0-9a-fA-F]+)?/g;

/** Presigned-URL parameters that carry a credential or a signature. */
export const SIGNATURE_PARAM_RE = /((?:X-Amz-Signature|X-Amz-Security-Token|X-Amz-Credential)=)([^&\s"'#]+)/gi;

/**
 * An e-mail address anywhere in a string, as a whole token (so a replacement never leaves half an address behind):
 * plus-addressing, dots, apostrophes, non-ASCII letters, a quoted local part (`"jane doe"@mail.com`, also with its
 * quotes escaped as in JSON text: `\"jane doe\"@mail.com`), any number of subdomains, or an IP literal (`jane@[192.0.2.1]`).
 * A quoted local part holds no URL delimiter (`?&=/#`): percent-decoded as a whole, a path would otherwise join a
 * quote in one segment and an `@` in a query value into an address that is in neither.
 */
export const EMAIL_RE =
  /(?:(?<![\p{L}\p{N}._%+'@-])[\p{L}\p{N}._%+'-]+|(?<![\p{L}\p{N}"\\])"(?:[^"\\\r\n?&=/#]|\\.){1,64}"|(?<![\p{L}\p{N}\\])\\"(?:[^"\\\r\n?&=/#]|\\[^"\r\n]){1,64}\\")@(?:(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?![\p{L}\p{N}-])|\[\d{1,3}(?:\.\d{1,3}){3}\])/gu;

/** One separator between digit groups of a phone number as people write it: space, dot, dash, no-break space. */
const PSEP = '[ .\\-\\u00a0]';
/** One digit of an international number, after an optional separator or opening parenthesis (`(0)` trunk marker too). */
const DIGIT = '(?:[ .\\-\\u00a0/]?\\(?\\d(?:\\)(?=[ .\\-\\u00a0/]?\\d))?)';
/**
 * A run of digits without separators is a phone number only after a word that says so (`tel`, `phone`, `mobile`, …):
 * on its own it is as likely a confirmation number or an order id (the generators make ten-digit ones).
 */
const PHONE_WORD = '(?<=(?:tel|phone|mobile|mob|cell|fax|call|sms|whatsapp)[\\p{L}_ -]{0,12}[:=#]?[ "\'(]{0,2})';
/** A group written with or without parentheses, then a separator (optional after a closing parenthesis). */
const grouped = (digits: string) => `(?:\\(${digits}\\)${PSEP}?|${digits}${PSEP})`;

/**
 * The written forms of telephone numbers, as data: international ones (any country: a `+`, `00` or `011` prefix, then
 * digits in any grouping, with parentheses and a `(0)` trunk marker) and the national forms of the countries the
 * generators' fiction ranges belong to (NANP, the UK, Australia), grouped as people write them or run together.
 * Compiled into PHONE_RE; each form is one alternative, so a new form is one more line here.
 */
export const PHONE_FORMS: readonly { form: string; example: string; international: boolean; re: string }[] = [
  { form: 'international with +', example: '+1 (415) 555-2671, +44 (0)20 7946 0123, +14155552671', international: true, re: `\\+[ \\u00a0]?[1-9]${DIGIT}{6,14}` },
  { form: 'international with 00 or 011, grouped', example: '0044 20 7946 0123, 011 1 415 555 2671', international: true, re: `(?:00|011)${PSEP}?[1-9]\\d{0,2}(?=[ .\\-\\u00a0/(])${DIGIT}{5,12}` },
  { form: 'international with 00 or 011, run together', example: '00442079460123', international: true, re: '(?:00|011)[1-9]\\d{9,13}' },
  { form: 'NANP national, grouped', example: '(415) 555-2671, 415.555.2671, 1-415-555-2671', international: false, re: `(?:1${PSEP}?)?${grouped('\\d{3}')}\\d{3}${PSEP}\\d{4}` },
  { form: 'NANP national, run together, after a phone word', example: 'tel 4155552671, phone: 14155552671', international: false, re: `${PHONE_WORD}1?[2-9]\\d{2}[2-9]\\d{6}` },
  { form: 'UK national, 3-4-4', example: '020 7946 0123, (020) 7946 0123', international: false, re: `${grouped('0\\d{2}')}\\d{4}${PSEP}\\d{4}` },
  { form: 'UK national, 4-3-4', example: '0161 496 0123, 0207 946 0123', international: false, re: `${grouped('0\\d{3}')}\\d{3}${PSEP}?\\d{4}` },
  { form: 'UK national, 5-6 or 5-3-3', example: '07700 900123, 07700 900 123', international: false, re: `${grouped('0\\d{4}')}\\d{3}${PSEP}?\\d{3}` },
  { form: 'AU national, 2-4-4', example: '02 5550 1234, (02) 5550 1234', international: false, re: `${grouped('0\\d')}\\d{4}${PSEP}\\d{4}` },
  { form: 'AU national, 4-3-3', example: '0412 345 678', international: false, re: `0\\d{3}${PSEP}\\d{3}${PSEP}\\d{3}` },
  { form: 'UK or AU national, run together, after a phone word', example: 'mobile 07700900123, tel:0255501234', international: false, re: `${PHONE_WORD}0[1-9]\\d{8,9}` },
];

/** Where an international form may start: not inside a word, a number or a percent-escape (`jane+14155552671@…` is an e-mail). */
const INTERNATIONAL_BEFORE = `(?<![\\p{L}\\p{N}_.+])${NOT_PERCENT_ESCAPE}`;
/** Where a national form may start: not inside a word, a number, an e-mail or a percent-escape, nor after `<digit>-` (a date, a UUID). */
const NATIONAL_BEFORE = `(?<![\\p{L}\\p{N}_.+@])(?<![\\p{N}]-)${NOT_PERCENT_ESCAPE}`;
/** Where any form must end: not before another digit or letter, nor before a decimal part or an `@` (also percent-encoded). */
const PHONE_AFTER = `(?![\\p{L}\\p{N}_@])(?![.,\\-]\\d)${NOT_BEFORE_ESCAPE}`;

/**
 * A telephone number in any of PHONE_FORMS anywhere in a string. The leading lookahead names the characters a number
 * can start with, which lets the engine skip every other position without trying each form (ten times faster on
 * the committed tapes).
 */
export const PHONE_RE = new RegExp(`(?=[+(0-9])(?:${PHONE_FORMS.map(({ international, re }) => `${international ? INTERNATIONAL_BEFORE : NATIONAL_BEFORE}${re}`).join('|')})${PHONE_AFTER}`, 'giu');

/**
 * Cheap pre-test: a string that matches none of these cannot hold anything the text rules replace (every phone form
 * has two adjacent digits or a `+`, an account id twelve digits).
 */
export const TEXT_HINT_RE = new RegExp(`arn|amazonaws|${IAM_ID_PREFIXES.join('|')}|oJb3|oGZX|oDYX|secret|token|AWS4|X-Amz|@|\\+[ \\u00a0]?[1-9]|\\d\\d`, 'i');

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
