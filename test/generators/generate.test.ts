import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TravelGenerator, generateProfileBundle, generateRecords, ndjsonLine, type GeneratedRecord } from '../../generators/generate.ts';
import { ALL_KINDS, KINDS, type TravelKind } from '../../generators/fields.ts';
import { FICTION_PHONE_RE, RESERVED_EMAIL_RE } from '../../generators/synthetic-pii.ts';
import { REF_MS, Violations, daysBetween, groupByProfile, instant, minor, ofType, type ProfileGroup } from './helpers.ts';

function bytes(records: Iterable<GeneratedRecord>): string {
  let s = '';
  for (const r of records) s += ndjsonLine({ record: r });
  return s;
}

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

// One large sample per format, generated once and checked by every consistency test below.
const ISO_SAMPLE = groupByProfile(generateRecords({ seed: 20250609, clockMs: REF_MS, profiles: 3000, format: 'iso8601' }));
const EPOCH_SAMPLE = groupByProfile(generateRecords({ seed: 77, clockMs: REF_MS, profiles: 1000, format: 'epochmilli' }));
const SAMPLES: [string, ProfileGroup[]][] = [
  ['iso8601', ISO_SAMPLE],
  ['epochmilli', EPOCH_SAMPLE],
];

function allObjects(groups: ProfileGroup[]): GeneratedRecord[] {
  return groups.flatMap((g) => g.objects);
}

describe('generateRecords', () => {
  it('returns byte-identical NDJSON given the same seed and clock twice', () => {
    const a = bytes(generateRecords({ seed: 5, clockMs: REF_MS, profiles: 200, format: 'iso8601' }));
    const b = bytes(generateRecords({ seed: 5, clockMs: REF_MS, profiles: 200, format: 'iso8601' }));
    expect(a.length).toBeGreaterThan(10_000);
    expect(sha(a)).toBe(sha(b));
  });

  it('returns different bytes given another seed', () => {
    const a = bytes(generateRecords({ seed: 5, clockMs: REF_MS, profiles: 50 }));
    const b = bytes(generateRecords({ seed: 6, clockMs: REF_MS, profiles: 50 }));
    expect(sha(a)).not.toBe(sha(b));
  });

  it('returns different timestamps given another reference clock, and none later than needed', () => {
    const a = bytes(generateRecords({ seed: 5, clockMs: REF_MS, profiles: 20 }));
    const b = bytes(generateRecords({ seed: 5, clockMs: REF_MS + 86_400_000, profiles: 20 }));
    expect(a).not.toBe(b);
  });

  it('returns the pinned digest for seed 42 (detects drift across machines, Node or Faker versions)', () => {
    // Not a correctness oracle: a pin. If the generators change on purpose, update it in the same change.
    const text = bytes(generateRecords({ seed: 42, clockMs: REF_MS, profiles: 25, format: 'iso8601' }));
    expect(sha(text)).toBe(PINNED_SHA256);
  });

  it('returns the same air objects whether or not the hotel and loyalty families are generated', () => {
    const all = [...generateRecords({ seed: 9, clockMs: REF_MS, profiles: 100 })].filter((r) => KINDS[r.objectTypeName as TravelKind]?.family === 'air' || r.objectTypeName === '_profile');
    const airOnly = [...generateRecords({ seed: 9, clockMs: REF_MS, profiles: 100, families: ['air'] })];
    expect(bytes(airOnly)).toBe(bytes(all));
  });

  it('returns in generateProfileBundle exactly the records the stream has for that profile', () => {
    const stream = groupByProfile(new TravelGenerator({ seed: 3, clockMs: REF_MS }).records({ count: 40 }));
    const bundle = generateProfileBundle({ seed: 3, clockMs: REF_MS, index: 37 });
    expect(bytes(bundle)).toBe(bytes([{ objectTypeName: '_profile', object: stream[37].profile }, ...stream[37].objects]));
  });

  it('returns all nine kinds in a large sample, with the logical type names by default', () => {
    const seen = new Set(allObjects(ISO_SAMPLE).map((r) => r.objectTypeName));
    expect([...seen].sort()).toEqual([...ALL_KINDS].sort());
  });

  it('returns the configured object type names given objectTypeNames', () => {
    const recs = [...generateRecords({ seed: 1, clockMs: REF_MS, profiles: 30, objectTypeNames: { airSegment: 'cpct_seg_x' } })];
    const names = new Set(recs.map((r) => r.objectTypeName));
    expect(names.has('cpct_seg_x')).toBe(true);
    expect(names.has('airSegment')).toBe(false);
    expect(names.has('airBooking')).toBe(true);
  });
});

describe('generated objects: provenance and limits', () => {
  it.each(SAMPLES)('returns only documented or declared-own fields, all scalars strings (%s)', (_f, groups) => {
    const v = new Violations();
    const allowed = new Map(ALL_KINDS.map((k) => [k, new Set([...KINDS[k].documented, ...KINDS[k].ours])]));
    for (const { objectTypeName, object } of allObjects(groups)) {
      const spec = KINDS[objectTypeName as TravelKind];
      for (const key in object) {
        const value = object[key];
        v.that(allowed.get(spec.kind)!.has(key), () => `${objectTypeName}.${key} is neither documented nor declared`);
        if (value !== null && typeof value === 'object') {
          for (const sub in value) {
            v.that(spec.nestedOurs?.[key]?.includes(sub) === true, () => `${objectTypeName}.${key}.${sub} is not declared`);
            v.eq(typeof (value as Record<string, unknown>)[sub], 'string', `${objectTypeName}.${key}.${sub} type`);
          }
        } else v.eq(typeof value, 'string', `${objectTypeName}.${key} type`);
      }
    }
    expect(v.found).toEqual([]);
    expect(v.checks).toBeGreaterThan(100_000);
  });

  it.each(SAMPLES)('returns every object within the PutProfileObject Object limit of 1..256000 characters (%s)', (_f, groups) => {
    let max = 0;
    let min = Infinity;
    for (const { object } of allObjects(groups)) {
      const n = JSON.stringify(object).length;
      max = Math.max(max, n);
      min = Math.min(min, n);
    }
    expect(min).toBeGreaterThanOrEqual(1);
    expect(max).toBeGreaterThan(100);
    expect(max).toBeLessThanOrEqual(256_000);
  });

  it('returns profiles whose CreateProfile strings are 1..255 characters', () => {
    const v = new Violations();
    for (const { profile } of ISO_SAMPLE) {
      const strings = [profile.AccountNumber, profile.FirstName, profile.LastName, profile.BirthDate, profile.EmailAddress, profile.PhoneNumber, ...Object.values(profile.Address as object)];
      for (const s of strings) v.that(typeof s === 'string' && s.length >= 1 && s.length <= 255, () => `profile string ${JSON.stringify(s)}`);
    }
    expect(v.found).toEqual([]);
  });

  it.each(SAMPLES)('returns UNIQUE ids that are unique per kind across the run (%s)', (_f, groups) => {
    const v = new Violations();
    const seen = new Map<string, Set<string>>();
    for (const { objectTypeName, object } of allObjects(groups)) {
      const id = object[KINDS[objectTypeName as TravelKind].idField] as string;
      const set = seen.get(objectTypeName) ?? new Set();
      v.that(typeof id === 'string' && !set.has(id), () => `${objectTypeName} id ${id} repeated or missing`);
      set.add(id);
      seen.set(objectTypeName, set);
    }
    const accounts = groups.map((g) => g.profile.AccountNumber);
    expect(v.found).toEqual([]);
    expect(new Set(accounts).size).toBe(accounts.length);
  });
});

describe('generated objects: synthetic personal data', () => {
  it.each(SAMPLES)('returns only reserved-domain e-mails and fiction-range phone numbers (%s)', (_f, groups) => {
    const v = new Violations();
    let emails = 0;
    let phones = 0;
    for (const g of groups) {
      const docs: Record<string, unknown>[] = [g.profile, ...g.objects.map((o) => o.object)];
      for (const doc of docs) {
        for (const key of ['Email', 'EmailAddress']) {
          if (doc[key] === undefined) continue;
          emails++;
          v.match(doc[key], /^[a-z0-9.]+@(example\.(com|net|org)|[a-z0-9-]+\.(test|example|invalid))$/, key);
          v.match(doc[key], RESERVED_EMAIL_RE, key);
        }
        if (doc.PhoneNumber !== undefined) {
          phones++;
          v.match(doc.PhoneNumber, FICTION_PHONE_RE, 'PhoneNumber');
        }
      }
    }
    expect(v.found).toEqual([]);
    expect(emails).toBeGreaterThan(1000);
    expect(phones).toBeGreaterThan(1000);
  });
});

describe('generated profiles: consistent per country', () => {
  // Written from the countries' own numbering and postcode rules, not from the generator's tables.
  const CANADIAN_AREA_CODES = new Set(['204', '226', '236', '249', '250', '289', '306', '343', '365', '403', '416', '418', '431', '437', '438', '450', '506', '514', '519', '548', '579', '581', '587', '604', '613', '639', '647', '672', '705', '709', '778', '780', '782', '807', '819', '825', '867', '873', '902', '905']);
  const FORMATS: Record<string, { phone: (p: string) => boolean; postal: RegExp }> = {
    US: { phone: (p) => /^\+1[2-9]\d{2}55501\d{2}$/.test(p) && !CANADIAN_AREA_CODES.has(p.slice(2, 5)), postal: /^\d{5}(-\d{4})?$/ },
    CA: { phone: (p) => /^\+1[2-9]\d{2}55501\d{2}$/.test(p) && CANADIAN_AREA_CODES.has(p.slice(2, 5)), postal: /^[ABCEGHJ-NPRSTVXY]\d[A-Z] \d[A-Z]\d$/ },
    GB: { phone: (p) => /^\+44\d{9,10}$/.test(p), postal: /^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/ },
    AU: { phone: (p) => /^\+61[2378]\d{8}$/.test(p), postal: /^\d{4}$/ },
  };

  it('returns for each of 200 profiles a phone number and postal code of its address country, in a fiction range', () => {
    const v = new Violations();
    const countries = new Map<string, number>();
    for (const { profile } of groupByProfile(generateRecords({ seed: 31, clockMs: REF_MS, profiles: 200, families: [] }))) {
      const address = profile.Address as Record<string, string>;
      const phone = profile.PhoneNumber as string;
      countries.set(address.Country, (countries.get(address.Country) ?? 0) + 1);
      const format = FORMATS[address.Country];
      v.that(format !== undefined, () => `${profile.AccountNumber} lives in ${address.Country}, a country without a fiction phone range`);
      if (!format) continue;
      v.that(format.phone(phone), () => `${profile.AccountNumber} in ${address.Country} has phone ${phone}`);
      v.match(address.PostalCode, format.postal, `${profile.AccountNumber} in ${address.Country} PostalCode`);
      v.match(phone, FICTION_PHONE_RE, `${profile.AccountNumber} PhoneNumber`);
      v.that(typeof address.State === 'string' && address.State.length > 0, () => `${profile.AccountNumber} State`);
    }
    expect(v.found).toEqual([]);
    expect(v.checks).toBeGreaterThanOrEqual(800);
    expect([...countries.keys()].sort()).toEqual(['AU', 'CA', 'GB', 'US']);
  });

  it('returns the same profile given the same seed, whichever profiles were generated before it', () => {
    const alone = generateProfileBundle({ seed: 31, clockMs: REF_MS, index: 150, families: [] })[0].object;
    const inStream = groupByProfile(generateRecords({ seed: 31, clockMs: REF_MS, profiles: 151, families: [] }))[150].profile;
    expect(alone).toEqual(inStream);
  });
});

describe('generated objects: referential integrity', () => {
  it.each(SAMPLES)('returns every object tied to its profile by AccountNumber and references resolving within the profile (%s)', (_f, groups) => {
    const v = new Violations();
    for (const g of groups) {
      const ids = new Map<string, Set<string>>();
      for (const { objectTypeName, object } of g.objects) {
        v.eq(object.AccountNumber, g.profile.AccountNumber, `${objectTypeName} AccountNumber`);
        const spec = KINDS[objectTypeName as TravelKind];
        const set = ids.get(objectTypeName) ?? new Set();
        set.add(object[spec.idField] as string);
        ids.set(objectTypeName, set);
      }
      const memberships = new Set(ofType(g, 'loyalty').map((l) => l.MembershipId));
      for (const s of ofType(g, 'airSegment')) v.that(ids.get('airBooking')?.has(s.BookingRef) === true, () => `segment ${s.SegmentId} -> ${s.BookingRef}`);
      for (const r of ofType(g, 'hotelStayRevenue')) {
        v.that(ids.get('hotelReservation')?.has(r.ReservationId) === true, () => `revenue ${r.StayRevenueId}`);
        v.eq(r.GuestId, g.profile.AccountNumber, `${r.StayRevenueId} GuestId`);
      }
      for (const t of ofType(g, 'loyaltyTransaction')) {
        v.that(memberships.has(t.MembershipRef), () => `transaction ${t.TransactionId} membership`);
        if (t.PromotionRef !== undefined) v.that(ids.get('loyaltyPromotion')?.has(t.PromotionRef) === true, () => `transaction ${t.TransactionId} promotion`);
      }
      for (const p of ofType(g, 'loyaltyPromotion')) v.that(memberships.has(p.MembershipRef), () => `promotion ${p.PromotionId}`);
      for (const p of [...ofType(g, 'airPreference'), ...ofType(g, 'hotelPreference')]) {
        v.eq(p.ReferenceId, g.profile.AccountNumber, 'preference ReferenceId');
        v.eq(p.ReferenceType, 'PROFILE', 'preference ReferenceType');
      }
      for (const b of ofType(g, 'airBooking')) v.eq(b.TravellerId, g.profile.AccountNumber, 'booking TravellerId');
    }
    expect(v.found).toEqual([]);
    expect(v.checks).toBeGreaterThan(10_000);
  });
});

describe('generated objects: air consistency', () => {
  it.each(SAMPLES)('returns segments in time order, arrival after departure, connected, matching their booking (%s)', (_f, groups) => {
    const v = new Violations();
    let checked = 0;
    for (const g of groups) {
      const segments = ofType(g, 'airSegment');
      for (const b of ofType(g, 'airBooking')) {
        const segs = segments.filter((s) => s.BookingRef === b.BookingId);
        v.eq(segs.length, Number(b.NumberOfSegments), `${b.BookingId} NumberOfSegments`);
        for (let i = 0; i < segs.length; i++) {
          const s = segs[i];
          const at = `${s.SegmentId}`;
          v.eq(Number(s.SegmentIndex), i + 1, `${at} SegmentIndex`);
          v.match(s.Origin, /^[A-Z]{3}$/, `${at} Origin`);
          v.match(s.Dest, /^[A-Z]{3}$/, `${at} Dest`);
          v.that(s.Origin !== s.Dest, () => `${at} origin = dest`);
          v.match(s.OriginCountryCode, /^[A-Z]{2}$/, `${at} OriginCountryCode`);
          v.match(s.Carrier, /^[A-Z0-9]{2}$/, `${at} Carrier`);
          v.match(s.FlightNumber, /^[A-Z0-9]{2}[1-9]\d{0,3}$/, `${at} FlightNumber`);
          v.that(s.FlightNumber.startsWith(s.Carrier), () => `${at} flight number carrier`);
          v.eq(s.IsInternational, s.OriginCountryCode !== s.DestCountryCode ? 'true' : 'false', `${at} IsInternational`);
          const dep = instant(s.DepartureDateTime);
          const arr = instant(s.ArrivalDateTime);
          v.that(arr > dep, () => `${at} arrives before it departs`);
          v.eq((arr - dep) / 60_000, Number(s.Duration), `${at} Duration`);
          if (_f === 'iso8601') {
            // Departure/Arrival Date and Time are the local calendar date and wall-clock time of the ISO instants.
            v.eq(s.Departure.Date, s.DepartureDateTime.slice(0, 10), `${at} Departure.Date`);
            v.eq(s.Departure.Time, s.DepartureDateTime.slice(11, 16), `${at} Departure.Time`);
            v.eq(s.Arrival.Date, s.ArrivalDateTime.slice(0, 10), `${at} Arrival.Date`);
            v.eq(s.Arrival.Time, s.ArrivalDateTime.slice(11, 16), `${at} Arrival.Time`);
          }
          v.match(s.Seat.SeatNumber, /^\d{1,2}[A-F]$/, `${at} Seat.SeatNumber`);
          v.that(Number(s.Distance) > 0 && Number(s.MilesToEarn) >= 0, () => `${at} Distance/MilesToEarn`);
          if (i > 0) {
            v.eq(s.Origin, segs[i - 1].Dest, `${at} connects`);
            v.that(dep > instant(segs[i - 1].ArrivalDateTime), () => `${at} departs before the previous arrival`);
          }
          v.that(dep > instant(b.CreatedDate), () => `${at} departs before booking`);
          checked++;
        }
        v.eq(instant(b.FirstDepartureDate), instant(segs[0].DepartureDateTime), `${b.BookingId} FirstDepartureDate`);
        v.eq(instant(b.LastArrivalDate), instant(segs[segs.length - 1].ArrivalDateTime), `${b.BookingId} LastArrivalDate`);
      }
    }
    expect(v.found).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  it.each(SAMPLES)('returns fares that add up, in the booking currency with its minor units (%s)', (_f, groups) => {
    const v = new Violations();
    for (const g of groups) {
      const segments = ofType(g, 'airSegment');
      for (const b of ofType(g, 'airBooking')) {
        const decimals = b.CurrencyCode === 'JPY' ? 0 : 2;
        v.match(b.CurrencyCode, /^[A-Z]{3}$/, 'CurrencyCode');
        v.eq(b.Price.Currency, b.CurrencyCode, 'Price.Currency');
        const base = minor(b.Price.BaseFare);
        const taxes = minor(b.Price.Taxes);
        const total = minor(b.Price.TotalPrice);
        v.that(base.decimals === decimals && taxes.decimals === decimals && total.decimals === decimals, () => `${b.BookingId} decimals`);
        v.eq(total.units, base.units + taxes.units, `${b.BookingId} TotalPrice`);
        const segs = segments.filter((s) => s.BookingRef === b.BookingId);
        v.eq(segs.reduce((a, s) => a + minor(s.Seat.Price).units, 0), base.units, `${b.BookingId} fares`);
        v.eq(b.Price.TravellerPrice, b.Price.TotalPrice, `${b.BookingId} TravellerPrice (one passenger)`);
        for (const s of segs) v.eq(s.CurrencyCode, b.CurrencyCode, `${s.SegmentId} CurrencyCode`);
        v.that(base.units > 0, () => `${b.BookingId} BaseFare`);
      }
    }
    expect(v.found).toEqual([]);
  });

  it.each(SAMPLES)('returns booking statuses consistent with the clock and cancellation dates (%s)', (_f, groups) => {
    const v = new Violations();
    const statuses = new Set<string>();
    for (const g of groups) {
      const segments = ofType(g, 'airSegment');
      for (const b of ofType(g, 'airBooking')) {
        statuses.add(b.Status);
        const segs = segments.filter((s) => s.BookingRef === b.BookingId);
        const created = instant(b.CreatedDate);
        const updated = instant(b.UpdatedDate);
        v.that(created <= REF_MS && created <= updated && updated <= REF_MS, () => `${b.BookingId} created/updated`);
        v.that(instant(b.ProcessedDate) >= created && instant(b.ProcessedDate) <= REF_MS, () => `${b.BookingId} processed`);
        if (b.Status === 'CANCELLED') {
          const cancelled = instant(b.CancelledDate);
          v.that(cancelled >= created && cancelled <= Math.min(REF_MS, instant(segs[0].DepartureDateTime)), () => `${b.BookingId} CancelledDate`);
          v.that(segs.every((s) => s.Status === 'CANCELLED'), () => `${b.BookingId} segment statuses`);
        } else {
          v.eq(b.CancelledDate, undefined, `${b.BookingId} CancelledDate`);
          const lastArrival = instant(segs[segs.length - 1].ArrivalDateTime);
          v.eq(b.Status, lastArrival <= REF_MS ? 'COMPLETED' : 'CONFIRMED', `${b.BookingId} Status`);
          for (const s of segs) v.eq(s.Status, instant(s.ArrivalDateTime) <= REF_MS ? 'FLOWN' : 'CONFIRMED', `${s.SegmentId} Status`);
        }
      }
    }
    expect(v.found).toEqual([]);
    expect([...statuses].sort()).toEqual(['CANCELLED', 'COMPLETED', 'CONFIRMED']);
  });
});

describe('generated objects: hotel consistency', () => {
  it.each(SAMPLES)('returns check-out after check-in with nights = dates apart (%s)', (_f, groups) => {
    const v = new Violations();
    let n = 0;
    for (const g of groups) {
      for (const r of ofType(g, 'hotelReservation')) {
        v.match(r.CheckIn.Date, /^\d{4}-\d{2}-\d{2}$/, 'CheckIn.Date');
        v.that(r.Checkout.Date > r.CheckIn.Date, () => `${r.ReservationId} check-out not after check-in`);
        v.eq(daysBetween(r.CheckIn.Date, r.Checkout.Date), Number(r.NumberOfNights), `${r.ReservationId} NumberOfNights`);
        v.eq(Number(r.Guests.Adults) + Number(r.Guests.Children), Number(r.NumberOfGuests), `${r.ReservationId} NumberOfGuests`);
        v.eq(minor(r.TotalAmountBeforeTax).units, minor(r.AmountPerNight).units * Number(r.NumberOfNights), `${r.ReservationId} TotalAmountBeforeTax`);
        v.that(minor(r.TotalAmountAfterTax).units >= minor(r.TotalAmountBeforeTax).units, () => `${r.ReservationId} TotalAmountAfterTax`);
        v.that(r.HotelCode.startsWith(r.BrandCode), () => `${r.ReservationId} HotelCode/BrandCode`);
        v.match(r.HotelCode, /^[A-Z]{3}[A-Z]{3}\d{2}$/, 'HotelCode');
        v.that(instant(r.CreatedDate) <= instant(r.UpdatedDate) && instant(r.UpdatedDate) <= REF_MS, () => `${r.ReservationId} created/updated`);
        n++;
      }
    }
    expect(v.found).toEqual([]);
    expect(n).toBeGreaterThan(500);
  });

  it.each(SAMPLES)('returns revenue lines that add up to the stay total, only for checked-out stays (%s)', (_f, groups) => {
    const v = new Violations();
    let stays = 0;
    for (const g of groups) {
      const lines = ofType(g, 'hotelStayRevenue');
      for (const r of ofType(g, 'hotelReservation')) {
        const mine = lines.filter((l) => l.ReservationId === r.ReservationId);
        if (r.Status !== 'CHECKED_OUT') {
          v.eq(mine.length, 0, `${r.ReservationId} lines before check-out`);
          v.eq(r.StayTotalAmount, undefined, `${r.ReservationId} StayTotalAmount`);
          continue;
        }
        stays++;
        v.eq(mine.reduce((a, l) => a + minor(l.Amount).units, 0), minor(r.StayTotalAmount).units, `${r.ReservationId} total`);
        const rooms = mine.filter((l) => l.RevenueType === 'ROOM');
        v.eq(rooms.length, Number(r.NumberOfNights), `${r.ReservationId} room lines`);
        for (const l of rooms) v.eq(l.Amount, r.AmountPerNight, `${l.StayRevenueId} room amount`);
        const taxLines = mine.filter((l) => l.RevenueType === 'TAX');
        v.eq(taxLines.length, 1, `${r.ReservationId} tax lines`);
        v.eq(minor(taxLines[0]?.Amount).units, minor(r.TotalAmountAfterTax).units - minor(r.TotalAmountBeforeTax).units, `${r.ReservationId} tax = after - before`);
        const dates = mine.map((l) => instant(l.RevenueDate));
        mine.forEach((l, i) => {
          v.eq(l.CurrencyCode, r.Currency.Code, `${l.StayRevenueId} CurrencyCode`);
          v.eq(l.StartDate, r.CheckIn.Date, `${l.StayRevenueId} StartDate`);
          v.eq(l.HotelCode, r.HotelCode, `${l.StayRevenueId} HotelCode`);
          v.eq(Number(l.LineNumber), i + 1, `${l.StayRevenueId} LineNumber`);
          v.that(dates[i] <= REF_MS && (i === 0 || dates[i - 1] <= dates[i]), () => `${l.StayRevenueId} RevenueDate order`);
        });
      }
    }
    expect(v.found).toEqual([]);
    expect(stays).toBeGreaterThan(200);
  });
});

describe('generated objects: loyalty consistency', () => {
  const tierOf = (qp: number): string => (qp >= 50_000 ? 'PLATINUM' : qp >= 25_000 ? 'GOLD' : qp >= 5_000 ? 'SILVER' : 'BASE');

  it.each(SAMPLES)('returns balances and tiers consistent with the transactions (%s)', (_f, groups) => {
    const v = new Violations();
    let members = 0;
    const tiers = new Set<string>();
    for (const g of groups) {
      const txs = ofType(g, 'loyaltyTransaction');
      for (const l of ofType(g, 'loyalty')) {
        members++;
        const mine = txs.filter((t) => t.MembershipRef === l.MembershipId).sort((a, b) => instant(a.TransactionDate) - instant(b.TransactionDate));
        v.that(mine.length >= 2, () => `${l.LoyaltyId} has ${mine.length} transactions`);
        let balance = 0;
        let qp = 0;
        let earned = 0;
        let redeemed = 0;
        let crossedAt: number | undefined;
        for (const t of mine) {
          v.eq(t.ProgramRef, l.ProgramId, `${t.TransactionId} ProgramRef`);
          const p = Number(t.PointsEarned);
          balance += p;
          if (p > 0) earned += p;
          else redeemed -= p;
          const before = tierOf(qp);
          qp += Number(t.QualifyingPointsEarned);
          if (tierOf(qp) !== before) crossedAt = instant(t.TransactionDate);
          v.that(balance >= 0, () => `${t.TransactionId} overdraws`);
          v.eq(Number(t.PointsBalanceAfter), balance, `${t.TransactionId} PointsBalanceAfter`);
          const at = instant(t.TransactionDate);
          v.that(at >= instant(l.EnrollmentDate) && at <= REF_MS, () => `${t.TransactionId} TransactionDate`);
          if (t.TransactionType === 'REDEEM') v.that(p < 0, () => `${t.TransactionId} redeem sign`);
        }
        v.eq(Number(l.Points.Balance), balance, `${l.LoyaltyId} Balance`);
        v.eq(Number(l.Points.QualifyingPoints), qp, `${l.LoyaltyId} QualifyingPoints`);
        v.eq(Number(l.Points.Lifetime), earned, `${l.LoyaltyId} Points.Lifetime`);
        v.eq(l.Tier.CurrentTier, l.Tier.Name, `${l.LoyaltyId} Tier.CurrentTier`);
        if (l.Tier.Name !== 'PLATINUM') v.that(Number(l.Tier.PointsToNextTier) > 0, () => `${l.LoyaltyId} PointsToNextTier`);
        v.eq(Number(l.Points.LifetimeRedeemed), redeemed, `${l.LoyaltyId} LifetimeRedeemed`);
        v.eq(l.Tier.Name, tierOf(qp), `${l.LoyaltyId} Tier`);
        tiers.add(l.Tier.Name);
        if (l.Tier.Name === 'BASE') v.eq(l.UpgradeDate, undefined, `${l.LoyaltyId} UpgradeDate`);
        else v.eq(instant(l.UpgradeDate), crossedAt, `${l.LoyaltyId} UpgradeDate`);
        v.that(instant(l.RenewalDate) > REF_MS, () => `${l.LoyaltyId} RenewalDate`);
      }
    }
    expect(v.found).toEqual([]);
    expect(members).toBeGreaterThan(300);
    expect([...tiers].sort()).toEqual(['BASE', 'GOLD', 'PLATINUM', 'SILVER']);
  });

  it.each(SAMPLES)('returns promotions with start before end and bonus transactions inside their window (%s)', (_f, groups) => {
    const v = new Violations();
    let bonuses = 0;
    for (const g of groups) {
      const promos = new Map(ofType(g, 'loyaltyPromotion').map((p) => [p.PromotionId, p]));
      for (const p of promos.values()) {
        v.that(instant(p.StartDate) < instant(p.EndDate), () => `${p.PromotionId} start not before end`);
        v.that(instant(p.EnrolledDate) <= instant(p.StartDate), () => `${p.PromotionId} enrolled after start`);
      }
      for (const t of ofType(g, 'loyaltyTransaction')) {
        if (t.PromotionRef === undefined) continue;
        bonuses++;
        const p = promos.get(t.PromotionRef)!;
        const at = instant(t.TransactionDate);
        v.that(at >= instant(p.StartDate) && at <= instant(p.EndDate), () => `${t.TransactionId} outside ${p.PromotionId}`);
        v.eq(Number(t.PointsEarned), Number(p.Amount), `${t.TransactionId} bonus points`);
        v.eq(p.MembershipRef, t.MembershipRef, `${t.TransactionId} promotion membership`);
      }
    }
    expect(v.found).toEqual([]);
    expect(bonuses).toBeGreaterThan(20);
  });
});

describe('generated objects: timestamps', () => {
  it('returns ISO 8601 timestamps with Z, ±HH:MM and ±HHMM offsets given format iso8601', () => {
    const v = new Violations();
    const styles = new Set<string>();
    for (const { objectTypeName, object } of allObjects(ISO_SAMPLE)) {
      for (const field of KINDS[objectTypeName as TravelKind].timestampFields) {
        const t = object[field] as string | undefined;
        if (t === undefined) continue;
        v.match(t, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?(Z|[+-]\d\d:\d\d|[+-]\d{4})$/, `${objectTypeName}.${field}`);
        styles.add(t.endsWith('Z') ? 'Z' : t[t.length - 3] === ':' ? 'colon' : 'compact');
        instant(t);
      }
    }
    expect(v.found).toEqual([]);
    expect([...styles].sort()).toEqual(['Z', 'colon', 'compact']);
  });

  it('returns epoch-millisecond digit strings given format epochmilli', () => {
    const v = new Violations();
    for (const { objectTypeName, object } of allObjects(EPOCH_SAMPLE)) {
      for (const field of KINDS[objectTypeName as TravelKind].timestampFields) {
        if (object[field] !== undefined) v.match(object[field], /^1\d{12}$/, `${objectTypeName}.${field}`);
      }
    }
    expect(v.found).toEqual([]);
    expect(v.checks).toBeGreaterThan(10_000);
  });

  it('returns the same instants in both formats for the same seed', () => {
    const iso = [...generateRecords({ seed: 12, clockMs: REF_MS, profiles: 60, format: 'iso8601' })];
    const epoch = [...generateRecords({ seed: 12, clockMs: REF_MS, profiles: 60, format: 'epochmilli' })];
    expect(iso.length).toBe(epoch.length);
    const v = new Violations();
    for (let i = 0; i < iso.length; i++) {
      const kind = iso[i].objectTypeName as TravelKind;
      if (!KINDS[kind]) continue;
      for (const field of KINDS[kind].timestampFields) {
        if (iso[i].object[field] === undefined) continue;
        v.eq(instant(iso[i].object[field]), instant(epoch[i].object[field]), `${kind}.${field}`);
      }
    }
    expect(v.found).toEqual([]);
    expect(v.checks).toBeGreaterThan(500);
  });
});

const PINNED_SHA256 = 'f586278c525424996029528ec3e6940b3bdbaf77f96d0ca3cf3a669ec857ac9f';
