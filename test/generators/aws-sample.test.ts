import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sampleMember, sampleMembers } from '../../generators/aws-sample.ts';
import { generateRecords, type GeneratedRecord } from '../../generators/generate.ts';
import { KINDS, type TravelKind } from '../../generators/fields.ts';
import { FICTION_PHONE_RE, RESERVED_EMAIL_RE } from '../../generators/synthetic-pii.ts';
import { REF_MS, Violations } from './helpers.ts';

const DAY = 86_400_000;
/** ISO local date-time as the sample writes it, read as UTC wall-clock (only differences between them are used). */
const local = (text: unknown): number => {
  if (typeof text !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/.test(text)) throw new Error(`not an ISO local date-time: ${String(text)}`);
  return Date.parse(`${text}Z`);
};

describe('sampleMember', () => {
  it('returns the same records given the same seed, clock and index, and other records given another seed', () => {
    const a = sampleMember({ seed: 4, clockMs: REF_MS, index: 2, vertical: 'airline' });
    expect(sampleMember({ seed: 4, clockMs: REF_MS, index: 2, vertical: 'airline' })).toEqual(a);
    expect(sampleMember({ seed: 5, clockMs: REF_MS, index: 2, vertical: 'airline' })).not.toEqual(a);
  });

  it('returns airline members with an L id, 3 to 15 bookings departing 30 days before to 90 days after the clock, integer prices', () => {
    const v = new Violations();
    const counts = new Set<number>();
    for (const m of sampleMembers({ seed: 11, clockMs: REF_MS, count: 60, vertical: 'airline' })) {
      v.match(m.loyaltyId, /^L\d{8}$/, 'loyalty id');
      const bookings = m.records.filter((r) => r.objectTypeName === 'Booking');
      counts.add(bookings.length);
      v.that(bookings.length >= 3 && bookings.length <= 15, () => `${m.loyaltyId} has ${bookings.length} bookings`);
      v.eq(m.records[0].objectTypeName, 'Loyalty', `${m.loyaltyId} first record`);
      v.match(m.records[0].object.PhoneNumber, FICTION_PHONE_RE, `${m.loyaltyId} PhoneNumber`);
      v.match(m.records[0].object.Email, RESERVED_EMAIL_RE, `${m.loyaltyId} Email`);
      for (const b of bookings) {
        const o = b.object;
        const offsetDays = (local(o.DepartureDate) - REF_MS) / DAY;
        // Local wall-clock vs UTC clock: allow the largest offset of the airports (about half a day).
        v.that(offsetDays >= -30.6 && offsetDays <= 90.6, () => `${o.BookingId} departs ${offsetDays} days from the clock`);
        v.that(Number.isInteger(o.Price) && Number.isInteger(o.TravellerPrice) && (o.Price as number) > 0, () => `${o.BookingId} prices ${o.Price}`);
        v.eq(o.DepartureTime, String(o.DepartureDate).slice(11, 16), `${o.BookingId} DepartureTime`);
        v.that(local(o.CreatedOn) <= REF_MS, () => `${o.BookingId} CreatedOn after the clock`);
        v.eq(o.LoyaltyId, m.loyaltyId, `${o.BookingId} LoyaltyId`);
      }
    }
    expect(v.found).toEqual([]);
    expect(Math.min(...counts)).toBeLessThanOrEqual(5);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(12);
  });

  it('returns hotel members with an H id whose revenue lines of each checked-out stay add up to its amount after tax plus extras', () => {
    const v = new Violations();
    let stays = 0;
    for (const m of sampleMembers({ seed: 12, clockMs: REF_MS, count: 40, vertical: 'hotel' })) {
      v.match(m.loyaltyId, /^H\d{8}$/, 'loyalty id');
      const lines = m.records.filter((r) => r.objectTypeName === 'HotelStayRevenue').map((r) => r.object);
      for (const res of m.records.filter((r) => r.objectTypeName === 'HotelReservation').map((r) => r.object)) {
        const mine = lines.filter((l) => l.ReservationId === res.ReservationId);
        v.that(local(res.CheckOutDate) > local(res.CheckInDate), () => `${res.ReservationId} check-out not after check-in`);
        if (res.Status !== 'CheckedOut') {
          v.eq(mine.length, 0, `${res.ReservationId} lines before check-out`);
          continue;
        }
        stays++;
        const sum = (type: string) => mine.filter((l) => l.RevenueType === type).reduce((a, l) => a + (l.RevenueAmount as number), 0);
        v.eq(sum('Room'), res.TotalAmountBeforeTax, `${res.ReservationId} room lines`);
        v.eq(sum('Room') + sum('Tax'), res.TotalAmountAfterTax, `${res.ReservationId} after tax`);
        for (const l of mine) v.eq(l.GuestId, m.loyaltyId, `${l.StayRevenueId} GuestId`);
      }
    }
    expect(v.found).toEqual([]);
    expect(stays).toBeGreaterThan(20);
  });
});

const SAMPLE_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'reference', 'aws-samples-th');
const hasSample = existsSync(SAMPLE_DIR);
const STANDARD_OBJECT: Partial<Record<TravelKind, string>> = {
  airBooking: '_airBooking', airSegment: '_airSegment', airPreference: '_airPreference', hotelReservation: '_hotelReservation',
  hotelStayRevenue: '_hotelStayRevenue', hotelPreference: '_hotelPreference', loyalty: '_loyalty',
};

describe.skipIf(!hasSample)(hasSample ? 'KINDS namedBySample' : `KINDS namedBySample (skipped: ${SAMPLE_DIR} is absent on this machine)`, () => {
  /** Every `<prefix>.<path>` the sample writes or reads: mapping Targets and calculated-attribute expressions. */
  function samplePaths(): Set<string> {
    const out = new Set<string>();
    for (const dir of ['airlines', 'hotels']) {
      for (const file of ['Loyalty', 'Booking', 'Preferences', 'StayRevenue', 'CA_TotalDollarsSpentInAYear', 'CA_DayOfTravel']) {
        const at = path.join(SAMPLE_DIR, dir, `${file}.json`);
        if (!existsSync(at)) continue;
        const json = JSON.parse(readFileSync(at, 'utf8'));
        for (const field of Object.values(json.Fields ?? {}) as { Target?: string }[]) if (field.Target) out.add(field.Target);
        for (const m of String(json.AttributeDetails?.Expression ?? '').matchAll(/\{([^}]+)\}/g)) out.add(m[1]);
      }
    }
    return out;
  }

  it('returns only names the sample writes on that standard object (its own ids under Attributes)', () => {
    const paths = samplePaths();
    const missing: string[] = [];
    for (const [kind, prefix] of Object.entries(STANDARD_OBJECT)) {
      for (const name of KINDS[kind as TravelKind].namedBySample ?? []) {
        if (!paths.has(`${prefix}.${name}`) && !paths.has(`${prefix}.Attributes.${name}`)) missing.push(`${prefix}.${name}`);
      }
    }
    expect(missing).toEqual([]);
    expect(paths.size).toBeGreaterThan(200);
  });

  it('returns every sample-named field in the generated objects of its kind', () => {
    const seen = new Map<string, Set<string>>();
    const add = (kind: string, p: string) => (seen.get(kind) ?? seen.set(kind, new Set()).get(kind)!).add(p);
    for (const r of generateRecords({ seed: 3, clockMs: REF_MS, profiles: 300 }) as Iterable<GeneratedRecord>) {
      for (const [key, value] of Object.entries(r.object)) {
        if (value !== null && typeof value === 'object') for (const sub of Object.keys(value)) add(r.objectTypeName, `${key}.${sub}`);
        else add(r.objectTypeName, key);
      }
    }
    const absent: string[] = [];
    for (const kind of Object.keys(STANDARD_OBJECT) as TravelKind[]) {
      for (const name of KINDS[kind].namedBySample ?? []) if (!seen.get(kind)?.has(name)) absent.push(`${kind}.${name}`);
    }
    expect(absent).toEqual([]);
  });
});
