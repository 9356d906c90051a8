/**
 * The reference implementation's rules that follow AWS's documents and samples (issue 14): IsDataPartial (R25),
 * references through Fields and standard objects (R5), timestamps without a format (R2, R18) and in arithmetic (R6).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../harness/clock.ts';
import { createMockService } from '../../../../harness/mock/models/service.ts';
import { DAY, T0, details, fixture } from './fixture.ts';

describe('GetCalculatedAttributeForProfile IsDataPartial', () => {
  it('returns "true" until a 30-day Range has elapsed since CreatedAt, then "false"', () => {
    const f = fixture();
    f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a'), Conditions: { Range: { Value: 30, Unit: 'DAYS' } } });
    f.put({ a: 1 });
    expect(f.get()).toMatchObject({ Value: '1', IsDataPartial: 'true' });
    f.clock.set({ ms: T0 + 30 * DAY - 1 });
    expect(f.get().IsDataPartial).toBe('true');
    f.clock.set({ ms: T0 + 30 * DAY });
    expect(f.get().IsDataPartial).toBe('false');
  });
  it('returns "true" while fewer objects than ObjectCount are selected', () => {
    const f = fixture();
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.a}', 'a'), Conditions: { ObjectCount: 2 } });
    f.put({ a: 1 });
    expect(f.get()).toMatchObject({ Value: '1', IsDataPartial: 'true' });
    f.put({ a: 2 });
    expect(f.get()).toMatchObject({ Value: '3', IsDataPartial: 'false' });
  });
  it('returns "false" given no Range and no ObjectCount', () => {
    const f = fixture();
    f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a') });
    f.put({ a: 1 });
    expect(f.get().IsDataPartial).toBe('false');
  });
});

describe('CalculatedAttributes references (R5)', () => {
  const types = {
    Booking: {
      SegmentPNR: { Source: '_source.PNR', Target: '_airSegment.BookingRef' },
      DepartureDate: { Source: '_source.DepartureDate', Target: '_airSegment.Departure.Date' },
      SeatPrice: { Source: '_source.Price', Target: '_airSegment.Seat.Price' },
    },
  };
  it('counts {Booking.SegmentPNR} through the Fields entry\'s Source, ordered by a TimestampSource without format (AWS\'s CA_DayOfTravel)', () => {
    const f = fixture({ types });
    f.define({ Statistic: 'COUNT', AttributeDetails: details('{Booking.SegmentPNR}', 'SegmentPNR'), Conditions: { Range: { Unit: 'DAYS', TimestampSource: '{Booking.DepartureDate}' } } });
    f.put({ PNR: 'ABC123', DepartureDate: '2025-06-01T08:30:00' }, { type: 'Booking' });
    f.put({ PNR: 'XYZ789', DepartureDate: '2024-12-24T10:00:00' }, { type: 'Booking' });
    f.put({ DepartureDate: '2025-01-01T00:00:00' }, { type: 'Booking' });
    expect(f.get()).toMatchObject({ Value: '2', LastObjectTimestamp: new Date(Date.UTC(2025, 5, 1, 8, 30)), IsDataPartial: 'false' });
  });
  it('sums {_airSegment.Seat.Price} over the standard objects the Targets produce, and forgets them with their source', () => {
    const f = fixture({ types });
    f.define({ Statistic: 'SUM', AttributeDetails: details('{_airSegment.Seat.Price}', 'Seat.Price') });
    f.put({ PNR: 'A', Price: 120 }, { type: 'Booking', id: 'b1' });
    f.put({ PNR: 'B', Price: '80.5' }, { type: 'Booking', id: 'b2' });
    expect(f.value()).toBe('200.5');
    f.ca.remove({ domain: 'cpct-test', profileId: 'a'.repeat(32), objectTypeName: 'Booking', objectId: 'b1' });
    expect(f.value()).toBe('80.5');
    f.ca.forgetObjectType({ domain: 'cpct-test', objectTypeName: 'Booking' });
    expect(f.value()).toBeUndefined();
  });
});

describe('CalculatedAttributes arithmetic over timestamps (R6)', () => {
  it('returns the AVERAGE difference in milliseconds of ISO 8601 end and start times', () => {
    const f = fixture();
    f.define({ Statistic: 'AVERAGE', AttributeDetails: details('{Order.end} - {Order.start}', 'end', 'start') });
    f.put({ end: '2025-01-15T10:05:00Z', start: '2025-01-15T10:00:00Z' });
    f.put({ end: '2025-01-15T12:01:00+02:00', start: '2025-01-15T10:00:00.000Z' });
    expect(f.value()).toBe('180000');
  });
});

const SAMPLE_DIR = resolve(import.meta.dirname, '../../../../../shared/reference/aws-samples-th/airlines');
const hasSample = existsSync(SAMPLE_DIR);
const sample = (file: string) => JSON.parse(readFileSync(resolve(SAMPLE_DIR, file), 'utf8')) as Record<string, unknown>;

describe('createMockService with AWS\'s T&H sample', () => {
  it.skipIf(!hasSample)('accepts both published definitions unchanged over the published Booking type, and counts DayOfTravel through Fields.SegmentPNR', () => {
    const clock = new ManualClock({ startMs: Date.UTC(2025, 5, 9) });
    const service = createMockService({ clock });
    const call = (operation: string, input: Record<string, unknown>) => service.call(operation, { DomainName: 'th', ...input });
    call('CreateDomain', { DefaultExpirationDays: 30 });
    call('PutProfileObjectType', sample('Booking.json'));
    for (const file of ['CA_DayOfTravel.json', 'CA_TotalDollarsSpentInAYear.json']) {
      const definition = sample(file);
      const out = call('CreateCalculatedAttributeDefinition', definition);
      expect({ Conditions: out.Conditions, AttributeDetails: out.AttributeDetails, Statistic: out.Statistic }, file).toEqual({
        Conditions: definition.Conditions,
        AttributeDetails: definition.AttributeDetails,
        Statistic: definition.Statistic,
      });
    }
    // The sample's mapping allows profile creation: the first booking makes the profile its LoyaltyId key names.
    call('PutProfileObject', { ObjectTypeName: 'Booking', Object: JSON.stringify({ LoyaltyId: 'L12345678', BookingId: 'B1', SegmentId: 'S1', PNR: 'ABC123', DepartureDate: '2025-06-01T08:30:00', Price: 120 }) });
    call('PutProfileObject', { ObjectTypeName: 'Booking', Object: JSON.stringify({ LoyaltyId: 'L12345678', BookingId: 'B2', SegmentId: 'S2', PNR: 'XYZ789', DepartureDate: '2025-07-01T10:00:00', Price: 80 }) });
    const found = call('SearchProfiles', { KeyName: 'LoyaltyId', Values: ['L12345678'] }) as { Items: { ProfileId: string }[] };
    expect(found.Items).toHaveLength(1);
    const ProfileId = found.Items[0].ProfileId;
    const day = call('GetCalculatedAttributeForProfile', { CalculatedAttributeName: 'DayOfTravel', ProfileId });
    expect(day).toMatchObject({ Value: '2', LastObjectTimestamp: new Date(Date.UTC(2025, 6, 1, 10)) });
    // Nothing in the published Booking mapping targets _airSegment.Seat.Price: the SUM selects nothing.
    expect(call('GetCalculatedAttributeForProfile', { CalculatedAttributeName: 'TotalDollarsSpentInAYear', ProfileId }).Value).toBeUndefined();
  });
});
