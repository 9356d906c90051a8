/**
 * Contact details that cannot belong to anyone: e-mail addresses on domains reserved for examples and testing
 * (RFC 2606 / RFC 6761: example.com/.net/.org, the .test and .example TLDs) and telephone numbers from ranges
 * reserved for fiction: NANP 555-0100..0199 in any area code (US, Canada); Ofcom's drama ranges +44 7700 900000..999
 * (mobile), +44 20 7946 0000..0999 (London) and +44 161 496 0000..0999 (Manchester); ACMA's fictitious landline
 * blocks +61 2/3/7/8 5550 xxxx (Australia).
 */

/** Domains an address may use; every one is reserved and can never deliver mail to a real person. */
export const RESERVED_EMAIL_DOMAINS: readonly string[] = [
  'example.com',
  'example.net',
  'example.org',
  'travel.test',
  'mail.example',
];

/** Matches an address on one of the reserved domains or TLDs (also used by tests as the acceptance rule). */
export const RESERVED_EMAIL_RE = /^[a-z0-9._+-]+@(?:[a-z0-9-]+\.)*(?:example\.(?:com|net|org)|[a-z0-9-]+\.(?:test|example|invalid))$/;

/** Matches a number in a fiction range: +1 NXX 555 01XX, +44 7700 900XXX, +44 20 7946 0XXX, +44 161 496 0XXX, +61 N 5550 XXXX. */
export const FICTION_PHONE_RE = /^(?:\+1[2-9]\d{2}55501\d{2}|\+447700900\d{3}|\+442079460\d{3}|\+441614960\d{3}|\+61[2378]5550\d{4})$/;

/** Lower-case ASCII letters only, so faker names with apostrophes, spaces or accents still make a valid local part. */
function asciiSlug(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c >= 97 && c <= 122) out += String.fromCharCode(c);
  }
  return out || 'guest';
}

/** A reserved-domain address, unique per profile because it carries the profile's index. */
export function syntheticEmail({
  firstName,
  lastName,
  index,
  domainIndex,
}: {
  firstName: string;
  lastName: string;
  index: number;
  domainIndex: number;
}): string {
  const domain = RESERVED_EMAIL_DOMAINS[domainIndex % RESERVED_EMAIL_DOMAINS.length];
  return `${asciiSlug(firstName)}.${asciiSlug(lastName)}.${index.toString(36)}@${domain}`;
}

/** An E.164 number in a fiction range: `prefix` (one of the ranges above, up to its free digits) then `digits` digits of `n`. */
export function syntheticPhone({ prefix, digits, n }: { prefix: string; digits: number; n: number }): string {
  const phone = `${prefix}${String(Math.abs(Math.trunc(n)) % 10 ** digits).padStart(digits, '0')}`;
  if (!FICTION_PHONE_RE.test(phone)) throw new RangeError(`syntheticPhone: expected a number in a fiction range; saw ${phone}; use a prefix of FICTION_PHONE_RE`);
  return phone;
}

/**
 * How the countries of the fiction ranges write a number without its country code, so that a fiction number written
 * nationally (`(212) 555-0142`, `020 7946 0123`, `(02) 5550 1234`) is recognised as synthetic too: the country code,
 * the trunk prefix dialled before a national number, and how many digits the national form has with its trunk.
 */
export const FICTION_PHONE_COUNTRIES: readonly { country: string; code: string; trunk: string; nationalDigits: readonly number[] }[] = [
  { country: 'US/CA (NANP)', code: '1', trunk: '1', nationalDigits: [10, 11] },
  { country: 'GB', code: '44', trunk: '0', nationalDigits: [10, 11] },
  { country: 'AU', code: '61', trunk: '0', nationalDigits: [10] },
];

/**
 * The E.164 numbers a written phone number can stand for: with an international prefix (`+`, `00`, `011`) the one
 * number it spells (a `(0)` trunk marker dropped); written nationally, one candidate per country above whose
 * national form fits. Pure; `[]` when the digits fit no form or the text holds more than a number.
 */
export function e164Candidates({ written }: { written: string }): string[] {
  const text = written.trim();
  // Only a number and its punctuation: a phone glued to other text is not a written phone number.
  if (!/^[+\d\s.\-()/\u00a0]+$/.test(text)) return [];
  const out: string[] = [];
  const prefix = /^(?:\+|00|011)/.exec(text);
  if (prefix) {
    const digits = text.slice(prefix[0].length).replace(/\(0\)/g, '').replace(/\D/g, '');
    if (digits.length >= 7 && digits.length <= 15) out.push(`+${digits}`);
    // `+` is unambiguous; `00…`/`011…` may also be a national number that starts with a trunk 0 (`0113 496 0123`).
    if (prefix[0] === '+') return out;
  }
  const digits = text.replace(/\D/g, '');
  for (const { code, trunk, nationalDigits } of FICTION_PHONE_COUNTRIES) {
    if (!nationalDigits.includes(digits.length)) continue;
    // NANP: ten digits (an area code never starts with 0 or 1), or eleven with the leading 1; elsewhere the trunk 0
    // is replaced by the country code.
    if (code === '1') {
      if (digits.length === 10 && /^[2-9]/.test(digits)) out.push(`+1${digits}`);
      else if (digits.length === 11 && /^1[2-9]/.test(digits)) out.push(`+${digits}`);
    } else if (digits.startsWith(trunk)) out.push(`+${code}${digits.slice(trunk.length)}`);
  }
  return out;
}

/** True when a number, in any written form, is one of the fiction ranges (so the seed may have made it). */
export function isFictionPhone({ written }: { written: string }): boolean {
  return e164Candidates({ written }).some((e) => FICTION_PHONE_RE.test(e));
}
