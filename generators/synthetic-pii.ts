/**
 * Contact details that cannot belong to anyone: e-mail addresses on domains reserved for examples and testing
 * (RFC 2606 / RFC 6761: example.com/.net/.org, the .test and .example TLDs) and telephone numbers from ranges
 * reserved for fiction (NANP 555-0100..0199 in any area code; Ofcom's drama range +44 7700 900000..900999).
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

/** Matches a number in a fiction range: +1 NXX 555 01XX, or +44 7700 900XXX. */
export const FICTION_PHONE_RE = /^(?:\+1[2-9]\d{2}55501\d{2}|\+447700900\d{3})$/;

/** Area codes used for fictional North American numbers (the 555-01XX block is fictional in every area code). */
const NANP_AREA_CODES: readonly string[] = ['202', '212', '303', '312', '415', '512', '617', '702', '808', '917', '416', '604'];

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

/** An E.164 number in a fiction range: North American for `region` 'NA', British otherwise. */
export function syntheticPhone({ region, a, b }: { region: 'NA' | 'UK'; a: number; b: number }): string {
  if (region === 'NA') {
    const area = NANP_AREA_CODES[a % NANP_AREA_CODES.length];
    return `+1${area}55501${String(b % 100).padStart(2, '0')}`;
  }
  return `+447700900${String(b % 1000).padStart(3, '0')}`;
}
