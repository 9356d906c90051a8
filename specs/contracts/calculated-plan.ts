/**
 * The data of the calculated-attribute contract files: generated T&H profiles (TravelGenerator) and a few designed
 * ones whose objects are generated objects with some fields set on purpose. A pure function of (seed, reference
 * clock), so a run, its recording and its replay put the same objects.
 */
import type { TravelKind } from '../../generators/fields.ts';
import { TravelGenerator, type GeneratedProfile } from '../../generators/generate.ts';
import { objectTypeName } from '../../generators/scenarios/names.ts';
import { isoString, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, type OffsetStyle, type TimestampFormat } from '../../generators/time.ts';

/** The object types the calculated contracts use, by short key. */
export type TypeKey = 'tx' | 'rev' | 'seg' | 'res' | 'hist';

/** Which T&H kind each key is, and in which timestamp format its objects are generated. */
export const TYPE_SPECS: Readonly<Record<TypeKey, { kind: TravelKind; format: TimestampFormat; nameKind: string }>> = {
  tx: { kind: 'loyaltyTransaction', format: 'iso8601', nameKind: 'loyaltyTransaction' },
  rev: { kind: 'hotelStayRevenue', format: 'iso8601', nameKind: 'hotelStayRevenue' },
  seg: { kind: 'airSegment', format: 'epochmilli', nameKind: 'airSegment' },
  res: { kind: 'hotelReservation', format: 'iso8601', nameKind: 'hotelReservation' },
  // The same loyalty transactions under a second type, half ingested before the definitions (UseHistoricalData).
  hist: { kind: 'loyaltyTransaction', format: 'iso8601', nameKind: 'loyaltyTransactionHist' },
};

const KIND_TO_KEY: Partial<Record<TravelKind, TypeKey>> = { loyaltyTransaction: 'tx', hotelStayRevenue: 'rev', airSegment: 'seg', hotelReservation: 'res' };

/** Generated profiles with every kind the contracts read (several objects of each). */
const RICH_PROFILES = 3;
/** Generated profiles whose identity the designed profiles take. */
const SPARE_PROFILES = 5;
/** Profile indexes scanned for rich and single-object profiles. */
const MAX_SCAN = 80;
/** Edge objects placed this far inside a window stay inside while the run is younger than this. */
export const EDGE_SLACK_MS = 10 * MS_PER_MINUTE;

export type Phase = 'before' | 'after';

/** One object of the plan: ingested before the definitions exist, or after. */
export interface PlannedObject {
  type: TypeKey;
  object: Record<string, unknown>;
  phase: Phase;
}

export type ProfileRole = 'generated' | 'single' | 'designed';

export interface PlannedProfile {
  /** Short name used in failure messages (e.g. `generated-3`, `designed-tie`). */
  label: string;
  role: ProfileRole;
  profile: GeneratedProfile;
  objects: PlannedObject[];
}

/** The whole data set of a calculated contract file: a pure function of (seed, reference clock). */
export interface Plan {
  referenceMs: number;
  profiles: PlannedProfile[];
}

interface Bundle {
  index: number;
  profile: GeneratedProfile;
  byKey: Map<TypeKey, Record<string, unknown>[]>;
}

function bundleOf({ iso, epoch, index }: { iso: TravelGenerator; epoch: TravelGenerator; index: number }): Bundle {
  const records = [...iso.profileRecords({ index }), ...epoch.profileRecords({ index }).slice(1)];
  const byKey = new Map<TypeKey, Record<string, unknown>[]>();
  for (const r of records.slice(1)) {
    const key = KIND_TO_KEY[r.objectTypeName as TravelKind];
    if (!key) continue;
    const list = byKey.get(key) ?? [];
    list.push(r.object);
    byKey.set(key, list);
  }
  return { index, profile: records[0].object as GeneratedProfile, byKey };
}

const count = (b: Bundle, key: TypeKey): number => b.byKey.get(key)?.length ?? 0;

/** ISO 8601 text of `ms` at `offsetMinutes` in one of the model's three offset spellings, whole seconds. */
export function isoAt({ ms, offsetMinutes, style }: { ms: number; offsetMinutes: number; style: OffsetStyle }): string {
  return isoString({ ms, offsetMinutes, style, precision: 's' });
}

/**
 * The plan: RICH_PROFILES generated profiles with all their transactions, revenue lines, segments and reservations;
 * one profile with a single object of each type; and four designed profiles whose objects are generated objects with
 * a few fields set on purpose (ties, negative and decimal amounts, ISO offsets at window edges, segments around the
 * edges of each window). The first two rich profiles' transactions are also put under `hist`, half of them before
 * the definitions are created.
 */
export function planWorld({ seed, clockMs }: { seed: number; clockMs: number }): Plan {
  const R = Math.floor(clockMs);
  const iso = new TravelGenerator({ seed, clockMs: R, format: 'iso8601', families: ['hotel', 'loyalty'] });
  const epoch = new TravelGenerator({ seed, clockMs: R, format: 'epochmilli', families: ['air'] });
  const rich: Bundle[] = [];
  let single: Bundle | undefined;
  const spare: Bundle[] = [];
  for (let index = 0; index < MAX_SCAN && (rich.length < RICH_PROFILES || !single || spare.length < SPARE_PROFILES); index++) {
    const b = bundleOf({ iso, epoch, index });
    if (rich.length < RICH_PROFILES && count(b, 'tx') >= 4 && count(b, 'rev') >= 2 && count(b, 'seg') >= 2 && count(b, 'res') >= 1) rich.push(b);
    else if (!single && count(b, 'tx') >= 1 && count(b, 'rev') >= 1 && count(b, 'seg') >= 1 && count(b, 'res') >= 1) single = b;
    else if (spare.length < SPARE_PROFILES) spare.push(b);
  }
  if (rich.length < RICH_PROFILES || !single || spare.length < SPARE_PROFILES) {
    throw new Error(`calculated contracts: expected ${RICH_PROFILES} rich profiles, one single-object profile and ${SPARE_PROFILES} spare ones among the first ${MAX_SCAN} generated profiles of seed ${seed}; saw ${rich.length}, ${single ? 1 : 0} and ${spare.length}; try another --seed`);
  }
  const profiles: PlannedProfile[] = [];
  rich.forEach((b, i) => {
    const objects: PlannedObject[] = [];
    for (const key of ['tx', 'rev', 'seg', 'res'] as const) for (const object of b.byKey.get(key) ?? []) objects.push({ type: key, object, phase: 'after' });
    if (i < 2) {
      const txs = b.byKey.get('tx') ?? [];
      const half = Math.floor(txs.length / 2);
      txs.forEach((object, n) => objects.push({ type: 'hist', object, phase: n < half ? 'before' : 'after' }));
    }
    profiles.push({ label: `generated-${b.index}`, role: 'generated', profile: b.profile, objects });
  });
  profiles.push({
    label: `single-${single.index}`,
    role: 'single',
    profile: single.profile,
    objects: (['tx', 'rev', 'seg', 'res'] as const).map((key) => ({ type: key, object: single!.byKey.get(key)![0], phase: 'after' as const })),
  });
  const tpl = (key: TypeKey) => rich[0].byKey.get(key)![0];
  const designed = (b: Bundle, label: string, objects: { type: TypeKey; fields: Record<string, unknown> }[]): PlannedProfile => {
    const acc = b.profile.AccountNumber;
    return {
      label,
      role: 'designed',
      profile: b.profile,
      objects: objects.map(({ type, fields }) => ({ type, object: { ...tpl(type), AccountNumber: acc, ...fields }, phase: 'after' })),
    };
  };
  const day = MS_PER_DAY;
  const hour = MS_PER_HOUR;
  const tx = (acc: string, n: number, Channel: string, PointsEarned: string, ms: number, offsetMinutes: number) => ({
    type: 'tx' as const,
    fields: { TransactionId: `${acc}-T${n}`, Channel, PointsEarned, TransactionDate: isoAt({ ms, offsetMinutes, style: 'colon' }) },
  });
  const [d, e, f, w, g] = spare;
  const dAcc = d.profile.AccountNumber;
  // Midnight UTC ten days before the reference day, then 01:30 UTC: 23:30 the evening before at -02:00.
  const tenDaysAgo = Math.floor((R - 10 * day) / day) * day + 90 * MS_PER_MINUTE;
  const rev = (n: number, RevenueType: string, Description: string, HotelCode: string, Amount: string, ms: number, offsetMinutes: number, CurrencyCode: string) => ({
    type: 'rev' as const,
    fields: {
      StayRevenueId: `${dAcc}-R${n}`,
      LineNumber: String(n),
      RevenueType,
      Description,
      HotelCode,
      Amount,
      CurrencyCode,
      RevenueDate: isoAt({ ms, offsetMinutes, style: 'compact' }),
      CreatedDate: isoString({ ms: ms + hour, offsetMinutes: 0, style: 'Z', precision: 'ms' }),
    },
  });
  profiles.push(
    designed(d, 'designed-tie', [
      // WEB, APP, WEB, APP: a 2-2 tie whose latest occurrence is APP; points 1, 2, -3, 5 (mean 1.25).
      // The first transaction is 2 h inside a 365-day window at -08:00 (read as UTC it would be 6 h outside).
      tx(dAcc, 1, 'WEB', '1', R - 365 * day + 2 * hour, -480),
      tx(dAcc, 2, 'APP', '2', R - 400 * day, 330),
      tx(dAcc, 3, 'WEB', '-3', R - 100 * day, 60),
      tx(dAcc, 4, 'APP', '5', R - 10 * day, -300),
      rev(1, 'ROOM', 'Room charge', 'CDSHNL03', '100.00', tenDaysAgo, -120, 'USD'),
      rev(2, 'SPA', 'Spa treatment', 'AURAKL02', '-19.99', R - 40 * day, 330, 'NZD'),
      rev(3, 'FOOD_BEVERAGE', 'Room service', 'HBLNRT01', '0.5', R - 200 * day, 540, 'EUR'),
      // 2 h inside a 180-day window at -0800 (read as UTC it would be 6 h outside).
      rev(4, 'TAX', 'Occupancy tax', 'ZZZLHR09', '1234.56', R - 180 * day + 2 * hour, -480, 'GBP'),
      { type: 'res', fields: { ReservationId: `${dAcc}-H1`, AmountPerNight: '150.25', NumberOfNights: '3' } },
    ]),
  );
  const eAcc = e.profile.AccountNumber;
  profiles.push(
    designed(e, 'designed-winner', [
      // APP, WEB, WEB, PARTNER: WEB wins and is neither the first nor the last value; two negative amounts.
      tx(eAcc, 1, 'APP', '10', R - 50 * day, 120),
      tx(eAcc, 2, 'WEB', '-20', R - 40 * day, 120),
      tx(eAcc, 3, 'WEB', '30', R - 30 * day, 120),
      tx(eAcc, 4, 'PARTNER', '-40', R - 20 * day, 120),
      // Revenue lines far (days) from every window edge the contracts use.
      { type: 'rev', fields: { StayRevenueId: `${eAcc}-R1`, LineNumber: '1', RevenueType: 'ROOM', Description: 'Room charge', HotelCode: 'AURSYD01', Amount: '210.40', CurrencyCode: 'AUD', RevenueDate: isoAt({ ms: R - 100 * day, offsetMinutes: 600, style: 'compact' }), CreatedDate: isoString({ ms: R - 99 * day, offsetMinutes: 0, style: 'Z', precision: 'ms' }) } },
      { type: 'rev', fields: { StayRevenueId: `${eAcc}-R2`, LineNumber: '2', RevenueType: 'TAX', Description: 'Occupancy tax', HotelCode: 'AURSYD01', Amount: '31.56', CurrencyCode: 'AUD', RevenueDate: isoAt({ ms: R - 250 * day, offsetMinutes: -300, style: 'compact' }), CreatedDate: isoString({ ms: R - 249 * day, offsetMinutes: 0, style: 'Z', precision: 'ms' }) } },
    ]),
  );
  const fAcc = f.profile.AccountNumber;
  profiles.push(
    designed(f, 'designed-reversed-tie', [
      // APP, WEB, APP, WEB: the tie goes the other way (latest occurrence WEB).
      tx(fAcc, 1, 'APP', '7', R - 60 * day, -180),
      tx(fAcc, 2, 'WEB', '7', R - 50 * day, -180),
      tx(fAcc, 3, 'APP', '7', R - 40 * day, -180),
      tx(fAcc, 4, 'WEB', '7', R - 30 * day, -180),
    ]),
  );
  // Segments days away from every edge of the windows the must-level contracts use (-400, -365, -40, -30, -7, -5,
  // now, +1, +5, +7, +60, +90 days), so their expectation does not depend on how a day is counted.
  const wAcc = w.profile.AccountNumber;
  const windowOffsets = [-500, -200, -100, -35, -20, -3, 3, 30, 75].map((n) => n * day);
  profiles.push(
    designed(
      w,
      'designed-windows',
      windowOffsets.map((offset, n) => ({ type: 'seg' as const, fields: { SegmentId: `${wAcc}-S${n + 1}`, DepartureDateTime: String(R + offset) } })),
    ),
  );
  // Segments at the edges of ValueRange 7..-1 at the reference time: 1 s beyond the past edge, EDGE_SLACK_MS inside
  // it, on the future edge, and EDGE_SLACK_MS beyond it.
  const gAcc = g.profile.AccountNumber;
  const edgeOffsets = [-7 * day - 1000, -7 * day + EDGE_SLACK_MS, day, day + EDGE_SLACK_MS];
  profiles.push(
    designed(
      g,
      'designed-edges',
      edgeOffsets.map((offset, n) => ({ type: 'seg' as const, fields: { SegmentId: `${gAcc}-E${n + 1}`, DepartureDateTime: String(R + offset) } })),
    ),
  );
  return { referenceMs: R, profiles };
}

/** Type names of a run: `cpct_<kind>_<tag>`. */
export function typeNamesOf({ seed, runId }: { seed: number; runId: string }): Record<TypeKey, string> {
  const out = {} as Record<TypeKey, string>;
  for (const key of Object.keys(TYPE_SPECS) as TypeKey[]) out[key] = objectTypeName({ seed, runId, kind: TYPE_SPECS[key].nameKind });
  return out;
}
