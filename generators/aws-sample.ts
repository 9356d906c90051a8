/**
 * Seeded source records shaped like those of AWS's travel and hospitality sample
 * (aws-samples/sample-for-customer-profiles-travel-hospitality, commit 98a283b): the records its own generator sends
 * with PutProfileObject under the object types of its mappings (airlines: Loyalty, Preferences, Booking; hotels:
 * HotelLoyalty, HotelPreferences, HotelReservation, HotelStayRevenue). Each record carries exactly the fields the
 * mapping's Sources read (`_source.<field>`), in the sample's style: dates as ISO local date-times such as
 * `2025-06-01T08:30:00`, prices as integers, loyalty ids `L12345678` (air) and `H12345678` (hotel), 3 to 15 bookings
 * per member departing from 30 days before the clock to 90 days after it.
 *
 * The member's person (name, e-mail, phone, address) is the profile the T&H generator makes for the same seed and
 * index, so it is consistent per country and synthetic in the same way (./synthetic-pii.ts). Output is a pure
 * function of (seed, clock, index, vertical): one Faker per call, seeded with [seed, index, vertical].
 */
import type { Faker } from '@faker-js/faker';
import { newFaker } from './faker-locales.ts';
import { generateProfileBundle, type GeneratedProfile } from './generate.ts';
import { AIRPORTS, AIRPORT_BY_CODE, CARRIERS, HOTEL_BRANDS, distanceKm, type Airport } from './reference-data.ts';
import { MS_PER_DAY, MS_PER_MINUTE, isoString } from './time.ts';

/** The two verticals of the sample. */
export type SampleVertical = 'airline' | 'hotel';

/** The sample's object type names (its mappings' ObjectTypeName), by vertical and role. */
export const SAMPLE_OBJECT_TYPES = {
  airline: { loyalty: 'Loyalty', preferences: 'Preferences', booking: 'Booking' },
  hotel: { loyalty: 'HotelLoyalty', preferences: 'HotelPreferences', booking: 'HotelReservation', revenue: 'HotelStayRevenue' },
} as const;

/** One source record: the object type it is sent under and the JSON document. */
export interface SampleRecord {
  objectTypeName: string;
  object: Record<string, string | number | boolean>;
}

/** One loyalty member of the sample and every record about them, in the order the sample would send them. */
export interface SampleMember {
  loyaltyId: string;
  firstName: string;
  middleName: string;
  lastName: string;
  /** Loyalty record first, then preferences, then bookings (and, for hotels, each checked-out stay's revenue lines). */
  records: SampleRecord[];
}

const VERTICAL_SALT: Record<SampleVertical, number> = { airline: 101, hotel: 102 };

/** `YYYY-MM-DDTHH:MM:SS` local wall-clock time of `ms` at `offsetMinutes` (no zone, as the sample writes dates). */
function localDateTime(ms: number, offsetMinutes: number): string {
  return isoString({ ms: ms + offsetMinutes * MS_PER_MINUTE, offsetMinutes: 0, style: 'Z', precision: 's' }).slice(0, 19);
}

/** `HH:MM` of a local date-time. */
function hhmm(localIso: string): string {
  return localIso.slice(11, 16);
}

function pick<T>(f: Faker, items: readonly T[]): T {
  return items[f.number.int({ min: 0, max: items.length - 1 })];
}

/** The loyalty id of member `index`: prefix L (air) or H (hotel) and eight digits. */
export function sampleLoyaltyId({ vertical, index }: { vertical: SampleVertical; index: number }): string {
  return `${vertical === 'airline' ? 'L' : 'H'}${String(10_000_000 + (index % 90_000_000))}`;
}

/** The person fields every vertical copies from the generated profile. */
function person(profile: GeneratedProfile, f: Faker, vertical: SampleVertical, index: number, clockMs: number) {
  const address = profile.Address ?? {};
  return {
    LoyaltyId: sampleLoyaltyId({ vertical, index }),
    FirstName: profile.FirstName as string,
    MiddleName: f.person.middleName(),
    LastName: profile.LastName as string,
    Email: profile.EmailAddress as string,
    PhoneNumber: profile.PhoneNumber as string,
    BirthDate: profile.BirthDate as string,
    AddressLine1: address.Address1 as string,
    City: address.City as string,
    State: address.State as string,
    PostalCode: address.PostalCode as string,
    CountryCode: address.Country as string,
    enrolledMs: clockMs - f.number.int({ min: 60, max: 3000 }) * MS_PER_DAY,
  };
}

/** The country calling code of an E.164 number made by ./synthetic-pii.ts (+1, +44 or +61). */
function callingCode(phone: string): string {
  return phone.startsWith('+1') ? '+1' : phone.slice(0, 3);
}

const TIERS = ['Blue', 'Silver', 'Gold', 'Platinum'] as const;

/** The loyalty record (airlines/Loyalty.json or hotels/Loyalty.json Sources). */
function loyaltyRecord(p: ReturnType<typeof person>, f: Faker, vertical: SampleVertical, clockMs: number): SampleRecord {
  const tier = f.number.int({ min: 0, max: 3 });
  const balance = f.number.int({ min: 0, max: 250 }) * 100;
  const lifetime = balance + f.number.int({ min: 0, max: 900 }) * 100;
  const common = {
    LoyaltyId: p.LoyaltyId,
    AccountStatus: pick(f, ['Active', 'Active', 'Active', 'Suspended']),
    AccountType: pick(f, ['Individual', 'Family', 'Corporate']),
    FirstName: p.FirstName,
    MiddleName: p.MiddleName,
    LastName: p.LastName,
    Gender: pick(f, ['MALE', 'FEMALE', 'UNSPECIFIED']),
    Email: p.Email,
    PhoneNumber: p.PhoneNumber,
    PhoneCountryCode: callingCode(p.PhoneNumber),
    BirthDate: p.BirthDate,
    AddressLine1: p.AddressLine1,
    AddressLine2: f.number.int({ min: 0, max: 2 }) === 0 ? `Apt. ${f.number.int({ min: 1, max: 999 })}` : '',
    AddressLine3: '',
    AddressLine4: '',
    City: p.City,
    State: p.State,
    PostalCode: p.PostalCode,
    CountryCode: p.CountryCode,
    LastUpdated: localDateTime(clockMs - f.number.int({ min: 1, max: 50 }) * MS_PER_DAY, 0),
    ProgramId: vertical === 'airline' ? 'ZEPHYR-MILES' : 'HARBOR-REWARDS',
    ProgramName: vertical === 'airline' ? 'Zephyr Miles' : 'Harbor Rewards',
    CurrentStatusLevelDescription: TIERS[tier],
    PointsUnit: vertical === 'airline' ? 'Miles' : 'Points',
    PointsBalance: balance,
    NextStatusLevelDescription: TIERS[Math.min(3, tier + 1)],
    EnrollDate: localDateTime(p.enrolledMs, 0),
  };
  const toNext = tier === 3 ? 0 : (tier + 1) * 25_000 - (lifetime % 25_000);
  const object = vertical === 'airline'
    ? { ...common, MilesToNextLevel: toNext, LifetimeMiles: lifetime }
    : { ...common, PointsToNextLevel: toNext, LifetimePoints: lifetime };
  return { objectTypeName: SAMPLE_OBJECT_TYPES[vertical].loyalty, object };
}

/** The airline preferences record (airlines/Preferences.json Sources). */
function airPreferencesRecord(p: ReturnType<typeof person>, f: Faker, index: number, clockMs: number, home: Airport): SampleRecord {
  const seat = pick(f, [['Aisle', 'A'], ['Window', 'W'], ['Middle', 'M']] as const);
  const cabin = pick(f, [['Economy', 'Y'], ['Premium economy', 'W'], ['Business', 'J']] as const);
  const created = clockMs - f.number.int({ min: 30, max: 900 }) * MS_PER_DAY;
  return {
    objectTypeName: SAMPLE_OBJECT_TYPES.airline.preferences,
    object: {
      LoyaltyId: p.LoyaltyId,
      PreferenceId: `AP${String(index).padStart(8, '0')}`,
      SeatDescription: seat[0],
      SeatCode: seat[1],
      CabinDescription: cabin[0],
      CabinCode: cabin[1],
      SearchPreference: pick(f, ['PRICE', 'DURATION', 'DEPARTURE']),
      SearchPreferenceDescription: pick(f, ['Lowest price', 'Shortest trip', 'Earliest departure']),
      Language: 'en',
      DateFormat: p.CountryCode === 'US' ? 'MM/DD/YYYY' : 'DD/MM/YYYY',
      TimeFormat: p.CountryCode === 'US' ? '12h' : '24h',
      MealType: pick(f, ['Standard', 'Vegetarian', 'Kosher', 'Gluten free']),
      DietaryRestriction: pick(f, ['None', 'None', 'Nut allergy', 'Lactose free']),
      FareTypeDescription: pick(f, ['Basic', 'Standard', 'Flexible']),
      AirportCode: home.code,
      ReferenceId: p.LoyaltyId,
      type: 'LOYALTY',
      LastUpdated: localDateTime(Math.min(clockMs, created + f.number.int({ min: 0, max: 60 }) * MS_PER_DAY), 0),
      CreatedDate: localDateTime(created, 0),
      Wheelchair: f.number.int({ min: 0, max: 19 }) === 0,
      DisabilityType: 'None',
      SupportAnimal: false,
      MarketingOptIn: f.datatype.boolean(),
      MarketingChannelType: pick(f, ['EMAIL', 'SMS', 'PUSH']),
      ContactDetailCommunicationMethod: pick(f, ['EMAIL', 'PHONE']),
      ContactDetailEmail: p.Email,
      TravelType: pick(f, ['Leisure', 'Business']),
    },
  };
}

/** One flight of a trip before it becomes a Booking record. */
interface Flight {
  pnr: string;
  from: Airport;
  to: Airport;
  departMs: number;
}

/** 3..15 flights in trips of one (one way) or two (round trip, sharing a PNR) flights, departing in [-30, +90] days. */
function airFlights(f: Faker, home: Airport, clockMs: number): Flight[] {
  const count = f.number.int({ min: 3, max: 15 });
  const flights: Flight[] = [];
  while (flights.length < count) {
    const pnr = f.string.alphanumeric({ length: 6, casing: 'upper' });
    let dest = pick(f, AIRPORTS);
    while (dest === home) dest = pick(f, AIRPORTS);
    const departMs = clockMs + f.number.int({ min: -30 * 24, max: 80 * 24 }) * 3_600_000;
    flights.push({ pnr, from: home, to: dest, departMs });
    if (flights.length < count && f.datatype.boolean()) {
      const back = Math.min(clockMs + 90 * MS_PER_DAY - 3_600_000, departMs + f.number.int({ min: 2, max: 14 }) * MS_PER_DAY);
      flights.push({ pnr, from: dest, to: home, departMs: back });
    }
  }
  return flights;
}

/** The Booking records of one member (airlines/Booking.json Sources): one record per flight. */
function bookingRecords(p: ReturnType<typeof person>, f: Faker, index: number, clockMs: number, home: Airport): SampleRecord[] {
  const jobTitle = f.person.jobTitle();
  return airFlights(f, home, clockMs).map((flight, i) => {
    const carrier = pick(f, CARRIERS).code;
    const km = distanceKm({ from: flight.from, to: flight.to });
    const minutes = Math.round((km / 13.3 + 35) / 5) * 5;
    const arriveMs = flight.departMs + minutes * MS_PER_MINUTE;
    const departLocal = localDateTime(flight.departMs, flight.from.offsetMinutes);
    const arriveLocal = localDateTime(arriveMs, flight.to.offsetMinutes);
    const createdMs = Math.min(clockMs, flight.departMs) - f.number.int({ min: 1, max: 60 }) * MS_PER_DAY - f.number.int({ min: 0, max: 1439 }) * MS_PER_MINUTE;
    const cabin = pick(f, ['Y', 'Y', 'Y', 'W', 'J']);
    const price = Math.round(km * f.number.int({ min: 6, max: 18 }) / 100) + 40;
    const miles = Math.round(km / 1.609344);
    const status = arriveMs <= clockMs ? 'Flown' : 'Confirmed';
    return {
      objectTypeName: SAMPLE_OBJECT_TYPES.airline.booking,
      object: {
        LoyaltyId: p.LoyaltyId,
        BookingId: `B${String(index).padStart(7, '0')}${String(i + 1).padStart(2, '0')}`,
        PNR: flight.pnr,
        FirstName: p.FirstName,
        MiddleName: p.MiddleName,
        LastName: p.LastName,
        Email: p.Email,
        Phone: p.PhoneNumber,
        BirthDate: p.BirthDate,
        CreatedOn: localDateTime(createdMs, 0),
        CreationChannelId: pick(f, ['WEB', 'MOBILE', 'CALL_CENTER', 'AGENT']),
        LastUpdated: localDateTime(Math.min(clockMs, createdMs + f.number.int({ min: 0, max: 3 }) * MS_PER_DAY), 0),
        LastUpdatedBy: 'system',
        SegmentId: `S${String(index).padStart(7, '0')}${String(i + 1).padStart(2, '0')}`,
        From: flight.from.code,
        To: flight.to.code,
        FlightNumber: `${carrier}${f.number.int({ min: 1, max: 9999 })}`,
        DepartureDate: departLocal,
        DepartureTime: hhmm(departLocal),
        ArrivalDate: arriveLocal,
        ArrivalTime: hhmm(arriveLocal),
        SchDepartureTime: hhmm(departLocal),
        SchArrivalTime: hhmm(arriveLocal),
        Status: status,
        JobTitle: jobTitle,
        IsArmed: false,
        TravellerId: p.LoyaltyId,
        IsIntrntl: flight.from.country !== flight.to.country,
        IsDowngraded: false,
        IsUpgraded: cabin !== 'J' && f.number.int({ min: 0, max: 24 }) === 0,
        HasPaidPremimumAccess: f.number.int({ min: 0, max: 9 }) === 0,
        BagCheckinCount: f.number.int({ min: 0, max: 2 }),
        Price: price,
        TravellerPrice: price,
        BkdClsOfSrv: cabin,
        OrigCntryCd: flight.from.country,
        DestCntryCd: flight.to.country,
        CarrCd: carrier,
        BagOverweight: f.number.int({ min: 0, max: 19 }) === 0,
        IsDiplomat: false,
        IsDisabled: false,
        IsPaxOxygen: false,
        AgencyIATACd: f.string.numeric(8),
        IsETkt: true,
        SeatNbr: `${f.number.int({ min: 1, max: 42 })}${pick(f, ['A', 'B', 'C', 'D', 'E', 'F'])}`,
        FlightMiles: miles,
        MilesEarnAmount: cabin === 'J' ? miles * 2 : miles,
        FlightDuration: minutes,
      },
    };
  });
}

/** The hotel preferences record (hotels/Preferences.json Sources). */
function hotelPreferencesRecord(p: ReturnType<typeof person>, f: Faker, index: number, clockMs: number): SampleRecord {
  const created = clockMs - f.number.int({ min: 30, max: 900 }) * MS_PER_DAY;
  const updated = Math.min(clockMs, created + f.number.int({ min: 0, max: 60 }) * MS_PER_DAY);
  return {
    objectTypeName: SAMPLE_OBJECT_TYPES.hotel.preferences,
    object: {
      LoyaltyId: p.LoyaltyId,
      PreferenceId: `HP${String(index).padStart(8, '0')}`,
      PreferenceName: 'Stay preferences',
      SmokingPreference: pick(f, ['Non-smoking', 'Non-smoking', 'Smoking']),
      CleaningTime: pick(f, ['Morning', 'Afternoon', 'Any']),
      CheckInType: pick(f, ['Front desk', 'Mobile', 'Kiosk']),
      CheckOutType: pick(f, ['Front desk', 'Express', 'Mobile']),
      RoomFloor: pick(f, ['High', 'Low', 'Any']),
      ElevatorProximity: pick(f, ['Near', 'Far', 'Any']),
      QuietZone: f.datatype.boolean(),
      RoomView: pick(f, ['City', 'Sea', 'Garden', 'Any']),
      RoomType: pick(f, ['King', 'Two queens', 'Suite']),
      BedType: pick(f, ['King', 'Queen', 'Twin']),
      MattressType: pick(f, ['Firm', 'Medium', 'Soft']),
      PillowType: pick(f, ['Feather', 'Foam']),
      NumberOfPillows: f.number.int({ min: 1, max: 4 }),
      Language: 'en',
      EmailLanguage: 'en',
      CarRentalVendor: pick(f, ['Any', 'Partner']),
      VehicleType: pick(f, ['Compact', 'SUV', 'Sedan']),
      MealType: pick(f, ['Standard', 'Vegetarian', 'Vegan']),
      FavoriteCuisine: pick(f, ['Italian', 'Japanese', 'Mexican', 'Indian']),
      Beverage: pick(f, ['Coffee', 'Tea', 'Sparkling water']),
      DietaryRestriction: pick(f, ['None', 'None', 'Nut allergy']),
      AllergyInfo: 'None',
      LoyaltyProgramName: 'Harbor Rewards',
      LoyaltyMembershipId: p.LoyaltyId,
      Wheelchair: f.number.int({ min: 0, max: 19 }) === 0,
      DisabilityType: 'None',
      SupportAnimal: false,
      BathroomAccessibility: 'Standard',
      MarketingOptIn: f.datatype.boolean(),
      MarketingChannelType: pick(f, ['EMAIL', 'SMS']),
      MarketingFrequency: pick(f, ['Weekly', 'Monthly']),
      ContactDetailEmail: p.Email,
      ContactDetailPhone: p.PhoneNumber,
      ContactDetailCommunicationMethod: pick(f, ['EMAIL', 'PHONE']),
      PaymentMethodName: 'Card on file',
      PaymentMethodType: 'CREDIT_CARD',
      PetType: 'None',
      SpecialRequestType: pick(f, ['None', 'Late check-out', 'Crib']),
      SpecialRequestName: 'None',
      InterestName: pick(f, ['Spa', 'Golf', 'Fitness']),
      ReferenceId: p.LoyaltyId,
      ReferenceType: 'LOYALTY',
      Status: 'Active',
      StartDate: localDateTime(created, 0),
      EndDate: localDateTime(created + 730 * MS_PER_DAY, 0),
      CreatedDate: localDateTime(created, 0),
      CreatedBy: 'web',
      UpdatedDate: localDateTime(updated, 0),
      UpdatedBy: 'web',
    },
  };
}

const REVENUE_EXTRAS = [['Food and beverage', 'Restaurant'], ['Parking', 'Valet parking'], ['Spa', 'Spa treatment'], ['Minibar', 'Minibar']] as const;

/**
 * The HotelReservation records (hotels/Booking.json Sources) of one member, and for each stay checked out before the
 * clock its HotelStayRevenue lines (hotels/StayRevenue.json Sources): one room line per night, 0..2 extras, one tax line.
 */
function stayRecords(p: ReturnType<typeof person>, f: Faker, index: number, clockMs: number): SampleRecord[] {
  const out: SampleRecord[] = [];
  const count = f.number.int({ min: 3, max: 15 });
  for (let r = 1; r <= count; r++) {
    const city = pick(f, AIRPORTS);
    const brand = pick(f, HOTEL_BRANDS);
    const hotelCode = `${brand.code}${city.code}${String(f.number.int({ min: 1, max: 3 })).padStart(2, '0')}`;
    const nights = f.number.int({ min: 1, max: 7 });
    const checkInDay = Math.floor(clockMs / MS_PER_DAY) + f.number.int({ min: -30, max: 90 - nights });
    const checkInMs = checkInDay * MS_PER_DAY + 15 * 3_600_000 - city.offsetMinutes * MS_PER_MINUTE;
    const checkOutMs = (checkInDay + nights) * MS_PER_DAY + 11 * 3_600_000 - city.offsetMinutes * MS_PER_MINUTE;
    const createdMs = Math.min(clockMs, checkInMs) - f.number.int({ min: 1, max: 60 }) * MS_PER_DAY - f.number.int({ min: 0, max: 1439 }) * MS_PER_MINUTE;
    const perNight = f.number.int({ min: 80, max: 450 });
    const before = perNight * nights;
    const tax = Math.round((before * f.number.int({ min: 8, max: 16 })) / 100);
    const status = checkOutMs <= clockMs ? 'CheckedOut' : checkInMs <= clockMs ? 'InHouse' : 'Confirmed';
    const adults = f.number.int({ min: 1, max: 3 });
    const children = f.number.int({ min: 0, max: 2 });
    const reservationId = `R${String(index).padStart(7, '0')}${String(r).padStart(2, '0')}`;
    const processed = localDateTime(Math.min(clockMs, createdMs + 600_000), 0);
    out.push({
      objectTypeName: SAMPLE_OBJECT_TYPES.hotel.booking,
      object: {
        LoyaltyId: p.LoyaltyId,
        ReservationId: reservationId,
        ConfirmationNumber: f.string.numeric(10),
        FirstName: p.FirstName,
        MiddleName: p.MiddleName,
        LastName: p.LastName,
        Email: p.Email,
        PhoneNumber: p.PhoneNumber,
        Status: status,
        TripType: pick(f, ['Leisure', 'Business']),
        BrandCode: brand.code,
        HotelCode: hotelCode,
        GroupId: '',
        TransactionId: f.string.alphanumeric({ length: 12, casing: 'upper' }),
        CreatedDate: localDateTime(createdMs, 0),
        CreatedBy: pick(f, ['web', 'mobile', 'call-center']),
        UpdatedDate: processed,
        UpdatedBy: 'system',
        ProcessedDate: processed,
        CheckInDate: localDateTime(checkInMs, city.offsetMinutes),
        CheckOutDate: localDateTime(checkOutMs, city.offsetMinutes),
        EarlyCheckIn: false,
        LateCheckIn: false,
        EarlyCheckOut: false,
        LateCheckOut: f.number.int({ min: 0, max: 9 }) === 0,
        DigitalKey: f.datatype.boolean(),
        RoomKeys: f.number.int({ min: 1, max: 2 }),
        RoomTypeCode: pick(f, ['KNG', 'QQN', 'STE']),
        RoomTypeName: pick(f, ['King room', 'Two queens', 'Suite']),
        RoomNumber: String(f.number.int({ min: 101, max: 1850 })),
        RoomCapacity: 4,
        SmokingAllowed: false,
        AccessibilityType: 'None',
        NumberOfNights: nights,
        NumberOfGuests: adults + children,
        AdultGuests: adults,
        ChildGuests: children,
        AmountPerNight: perNight,
        TotalAmountBeforeTax: before,
        TotalAmountAfterTax: before + tax,
        CurrencyCode: 'USD',
        CurrencyName: 'US Dollar',
        CurrencySymbol: '$',
        PaymentType: 'CREDIT_CARD',
        CreditCardType: pick(f, ['VISA', 'MASTERCARD', 'AMEX']),
        CreditCardToken: `tok_${f.string.alphanumeric({ length: 16, casing: 'lower' })}`,
        NameOnCreditCard: `${p.FirstName} ${p.LastName}`,
        DiscountCode: '',
        DiscountPercent: 0,
        LoyaltyProgramName: 'Harbor Rewards',
        LoyaltyTier: pick(f, TIERS),
        RatePlanCode: pick(f, ['BAR', 'AAA', 'CORP']),
        RatePlanName: pick(f, ['Best available rate', 'Member rate', 'Corporate rate']),
        RatePlanDescription: 'Room only',
        CreationChannelId: pick(f, ['WEB', 'MOBILE', 'GDS']),
        BookingMethod: pick(f, ['Online', 'Phone', 'Agent']),
        Refundable: f.datatype.boolean(),
        CancellationCharge: 0,
        CancellationReason: '',
        CancellationComment: '',
        AdditionalNote: '',
        PreferenceRef: `HP${String(index).padStart(8, '0')}`,
        SameDayRate: false,
        Reserver: true,
      },
    });
    if (status !== 'CheckedOut') continue;
    const lines: { type: string; description: string; amount: number }[] = [];
    for (let n = 0; n < nights; n++) lines.push({ type: 'Room', description: 'Room charge', amount: perNight });
    const extras = f.number.int({ min: 0, max: 2 });
    for (let e = 0; e < extras; e++) {
      const [type, description] = pick(f, REVENUE_EXTRAS);
      lines.push({ type, description, amount: f.number.int({ min: 5, max: 250 }) });
    }
    lines.push({ type: 'Tax', description: 'Occupancy tax', amount: tax });
    const posted = localDateTime(Math.min(clockMs, checkOutMs + 3_600_000), 0);
    lines.forEach((line, i) => {
      out.push({
        objectTypeName: SAMPLE_OBJECT_TYPES.hotel.revenue,
        object: {
          StayRevenueId: `${reservationId}L${String(i + 1).padStart(2, '0')}`,
          ReservationId: reservationId,
          GuestId: p.LoyaltyId,
          HotelCode: hotelCode,
          StartDate: localDateTime(checkInMs, city.offsetMinutes),
          RevenueType: line.type,
          RevenueDescription: line.description,
          RevenueAmount: line.amount,
          CurrencyCode: 'USD',
          CurrencyName: 'US Dollar',
          CurrencySymbol: '$',
          ProcessedDate: posted,
          RevenueStatus: 'Posted',
          CreatedDate: posted,
          CreatedBy: 'folio',
          UpdatedDate: posted,
          UpdatedBy: 'folio',
        },
      });
    });
  }
  return out;
}

/** Member `index` of a vertical: the loyalty record, preferences and bookings (hotels: with stay revenue lines). */
export function sampleMember({ seed, clockMs, index, vertical }: { seed: number; clockMs: number; index: number; vertical: SampleVertical }): SampleMember {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`aws-sample: expected a safe integer seed; saw ${seed}; pass an integer`);
  const profile = generateProfileBundle({ seed, clockMs, index, families: [] })[0].object as GeneratedProfile;
  const f = newFaker({ locale: 'en' });
  f.seed([seed >>> 0, Math.floor(seed / 2 ** 32) >>> 0, index >>> 0, VERTICAL_SALT[vertical]]);
  const p = person(profile, f, vertical, index, clockMs);
  const home = AIRPORT_BY_CODE.get(String(profile.Attributes?.HomeAirport)) as Airport;
  const records: SampleRecord[] = [loyaltyRecord(p, f, vertical, clockMs)];
  if (vertical === 'airline') {
    records.push(airPreferencesRecord(p, f, index, clockMs, home));
    records.push(...bookingRecords(p, f, index, clockMs, home));
  } else {
    records.push(hotelPreferencesRecord(p, f, index, clockMs));
    records.push(...stayRecords(p, f, index, clockMs));
  }
  return { loyaltyId: p.LoyaltyId, firstName: p.FirstName, middleName: p.MiddleName, lastName: p.LastName, records };
}

/** Members [0, count) of a vertical. */
export function sampleMembers({ seed, clockMs, count, vertical }: { seed: number; clockMs: number; count: number; vertical: SampleVertical }): SampleMember[] {
  return Array.from({ length: count }, (_, index) => sampleMember({ seed, clockMs, index, vertical }));
}
