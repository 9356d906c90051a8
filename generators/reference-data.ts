/**
 * Static tables behind the T&H generators. Airports are real IATA codes with their country, a fixed standard-time UTC
 * offset (daylight saving is ignored on purpose: the data is synthetic and the offsets only need to be plausible and
 * stable) and coordinates for flight durations. Carriers, hotel brands and loyalty programmes are invented, with
 * IATA-style / short codes, so no real company's customer data is imitated.
 */

export interface Airport {
  code: string;
  city: string;
  country: string;
  currency: string;
  offsetMinutes: number;
  lat: number;
  lon: number;
}

export const AIRPORTS: readonly Airport[] = [
  { code: 'JFK', city: 'New York', country: 'US', currency: 'USD', offsetMinutes: -300, lat: 40.64, lon: -73.78 },
  { code: 'LAX', city: 'Los Angeles', country: 'US', currency: 'USD', offsetMinutes: -480, lat: 33.94, lon: -118.41 },
  { code: 'ORD', city: 'Chicago', country: 'US', currency: 'USD', offsetMinutes: -360, lat: 41.97, lon: -87.91 },
  { code: 'ATL', city: 'Atlanta', country: 'US', currency: 'USD', offsetMinutes: -300, lat: 33.64, lon: -84.43 },
  { code: 'SFO', city: 'San Francisco', country: 'US', currency: 'USD', offsetMinutes: -480, lat: 37.62, lon: -122.38 },
  { code: 'SEA', city: 'Seattle', country: 'US', currency: 'USD', offsetMinutes: -480, lat: 47.45, lon: -122.31 },
  { code: 'DFW', city: 'Dallas', country: 'US', currency: 'USD', offsetMinutes: -360, lat: 32.9, lon: -97.04 },
  { code: 'MIA', city: 'Miami', country: 'US', currency: 'USD', offsetMinutes: -300, lat: 25.79, lon: -80.29 },
  { code: 'BOS', city: 'Boston', country: 'US', currency: 'USD', offsetMinutes: -300, lat: 42.37, lon: -71.01 },
  { code: 'DEN', city: 'Denver', country: 'US', currency: 'USD', offsetMinutes: -420, lat: 39.86, lon: -104.67 },
  { code: 'HNL', city: 'Honolulu', country: 'US', currency: 'USD', offsetMinutes: -600, lat: 21.32, lon: -157.92 },
  { code: 'YYZ', city: 'Toronto', country: 'CA', currency: 'CAD', offsetMinutes: -300, lat: 43.68, lon: -79.63 },
  { code: 'YVR', city: 'Vancouver', country: 'CA', currency: 'CAD', offsetMinutes: -480, lat: 49.19, lon: -123.18 },
  { code: 'MEX', city: 'Mexico City', country: 'MX', currency: 'MXN', offsetMinutes: -360, lat: 19.44, lon: -99.07 },
  { code: 'GRU', city: 'Sao Paulo', country: 'BR', currency: 'BRL', offsetMinutes: -180, lat: -23.44, lon: -46.47 },
  { code: 'LHR', city: 'London', country: 'GB', currency: 'GBP', offsetMinutes: 0, lat: 51.47, lon: -0.45 },
  { code: 'MAN', city: 'Manchester', country: 'GB', currency: 'GBP', offsetMinutes: 0, lat: 53.35, lon: -2.28 },
  { code: 'CDG', city: 'Paris', country: 'FR', currency: 'EUR', offsetMinutes: 60, lat: 49.01, lon: 2.55 },
  { code: 'AMS', city: 'Amsterdam', country: 'NL', currency: 'EUR', offsetMinutes: 60, lat: 52.31, lon: 4.76 },
  { code: 'FRA', city: 'Frankfurt', country: 'DE', currency: 'EUR', offsetMinutes: 60, lat: 50.03, lon: 8.56 },
  { code: 'MAD', city: 'Madrid', country: 'ES', currency: 'EUR', offsetMinutes: 60, lat: 40.47, lon: -3.56 },
  { code: 'DXB', city: 'Dubai', country: 'AE', currency: 'AED', offsetMinutes: 240, lat: 25.25, lon: 55.36 },
  { code: 'DEL', city: 'Delhi', country: 'IN', currency: 'INR', offsetMinutes: 330, lat: 28.56, lon: 77.1 },
  { code: 'KTM', city: 'Kathmandu', country: 'NP', currency: 'NPR', offsetMinutes: 345, lat: 27.7, lon: 85.36 },
  { code: 'SIN', city: 'Singapore', country: 'SG', currency: 'SGD', offsetMinutes: 480, lat: 1.36, lon: 103.99 },
  { code: 'HKG', city: 'Hong Kong', country: 'HK', currency: 'HKD', offsetMinutes: 480, lat: 22.31, lon: 113.91 },
  { code: 'NRT', city: 'Tokyo', country: 'JP', currency: 'JPY', offsetMinutes: 540, lat: 35.77, lon: 140.39 },
  { code: 'ADL', city: 'Adelaide', country: 'AU', currency: 'AUD', offsetMinutes: 570, lat: -34.95, lon: 138.53 },
  { code: 'SYD', city: 'Sydney', country: 'AU', currency: 'AUD', offsetMinutes: 600, lat: -33.94, lon: 151.18 },
  { code: 'AKL', city: 'Auckland', country: 'NZ', currency: 'NZD', offsetMinutes: 720, lat: -37.01, lon: 174.79 },
];

/**
 * Where a profile may live: the home airports of countries with a telephone range reserved for fiction, so a
 * profile's phone number can be of its own country and still belong to no one. Each carries what the address needs:
 * the state or province, the Faker locale whose street addresses and postal codes fit the country, how a postal
 * code of that place is drawn, and the fiction range its phone numbers come from.
 * Postal codes: `zipCodeByState` asks the locale for a code of that state (Faker's US and Canadian data have
 * per-state ranges); otherwise `postcode` is a pattern for Faker's `helpers.replaceSymbols` ('#' digit, '?' letter).
 * Phones (E.164): `phonePrefix` followed by `phoneDigits` free digits. Sources of the ranges are in ./synthetic-pii.ts.
 */
export interface HomeRegion {
  airport: string;
  state: string;
  locale: 'en_US' | 'en_CA' | 'en_GB' | 'en_AU';
  zipCodeByState?: string;
  postcode?: readonly string[];
  phonePrefix: readonly string[];
  phoneDigits: number;
}

export const HOME_REGIONS: readonly HomeRegion[] = [
  { airport: 'JFK', state: 'NY', locale: 'en_US', zipCodeByState: 'NY', phonePrefix: ['+121255501', '+191755501'], phoneDigits: 2 },
  { airport: 'LAX', state: 'CA', locale: 'en_US', zipCodeByState: 'CA', phonePrefix: ['+121355501', '+131055501'], phoneDigits: 2 },
  { airport: 'ORD', state: 'IL', locale: 'en_US', zipCodeByState: 'IL', phonePrefix: ['+131255501', '+177355501'], phoneDigits: 2 },
  { airport: 'ATL', state: 'GA', locale: 'en_US', zipCodeByState: 'GA', phonePrefix: ['+140455501'], phoneDigits: 2 },
  { airport: 'SFO', state: 'CA', locale: 'en_US', zipCodeByState: 'CA', phonePrefix: ['+141555501'], phoneDigits: 2 },
  { airport: 'SEA', state: 'WA', locale: 'en_US', zipCodeByState: 'WA', phonePrefix: ['+120655501'], phoneDigits: 2 },
  { airport: 'DFW', state: 'TX', locale: 'en_US', zipCodeByState: 'TX', phonePrefix: ['+121455501', '+197255501'], phoneDigits: 2 },
  { airport: 'MIA', state: 'FL', locale: 'en_US', zipCodeByState: 'FL', phonePrefix: ['+130555501'], phoneDigits: 2 },
  { airport: 'BOS', state: 'MA', locale: 'en_US', zipCodeByState: 'MA', phonePrefix: ['+161755501'], phoneDigits: 2 },
  { airport: 'DEN', state: 'CO', locale: 'en_US', zipCodeByState: 'CO', phonePrefix: ['+130355501'], phoneDigits: 2 },
  { airport: 'HNL', state: 'HI', locale: 'en_US', zipCodeByState: 'HI', phonePrefix: ['+180855501'], phoneDigits: 2 },
  { airport: 'YYZ', state: 'ON', locale: 'en_CA', zipCodeByState: 'ON', phonePrefix: ['+141655501', '+164755501'], phoneDigits: 2 },
  { airport: 'YVR', state: 'BC', locale: 'en_CA', zipCodeByState: 'BC', phonePrefix: ['+160455501', '+177855501'], phoneDigits: 2 },
  { airport: 'LHR', state: 'Greater London', locale: 'en_GB', postcode: ['SW# #??', 'SE# #??', 'NW# #??', 'E# #??', 'N# #??', 'W# #??', 'TW# #??'], phonePrefix: ['+442079460', '+447700900'], phoneDigits: 3 },
  { airport: 'MAN', state: 'Greater Manchester', locale: 'en_GB', postcode: ['M# #??', 'M## #??'], phonePrefix: ['+441614960', '+447700900'], phoneDigits: 3 },
  { airport: 'SYD', state: 'NSW', locale: 'en_AU', postcode: ['2###'], phonePrefix: ['+6125550'], phoneDigits: 4 },
  { airport: 'ADL', state: 'SA', locale: 'en_AU', postcode: ['5###'], phonePrefix: ['+6185550'], phoneDigits: 4 },
];

/** Airports used as connection points on long itineraries. */
export const HUB_CODES: readonly string[] = ['LHR', 'FRA', 'DXB', 'SIN', 'JFK', 'ORD', 'HKG'];

/** Currency minor units (ISO 4217) and an approximate number of units per US dollar, to keep prices plausible. */
export const CURRENCIES: Readonly<Record<string, { minorUnits: number; perUsd: number }>> = {
  USD: { minorUnits: 2, perUsd: 1 },
  CAD: { minorUnits: 2, perUsd: 1.35 },
  MXN: { minorUnits: 2, perUsd: 17 },
  BRL: { minorUnits: 2, perUsd: 5 },
  GBP: { minorUnits: 2, perUsd: 0.8 },
  EUR: { minorUnits: 2, perUsd: 0.92 },
  AED: { minorUnits: 2, perUsd: 3.67 },
  INR: { minorUnits: 2, perUsd: 83 },
  NPR: { minorUnits: 2, perUsd: 133 },
  SGD: { minorUnits: 2, perUsd: 1.35 },
  HKD: { minorUnits: 2, perUsd: 7.8 },
  JPY: { minorUnits: 0, perUsd: 150 },
  AUD: { minorUnits: 2, perUsd: 1.5 },
  NZD: { minorUnits: 2, perUsd: 1.65 },
};

export interface Carrier {
  code: string;
  name: string;
}

/** Invented carriers with two-character IATA-style designators. */
export const CARRIERS: readonly Carrier[] = [
  { code: 'Z4', name: 'Zephyr Atlantic' },
  { code: 'QX', name: 'Quillon Air' },
  { code: 'V7', name: 'Vantor Airways' },
  { code: 'KH', name: 'Kestrel Horizon' },
  { code: 'N9', name: 'Nimbus Regional' },
  { code: 'OY', name: 'Orlyn Pacific' },
];

export interface HotelBrand {
  code: string;
  name: string;
}

/** Invented hotel brands with three-letter brand codes. */
export const HOTEL_BRANDS: readonly HotelBrand[] = [
  { code: 'HBL', name: 'Harborline Hotels' },
  { code: 'CDS', name: 'Cedarstone Suites' },
  { code: 'LMN', name: 'Lumen Inn' },
  { code: 'AUR', name: 'Aurelia Resorts' },
];

export interface LoyaltyProgram {
  programId: string;
  programName: string;
  industry: 'AIRLINE' | 'HOTEL';
  /** Prefix of membership numbers in this programme. */
  memberPrefix: string;
}

/** Invented loyalty programmes: one airline, one hotel. */
export const PROGRAMS: readonly LoyaltyProgram[] = [
  { programId: 'ZEPHYR-MILES', programName: 'Zephyr Miles', industry: 'AIRLINE', memberPrefix: 'ZM' },
  { programId: 'HARBOR-REWARDS', programName: 'Harbor Rewards', industry: 'HOTEL', memberPrefix: 'HR' },
];

/** Tiers by lifetime qualifying points: a member's tier is the highest whose threshold it has reached. */
export const TIERS: readonly { name: string; level: number; threshold: number }[] = [
  { name: 'BASE', level: 1, threshold: 0 },
  { name: 'SILVER', level: 2, threshold: 5_000 },
  { name: 'GOLD', level: 3, threshold: 25_000 },
  { name: 'PLATINUM', level: 4, threshold: 50_000 },
];

/** The tier earned by `qualifyingPoints` lifetime qualifying points. */
export function tierFor({ qualifyingPoints }: { qualifyingPoints: number }): { name: string; level: number; threshold: number } {
  let tier = TIERS[0];
  for (const t of TIERS) if (qualifyingPoints >= t.threshold) tier = t;
  return tier;
}

/** cos(x) for |x| <= pi/2 by a Taylor polynomial: only + and *, which IEEE 754 makes identical on every machine. */
function cosSmall(x: number): number {
  const x2 = x * x;
  return 1 - (x2 / 2) * (1 - (x2 / 12) * (1 - (x2 / 30) * (1 - (x2 / 56) * (1 - (x2 / 90) * (1 - x2 / 132)))));
}

/**
 * Approximate distance in kilometres (equirectangular projection, longitude wrapped across the date line), used for
 * flight durations and fares. Trig functions are avoided so results never depend on the platform's libm.
 */
export function distanceKm({ from, to }: { from: Airport; to: Airport }): number {
  const rad = Math.PI / 180;
  let dLon = to.lon - from.lon;
  if (dLon > 180) dLon -= 360;
  if (dLon < -180) dLon += 360;
  const x = dLon * rad * cosSmall(((from.lat + to.lat) / 2) * rad);
  const y = (to.lat - from.lat) * rad;
  return 6371 * Math.sqrt(x * x + y * y);
}

export const AIRPORT_BY_CODE: ReadonlyMap<string, Airport> = new Map(AIRPORTS.map((a) => [a.code, a]));
