/**
 * fast-check arbitraries of personal data and AWS identifiers in the forms people write them, for the property tests
 * of the sanitizer and the scanner. Every value is outside the generators' synthetic ranges (no fiction-range phone,
 * no reserved e-mail domain, never the fake account), so each must be scrubbed wherever it is planted.
 */
import fc from 'fast-check';
import type { FindingKind } from '../../harness/recording/scan.ts';
import { IAM_ID_PREFIXES } from '../../harness/recording/rules.ts';

/** One planted value: the text put into a response, the part of it that must not survive, and what the scanner calls it. */
export interface Plant {
  kind: FindingKind;
  /** The text planted (a phone number after a phone word, an account inside an ARN, ...). */
  text: string;
  /** The value the scanner must report (exactly, as its text rules match it). */
  value: string;
  /**
   * What must appear nowhere in a sanitized tape: for numbers, the digits that identify the subscriber or account
   * (checked against every string with its punctuation removed, so a number is not "gone" because its spacing changed).
   */
  secret: string;
  /** True when `secret` is digits, compared against strings with everything but digits removed. */
  digits: boolean;
}

const digitsOf = (n: number, first = '0123456789') => fc.tuple(fc.constantFrom(...first), fc.stringMatching(new RegExp(`^\\d{${n - 1}}$`))).map(([a, b]) => a + b);

/** A phone number's parts and the written forms of its country. */
interface PhoneParts {
  /** The national significant number (no country code, no trunk 0). */
  nsn: string;
  forms: readonly ((n: string) => string)[];
}

/** NANP: an area code and exchange of the plan's shape, never the 555 exchange (fiction numbers live there). */
const nanp: fc.Arbitrary<PhoneParts> = fc.tuple(digitsOf(3, '23456789'), digitsOf(3, '2346789'), digitsOf(4)).map(([a, e, l]) => ({
  nsn: `${a}${e}${l}`,
  forms: [
    (n) => `+1${n}`,
    (n) => `+1 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
    (n) => `+1-${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`,
    (n) => `+1.${n.slice(0, 3)}.${n.slice(3, 6)}.${n.slice(6)}`,
    (n) => `+1 (${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}`,
    (n) => `(${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}`,
    (n) => `(${n.slice(0, 3)})${n.slice(3, 6)}-${n.slice(6)}`,
    (n) => `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`,
    (n) => `${n.slice(0, 3)}.${n.slice(3, 6)}.${n.slice(6)}`,
    (n) => `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
    (n) => `1-${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`,
    (n) => `1 (${n.slice(0, 3)}) ${n.slice(3, 6)} ${n.slice(6)}`,
    (n) => `001 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
    (n) => `011 1 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
    (n) => `tel ${n}`,
    (n) => `phone: 1${n}`,
  ],
}));

/** UK: London (020, never 7946 0xxx), mobile (07, never 7700 900xxx) and Manchester (0161, never 496 0xxx). */
const uk: fc.Arbitrary<PhoneParts> = fc.oneof(
  digitsOf(8, '38').map((rest) => ({
    nsn: `20${rest}`,
    forms: [
      (n: string) => `+44 20 ${n.slice(2, 6)} ${n.slice(6)}`,
      (n: string) => `+44 (0)20 ${n.slice(2, 6)} ${n.slice(6)}`,
      (n: string) => `+44${n}`,
      (n: string) => `020 ${n.slice(2, 6)} ${n.slice(6)}`,
      (n: string) => `(020) ${n.slice(2, 6)} ${n.slice(6)}`,
      (n: string) => `0${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
      (n: string) => `0044 20 ${n.slice(2, 6)} ${n.slice(6)}`,
      (n: string) => `0044${n}`,
      (n: string) => `tel 0${n}`,
    ],
  })),
  digitsOf(9, '123456').map((rest) => ({
    nsn: `7${rest}`,
    forms: [
      (n: string) => `+44 ${n.slice(0, 4)} ${n.slice(4)}`,
      (n: string) => `0${n.slice(0, 4)} ${n.slice(4)}`,
      (n: string) => `0${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}`,
      (n: string) => `mobile 0${n}`,
    ],
  })),
  digitsOf(7, '235').map((rest) => ({
    nsn: `161${rest}`,
    forms: [
      (n: string) => `0161 ${n.slice(3, 6)} ${n.slice(6)}`,
      (n: string) => `(0161) ${n.slice(3, 6)} ${n.slice(6)}`,
      (n: string) => `+44 161 ${n.slice(3, 6)} ${n.slice(6)}`,
    ],
  })),
);

/** Australia: landlines (02, 03, 07, 08, never 5550 xxxx) and mobiles (04). */
const au: fc.Arbitrary<PhoneParts> = fc.oneof(
  fc.tuple(fc.constantFrom('2', '3', '7', '8'), digitsOf(8, '2346789')).map(([area, rest]) => ({
    nsn: `${area}${rest}`,
    forms: [
      (n: string) => `+61 ${n[0]} ${n.slice(1, 5)} ${n.slice(5)}`,
      (n: string) => `+61 (0)${n[0]} ${n.slice(1, 5)} ${n.slice(5)}`,
      (n: string) => `(0${n[0]}) ${n.slice(1, 5)} ${n.slice(5)}`,
      (n: string) => `0${n[0]} ${n.slice(1, 5)} ${n.slice(5)}`,
      (n: string) => `tel:0${n}`,
    ],
  })),
  digitsOf(8).map((rest) => ({
    nsn: `4${rest}`,
    forms: [(n: string) => `0${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`, (n: string) => `+61 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`],
  })),
);

/** A phone number of the generators' countries in one of its written forms. */
export const phonePlant: fc.Arbitrary<Plant> = fc
  .tuple(fc.oneof(nanp, uk, au), fc.nat())
  .map(([{ nsn, forms }, pick]) => {
    const text = forms[pick % forms.length](nsn);
    // After a phone word, the number is what follows it.
    const value = text.replace(/^(?:tel|phone|mobile):? ?/, '');
    return { kind: 'phone' as const, text, value, secret: nsn, digits: true };
  });

const word = fc.stringMatching(/^[a-z]{3,7}$/);
/** Domains no one reserved for examples (never example.*, .test, .example, .invalid). */
const domain = fc.tuple(word, fc.constantFrom('com', 'io', 'co.uk', 'org', 'de', 'com.au'), fc.constantFrom('', 'mail.', 'eu.mail.')).map(([d, tld, sub]) => `${sub}${d}mail.${tld}`);

/** An e-mail: plain, dotted, plus-addressed, with an apostrophe or a quoted local part, on a domain with subdomains. */
export const emailPlant: fc.Arbitrary<Plant> = fc
  .tuple(word, word, fc.integer({ min: 10, max: 99_999 }), domain, fc.nat())
  .map(([a, b, n, d, pick]) => {
    const locals = [`${a}.${b}${n}`, `${a}${n}+${b}`, `${a}_${b}.${n}`, `o'${a}${n}`, `"${a} ${b}${n}"`, `"${a}..${b}${n}"`, `${a.toUpperCase()}.${b}${n}`];
    const value = `${locals[pick % locals.length]}@${d}`;
    return { kind: 'email' as const, text: value, value, secret: value, digits: false };
  });

/** A twelve-digit account id, alone (`acct=`), inside an ARN, or as the console writes it. */
export const accountPlant: fc.Arbitrary<Plant> = fc.tuple(digitsOf(12, '123456789'), fc.nat()).map(([id, pick]) => {
  const forms = [
    { text: `acct=${id}`, value: id },
    { text: `account ${id}`, value: id },
    { text: `arn:aws:profile:us-east-1:${id}:domains/leak`, value: id },
    { text: `arn:aws:iam::${id}:role/leaky`, value: id },
    { text: `${id.slice(0, 4)}-${id.slice(4, 8)}-${id.slice(8)}`, value: `${id.slice(0, 4)}-${id.slice(4, 8)}-${id.slice(8)}` },
  ];
  const { text, value } = forms[pick % forms.length];
  return { kind: 'account-id' as const, text, value, secret: id, digits: true };
});

/** An access key id or other IAM unique id, of any prefix AWS uses. */
export const keyIdPlant: fc.Arbitrary<Plant> = fc
  .tuple(fc.constantFrom(...IAM_ID_PREFIXES), fc.stringMatching(/^[A-Z2-7]{16}$/))
  .map(([prefix, rest]) => ({ kind: 'access-key-id' as const, text: `${prefix}${rest}`, value: `${prefix}${rest}`, secret: `${prefix}${rest}`, digits: false }));

/** An STS session token with one of the prefixes tokens start with. */
export const sessionTokenPlant: fc.Arbitrary<Plant> = fc
  .tuple(fc.constantFrom('IQoJb3JpZ2lu', 'AgoJb3JpZ2lu', 'FwoGZXIvYXdz', 'FQoGZXIvYXdz', 'AQoDYXdz'), fc.stringMatching(/^[a-z0-9][A-Za-z0-9+/]{39,199}$/))
  .map(([prefix, rest]) => ({ kind: 'session-token' as const, text: `${prefix}${rest}`, value: `${prefix}${rest}`, secret: `${prefix}${rest}`, digits: false }));

/** A secret access key written next to its name, as in a leaked credentials file. */
export const secretPlant: fc.Arbitrary<Plant> = fc
  .stringMatching(/^[A-Za-z0-9/+]{40}$/)
  .filter((s) => /[a-z]/.test(s) && /[A-Z]/.test(s))
  .map((s) => ({ kind: 'secret' as const, text: `aws_secret_access_key=${s}`, value: s, secret: s, digits: false }));

/** Any of the above. */
export const anyPlant: fc.Arbitrary<Plant> = fc.oneof(
  { arbitrary: phonePlant, weight: 4 },
  { arbitrary: emailPlant, weight: 3 },
  { arbitrary: accountPlant, weight: 2 },
  { arbitrary: keyIdPlant, weight: 1 },
  { arbitrary: sessionTokenPlant, weight: 1 },
  { arbitrary: secretPlant, weight: 1 },
);

/** Every string in a JSON value (member names, JSON inside strings and percent-decoded forms included). */
export function stringsOf({ value }: { value: unknown }): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      out.push(v);
      try {
        const decoded = decodeURIComponent(v);
        if (decoded !== v) out.push(decoded);
      } catch {
        // Not percent-encoding.
      }
      const t = v.trimStart();
      // JSON inside the string, down to a bare JSON string literal (whose escaped quotes would hide a quoted local part).
      if (t.startsWith('{') || t.startsWith('[') || t.startsWith('"')) {
        try {
          walk(JSON.parse(v));
        } catch {
          // Text that only looks like JSON.
        }
      }
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        walk(k);
        walk(x);
      }
    }
  };
  walk(value);
  return out;
}

/** The strings of `value` in which a planted secret survives (its digits, with punctuation removed, for numbers). */
export function survivors({ value, plant }: { value: unknown; plant: Plant }): string[] {
  return stringsOf({ value }).filter((s) => (plant.digits ? s.replace(/\D/g, '').includes(plant.secret) : s.includes(plant.secret) || s.toLowerCase().includes(plant.secret.toLowerCase())));
}

/** A value the generators could have made (fiction-range phone in a national or international form, reserved e-mail): it must survive as written. */
export const keeperText: fc.Arbitrary<string> = fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 999 }), word, fc.nat()).map(([two, three, w, pick]) => {
  const nn = String(two).padStart(2, '0');
  const nnn = String(three).padStart(3, '0');
  const forms = [
    `+1212555010${nn[1]}`,
    `(212) 555-01${nn}`,
    `212.555.01${nn}`,
    `+1 415 555 01${nn}`,
    `020 7946 0${nnn}`,
    `+44 (0)20 7946 0${nnn}`,
    `07700 900${nnn}`,
    `0161 496 0${nnn}`,
    `(02) 5550 ${nnn}${nn[0]}`,
    `+61 8 5550 ${nnn}${nn[1]}`,
    `${w}.${nn}@example.com`,
    `${w}+${nnn}@mail.travel.test`,
  ];
  return forms[pick % forms.length];
});
