import { describe, expect, it } from 'vitest';
import { parseWithPattern } from '../../../harness/mock/models/simple-date-format.ts';
import { domain, expectError, setup } from './helpers.ts';

function detect(objects: unknown[]) {
  const { call } = setup();
  domain(call);
  return call('DetectProfileObjectType', { DomainName: 'dom', Objects: objects.map((o) => (typeof o === 'string' ? o : JSON.stringify(o))) });
}

describe('DetectProfileObjectType', () => {
  it('returns an AIR_BOOKING mapping with profile targets and the timestamp format given a booking', () => {
    const out = detect([{ BookingId: 'B1', BookingName: 'Lee', Email: 'a@x.io', PhoneNumber: '+1 555 010 0000', UpdatedDate: '2024-05-01T10:00:00Z', FirstName: 'Ann', NumberOfPassengers: 2 }]);
    expect(out.DetectedProfileObjectTypes).toEqual([{
      SourceLastUpdatedTimestampFormat: "yyyy-MM-dd'T'HH:mm:ss'Z'",
      Fields: {
        BookingId: { Source: '_source.BookingId', Target: 'airBooking.BookingId', ContentType: 'STRING' },
        BookingName: { Source: '_source.BookingName', Target: 'airBooking.BookingName', ContentType: 'STRING' },
        Email: { Source: '_source.Email', Target: '_profile.EmailAddress', ContentType: 'EMAIL_ADDRESS' },
        PhoneNumber: { Source: '_source.PhoneNumber', Target: '_profile.PhoneNumber', ContentType: 'PHONE_NUMBER' },
        UpdatedDate: { Source: '_source.UpdatedDate', Target: 'airBooking.UpdatedDate', ContentType: 'STRING' },
        FirstName: { Source: '_source.FirstName', Target: '_profile.FirstName', ContentType: 'NAME' },
        NumberOfPassengers: { Source: '_source.NumberOfPassengers', Target: 'airBooking.NumberOfPassengers', ContentType: 'NUMBER' },
      },
      Keys: {
        _airBookingId: [{ StandardIdentifiers: ['AIR_BOOKING', 'UNIQUE'], FieldNames: ['BookingId'] }],
        _email: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['Email'] }],
        _phone: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['PhoneNumber'] }],
      },
    }]);
  });

  it.each([
    ['2024-05-01T10:00:00Z', "yyyy-MM-dd'T'HH:mm:ss'Z'"],
    ['2024-05-01T10:00:00.250Z', "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"],
    ['2024-05-01T12:00:00+02:00', "yyyy-MM-dd'T'HH:mm:ssXXX"],
    ['2024-05-01T12:00:00.250+02:00', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"],
    ['2024-05-01 10:00:00', 'yyyy-MM-dd HH:mm:ss'],
    ['2024-05-01', 'yyyy-MM-dd'],
  ])('returns a SourceLastUpdatedTimestampFormat that parses the values given %j', (UpdatedDate, pattern) => {
    const out = detect([{ RecordId: 'R1', UpdatedDate }]);
    expect(out.DetectedProfileObjectTypes[0].SourceLastUpdatedTimestampFormat).toBe(pattern);
    expect(parseWithPattern({ value: UpdatedDate, pattern, referenceMs: 0 })).toBeTypeOf('number');
  });

  it('returns no SourceLastUpdatedTimestampFormat given dates of the right shape that do not parse (month 13)', () => {
    const out = detect([{ RecordId: 'R1', UpdatedDate: '2024-13-01T10:00:00Z' }]);
    expect(out.DetectedProfileObjectTypes[0].SourceLastUpdatedTimestampFormat).toBeUndefined();
  });

  it.each([
    [{ SegmentId: 'S1', BookingRef: 'B1', FlightNumber: '7' }, '_airSegmentId', ['AIR_SEGMENT', 'UNIQUE'], 'SegmentId'],
    [{ BookingRef: 'B1', Origin: 'OSL' }, '_airBookingRef', ['AIR_SEGMENT'], 'BookingRef'],
    [{ ReservationId: 'R1', HotelCode: 'H' }, '_hotelReservationId', ['HOTEL_RESERVATION', 'UNIQUE'], 'ReservationId'],
    [{ HotelCode: 'H', NumberOfNights: '2' }, '_hotelCode', ['HOTEL_RESERVATION'], 'HotelCode'],
    [{ LoyaltyId: 'L1', ProgramId: 'P' }, '_loyaltyId', ['LOYALTY', 'UNIQUE'], 'LoyaltyId'],
    [{ ProgramId: 'P', Status: 'x' }, '_loyaltyProgramId', ['LOYALTY'], 'ProgramId'],
    [{ TransactionId: 'T1', PointsEarned: '10', ProgramRef: 'P' }, '_loyaltyTransactionId', ['LOYALTY_TRANSACTION', 'UNIQUE'], 'TransactionId'],
    [{ PromotionId: 'X1', PromotionName: 'n' }, '_loyaltyPromotionId', ['LOYALTY_PROMOTION', 'UNIQUE'], 'PromotionId'],
    [{ PreferenceId: 'P1', HomeAirport: 'OSL' }, '_airPreferenceId', ['AIR_PREFERENCE', 'UNIQUE'], 'PreferenceId'],
    [{ PreferenceId: 'P1', Smoking: 'no' }, '_hotelPreferenceId', ['HOTEL_PREFERENCE', 'UNIQUE'], 'PreferenceId'],
  ])('recognises %j as key %s %j', (object, keyName, identifiers, field) => {
    const [detected] = detect([object]).DetectedProfileObjectTypes;
    expect(detected.Keys[keyName]).toEqual([{ StandardIdentifiers: identifiers, FieldNames: [field] }]);
    expect(Object.keys(detected.Keys)).toEqual([keyName]);
  });

  it('puts a UNIQUE key on an id-like field given no T&H object', () => {
    const [detected] = detect([{ customer_id: 'c1', note: 'x', score: 3.5 }, { customer_id: 'c2', score: 4 }]).DetectedProfileObjectTypes;
    expect(detected.Keys).toEqual({ customer_id: [{ StandardIdentifiers: ['UNIQUE'], FieldNames: ['customer_id'] }] });
    expect(detected.Fields.score).toEqual({ Source: '_source.score', Target: 'object.score', ContentType: 'NUMBER' });
    expect(detected.SourceLastUpdatedTimestampFormat).toBeUndefined();
  });

  it('flattens nested objects with dots and skips arrays', () => {
    const [detected] = detect([{ address: { city: 'Oslo' }, tags: ['a'], last_name: 'Lee' }]).DetectedProfileObjectTypes;
    expect(Object.keys(detected.Fields)).toEqual(['address.city', 'last_name']);
    expect(detected.Fields.last_name).toEqual({ Source: '_source.last_name', Target: '_profile.LastName', ContentType: 'NAME' });
  });

  it('recognises the format only when every value of the date field shares it', () => {
    const same = detect([{ updatedAt: '2024-01-01 10:00:00' }, { updatedAt: '2024-01-02 11:00:00' }]).DetectedProfileObjectTypes[0];
    expect(same.SourceLastUpdatedTimestampFormat).toBe('yyyy-MM-dd HH:mm:ss');
    const mixed = detect([{ updatedAt: '2024-01-01' }, { updatedAt: '2024-01-02T00:00:00Z' }]).DetectedProfileObjectTypes[0];
    expect(mixed.SourceLastUpdatedTimestampFormat).toBeUndefined();
  });

  it('returns an empty list given objects without scalar fields', () => {
    expect(detect([{}, { a: [] }]).DetectedProfileObjectTypes).toEqual([]);
  });

  it('throws BadRequestException given 0 or 6 objects', () => {
    expectError(() => detect([]), 'BadRequestException', /Objects/);
    expectError(() => detect([{}, {}, {}, {}, {}, {}]), 'BadRequestException', /Objects/);
  });

  it('throws BadRequestException naming the item given malformed JSON or a non-object', () => {
    expectError(() => detect([{ a: 1 }, '{nope']), 'BadRequestException', /Objects\[1\]/);
    expectError(() => detect(['"text"']), 'BadRequestException', /Objects\[0\]/);
  });

  it('throws ResourceNotFoundException given an unknown domain', () => {
    const { call } = setup();
    expectError(() => call('DetectProfileObjectType', { DomainName: 'x', Objects: ['{}'] }), 'ResourceNotFoundException');
  });
});
