/**
 * A catalogue of CreateCalculatedAttributeDefinition inputs over the generated T&H data. Between them the entries
 * cover all 8 statistics, Range by Value and by ValueRange (past and future windows) and of Unit only, TimestampSource
 * with both formats and without one, every Filter Include value and group Type, all 15 DimensionTypes, each Threshold
 * operator (a Threshold makes the attribute "true" / "false"), ObjectCount, and UseHistoricalData true and false. Each entry says what it exercises (`exercises`, machine-checkable tags) and why.
 * Entries that read a generated timestamp field name the data format they need (`dataFormat`).
 */
import type { CreateCalculatedAttributeDefinitionRequest, Filter } from '@aws-sdk/client-customer-profiles';
import type { TravelKind } from '../fields.ts';
import { dateOnly, isoString, MS_PER_DAY, type TimestampFormat } from '../time.ts';
import { calculatedAttributeName, displayName } from './names.ts';

/** A tag naming one feature an entry exercises, e.g. `statistic:SUM`, `dimension:BETWEEN`, `threshold:LESS_THAN`. */
export type CatalogueTag = string;

export interface CalcCatalogueEntry {
  /** Stable id (also the stem of the calculated attribute name). */
  id: string;
  /** What the entry is meant to exercise, as tags. */
  exercises: CatalogueTag[];
  /** One sentence for people. */
  purpose: string;
  /** The generated timestamp format the entry's TimestampSource needs, if any. */
  dataFormat?: TimestampFormat;
  input: CreateCalculatedAttributeDefinitionRequest;
}

/** Every tag the catalogue must cover (used by its test). */
export const REQUIRED_TAGS: readonly CatalogueTag[] = [
  ...['FIRST_OCCURRENCE', 'LAST_OCCURRENCE', 'COUNT', 'SUM', 'MINIMUM', 'MAXIMUM', 'AVERAGE', 'MAX_OCCURRENCE'].map((s) => `statistic:${s}`),
  'range:value',
  'range:valueRange-past',
  'range:valueRange-future',
  'range:unit-only',
  'timestamp:EPOCHMILLI',
  'timestamp:ISO_8601',
  'timestamp:none',
  ...['ALL', 'ANY', 'NONE'].map((s) => `include:${s}`),
  ...['ALL', 'ANY', 'NONE'].map((s) => `groupType:${s}`),
  ...[
    'INCLUSIVE', 'EXCLUSIVE', 'CONTAINS', 'BEGINS_WITH', 'ENDS_WITH', 'BEFORE', 'AFTER', 'BETWEEN', 'NOT_BETWEEN', 'ON',
    'GREATER_THAN', 'LESS_THAN', 'GREATER_THAN_OR_EQUAL', 'LESS_THAN_OR_EQUAL', 'EQUAL',
  ].map((s) => `dimension:${s}`),
  ...['EQUAL_TO', 'GREATER_THAN', 'LESS_THAN', 'NOT_EQUAL_TO'].map((s) => `threshold:${s}`),
  'objectCount',
  'historical:true',
  'historical:false',
  'expression:arithmetic',
  'expression:nested-path',
];

/** Tags implied by an input's shape, so `exercises` cannot claim what the input does not do. */
export function tagsOf({ input }: { input: CreateCalculatedAttributeDefinitionRequest }): CatalogueTag[] {
  const tags = new Set<CatalogueTag>();
  if (input.Statistic) tags.add(`statistic:${input.Statistic}`);
  const range = input.Conditions?.Range;
  if (range?.ValueRange) {
    if (range.ValueRange.Start !== undefined && range.ValueRange.Start >= 0 && (range.ValueRange.End ?? 0) >= 0) tags.add('range:valueRange-past');
    if ((range.ValueRange.Start ?? 0) < 0 || (range.ValueRange.End ?? 0) < 0) tags.add('range:valueRange-future');
  } else if (range && (range.Value ?? 0) > 0) tags.add('range:value');
  else if (range && range.Value === undefined) tags.add('range:unit-only');
  if (range?.TimestampSource) tags.add(`timestamp:${range.TimestampFormat ?? 'none'}`);
  if (input.Conditions?.ObjectCount !== undefined) tags.add('objectCount');
  if (input.Conditions?.Threshold) tags.add(`threshold:${input.Conditions.Threshold.Operator}`);
  if (input.UseHistoricalData !== undefined) tags.add(`historical:${input.UseHistoricalData}`);
  if (input.Filter) {
    tags.add(`include:${input.Filter.Include}`);
    for (const g of input.Filter.Groups ?? []) {
      tags.add(`groupType:${g.Type}`);
      for (const d of g.Dimensions ?? []) for (const a of Object.values(d.Attributes ?? {})) tags.add(`dimension:${a.DimensionType}`);
    }
  }
  const expr = input.AttributeDetails?.Expression ?? '';
  if (/[-+*/]/.test(expr.replace(/\{[^}]*\}/g, ''))) tags.add('expression:arithmetic');
  if (/\{[^.}]+\.[^.}]+\.[^}]+\}/.test(expr)) tags.add('expression:nested-path');
  return [...tags].sort();
}

/** The calculated-attribute catalogue for a run (names from seed and runId, dates relative to clockMs). */
export function calcDefinitionCatalogue({
  domainName,
  seed,
  runId,
  clockMs,
  objectTypeNames,
}: {
  domainName: string;
  seed: number;
  runId: string;
  clockMs: number;
  /** Object type name of each kind in the domain (default: the logical kind names). */
  objectTypeNames?: Partial<Record<TravelKind, string>>;
}): CalcCatalogueEntry[] {
  const t = (kind: TravelKind): string => objectTypeNames?.[kind] ?? kind;
  const day = (n: number): string => dateOnly({ ms: clockMs - n * MS_PER_DAY });
  const isoDay = (n: number): string => isoString({ ms: clockMs - n * MS_PER_DAY, offsetMinutes: 0, style: 'Z', precision: 's' });
  type Def = Omit<CreateCalculatedAttributeDefinitionRequest, 'DomainName' | 'CalculatedAttributeName'>;
  const entries: { id: string; purpose: string; dataFormat?: TimestampFormat; def: Def }[] = [];
  const add = (id: string, purpose: string, def: Def, dataFormat?: TimestampFormat): void => {
    entries.push({ id, purpose, dataFormat, def });
  };
  const attrs = (...names: string[]) => names.map((Name) => ({ Name }));
  const rev = t('hotelStayRevenue');
  const seg = t('airSegment');
  const tx = t('loyaltyTransaction');
  const res = t('hotelReservation');
  const loy = t('loyalty');

  add('revenue-sum-90d', 'SUM of stay revenue amounts ingested in the last 90 days, including history.', {
    Statistic: 'SUM',
    AttributeDetails: { Attributes: attrs('Amount'), Expression: `{${rev}.Amount}` },
    Conditions: { Range: { Value: 90, Unit: 'DAYS' } },
    UseHistoricalData: true,
  });
  add('revenue-average-iso-past-year', 'AVERAGE revenue line over RevenueDate (ISO_8601 with ±HHMM offsets) in the past year.', {
    Statistic: 'AVERAGE',
    AttributeDetails: { Attributes: attrs('Amount'), Expression: `{${rev}.Amount}` },
    Conditions: { Range: { Unit: 'DAYS', ValueRange: { Start: 365, End: 0 }, TimestampSource: `{${rev}.RevenueDate}`, TimestampFormat: 'ISO_8601' } },
    UseHistoricalData: true,
  }, 'iso8601');
  add('tx-points-sum-epoch-past-window', 'SUM of points earned between 365 and 30 days ago by TransactionDate as EPOCHMILLI.', {
    Statistic: 'SUM',
    AttributeDetails: { Attributes: attrs('PointsEarned'), Expression: `{${tx}.PointsEarned}` },
    Conditions: { Range: { Unit: 'DAYS', ValueRange: { Start: 365, End: 30 }, TimestampSource: `{${tx}.TransactionDate}`, TimestampFormat: 'EPOCHMILLI' } },
    UseHistoricalData: true,
  }, 'epochmilli');
  add('segments-next-30-days', 'COUNT of segments departing from now to 30 days ahead (a future window) by DepartureDateTime.', {
    Statistic: 'COUNT',
    AttributeDetails: { Attributes: attrs('SegmentId'), Expression: `{${seg}.SegmentId}` },
    Conditions: { Range: { Unit: 'DAYS', ValueRange: { Start: 0, End: -30 }, TimestampSource: `{${seg}.DepartureDateTime}`, TimestampFormat: 'ISO_8601' } },
    UseHistoricalData: true,
  }, 'iso8601');
  add('segments-around-now-epoch', 'COUNT of segments departing between 7 days ago and 7 days ahead, EPOCHMILLI.', {
    Statistic: 'COUNT',
    AttributeDetails: { Attributes: attrs('SegmentId'), Expression: `{${seg}.SegmentId}` },
    Conditions: { Range: { Unit: 'DAYS', ValueRange: { Start: 7, End: -7 }, TimestampSource: `{${seg}.DepartureDateTime}`, TimestampFormat: 'EPOCHMILLI' } },
    UseHistoricalData: true,
  }, 'epochmilli');
  add('segments-all-time-no-format', 'COUNT of segments over all time (a Range of Unit only, as AWS\'s CA_DayOfTravel), timed by DepartureDateTime without a TimestampFormat.', {
    Statistic: 'COUNT',
    AttributeDetails: { Attributes: attrs('SegmentId'), Expression: `{${seg}.SegmentId}` },
    Conditions: { Range: { Unit: 'DAYS', TimestampSource: `{${seg}.DepartureDateTime}` } },
    UseHistoricalData: true,
  });
  add('segment-last-destination-new-data', 'LAST_OCCURRENCE of the destination airport, only objects ingested after creation.', {
    Statistic: 'LAST_OCCURRENCE',
    AttributeDetails: { Attributes: attrs('Dest'), Expression: `{${seg}.Dest}` },
    UseHistoricalData: false,
  });
  add('segment-first-origin-last-5', 'FIRST_OCCURRENCE of the origin among the 5 most recent segments.', {
    Statistic: 'FIRST_OCCURRENCE',
    AttributeDetails: { Attributes: attrs('Origin'), Expression: `{${seg}.Origin}` },
    Conditions: { ObjectCount: 5 },
    UseHistoricalData: true,
  });
  add('tx-max-points-over-1000', 'Whether the MAXIMUM points in one transaction is greater than 1000 ("true" / "false").', {
    Statistic: 'MAXIMUM',
    AttributeDetails: { Attributes: attrs('PointsEarned'), Expression: `{${tx}.PointsEarned}` },
    Conditions: { Threshold: { Value: '1000', Operator: 'GREATER_THAN' } },
    UseHistoricalData: true,
  });
  add('tx-min-points-negative', 'Whether the MINIMUM points (redemptions are negative) is less than 0 ("true" / "false").', {
    Statistic: 'MINIMUM',
    AttributeDetails: { Attributes: attrs('PointsEarned'), Expression: `{${tx}.PointsEarned}` },
    Conditions: { Threshold: { Value: '0', Operator: 'LESS_THAN' } },
    UseHistoricalData: true,
  });
  add('tx-channel-most-frequent-365d', 'MAX_OCCURRENCE of the transaction channel over 365 days of ingestion.', {
    Statistic: 'MAX_OCCURRENCE',
    AttributeDetails: { Attributes: attrs('Channel'), Expression: `{${tx}.Channel}` },
    Conditions: { Range: { Value: 365, Unit: 'DAYS' } },
    UseHistoricalData: true,
  });
  add('reservation-room-value', 'Whether the SUM of AmountPerNight * NumberOfNights (two attributes, arithmetic) is not zero ("true" / "false").', {
    Statistic: 'SUM',
    AttributeDetails: { Attributes: attrs('AmountPerNight', 'NumberOfNights'), Expression: `{${res}.AmountPerNight} * {${res}.NumberOfNights}` },
    Conditions: { Threshold: { Value: '0', Operator: 'NOT_EQUAL_TO' } },
    UseHistoricalData: true,
  });
  add('loyalty-tier-is-gold', 'Whether the LAST_OCCURRENCE of the nested Tier.Name equals GOLD ("true" / "false").', {
    Statistic: 'LAST_OCCURRENCE',
    AttributeDetails: { Attributes: attrs('Tier.Name'), Expression: `{${loy}.Tier.Name}` },
    Conditions: { Threshold: { Value: 'GOLD', Operator: 'EQUAL_TO' } },
    UseHistoricalData: true,
  });
  const filterCount = (id: string, purpose: string, filter: Filter, historical = true): void =>
    add(id, purpose, {
      Statistic: 'COUNT',
      AttributeDetails: { Attributes: attrs('StayRevenueId'), Expression: `{${rev}.StayRevenueId}` },
      Filter: filter,
      UseHistoricalData: historical,
    });
  filterCount('revenue-room-or-tax-not-jpy', 'COUNT of ROOM/TAX lines not in JPY: INCLUSIVE and EXCLUSIVE in an ALL group.', {
    Include: 'ALL',
    Groups: [
      {
        Type: 'ALL',
        Dimensions: [
          { Attributes: { RevenueType: { DimensionType: 'INCLUSIVE', Values: ['ROOM', 'TAX'] } } },
          { Attributes: { CurrencyCode: { DimensionType: 'EXCLUSIVE', Values: ['JPY'] } } },
        ],
      },
    ],
  });
  filterCount('revenue-text-match-any', 'COUNT of lines whose Description contains "service", or HotelCode begins with HBL or ends with 01.', {
    Include: 'ANY',
    Groups: [
      {
        Type: 'ANY',
        Dimensions: [
          { Attributes: { Description: { DimensionType: 'CONTAINS', Values: ['service'] } } },
          { Attributes: { HotelCode: { DimensionType: 'BEGINS_WITH', Values: ['HBL'] } } },
          { Attributes: { HotelCode: { DimensionType: 'ENDS_WITH', Values: ['01'] } } },
        ],
      },
    ],
  });
  filterCount('revenue-numeric-bounds', 'COUNT of lines with 50 < Amount < 1000 (ALL group) and Amount >= 100 or <= 20 or LineNumber = 1 (ANY group).', {
    Include: 'ALL',
    Groups: [
      {
        Type: 'ALL',
        Dimensions: [
          { Attributes: { Amount: { DimensionType: 'GREATER_THAN', Values: ['50'] } } },
          { Attributes: { Amount: { DimensionType: 'LESS_THAN', Values: ['1000'] } } },
        ],
      },
      {
        Type: 'ANY',
        Dimensions: [
          { Attributes: { Amount: { DimensionType: 'GREATER_THAN_OR_EQUAL', Values: ['100'] } } },
          { Attributes: { Amount: { DimensionType: 'LESS_THAN_OR_EQUAL', Values: ['20'] } } },
          { Attributes: { LineNumber: { DimensionType: 'EQUAL', Values: ['1'] } } },
        ],
      },
    ],
  });
  filterCount('revenue-exclude-tax', 'COUNT of lines that are not TAX: Include NONE over an ALL group.', {
    Include: 'NONE',
    Groups: [{ Type: 'ALL', Dimensions: [{ Attributes: { RevenueType: { DimensionType: 'INCLUSIVE', Values: ['TAX'] } } }] }],
  }, false);
  filterCount('revenue-none-group', 'COUNT of lines that are neither PARKING nor SPA: a NONE group under Include ALL.', {
    Include: 'ALL',
    Groups: [
      {
        Type: 'NONE',
        Dimensions: [
          { Attributes: { RevenueType: { DimensionType: 'INCLUSIVE', Values: ['PARKING'] } } },
          { Attributes: { RevenueType: { DimensionType: 'INCLUSIVE', Values: ['SPA'] } } },
        ],
      },
    ],
  });
  add('tx-dates-filter', 'SUM of points of transactions dated (by filter) in date windows: BEFORE/AFTER/BETWEEN/NOT_BETWEEN/ON.', {
    Statistic: 'SUM',
    AttributeDetails: { Attributes: attrs('PointsEarned'), Expression: `{${tx}.PointsEarned}` },
    Filter: {
      Include: 'ANY',
      Groups: [
        {
          Type: 'ALL',
          Dimensions: [
            { Attributes: { TransactionDate: { DimensionType: 'AFTER', Values: [isoDay(730)] } } },
            { Attributes: { TransactionDate: { DimensionType: 'BEFORE', Values: [isoDay(30)] } } },
            { Attributes: { TransactionDate: { DimensionType: 'NOT_BETWEEN', Values: [day(400), day(300)] } } },
          ],
        },
        {
          Type: 'ANY',
          Dimensions: [
            { Attributes: { TransactionDate: { DimensionType: 'BETWEEN', Values: [day(14), day(0)] } } },
            { Attributes: { TransactionDate: { DimensionType: 'ON', Values: [day(20)] } } },
          ],
        },
      ],
    },
    UseHistoricalData: true,
  });
  return entries.map((e) => {
    const input: CreateCalculatedAttributeDefinitionRequest = {
      DomainName: domainName,
      CalculatedAttributeName: calculatedAttributeName({ seed, runId, id: e.id }),
      DisplayName: displayName({ text: `CPCT ${e.id}` }),
      Description: e.purpose,
      ...e.def,
    };
    const entry: CalcCatalogueEntry = { id: e.id, purpose: e.purpose, exercises: tagsOf({ input }), input };
    if (e.dataFormat) entry.dataFormat = e.dataFormat;
    return entry;
  });
}
