/**
 * Seeded generators for synthetic T&H profiles and their nine kinds of objects.
 *
 * Output is a pure function of (seed, reference clock, options): one Faker instance per run, re-seeded with
 * [seed, profileIndex, family] before each profile's core data and each family (air, hotel, loyalty), so a family's
 * objects do not change when another family is switched off, and any profile can be generated on its own.
 * Field provenance (documented vs the project's own) lives in ./fields.ts and is repeated in the README and in each
 * family generator's doc comment below.
 */
import type { Faker } from '@faker-js/faker';
import { newFaker } from './faker-locales.ts';
import type { CreateProfileRequest } from '@aws-sdk/client-customer-profiles';
import {
  AIRPORTS,
  AIRPORT_BY_CODE,
  CARRIERS,
  CURRENCIES,
  HOME_REGIONS,
  HOTEL_BRANDS,
  HUB_CODES,
  PROGRAMS,
  TIERS,
  distanceKm,
  tierFor,
  type Airport,
  type HomeRegion,
  type LoyaltyProgram,
} from './reference-data.ts';
import { ALL_FAMILIES, PROFILE_RECORD_TYPE, type TravelFamily, type TravelKind } from './fields.ts';
import { syntheticEmail, syntheticPhone } from './synthetic-pii.ts';
import {
  MS_PER_DAY,
  MS_PER_MINUTE,
  dateOnly,
  localDay,
  renderTimestamp,
  type OffsetStyle,
  type Precision,
  type TimestampFormat,
} from './time.ts';

/** One generated line: a profile (`_profile`, a CreateProfile input without DomainName) or a T&H object. */
export interface GeneratedRecord {
  objectTypeName: string;
  object: Record<string, unknown>;
}

/** A JSON object as the generators build it: every scalar is a string, as the T&H docs type them. */
export type TravelObject = Record<string, unknown>;

/** The profile part of a record, typed as the SDK's CreateProfile input without DomainName. */
export type GeneratedProfile = Omit<CreateProfileRequest, 'DomainName'> & { AccountNumber: string };

export interface GenerateOptions {
  /** Any safe integer; the output is a pure function of it and the other options. */
  seed: number;
  /** Reference clock in epoch milliseconds: every timestamp is placed relative to it. */
  clockMs: number;
  /** Timestamp format of generated objects (default 'epochmilli'). */
  format?: TimestampFormat;
  /** Families to emit (default all three). Profiles are always emitted. */
  families?: readonly TravelFamily[];
  /** Object type name to write for each kind (default: the kind's logical name, e.g. 'airBooking'). */
  objectTypeNames?: Partial<Record<TravelKind, string>>;
}

/** Generation settings fixed for a run. */
interface RunSettings {
  seed: number;
  ref: number;
  format: TimestampFormat;
  families: readonly TravelFamily[];
  typeName: Record<TravelKind, string>;
}

const FAMILY_SALT: Record<TravelFamily | 'core' | 'address', number> = { core: 0, air: 1, hotel: 2, loyalty: 3, address: 4 };

/** One Faker per home locale, for what must fit the country (street address, postal code). */
type LocaleFakers = Readonly<Record<HomeRegion['locale'], Faker>>;

/** A fresh Faker per home locale (each run owns its own, so seeding one never touches another run). */
function localeFakers(): LocaleFakers {
  return {
    en_US: newFaker({ locale: 'en_US' }),
    en_CA: newFaker({ locale: 'en_CA' }),
    en_GB: newFaker({ locale: 'en_GB' }),
    en_AU: newFaker({ locale: 'en_AU' }),
  };
}

/** Thin wrappers over the run's Faker; kept positional because they are the hot path. */
class Draw {
  constructor(readonly faker: Faker) {}
  int(min: number, max: number): number {
    return this.faker.number.int({ min, max });
  }
  chance(permille: number): boolean {
    return this.faker.number.int({ min: 0, max: 999 }) < permille;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.faker.number.int({ min: 0, max: items.length - 1 })];
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Integer minor units to a decimal string with the currency's number of decimals. */
function money(minor: number, currency: string): string {
  const units = CURRENCIES[currency].minorUnits;
  if (units === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const scale = 10 ** units;
  return `${sign}${Math.floor(abs / scale)}.${pad(abs % scale, units)}`;
}

/** Converts an amount in US cents to minor units of `currency`, rounded to a whole minor unit. */
function fromUsdCents(cents: number, currency: string): number {
  const c = CURRENCIES[currency];
  return Math.round((cents / 100) * c.perUsd * 10 ** c.minorUnits);
}

/** Per-profile facts shared by every family. */
interface ProfileCore {
  index: number;
  accountNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  home: Airport;
  createdMs: number;
  profile: GeneratedProfile;
}

/** Timestamp renderer bound to a run's format. */
function stamp(run: RunSettings, ms: number, offsetMinutes: number, style: OffsetStyle, precision: Precision): string {
  return renderTimestamp({ ms, format: run.format, offsetMinutes, style, precision });
}

/** Bookkeeping timestamps (Created/Updated/Processed/Cancelled): UTC `Z`, millisecond precision. */
function audit(run: RunSettings, ms: number): string {
  return renderTimestamp({ ms, format: run.format, offsetMinutes: 0, style: 'Z', precision: 'ms' });
}

/** Local wall-clock `HH:MM` of `ms` at `offsetMinutes` (the sample's Departure.Time / Arrival.Time style). */
function clockTime(ms: number, offsetMinutes: number): string {
  const inDay = (((ms + minutes(offsetMinutes)) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  return `${pad(Math.floor(inDay / 3_600_000), 2)}:${pad(Math.floor((inDay % 3_600_000) / MS_PER_MINUTE), 2)}`;
}

function minutes(n: number): number {
  return n * MS_PER_MINUTE;
}

function days(n: number): number {
  return n * MS_PER_DAY;
}

/** Instant of local wall-clock `minuteOfDay` on local day number `day` at `offsetMinutes`. */
function localInstant(day: number, minuteOfDay: number, offsetMinutes: number): number {
  return days(day) + minutes(minuteOfDay) - minutes(offsetMinutes);
}

/** Seeds a Faker for one (profile, purpose): the same inputs always give the same draws. */
function seedFor(faker: Faker, run: RunSettings, index: number, salt: number): void {
  faker.seed([run.seed >>> 0, Math.floor(run.seed / 2 ** 32) >>> 0, index >>> 0, salt]);
}

/**
 * The profile itself. Home is one of HOME_REGIONS, so the phone number (a fiction range of that country), the postal
 * code, the state and the street address (the country's Faker locale, seeded per profile) all fit the address.
 */
function profileCore(run: RunSettings, draw: Draw, local: LocaleFakers, index: number): ProfileCore {
  const f = draw.faker;
  const firstName = f.person.firstName();
  const lastName = f.person.lastName();
  const region = draw.pick(HOME_REGIONS);
  const home = AIRPORT_BY_CODE.get(region.airport) as Airport;
  const accountNumber = `ACC${pad(index, 9)}`;
  const email = syntheticEmail({ firstName, lastName, index, domainIndex: draw.int(0, 4) });
  const phone = syntheticPhone({ prefix: draw.pick(region.phonePrefix), digits: region.phoneDigits, n: draw.int(0, 10 ** region.phoneDigits - 1) });
  const createdMs = run.ref - days(draw.int(30, 1500)) - minutes(draw.int(0, 1439));
  const birthMs = run.ref - days(draw.int(18 * 365, 85 * 365));
  const lf = local[region.locale];
  seedFor(lf, run, index, FAMILY_SALT.address);
  const street = lf.location.streetAddress();
  const postalCode = region.zipCodeByState
    ? lf.location.zipCode({ state: region.zipCodeByState })
    : lf.helpers.replaceSymbols(lf.helpers.arrayElement(region.postcode ?? ['#####']));
  const profile: GeneratedProfile = {
    AccountNumber: accountNumber,
    FirstName: firstName,
    LastName: lastName,
    BirthDate: dateOnly({ ms: birthMs }),
    EmailAddress: email,
    PhoneNumber: phone,
    Address: {
      Address1: street,
      City: home.city,
      State: region.state,
      Country: home.country,
      PostalCode: postalCode,
    },
    Attributes: { HomeAirport: home.code },
  };
  return { index, accountNumber, firstName, lastName, email, phone, home, createdMs, profile };
}

/** A flight leg before rendering. */
interface Leg {
  from: Airport;
  to: Airport;
  departMs: number;
  arriveMs: number;
  carrier: string;
  flightNumber: string;
  fareUsdCents: number;
}

function legDurationMinutes(from: Airport, to: Airport): number {
  return Math.round((distanceKm({ from, to }) / 13.3 + 35) / 5) * 5;
}

function buildLegs(draw: Draw, path: readonly Airport[], firstDepartMs: number): Leg[] {
  const legs: Leg[] = [];
  let departMs = firstDepartMs;
  for (let i = 0; i + 1 < path.length; i++) {
    const from = path[i];
    const to = path[i + 1];
    const arriveMs = departMs + minutes(legDurationMinutes(from, to));
    const carrier = draw.pick(CARRIERS).code;
    const km = distanceKm({ from, to });
    legs.push({
      from,
      to,
      departMs,
      arriveMs,
      carrier,
      flightNumber: `${carrier}${draw.int(1, 9999)}`,
      fareUsdCents: Math.round(km * draw.int(6, 18)) + 4000,
    });
    departMs = arriveMs + minutes(draw.int(12, 48) * 5);
  }
  return legs;
}

/**
 * Air family: airPreference (0..1), airBooking (0..3) each with airSegment (1..4), in time order.
 * Documented fields: see KINDS.airBooking/airSegment/airPreference.documented in ./fields.ts. The project's own:
 * AccountNumber (PROFILE key) everywhere; booking CurrencyCode, FirstDepartureDate, LastArrivalDate,
 * NumberOfSegments and the sub-fields of Price (BaseFare, Taxes, TotalPrice, Currency); segment DepartureDateTime,
 * ArrivalDateTime, DurationMinutes, Fare, CurrencyCode (the documented list stops before any schedule field);
 * preference Seat/Dining sub-fields.
 */
function airFamily(run: RunSettings, draw: Draw, core: ProfileCore, out: GeneratedRecord[]): void {
  const home = core.home;
  if (draw.chance(700)) {
    const createdMs = core.createdMs + days(draw.int(0, 20));
    const endMs = createdMs + days(draw.int(2, 5) * 365);
    out.push({
      objectTypeName: run.typeName.airPreference,
      object: {
        PreferenceId: `AP${pad(core.index, 9)}`,
        AccountNumber: core.accountNumber,
        Name: 'Air travel preferences',
        CreatedDate: audit(run, createdMs),
        CreatedBy: 'web',
        UpdatedDate: audit(run, Math.min(run.ref, createdMs + days(draw.int(0, 60)))),
        UpdatedBy: 'web',
        StartDate: stamp(run, createdMs, home.offsetMinutes, 'compact', 's'),
        EndDate: stamp(run, endMs, home.offsetMinutes, 'compact', 's'),
        Status: endMs > run.ref ? 'ACTIVE' : 'EXPIRED',
        ReferenceId: core.accountNumber,
        ReferenceType: 'PROFILE',
        TravelType: draw.pick(['LEISURE', 'BUSINESS']),
        HomeAirport: home.code,
        DepartureAirport: home.code,
        Seat: { Location: draw.pick(['AISLE', 'WINDOW', 'MIDDLE']), ClassOfService: draw.pick(['ECONOMY', 'PREMIUM_ECONOMY', 'BUSINESS']) },
        Dining: { MealType: draw.pick(['STANDARD', 'VGML', 'KSML', 'GFML', 'LCML']), DietaryRestriction: draw.pick(['NONE', 'NONE', 'GLUTEN_FREE', 'NUT_ALLERGY']) },
        Language: { InPersonLanguage: 'en' },
      },
    });
  }
  const bookings = draw.int(0, 3);
  for (let b = 1; b <= bookings; b++) {
    let dest = draw.pick(AIRPORTS);
    while (dest === home) dest = draw.pick(AIRPORTS);
    const outPath: Airport[] = [home];
    const tripKm = distanceKm({ from: home, to: dest });
    if (tripKm > 12000 || (tripKm > 6500 && draw.chance(500))) {
      const hubs = HUB_CODES.filter((c) => c !== home.code && c !== dest.code);
      outPath.push(AIRPORT_BY_CODE.get(draw.pick(hubs))!);
    }
    outPath.push(dest);
    const createdMs = run.ref - days(draw.int(0, 540)) - minutes(draw.int(0, 1439));
    const departDay = localDay({ ms: createdMs, offsetMinutes: home.offsetMinutes }) + draw.int(3, 120);
    const legs = buildLegs(draw, outPath, localInstant(departDay, draw.int(72, 264) * 5, home.offsetMinutes));
    if (draw.chance(750)) {
      const lastOut = legs[legs.length - 1];
      const returnDay = localDay({ ms: lastOut.arriveMs, offsetMinutes: dest.offsetMinutes }) + draw.int(2, 14);
      const back = [...outPath].reverse();
      legs.push(...buildLegs(draw, back, localInstant(returnDay, draw.int(72, 264) * 5, dest.offsetMinutes)));
    }
    const firstDepart = legs[0].departMs;
    const lastArrive = legs[legs.length - 1].arriveMs;
    const cancelWindowEnd = Math.min(firstDepart, run.ref);
    const cancelled = cancelWindowEnd - createdMs > minutes(60) && draw.chance(60);
    const cancelledMs = cancelled ? createdMs + Math.floor((cancelWindowEnd - createdMs) * (draw.int(1, 999) / 1000)) : 0;
    const status = cancelled ? 'CANCELLED' : lastArrive <= run.ref ? 'COMPLETED' : 'CONFIRMED';
    const processedMs = Math.min(run.ref, createdMs + minutes(draw.int(1, 30)));
    const updatedMs = cancelled ? cancelledMs : status === 'COMPLETED' ? lastArrive + minutes(30) : processedMs;
    const currency = home.currency;
    const fares = legs.map((l) => fromUsdCents(l.fareUsdCents, currency));
    const baseFare = fares.reduce((a, x) => a + x, 0);
    const taxes = Math.round((baseFare * draw.int(8, 22)) / 100);
    const bookingId = `AB${pad(core.index, 9)}${b}`;
    const channel = draw.pick(['web', 'mobile-app', 'call-centre', 'travel-agent']);
    const cabin = draw.pick(['Y', 'Y', 'Y', 'W', 'J']);
    const booking: TravelObject = {
      BookingId: bookingId,
      AccountNumber: core.accountNumber,
      BookingName: `${core.lastName.toUpperCase()}/${core.firstName.toUpperCase()}`,
      PassengerIndex: '1',
      TravellerId: core.accountNumber,
      GroupBooking: 'false',
      NumberOfPassengers: '1',
      NumberOfAdults: '1',
      NumberOfChildren: '0',
      NumberOfSegments: String(legs.length),
      ProcessedDate: audit(run, processedMs),
      CreatedDate: audit(run, createdMs),
      CreatedBy: channel,
      Channel: { Method: channel },
      UpdatedDate: audit(run, Math.min(run.ref, updatedMs)),
      UpdatedBy: 'system',
      Status: status,
      ReservationStatus: cancelled ? 'CANCELLED' : 'TICKETED',
      MarketingCode: draw.pick(['DIRECT', 'EMAIL', 'SEARCH', 'PARTNER']),
      Booker: 'true',
      Email: core.email,
      PhoneNumber: core.phone,
      FirstDepartureDate: stamp(run, firstDepart, home.offsetMinutes, 'colon', 's'),
      LastArrivalDate: stamp(run, lastArrive, legs[legs.length - 1].to.offsetMinutes, 'colon', 's'),
      CurrencyCode: currency,
      Price: {
        BaseFare: money(baseFare, currency),
        Taxes: money(taxes, currency),
        TotalPrice: money(baseFare + taxes, currency),
        TravellerPrice: money(baseFare + taxes, currency),
        Currency: currency,
      },
      PaymentStatus: 'PAID',
    };
    if (cancelled) {
      booking.CancelledDate = audit(run, cancelledMs);
      booking.CancellationCharge = draw.chance(500) ? '0' : money(fromUsdCents(draw.int(50, 200) * 100, currency), currency);
    }
    out.push({ objectTypeName: run.typeName.airBooking, object: booking });
    for (let i = 0; i < legs.length; i++) {
      const leg = legs[i];
      const segStatus = cancelled ? 'CANCELLED' : leg.arriveMs <= run.ref ? 'FLOWN' : 'CONFIRMED';
      const miles = Math.round(distanceKm({ from: leg.from, to: leg.to }) / 1.609344);
      const upgraded = cabin !== 'J' && draw.chance(40);
      out.push({
        objectTypeName: run.typeName.airSegment,
        object: {
          SegmentId: `${bookingId}S${i + 1}`,
          BookingRef: bookingId,
          AccountNumber: core.accountNumber,
          PassengerIndex: '1',
          SegmentIndex: String(i + 1),
          Seat: { SeatNumber: `${draw.int(1, 42)}${draw.pick(['A', 'B', 'C', 'D', 'E', 'F'])}`, Price: money(fares[i], currency) },
          NumberOfPassengers: '1',
          NumberOfLegs: '1',
          Origin: leg.from.code,
          OriginCountryCode: leg.from.country,
          Dest: leg.to.code,
          DestCountryCode: leg.to.country,
          DepartureDateTime: stamp(run, leg.departMs, leg.from.offsetMinutes, 'colon', 's'),
          ArrivalDateTime: stamp(run, leg.arriveMs, leg.to.offsetMinutes, 'colon', 's'),
          Departure: {
            Date: dateOnly({ ms: leg.departMs, offsetMinutes: leg.from.offsetMinutes }),
            Time: clockTime(leg.departMs, leg.from.offsetMinutes),
            ScheduledTime: clockTime(leg.departMs, leg.from.offsetMinutes),
          },
          Arrival: {
            Date: dateOnly({ ms: leg.arriveMs, offsetMinutes: leg.to.offsetMinutes }),
            Time: clockTime(leg.arriveMs, leg.to.offsetMinutes),
            ScheduledTime: clockTime(leg.arriveMs, leg.to.offsetMinutes),
          },
          Duration: String((leg.arriveMs - leg.departMs) / MS_PER_MINUTE),
          Distance: String(miles),
          MilesToEarn: String(cancelled ? 0 : miles * (cabin === 'J' ? 2 : 1)),
          BookedClassOfService: cabin,
          CurrentClassOfService: upgraded ? 'J' : cabin,
          Upgraded: upgraded ? 'true' : 'false',
          BaggageQuantity: String(draw.int(0, 2)),
          ProcessedDate: audit(run, processedMs),
          CreatedDate: audit(run, createdMs),
          CreatedBy: 'system',
          UpdatedDate: audit(run, Math.min(run.ref, cancelled ? cancelledMs : Math.max(processedMs, Math.min(leg.arriveMs, run.ref)))),
          UpdatedBy: 'system',
          Status: segStatus,
          FlightNumber: leg.flightNumber,
          Carrier: leg.carrier,
          CarrierType: 'OPERATING',
          IsInternational: leg.from.country !== leg.to.country ? 'true' : 'false',
          IsEticket: 'true',
          CurrencyCode: currency,
        },
      });
    }
  }
}

const EXTRA_REVENUE: readonly { type: string; description: string; minUsd: number; maxUsd: number }[] = [
  { type: 'FOOD_BEVERAGE', description: 'Restaurant', minUsd: 15, maxUsd: 180 },
  { type: 'FOOD_BEVERAGE', description: 'Room service', minUsd: 12, maxUsd: 90 },
  { type: 'PARKING', description: 'Valet parking', minUsd: 20, maxUsd: 60 },
  { type: 'SPA', description: 'Spa treatment', minUsd: 60, maxUsd: 250 },
  { type: 'MINIBAR', description: 'Minibar', minUsd: 5, maxUsd: 45 },
];

/** Room types of the invented brands (code, name). */
const ROOM_TYPES: readonly { code: string; name: string }[] = [
  { code: 'KNG', name: 'King room' },
  { code: 'QQN', name: 'Two queens' },
  { code: 'STE', name: 'Suite' },
  { code: 'TWN', name: 'Twin room' },
];

/**
 * Hotel family: hotelPreference (0..1), hotelReservation (0..3), and for stays already checked out one
 * hotelStayRevenue line per night (ROOM), 0..3 extras and one TAX line, which add up to the reservation's
 * StayTotalAmount. Documented fields: see KINDS.hotel*.documented in ./fields.ts. The project's own: AccountNumber;
 * reservation HotelName, City, CountryCode, CheckInDate, CheckOutDate (YYYY-MM-DD hotel-local calendar dates;
 * NumberOfNights is their difference), CurrencyCode, StayTotalAmount, CancelledDate; every field of
 * hotelStayRevenue (the docs list none); preference Location/Bedding sub-fields.
 */
function hotelFamily(run: RunSettings, draw: Draw, core: ProfileCore, out: GeneratedRecord[]): void {
  const home = core.home;
  if (draw.chance(600)) {
    const createdMs = core.createdMs + days(draw.int(0, 20));
    const endMs = createdMs + days(draw.int(2, 5) * 365);
    out.push({
      objectTypeName: run.typeName.hotelPreference,
      object: {
        PreferenceId: `HP${pad(core.index, 9)}`,
        AccountNumber: core.accountNumber,
        Name: 'Stay preferences',
        CreatedDate: audit(run, createdMs),
        CreatedBy: 'web',
        UpdatedDate: audit(run, Math.min(run.ref, createdMs + days(draw.int(0, 60)))),
        UpdatedBy: 'web',
        StartDate: stamp(run, createdMs, home.offsetMinutes, 'compact', 's'),
        EndDate: stamp(run, endMs, home.offsetMinutes, 'compact', 's'),
        Status: endMs > run.ref ? 'ACTIVE' : 'EXPIRED',
        Smoking: draw.pick(['NON_SMOKING', 'NON_SMOKING', 'SMOKING']),
        CheckInType: draw.pick(['FRONT_DESK', 'MOBILE', 'KIOSK']),
        CheckOutType: draw.pick(['FRONT_DESK', 'EXPRESS', 'MOBILE']),
        ReferenceId: core.accountNumber,
        ReferenceType: 'PROFILE',
        CleaningTime: draw.pick(['MORNING', 'AFTERNOON', 'ANY']),
        Location: { PreferredFloor: draw.pick(['HIGH', 'LOW', 'ANY']), View: draw.pick(['CITY', 'SEA', 'GARDEN', 'ANY']) },
        Bedding: { BedType: draw.pick(['KING', 'QUEEN', 'TWIN']), PillowType: draw.pick(['FEATHER', 'FOAM']) },
      },
    });
  }
  const reservations = draw.int(0, 3);
  for (let r = 1; r <= reservations; r++) {
    const city = draw.chance(850) ? draw.pick(AIRPORTS) : home;
    const brand = draw.pick(HOTEL_BRANDS);
    const hotelCode = `${brand.code}${city.code}${pad(draw.int(1, 3), 2)}`;
    const off = city.offsetMinutes;
    const checkInDay = localDay({ ms: run.ref, offsetMinutes: off }) + draw.int(-420, 120);
    const nights = draw.int(1, 7);
    const checkOutDay = checkInDay + nights;
    const checkInMs = localInstant(checkInDay, 15 * 60, off);
    const checkOutMs = localInstant(checkOutDay, 11 * 60, off);
    let createdMs = checkInMs - days(draw.int(1, 90)) - minutes(draw.int(0, 1439));
    if (createdMs > run.ref) createdMs = run.ref - minutes(draw.int(1, 4000));
    const cancelWindowEnd = Math.min(checkInMs, run.ref);
    const cancelled = cancelWindowEnd - createdMs > minutes(60) && draw.chance(70);
    const cancelledMs = cancelled ? createdMs + Math.floor((cancelWindowEnd - createdMs) * (draw.int(1, 999) / 1000)) : 0;
    const status = cancelled ? 'CANCELLED' : checkOutMs <= run.ref ? 'CHECKED_OUT' : checkInMs <= run.ref ? 'IN_HOUSE' : 'CONFIRMED';
    const currency = city.currency;
    const perNight = fromUsdCents(draw.int(80, 450) * 100, currency);
    const reservationId = `HR${pad(core.index, 9)}${r}`;
    const roomTotal = perNight * nights;
    const tax = Math.round((roomTotal * draw.int(8, 16)) / 100);
    const adults = draw.int(1, 3);
    const children = draw.int(0, 2);
    const room = draw.pick(ROOM_TYPES);
    const processedMs = Math.min(run.ref, createdMs + minutes(draw.int(1, 30)));
    const updatedMs = cancelled ? cancelledMs : status === 'CHECKED_OUT' ? checkOutMs : status === 'IN_HOUSE' ? checkInMs : processedMs;
    const reservation: TravelObject = {
      ReservationId: reservationId,
      AccountNumber: core.accountNumber,
      ConfirmationNumber: draw.faker.string.numeric(10),
      Status: status,
      TripType: draw.pick(['LEISURE', 'BUSINESS']),
      BrandCode: brand.code,
      HotelCode: hotelCode,
      HotelName: `${brand.name} ${city.city}`,
      City: city.city,
      CountryCode: city.country,
      PhoneNumber: core.phone,
      EmailAddress: core.email,
      ProcessedDate: audit(run, processedMs),
      CreatedDate: audit(run, createdMs),
      CreatedBy: draw.pick(['web', 'mobile-app', 'call-centre']),
      UpdatedDate: audit(run, Math.min(run.ref, updatedMs)),
      UpdatedBy: 'system',
      Reserver: 'true',
      Refundable: draw.chance(600) ? 'true' : 'false',
      CheckIn: { Date: dateOnly({ ms: days(checkInDay) }) },
      Checkout: { Date: dateOnly({ ms: days(checkOutDay) }) },
      Room: { TypeCode: room.code, TypeName: room.name },
      NumberOfNights: String(nights),
      NumberOfGuests: String(adults + children),
      Guests: { Adults: String(adults), Children: String(children) },
      AmountPerNight: money(perNight, currency),
      TotalAmountBeforeTax: money(roomTotal, currency),
      TotalAmountAfterTax: money(roomTotal + tax, currency),
      Currency: { Code: currency },
    };
    if (cancelled) {
      reservation.CancelledDate = audit(run, cancelledMs);
      reservation.CancellationCharge = draw.chance(500) ? '0' : money(perNight, currency);
    }
    out.push({ objectTypeName: run.typeName.hotelReservation, object: reservation });
    if (status !== 'CHECKED_OUT') continue;
    const lines: { type: string; description: string; ms: number; amount: number }[] = [];
    for (let n = 0; n < nights; n++) {
      lines.push({ type: 'ROOM', description: 'Room charge', ms: localInstant(checkInDay + n, 23 * 60, off), amount: perNight });
    }
    const extras = draw.int(0, 3);
    for (let e = 0; e < extras; e++) {
      const x = draw.pick(EXTRA_REVENUE);
      const ms = checkInMs + Math.floor((checkOutMs - checkInMs) * (draw.int(1, 999) / 1000));
      lines.push({ type: x.type, description: x.description, ms, amount: fromUsdCents(draw.int(x.minUsd, x.maxUsd) * 100, currency) });
    }
    lines.push({ type: 'TAX', description: 'Occupancy tax', ms: checkOutMs, amount: tax });
    lines.sort((a, b) => a.ms - b.ms);
    const total = lines.reduce((a, l) => a + l.amount, 0);
    reservation.StayTotalAmount = money(total, currency);
    const postedMs = Math.min(run.ref, checkOutMs + minutes(draw.int(1, 120)));
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      out.push({
        objectTypeName: run.typeName.hotelStayRevenue,
        object: {
          StayRevenueId: `${reservationId}R${pad(i + 1, 2)}`,
          ReservationId: reservationId,
          AccountNumber: core.accountNumber,
          GuestId: core.accountNumber,
          HotelCode: hotelCode,
          StartDate: dateOnly({ ms: days(checkInDay) }),
          LineNumber: String(i + 1),
          RevenueType: l.type,
          Description: l.description,
          RevenueDate: stamp(run, l.ms, off, 'compact', 's'),
          Amount: money(l.amount, currency),
          CurrencyCode: currency,
          Status: 'POSTED',
          ProcessedDate: audit(run, postedMs),
          CreatedDate: audit(run, postedMs),
          CreatedBy: 'folio',
        },
      });
    }
  }
}

interface PromotionPlan {
  id: string;
  startMs: number;
  endMs: number;
  enrolledMs: number;
  type: string;
  points: number;
  awarded: boolean;
}

/**
 * Loyalty family: per programme joined (0..2), one loyalty membership, 0..2 loyaltyPromotion enrolments and 2..10
 * loyaltyTransaction rows in time order. Points.Balance is the sum of PointsEarned (redemptions are negative and
 * never overdraw), Tier follows lifetime QualifyingPoints (thresholds in ./reference-data.ts), UpgradeDate is the
 * transaction that reached the current tier, and bonus transactions fall inside their promotion's window.
 * Documented fields: see KINDS.loyalty*.documented in ./fields.ts. The project's own: AccountNumber;
 * transaction PointsBalanceAfter; promotion MembershipRef; the sub-fields of Tier and Points.
 */
function loyaltyFamily(run: RunSettings, draw: Draw, core: ProfileCore, out: GeneratedRecord[]): void {
  const home = core.home;
  for (let m = 0; m < PROGRAMS.length; m++) {
    const program: LoyaltyProgram = PROGRAMS[m];
    if (!draw.chance(program.industry === 'AIRLINE' ? 650 : 550)) continue;
    const loyaltyId = `LY${pad(core.index, 9)}${m + 1}`;
    const membershipId = `${program.memberPrefix}${pad(core.index, 9)}`;
    const enrollMs = run.ref - days(draw.int(30, 1500)) - minutes(draw.int(0, 1439));
    const span = run.ref - enrollMs;
    const promotions: PromotionPlan[] = [];
    const promoCount = draw.int(0, 2);
    for (let k = 1; k <= promoCount; k++) {
      const startMs = enrollMs + days(1) + Math.floor((span - days(1)) * (draw.int(0, 999) / 1000));
      const endMs = startMs + days(draw.int(14, 120));
      const enrolledMs = Math.max(enrollMs, startMs - days(draw.int(0, 10)));
      promotions.push({
        id: `LP${pad(core.index, 9)}${m + 1}${k}`,
        startMs,
        endMs,
        enrolledMs: Math.min(enrolledMs, run.ref),
        type: draw.pick(['BONUS_POINTS', 'BONUS_POINTS', 'TIER_BOOST', 'VOUCHER']),
        points: draw.int(5, 40) * 100,
        awarded: false,
      });
    }
    const txCount = draw.int(2, 10);
    const times: number[] = [];
    for (let t = 0; t < txCount; t++) times.push(enrollMs + Math.floor(span * (draw.int(1, 999_999) / 1_000_000)));
    times.sort((a, b) => a - b);
    for (let t = 1; t < times.length; t++) if (times[t] <= times[t - 1]) times[t] = times[t - 1] + 1000;
    let balance = 0;
    let qualifying = 0;
    let earned = 0;
    let redeemed = 0;
    let upgradeMs = 0;
    let tierLevel = 1;
    const txRecords: GeneratedRecord[] = [];
    for (let t = 0; t < times.length; t++) {
      const at = times[t];
      const promo = promotions.find((p) => !p.awarded && p.type === 'BONUS_POINTS' && p.enrolledMs <= at && p.startMs <= at && at <= p.endMs);
      let type: string;
      let accrual: string;
      let points: number;
      let qp = 0;
      let amount = '0';
      const currency = home.currency;
      if (promo) {
        promo.awarded = true;
        type = 'EARN';
        accrual = 'BONUS';
        points = promo.points;
      } else {
        const roll = draw.int(0, 99);
        if (roll < 20 && balance >= 1000) {
          type = 'REDEEM';
          accrual = 'REDEMPTION';
          points = -Math.min(balance, draw.int(10, Math.max(10, Math.floor(balance / 100))) * 100);
        } else if (roll < 28) {
          type = 'ADJUST';
          accrual = 'ADJUSTMENT';
          const delta = draw.int(1, 10) * 50;
          points = balance >= delta && draw.chance(300) ? -delta : delta;
        } else {
          type = 'EARN';
          accrual = 'BASE';
          const usd = draw.int(40, 2500);
          points = usd * (program.industry === 'AIRLINE' ? 5 : 10);
          qp = points;
          amount = money(fromUsdCents(usd * 100, currency), currency);
        }
      }
      balance += points;
      qualifying += qp;
      if (points > 0) earned += points;
      else redeemed -= points;
      const reached = tierFor({ qualifyingPoints: qualifying }).level;
      if (reached > tierLevel) {
        tierLevel = reached;
        upgradeMs = at;
      }
      const tx: TravelObject = {
        TransactionId: `LT${pad(core.index, 9)}${m + 1}${pad(t + 1, 3)}`,
        AccountNumber: core.accountNumber,
        TransactionName: type === 'EARN' ? (accrual === 'BONUS' ? 'Promotion bonus' : program.industry === 'AIRLINE' ? 'Flight accrual' : 'Stay accrual') : type === 'REDEEM' ? 'Reward redemption' : 'Manual adjustment',
        TransactionType: type,
        ProgramRef: program.programId,
        MembershipRef: membershipId,
        CreatedDate: audit(run, Math.min(run.ref, at + minutes(draw.int(0, 5)))),
        TransactionDate: stamp(run, at, home.offsetMinutes, 'colon', 's'),
        Industry: program.industry,
        Location: draw.pick(AIRPORTS).code,
        CreatedBy: 'system',
        UpdatedDate: audit(run, Math.min(run.ref, at + minutes(5))),
        UpdatedBy: 'system',
        Status: 'POSTED',
        AccrualType: accrual,
        Category: program.industry === 'AIRLINE' ? 'FLIGHT' : 'STAY',
        Channel: draw.pick(['WEB', 'APP', 'PARTNER', 'CALL_CENTRE']),
        ProductId: `${program.memberPrefix}-${draw.pick(['ECON', 'PREM', 'BIZ', 'STD', 'SUITE'])}`,
        Amount: amount,
        OriginValue: amount,
        OriginValueCurrency: currency,
        PointsEarned: String(points),
        QualifyingPointsEarned: String(qp),
        PointsBalanceAfter: String(balance),
      };
      if (promo) tx.PromotionRef = promo.id;
      txRecords.push({ objectTypeName: run.typeName.loyaltyTransaction, object: tx });
    }
    const tier = TIERS[tierLevel - 1];
    const next = TIERS[tierLevel] as (typeof TIERS)[number] | undefined;
    let renewalMs = enrollMs + days(365);
    while (renewalMs <= run.ref) renewalMs += days(365);
    const lastTx = times[times.length - 1];
    const loyalty: TravelObject = {
      LoyaltyId: loyaltyId,
      AccountNumber: core.accountNumber,
      ProgramId: program.programId,
      MembershipId: membershipId,
      ProgramName: program.programName,
      Channel: draw.pick(['WEB', 'APP', 'AIRPORT', 'HOTEL_DESK']),
      CreatedDate: audit(run, enrollMs),
      EnrollmentDate: stamp(run, enrollMs, home.offsetMinutes, 'colon', 's'),
      CreatedBy: 'enrolment',
      UpdatedDate: audit(run, Math.min(run.ref, lastTx + minutes(5))),
      LastUpdatedBy: 'system',
      RenewalDate: stamp(run, renewalMs, home.offsetMinutes, 'colon', 's'),
      EmailAddress: core.email,
      EmailAddressVerified: draw.chance(800) ? 'true' : 'false',
      PhoneNumber: core.phone,
      PhoneNumberVerified: draw.chance(600) ? 'true' : 'false',
      Status: 'ACTIVE',
      Group: draw.pick(['INDIVIDUAL', 'INDIVIDUAL', 'FAMILY', 'CORPORATE']),
      Tier: {
        Name: tier.name,
        Level: String(tier.level),
        CurrentTier: tier.name,
        ...(next ? { NextTier: next.name, PointsToNextTier: String(next.threshold - qualifying) } : {}),
      },
      Points: {
        Unit: program.industry === 'AIRLINE' ? 'MILES' : 'POINTS',
        Balance: String(balance),
        Lifetime: String(earned),
        LifetimeRedeemed: String(redeemed),
        QualifyingPoints: String(qualifying),
      },
    };
    if (tierLevel > 1) loyalty.UpgradeDate = stamp(run, upgradeMs, home.offsetMinutes, 'colon', 's');
    out.push({ objectTypeName: run.typeName.loyalty, object: loyalty });
    for (const p of promotions) {
      out.push({
        objectTypeName: run.typeName.loyaltyPromotion,
        object: {
          PromotionId: p.id,
          AccountNumber: core.accountNumber,
          MembershipRef: membershipId,
          PromotionName: p.type === 'BONUS_POINTS' ? `${p.points} bonus points` : p.type === 'TIER_BOOST' ? 'Tier boost' : 'Travel voucher',
          PromotionType: p.type,
          ProgramType: program.industry,
          ProgramRef: program.programId,
          Tier: draw.pick(TIERS).name,
          StartDate: stamp(run, p.startMs, home.offsetMinutes, 'compact', 's'),
          EnrolledDate: stamp(run, p.enrolledMs, home.offsetMinutes, 'compact', 's'),
          EndDate: stamp(run, p.endMs, home.offsetMinutes, 'compact', 's'),
          Amount: String(p.points),
          Status: p.endMs < run.ref ? 'EXPIRED' : p.startMs > run.ref ? 'SCHEDULED' : 'ACTIVE',
          CreatedDate: audit(run, p.enrolledMs),
          CreatedBy: 'campaign',
          UpdatedDate: audit(run, p.enrolledMs),
          UpdatedBy: 'campaign',
          CampaignRef: `CMP-${program.memberPrefix}-${pad(draw.int(1, 40), 3)}`,
        },
      });
    }
    for (const r of txRecords) out.push(r);
  }
}

const FAMILY_GENERATORS: Record<TravelFamily, (run: RunSettings, draw: Draw, core: ProfileCore, out: GeneratedRecord[]) => void> = {
  air: airFamily,
  hotel: hotelFamily,
  loyalty: loyaltyFamily,
};

/** A generator run: one Faker instance, fixed settings; generate profiles by index in any order. */
export class TravelGenerator {
  private readonly run: RunSettings;
  private readonly draw: Draw;
  private readonly local: LocaleFakers;

  constructor(options: GenerateOptions) {
    if (!Number.isSafeInteger(options.seed)) throw new RangeError(`generate: expected a safe integer seed; saw ${options.seed}; pass an integer`);
    if (!Number.isFinite(options.clockMs)) throw new RangeError(`generate: expected a finite reference clock; saw ${options.clockMs}; pass epoch milliseconds`);
    const typeName = {} as Record<TravelKind, string>;
    for (const kind of ['airBooking', 'airSegment', 'airPreference', 'hotelReservation', 'hotelStayRevenue', 'hotelPreference', 'loyalty', 'loyaltyTransaction', 'loyaltyPromotion'] as TravelKind[]) {
      typeName[kind] = options.objectTypeNames?.[kind] ?? kind;
    }
    this.run = {
      seed: options.seed,
      ref: Math.floor(options.clockMs),
      format: options.format ?? 'epochmilli',
      families: ALL_FAMILIES.filter((f) => (options.families ?? ALL_FAMILIES).includes(f)),
      typeName,
    };
    this.draw = new Draw(newFaker({ locale: 'en' }));
    this.local = localeFakers();
  }

  /** All records of profile `index`: the profile first, then its families' objects (air, hotel, loyalty). */
  profileRecords({ index }: { index: number }): GeneratedRecord[] {
    const out: GeneratedRecord[] = [];
    this.appendProfile(index, out);
    return out;
  }

  /** Records of profiles [start, start+count) in order, lazily, one profile at a time (flat memory). */
  *records({ count, start = 0 }: { count: number; start?: number }): Generator<GeneratedRecord> {
    const out: GeneratedRecord[] = [];
    for (let i = start; i < start + count; i++) {
      out.length = 0;
      this.appendProfile(i, out);
      for (const r of out) yield r;
    }
  }

  private appendProfile(index: number, out: GeneratedRecord[]): void {
    const faker = this.draw.faker;
    seedFor(faker, this.run, index, FAMILY_SALT.core);
    const core = profileCore(this.run, this.draw, this.local, index);
    out.push({ objectTypeName: PROFILE_RECORD_TYPE, object: core.profile });
    for (const family of this.run.families) {
      seedFor(faker, this.run, index, FAMILY_SALT[family]);
      FAMILY_GENERATORS[family](this.run, this.draw, core, out);
    }
  }
}

/** Every record of `profiles` profiles, lazily, as a fresh run would produce them. */
export function generateRecords(options: GenerateOptions & { profiles: number }): Generator<GeneratedRecord> {
  return new TravelGenerator(options).records({ count: options.profiles });
}

/** The records of a single profile (profile line first) without generating the ones before it. */
export function generateProfileBundle(options: GenerateOptions & { index: number }): GeneratedRecord[] {
  return new TravelGenerator(options).profileRecords({ index: options.index });
}

/** One NDJSON line (with its trailing newline) for a record: `{"objectTypeName":...,"object":{...}}`. */
export function ndjsonLine({ record }: { record: GeneratedRecord }): string {
  return `${JSON.stringify({ objectTypeName: record.objectTypeName, object: record.object })}\n`;
}
