import { describe, expect, it } from 'vitest';
import { computeCalculatedAttribute, OracleDefinitionError, type OracleDefinition, type OracleObject } from '../../../generators/oracle/index.ts';
import { DAY, NOW, def, obj } from './fixtures.ts';

/** A definition created long before NOW (so its Range has elapsed and IsDataPartial is "false"), unless `extra` says otherwise. */
const LONG_AGO = NOW - 10_000 * DAY;

function count(definition: OracleDefinition, objects: OracleObject[], nowMs = NOW, extra: Record<string, unknown> = {}) {
  return computeCalculatedAttribute({ definition, objects, nowMs, definitionCreatedAtMs: LONG_AGO, ...extra });
}

const withRange = (range: Record<string, unknown>, statistic = 'COUNT', expression = '{t.v}'): OracleDefinition =>
  def(statistic, expression, { Conditions: { Range: range as never } });

describe('computeCalculatedAttribute Range by Value', () => {
  const objects = [
    obj('t', { v: 'a' }, NOW - 7 * DAY - 1),
    obj('t', { v: 'b' }, NOW - 7 * DAY),
    obj('t', { v: 'c' }, NOW),
    obj('t', { v: 'd' }, NOW + 1),
  ];

  it('returns COUNT 2 for Value 7: the object exactly at the window start and the one at now are in, 1 ms outside are out', () => {
    const r = count(withRange({ Value: 7, Unit: 'DAYS' }), objects);
    expect(r.value).toBe('2');
    expect(r.included.map((i) => i.value)).toEqual(['b', 'c']);
    expect(r.lastObjectTimestampMs).toBe(NOW);
  });

  it('returns no value, also for COUNT, given objects that all fall before a 1-day window', () => {
    const r = count(withRange({ Value: 1, Unit: 'DAYS' }), objects.slice(0, 2));
    expect(r.value).toBeNull();
    expect(r.lastObjectTimestampMs).toBeNull();
    expect(r.excluded.map((e) => e.reason)).toEqual(['outside-window', 'outside-window']);
  });

  it('returns COUNT 1 given Value 0: the window is the instant now', () => {
    expect(count(withRange({ Value: 0, Unit: 'DAYS' }), objects).included.map((i) => i.value)).toEqual(['c']);
  });

  it('returns COUNT 4 given a Range of Unit only (all time, CA-WIN-4)', () => {
    expect(count(withRange({ Unit: 'DAYS' }), objects).value).toBe('4');
  });

  it('returns COUNT 4 given no Conditions at all', () => {
    expect(count(def('COUNT', '{t.v}'), objects).value).toBe('4');
  });

  it('throws given a Unit other than DAYS', () => {
    expect(() => count(withRange({ Value: 7, Unit: 'HOURS' }), objects)).toThrow(OracleDefinitionError);
  });
});

describe('computeCalculatedAttribute Range by ValueRange', () => {
  const days = [31, 30, 20, 10, 9].map((d) => obj('t', { v: `d${d}` }, NOW - d * DAY));

  it('returns COUNT 3 for ValueRange {30, 10}: from 30 days ago to 10 days ago, both edges in', () => {
    const r = count(withRange({ Unit: 'DAYS', ValueRange: { Start: 30, End: 10 } }), days);
    expect(r.included.map((i) => i.value)).toEqual(['d30', 'd20', 'd10']);
    expect(r.lastObjectTimestampMs).toBe(NOW - 10 * DAY);
  });

  it('uses ValueRange over Value when both are given', () => {
    expect(count(withRange({ Value: 1, Unit: 'DAYS', ValueRange: { Start: 30, End: 0 } }), days).value).toBe('4');
  });

  it('returns no value for a window whose start is after its end ({5, 10})', () => {
    expect(count(withRange({ Unit: 'DAYS', ValueRange: { Start: 5, End: 10 } }), days).value).toBeNull();
  });

  it('returns COUNT 2 for a future window {-1, -3} by an ISO TimestampSource with offsets', () => {
    const objects = [
      obj('t', { v: 'in', at: '2025-06-11T00:00:00+02:00' }, NOW), // 2025-06-10T22:00Z, inside
      obj('t', { v: 'early', at: '2025-06-10T01:00:00+02:00' }, NOW), // 2025-06-09T23:00Z, before now+1d
      obj('t', { v: 'edge', at: '2025-06-12T00:00:00Z' }, NOW), // exactly now+3d
      obj('t', { v: 'late', at: '2025-06-12T00:00:00.001Z' }, NOW),
    ];
    const r = count(withRange({ Unit: 'DAYS', ValueRange: { Start: -1, End: -3 }, TimestampSource: '{t.at}', TimestampFormat: 'ISO_8601' }), objects);
    expect(r.included.map((i) => i.value)).toEqual(['in', 'edge']);
    expect(r.lastObjectTimestampMs).toBe(Date.UTC(2025, 5, 12));
  });

  it('returns COUNT 2 for a window around now {1, -1}', () => {
    const objects = [obj('t', { v: 'a' }, NOW - DAY - 1), obj('t', { v: 'b' }, NOW - DAY), obj('t', { v: 'c' }, NOW + DAY), obj('t', { v: 'd' }, NOW + DAY + 1)];
    expect(count(withRange({ Unit: 'DAYS', ValueRange: { Start: 1, End: -1 } }), objects).value).toBe('2');
  });
});

describe('computeCalculatedAttribute TimestampSource', () => {
  it('reads EPOCHMILLI as seconds below 1e11 and as milliseconds above, leaving out fractions and text', () => {
    const objects = [
      obj('t', { v: 'sec', ts: 1749427200 }, 0), // 2025-06-09T00:00:00Z in seconds
      obj('t', { v: 'ms', ts: '1749340800000' }, 0), // 2025-06-08T00:00:00Z, exactly the window start
      obj('t', { v: 'old', ts: '1749340799999' }, 0), // 1 ms before the window
      obj('t', { v: 'frac', ts: 1749427200.5 }, 0),
      obj('t', { v: 'text', ts: 'yesterday' }, 0),
      obj('t', { v: 'none' }, 0),
    ];
    const r = count(withRange({ Value: 1, Unit: 'DAYS', TimestampSource: '{t.ts}', TimestampFormat: 'EPOCHMILLI' }), objects);
    expect(r.included.map((i) => i.value)).toEqual(['ms', 'sec']);
    expect(r.excluded.map((e) => e.reason).sort()).toEqual(['no-timestamp', 'no-timestamp', 'no-timestamp', 'outside-window']);
    expect(r.lastObjectTimestampMs).toBe(NOW);
  });

  it('orders by the TimestampSource across midnight offsets: LAST is the later instant, not the later ingestion', () => {
    const now = NOW + 2 * 3_600_000; // 2025-06-09T02:00Z
    const objects = [
      obj('t', { v: 'A', at: '2025-06-08T23:30:00-02:00' }, now - 60_000), // 2025-06-09T01:30Z, ingested first
      obj('t', { v: 'B', at: '2025-06-09T03:00:00+0200' }, now - 30_000), // 2025-06-09T01:00Z, ingested later
    ];
    const range = { Value: 1, Unit: 'DAYS', TimestampSource: '{t.at}', TimestampFormat: 'ISO_8601' };
    const last = count(withRange(range, 'LAST_OCCURRENCE'), objects, now);
    expect(last.value).toBe('A');
    expect(last.lastObjectTimestampMs).toBe(Date.UTC(2025, 5, 9, 1, 30));
    expect(count(withRange(range, 'FIRST_OCCURRENCE'), objects, now).value).toBe('B');
  });

  it('accepts Z, ±HH:MM, ±HHMM, no offset, and millisecond fractions, and rejects impossible dates and date-only text', () => {
    const objects = [
      obj('t', { v: 'z', at: '2025-06-08T12:00:00Z' }, 0),
      obj('t', { v: 'colon', at: '2025-06-08T17:30:00+05:30' }, 0),
      obj('t', { v: 'compact', at: '2025-06-08T07:00:00-0500' }, 0),
      obj('t', { v: 'bare', at: '2025-06-08T12:00:00' }, 0),
      obj('t', { v: 'millis', at: '2025-06-08T12:00:00.123Z' }, 0),
      obj('t', { v: 'feb30', at: '2025-02-30T00:00:00Z' }, 0),
      obj('t', { v: 'dateonly', at: '2025-06-08' }, 0),
      obj('t', { v: 'hour24', at: '2025-06-08T24:00:00Z' }, 0),
    ];
    const r = count(withRange({ Unit: 'DAYS', ValueRange: { Start: 2, End: 0 }, TimestampSource: '{t.at}', TimestampFormat: 'ISO_8601' }, 'LAST_OCCURRENCE'), objects);
    expect(r.included.map((i) => [i.value, i.timestampMs])).toEqual([
      ['z', Date.UTC(2025, 5, 8, 12)],
      ['colon', Date.UTC(2025, 5, 8, 12)],
      ['compact', Date.UTC(2025, 5, 8, 12)],
      ['bare', Date.UTC(2025, 5, 8, 12)],
      ['millis', Date.UTC(2025, 5, 8, 12, 0, 0, 123)],
    ]);
    expect(r.value).toBe('millis');
    expect(r.excluded).toHaveLength(3);
  });

  it('reads epochs, ISO 8601 date-times with or without offset and YYYY-MM-DD days given a TimestampSource without TimestampFormat (CA-TS-5)', () => {
    const objects = [
      obj('t', { v: 'ms', at: String(NOW - 1000) }, 0),
      obj('t', { v: 's', at: Math.floor((NOW - 2000) / 1000) }, 0),
      obj('t', { v: 'local', at: '2025-06-08T08:30:00' }, 0),
      obj('t', { v: 'offset', at: '2025-06-08T23:30:00-02:00' }, 0),
      obj('t', { v: 'day', at: '2025-06-08' }, 0),
      obj('t', { v: 'text', at: 'yesterday' }, 0),
    ];
    const r = count(withRange({ Value: 1, Unit: 'DAYS', TimestampSource: '{t.at}' }, 'COUNT'), objects);
    expect(r.included.map((i) => [i.value, i.timestampMs])).toEqual([
      ['day', NOW - DAY],
      ['local', Date.UTC(2025, 5, 8, 8, 30)],
      ['s', NOW - 2000],
      ['ms', NOW - 1000],
    ]);
    expect(r.excluded.map((e) => e.reason)).toEqual(['outside-window', 'no-timestamp']);
  });

  it('throws given a ValueRange without End', () => {
    expect(() => count(withRange({ Unit: 'DAYS', ValueRange: { Start: 3 } }), [])).toThrow(/ValueRange/);
  });

  it('throws given an unknown TimestampFormat or a TimestampSource on another object type', () => {
    const objects = [obj('t', { v: 1, at: '1' }, NOW)];
    expect(() => count(withRange({ Value: 1, TimestampSource: '{t.at}', TimestampFormat: 'epoch' }), objects)).toThrow(/TimestampFormat/);
    expect(() => count(withRange({ Value: 1, TimestampSource: '{u.at}', TimestampFormat: 'EPOCHMILLI' }), objects)).toThrow(/TimestampSource/);
  });
});

describe('computeCalculatedAttribute ObjectCount', () => {
  it('returns SUM 6 for ObjectCount 2 over 1, 2, "x", 4: the non-numeric object takes no slot', () => {
    const objects = [1, 2, 'x', 4].map((v, i) => obj('t', { v }, NOW - (4 - i) * 1000));
    const r = count(def('SUM', '{t.v}', { Conditions: { ObjectCount: 2 } }), objects);
    expect(r.value).toBe('6');
    expect(r.excluded.map((e) => e.reason).sort()).toEqual(['no-value', 'object-count']);
  });

  it('returns FIRST_OCCURRENCE of the oldest of the 3 most recent', () => {
    const objects = ['a', 'b', 'c', 'd', 'e'].map((v, i) => obj('t', { v }, NOW - (5 - i) * 1000));
    expect(count(def('FIRST_OCCURRENCE', '{t.v}', { Conditions: { ObjectCount: 3 } }), objects).value).toBe('c');
  });

  it('orders equal timestamps by ingestion time, then by input order', () => {
    const objects = [
      obj('t', { v: 'late-ingest', at: '2025-06-08T00:00:00Z' }, NOW - 1000),
      obj('t', { v: 'early-ingest', at: '2025-06-08T00:00:00Z' }, NOW - 2000),
      obj('t', { v: 'same-2', at: '2025-06-08T00:00:00Z' }, NOW - 1000),
    ];
    const range = { Unit: 'DAYS' as const, ValueRange: { Start: 2, End: 0 }, TimestampSource: '{t.at}', TimestampFormat: 'ISO_8601' };
    const r = count(def('LAST_OCCURRENCE', '{t.v}', { Conditions: { Range: range } }), objects);
    expect(r.included.map((i) => i.value)).toEqual(['early-ingest', 'late-ingest', 'same-2']);
    expect(r.value).toBe('same-2');
  });
});

describe('computeCalculatedAttribute Threshold', () => {
  const objects = [obj('t', { v: '10.50' }, NOW - 2000), obj('t', { v: 3 }, NOW - 1500), obj('t', { v: '1.25' }, NOW - 1000)];
  const sumWith = (Operator: string, Value: string) => count(def('SUM', '{t.v}', { Conditions: { Threshold: { Operator: Operator as never, Value } } }), objects);

  it('returns "true" given SUM 14.75 GREATER_THAN 10 and "false" given LESS_THAN 10, with the last object\'s time either way (CA-THR-1)', () => {
    expect(sumWith('GREATER_THAN', '10').value).toBe('true');
    const r = sumWith('LESS_THAN', '10');
    expect(r.value).toBe('false');
    expect(r.lastObjectTimestampMs).toBe(NOW - 1000);
    expect(r.thresholdMet).toBe(false);
    expect(r.included).toHaveLength(3);
  });

  it('compares numerically: EQUAL_TO "14.750" holds and NOT_EQUAL_TO "14.75" fails', () => {
    expect(sumWith('EQUAL_TO', '14.750').value).toBe('true');
    expect(sumWith('NOT_EQUAL_TO', '14.75').value).toBe('false');
    expect(sumWith('NOT_EQUAL_TO', '15').value).toBe('true');
  });

  it('returns "true" given COUNT 10 GREATER_THAN 9 (as numbers; as strings "10" < "9")', () => {
    const r = count(def('COUNT', '{t.v}', { Conditions: { Threshold: { Operator: 'GREATER_THAN', Value: '9' } } }), Array.from({ length: 10 }, (_, i) => obj('t', { v: i }, NOW - i)));
    expect(r.value).toBe('true');
  });

  it('compares strings by code units when either side is not numeric', () => {
    const gold = [obj('t', { v: 'GOLD' }, NOW)];
    const last = (Operator: string, Value: string) => count(def('LAST_OCCURRENCE', '{t.v}', { Conditions: { Threshold: { Operator: Operator as never, Value } } }), gold).value;
    expect(last('EQUAL_TO', 'GOLD')).toBe('true');
    expect(last('EQUAL_TO', 'gold')).toBe('false');
    expect(last('GREATER_THAN', 'A')).toBe('true');
    expect(last('LESS_THAN', 'A')).toBe('false');
    expect(last('NOT_EQUAL_TO', 'SILVER')).toBe('true');
  });

  it('returns no Value given a Threshold and no object selected (CA-RES-1)', () => {
    const r = count(def('COUNT', '{t.v}', { Conditions: { Threshold: { Operator: 'LESS_THAN', Value: '1' } } }), []);
    expect(r.value).toBeNull();
    expect(r.thresholdMet).toBeNull();
  });
});

describe('computeCalculatedAttribute UseHistoricalData', () => {
  const created = NOW - DAY;
  const objects = [obj('t', { v: 'before' }, created - 1), obj('t', { v: 'at' }, created), obj('t', { v: 'after' }, created + 1)];

  it('returns COUNT 2 given false: objects ingested before creation are out, one at creation is in', () => {
    const r = count(def('COUNT', '{t.v}', { UseHistoricalData: false }), objects, NOW, { definitionCreatedAtMs: created });
    expect(r.included.map((i) => i.value)).toEqual(['at', 'after']);
    expect(r.excluded.map((e) => e.reason)).toEqual(['historical']);
  });

  it('treats an absent UseHistoricalData as false', () => {
    const d = def('COUNT', '{t.v}');
    delete d.UseHistoricalData;
    expect(count(d, objects, NOW, { definitionCreatedAtMs: created }).value).toBe('2');
  });

  it('returns COUNT 3 given true', () => {
    expect(count(def('COUNT', '{t.v}', { UseHistoricalData: true }), objects, NOW, { definitionCreatedAtMs: created }).value).toBe('3');
  });

  it('throws when the creation time is needed and missing', () => {
    expect(() => count(def('COUNT', '{t.v}', { UseHistoricalData: false }), objects, NOW, { definitionCreatedAtMs: undefined })).toThrow(/definitionCreatedAtMs/);
  });
});

describe('computeCalculatedAttribute ConditionOverrides', () => {
  const objects = [400, 20, 9, 5, 0].map((d) => obj('t', { v: d }, NOW - d * DAY));
  const definition = def('SUM', '{t.v}', { Conditions: { Range: { Value: 1, Unit: 'DAYS' }, ObjectCount: 1, Threshold: { Operator: 'GREATER_THAN', Value: '1000' } } });

  it('returns the definition result without override: window 1 day, one object (0), threshold fails', () => {
    expect(count(definition, objects).value).toBe('false');
  });

  it('returns SUM 14 given override Start 10 End 0: window replaced, ObjectCount and Threshold dropped', () => {
    const r = count(definition, objects, NOW, { conditionOverrides: { Range: { Start: 10, End: 0, Unit: 'DAYS' } } });
    expect(r.value).toBe('14');
  });

  it('returns SUM 34 given override without Start (default 366) and End: the object 400 days old is out', () => {
    expect(count(definition, objects, NOW, { conditionOverrides: { Range: { Unit: 'DAYS' } } }).value).toBe('34');
  });

  it('returns SUM 29 given override Start 20 End 6 (the start edge in)', () => {
    expect(count(definition, objects, NOW, { conditionOverrides: { Range: { Start: 20, End: 6, Unit: 'DAYS' } } }).value).toBe('29');
  });

  it('returns the definition result given a ConditionOverrides without Range', () => {
    expect(count(definition, objects, NOW, { conditionOverrides: {} }).value).toBe('false');
    const plain = def('SUM', '{t.v}', { Conditions: { ObjectCount: 2 } });
    expect(count(plain, objects, NOW, { conditionOverrides: {} }).value).toBe('5');
  });

  it('keeps the definition TimestampSource under an override', () => {
    const docs = [obj('t', { v: 1, at: '2025-06-01T00:00:00Z' }, NOW), obj('t', { v: 10, at: '2025-05-01T00:00:00Z' }, NOW), obj('t', { v: 100 }, NOW)];
    const d = def('SUM', '{t.v}', { Conditions: { Range: { Value: 1, Unit: 'DAYS', TimestampSource: '{t.at}', TimestampFormat: 'ISO_8601' } } });
    const r = count(d, docs, NOW, { conditionOverrides: { Range: { Start: 10, Unit: 'DAYS' } } });
    expect(r.value).toBe('1');
    expect(r.lastObjectTimestampMs).toBe(Date.UTC(2025, 5, 1));
  });

  it('throws given an override Range without Unit', () => {
    expect(() => count(definition, objects, NOW, { conditionOverrides: { Range: { Start: 10 } as never } })).toThrow(/Unit/);
  });
});
