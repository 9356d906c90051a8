/**
 * The oracle's rules that follow AWS's documents and samples (issue 14): IsDataPartial by the elapsed Range and
 * ObjectCount (CA-RES-3), references to an object type's Fields entries and to standard objects built from the
 * mappings' Targets (CA-EXP-4, CA-STD-*), timestamp operands (CA-EXP-7) and the object type check (CA-SEL-2).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeCalculatedAttribute, OracleDefinitionError, type OracleDefinition, type OracleObject, type OracleObjectType } from '../../../generators/oracle/index.ts';
import { DAY, NOW, def, obj } from './fixtures.ts';

function run({ definition, objects, createdAt, extra = {} }: { definition: OracleDefinition; objects: OracleObject[]; createdAt: number; extra?: Record<string, unknown> }) {
  return computeCalculatedAttribute({ definition, objects, nowMs: NOW, definitionCreatedAtMs: createdAt, ...extra });
}

describe('computeCalculatedAttribute IsDataPartial', () => {
  const objects = [obj('t', { v: 1 }, NOW - DAY), obj('t', { v: 2 }, NOW - 1000)];
  const ranged = (range: Record<string, unknown>, more: Record<string, unknown> = {}) => def('COUNT', '{t.v}', { Conditions: { Range: range as never, ...more } });

  it('returns "true" given a 30-day Range created 29 days ago and "false" once 30 days have elapsed', () => {
    const d = ranged({ Value: 30, Unit: 'DAYS' });
    expect(run({ definition: d, objects, createdAt: NOW - 29 * DAY }).isDataPartial).toBe('true');
    expect(run({ definition: d, objects, createdAt: NOW - 30 * DAY }).isDataPartial).toBe('false');
  });

  it('reads ValueRange.Start as the days to wait, and never waits for a window that starts now or later', () => {
    expect(run({ definition: ranged({ Unit: 'DAYS', ValueRange: { Start: 7, End: 3 } }), objects, createdAt: NOW - 6 * DAY }).isDataPartial).toBe('true');
    expect(run({ definition: ranged({ Unit: 'DAYS', ValueRange: { Start: 0, End: -5 } }), objects, createdAt: NOW }).isDataPartial).toBe('false');
    expect(run({ definition: ranged({ Unit: 'DAYS' }), objects, createdAt: NOW }).isDataPartial).toBe('false');
  });

  it('stays "true" with UseHistoricalData true: the document ties the flag to elapsed time only', () => {
    const d = { ...ranged({ Value: 30, Unit: 'DAYS' }), UseHistoricalData: true };
    expect(run({ definition: d, objects, createdAt: NOW - DAY }).isDataPartial).toBe('true');
  });

  it('returns "true" while fewer objects than ObjectCount are selected and "false" once there are enough', () => {
    const d = def('COUNT', '{t.v}', { Conditions: { ObjectCount: 3 } });
    expect(run({ definition: d, objects, createdAt: NOW - 100 * DAY }).isDataPartial).toBe('true');
    expect(run({ definition: d, objects: [...objects, obj('t', { v: 3 }, NOW)], createdAt: NOW - 100 * DAY }).isDataPartial).toBe('false');
  });

  it('reads an override\'s Start (default 366) instead of the definition\'s Range and ObjectCount', () => {
    const d = def('COUNT', '{t.v}', { Conditions: { ObjectCount: 5 } });
    const createdAt = NOW - 10 * DAY;
    expect(run({ definition: d, objects, createdAt, extra: { conditionOverrides: { Range: { Start: 5, Unit: 'DAYS' } } } }).isDataPartial).toBe('false');
    expect(run({ definition: d, objects, createdAt, extra: { conditionOverrides: { Range: { Unit: 'DAYS' } } } }).isDataPartial).toBe('true');
  });
});

describe('computeCalculatedAttribute references through Fields and standard objects', () => {
  const booking: OracleObjectType = {
    Fields: {
      SegmentPNR: { Source: '_source.PNR', Target: '_airSegment.BookingRef' },
      DepartureDate: { Source: '_source.DepartureDate', Target: '_airSegment.Departure.Date' },
      SeatPrice: { Source: '_source.Price', Target: '_airSegment.Seat.Price' },
      Account: { Source: '_source.Acct', Target: '_profile.AccountNumber' },
    },
  };
  const objectTypes = { Booking: booking };
  const bookings = [
    obj('Booking', { PNR: 'ABC123', DepartureDate: '2025-06-01T08:30:00', Price: 120, Acct: 'A1' }, NOW - 3 * DAY),
    obj('Booking', { PNR: 'XYZ789', DepartureDate: '2025-06-05T10:00:00', Price: '80.5', Acct: 'A1' }, NOW - 2 * DAY),
    obj('Booking', { DepartureDate: '2025-06-07T10:00:00', Acct: 'A1' }, NOW - DAY),
  ];

  it('reads {Booking.SegmentPNR} through the Fields entry\'s Source (_source.PNR), as AWS\'s CA_DayOfTravel sample writes it', () => {
    const d = def('COUNT', '{Booking.SegmentPNR}', { Conditions: { Range: { Unit: 'DAYS', TimestampSource: '{Booking.DepartureDate}' } } });
    const r = run({ definition: d, objects: bookings, createdAt: NOW, extra: { objectTypes } });
    expect(r.value).toBe('2');
    expect(r.lastObjectTimestampMs).toBe(Date.UTC(2025, 5, 5, 10));
    expect(r.isDataPartial).toBe('false');
  });

  it('reads the source path when no Fields entry has the name, and the source path alone without object types', () => {
    expect(run({ definition: def('COUNT', '{Booking.PNR}'), objects: bookings, createdAt: NOW, extra: { objectTypes } }).value).toBe('2');
    expect(run({ definition: def('COUNT', '{Booking.SegmentPNR}'), objects: bookings, createdAt: NOW }).value).toBeNull();
  });

  it('sums {_airSegment.Seat.Price} over the standard objects the Targets produce, timed by {_airSegment.Departure.Date}', () => {
    const d = def('SUM', '{_airSegment.Seat.Price}', { Conditions: { Range: { Unit: 'DAYS', ValueRange: { Start: 366, End: 0 }, TimestampSource: '{_airSegment.Departure.Date}' } } });
    const r = run({ definition: d, objects: bookings, createdAt: NOW - 400 * DAY, extra: { objectTypes } });
    expect(r.value).toBe('200.5');
    expect(r.included).toHaveLength(2);
    expect(r.excluded.map((e) => e.reason)).toEqual(['no-value']);
  });

  it('selects nothing from a standard object type no Target names, and counts every object mapped onto _profile', () => {
    expect(run({ definition: def('COUNT', '{_hotelReservation.Id}'), objects: bookings, createdAt: NOW, extra: { objectTypes } }).value).toBeNull();
    expect(run({ definition: def('COUNT', '{_profile.AccountNumber}'), objects: bookings, createdAt: NOW, extra: { objectTypes } }).value).toBe('3');
  });

  it('throws given an Expression over an object type the domain does not have (CA-SEL-2), and accepts standard types', () => {
    expect(() => run({ definition: def('COUNT', '{Flight.PNR}'), objects: [], createdAt: NOW, extra: { objectTypes } })).toThrow(OracleDefinitionError);
    expect(run({ definition: def('COUNT', '{_airBooking.Id}'), objects: [], createdAt: NOW, extra: { objectTypes } }).value).toBeNull();
  });
});

describe('computeCalculatedAttribute timestamp operands', () => {
  it('returns the AVERAGE difference in milliseconds given ISO 8601 disconnect and initiation timestamps (as _average_call_duration)', () => {
    const calls = [
      obj('CTR', { end: '2025-06-08T10:05:00Z', start: '2025-06-08T10:00:00Z' }, NOW - DAY),
      obj('CTR', { end: '2025-06-08T12:00:30.500+02:00', start: '2025-06-08T09:59:30Z' }, NOW - DAY),
    ];
    const r = run({ definition: def('AVERAGE', '{CTR.end} - {CTR.start}'), objects: calls, createdAt: NOW });
    expect(r.value).toBe(String((300_000 + 60_500) / 2));
  });

  it('uses numbers as written (no epoch scaling) and leaves out text that is neither a number nor an ISO date', () => {
    const rows = [obj('t', { a: 5, b: '2' }, NOW), obj('t', { a: '2025-06-09', b: '2025-06-08' }, NOW), obj('t', { a: 'soon', b: 1 }, NOW)];
    const r = run({ definition: def('SUM', '{t.a} - {t.b}'), objects: rows, createdAt: NOW });
    expect(r.value).toBe(String(3 + DAY));
    expect(r.excluded.map((e) => e.reason)).toEqual(['no-value']);
  });
});

const SAMPLE_DIR = resolve(import.meta.dirname, '../../../../shared/reference/aws-samples-th/airlines');
const sampleJson = (file: string) => JSON.parse(readFileSync(resolve(SAMPLE_DIR, file), 'utf8')) as Record<string, unknown>;

describe('computeCalculatedAttribute over AWS\'s T&H sample as published', () => {
  it.skipIf(!existsSync(SAMPLE_DIR))('counts DayOfTravel through the published Fields.SegmentPNR, and sums nothing for TotalDollarsSpentInAYear', () => {
    const objectTypes = { Booking: sampleJson('Booking.json') as OracleObjectType };
    const bookings = [
      obj('Booking', { LoyaltyId: 'L1', BookingId: 'B1', PNR: 'ABC123', DepartureDate: '2025-06-01T08:30:00', Price: 120 }, NOW - DAY),
      obj('Booking', { LoyaltyId: 'L1', BookingId: 'B2', PNR: 'XYZ789', DepartureDate: '2025-07-01T10:00:00', Price: 80 }, NOW - DAY),
    ];
    const day = run({ definition: sampleJson('CA_DayOfTravel.json') as OracleDefinition, objects: bookings, createdAt: NOW, extra: { objectTypes } });
    expect(day.value).toBe('2');
    expect(day.lastObjectTimestampMs).toBe(Date.UTC(2025, 6, 1, 10));
    const total = run({ definition: sampleJson('CA_TotalDollarsSpentInAYear.json') as OracleDefinition, objects: bookings, createdAt: NOW, extra: { objectTypes } });
    expect(total.value).toBeNull();
    expect(total.isDataPartial).toBe('true');
  });
});
