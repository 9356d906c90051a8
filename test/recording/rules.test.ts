import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { e164Candidates, isFictionPhone } from '../../generators/synthetic-pii.ts';
import { ACCESS_KEY_RE, BARE_ACCOUNT_RE, EMAIL_RE, IAM_ID_PREFIXES, PHONE_FORMS, PHONE_RE, SESSION_TOKEN_RE, TEXT_HINT_RE } from '../../harness/recording/rules.ts';
import { sanitizeTape } from '../../harness/recording/sanitize.ts';
import { excerptOf, scanValue } from '../../harness/recording/scan.ts';
import type { Tape } from '../../harness/recording/tape.ts';
import { anyPlant, survivors } from './pii-arbitraries.ts';
import { ia, tape } from './fixtures.ts';

const matches = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => m[0]);

/** Strings that hold digits in shapes near a phone number or an account id, but are neither (all in the committed tapes' style). */
const NOT_PHONES = [
  '2025-06-09T12:34:56.789Z',
  '3.1019.0',
  '192.168.100.200',
  '1796665746',
  '1796665746.455',
  '00000000-0000-4000-8000-0000000001de',
  '123e4567-e89b-12d3-a456-426614174000',
  'ConfirmationNumber 0044700538',
  '5148030335',
  '0.12345678901',
  'price 1234.5678',
  '1,234,567,890',
  'HR0000000061',
  'ACC000000006',
  'cpct-babc987d-calculated-values',
  'redacted-phone-0412abcd',
];

describe('PHONE_RE', () => {
  it('returns each example of every written form whole, given it in free text', () => {
    for (const { form, example } of PHONE_FORMS) {
      for (const written of example.split(', ')) {
        const number = written.replace(/^(?:tel|phone|mobile):? ?/, '');
        expect(matches(PHONE_RE, `note ${written}; more`), `${form}: ${written}`).toEqual([number]);
      }
    }
  });

  it('returns nothing given dates, versions, addresses, UUIDs, timestamps, decimals, ids and bare digit runs without a phone word', () => {
    for (const text of NOT_PHONES) expect(matches(PHONE_RE, text), text).toEqual([]);
  });

  it('returns nothing given a plus-addressed e-mail whose tag is digits', () => {
    expect(matches(PHONE_RE, 'jane+14155552671@mail.com')).toEqual([]);
  });
});

describe('e164Candidates', () => {
  it('returns the one number an international form spells, without the (0) trunk marker', () => {
    expect(e164Candidates({ written: '+44 (0)20 7946 0123' })).toEqual(['+442079460123']);
    expect(e164Candidates({ written: '+1 (415) 555-2671' })).toEqual(['+14155552671']);
  });

  it('returns a candidate per country whose national form fits, given a national number', () => {
    expect(e164Candidates({ written: '(212) 555-0142' })).toEqual(['+12125550142']);
    expect(e164Candidates({ written: '020 7946 0123' })).toEqual(['+442079460123']);
    expect(e164Candidates({ written: '02 5550 1234' })).toEqual(['+44255501234', '+61255501234']);
  });

  it('returns nothing given a number glued to other text', () => {
    expect(e164Candidates({ written: '+447700900123John@mail.com' })).toEqual([]);
  });
});

describe('isFictionPhone', () => {
  it('returns true for fiction-range numbers in any written form', () => {
    for (const written of ['+12125550142', '(212) 555-0142', '212.555.0142', '1-212-555-0142', '+44 20 7946 0123', '020 7946 0123', '07700 900123', '0161 496 0123', '(02) 5550 1234', '+61 (0)8 5550 1234', '0044 20 7946 0123']) {
      expect(isFictionPhone({ written }), written).toBe(true);
    }
  });

  it('returns false for numbers next to the ranges, in national forms too', () => {
    for (const written of ['(212) 555-0200', '020 7946 1000', '07700 901000', '(02) 5551 0000', '+1 415 555 2671']) expect(isFictionPhone({ written }), written).toBe(false);
  });
});

describe('EMAIL_RE', () => {
  it('returns the whole address given plus-addressing, subdomains, an apostrophe, non-ASCII letters, quoted local parts or an IP literal', () => {
    for (const email of ['jane.doe+tag@mail.google.com', '"jane doe"@gmail.com', '\\"jane doe\\"@gmail.com', "o'brien@corp.co.uk", 'josé@correo.es', 'jane@[192.0.2.1]', 'JANE@Gmail.COM']) {
      expect(matches(EMAIL_RE, `to: ${email}, cc`), email).toEqual([email]);
    }
  });
});

describe('BARE_ACCOUNT_RE', () => {
  it('returns a twelve-digit account id alone in text or written with dashes', () => {
    expect(matches(BARE_ACCOUNT_RE, 'acct=123456789012')).toEqual(['123456789012']);
    expect(matches(BARE_ACCOUNT_RE, 'account 1234-5678-9012.')).toEqual(['1234-5678-9012']);
  });

  it('returns nothing given longer digit runs, decimals, or the last group of a UUID', () => {
    for (const text of ['123456789012345', '0.123456789012', '00000000-0000-4000-8000-123456789012', 'id1234567890123', ...NOT_PHONES]) expect(matches(BARE_ACCOUNT_RE, text), text).toEqual([]);
  });
});

describe('ACCESS_KEY_RE', () => {
  it('returns ids of every IAM unique-id prefix, glued to other text too', () => {
    for (const prefix of IAM_ID_PREFIXES) expect(matches(ACCESS_KEY_RE, `key=${prefix}Q2LPROPERTYTEST7x`), prefix).toEqual([`${prefix}Q2LPROPERTYTEST7`]);
  });
});

describe('SESSION_TOKEN_RE', () => {
  it('returns tokens of each known prefix', () => {
    for (const prefix of ['IQoJb3JpZ2lu', 'AgoJb3JpZ2lu', 'FwoGZXIvYXdz', 'FQoGZXIvYXdz', 'AQoDYXdz']) {
      const token = `${prefix}X2VjEPROPERTYTESTTOKEN00000`;
      expect(matches(SESSION_TOKEN_RE, `t ${token} `), prefix).toEqual([token]);
    }
  });
});

describe('TEXT_HINT_RE', () => {
  it('returns true for every planted text the rules find, in every form (the sanitizer and the scanner skip strings it rejects)', () => {
    fc.assert(
      fc.property(anyPlant, (plant) => {
        expect(TEXT_HINT_RE.test(plant.text), plant.text).toBe(true);
      }),
      { numRuns: 500 },
    );
    for (const { example } of PHONE_FORMS) for (const written of example.split(', ')) expect(TEXT_HINT_RE.test(written), written).toBe(true);
  });
});

/** A tape with the planted texts in a path segment and a query value, as the SDK encodes them. */
function requestTape(texts: readonly string[]): Tape {
  const text = `leak ${texts.join(' and ')} end`;
  const enc = encodeURIComponent(text);
  return tape([ia({ method: 'GET', path: `/domains/${enc}/layouts?next-token=${enc}&max-results=1`, response: { Items: [] } })]);
}

describe('sanitizeTape (planted in request paths and query strings)', () => {
  it('returns a tape holding no planted value, given values the scanner flags in the raw tape; sanitizing it again changes nothing', () => {
    fc.assert(
      fc.property(fc.array(anyPlant, { minLength: 1, maxLength: 3 }), (plants) => {
        const raw = requestTape(plants.map((p) => p.text));
        const clean = sanitizeTape({ tape: raw, options: { key: 'k' } });
        for (const plant of plants) expect(survivors({ value: clean, plant }), plant.text).toEqual([]);
        const findings = scanValue({ value: raw, file: 'raw' });
        for (const plant of plants) expect(findings.some((f) => f.kind === plant.kind && f.excerpt === excerptOf({ value: plant.value })), plant.text).toBe(true);
        expect(scanValue({ value: clean, file: 'clean' })).toEqual([]);
        expect(sanitizeTape({ tape: clean, options: { key: 'k' } })).toEqual(clean);
      }),
      { numRuns: 300 },
    );
  });
});
