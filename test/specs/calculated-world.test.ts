import { describe, expect, it } from 'vitest';
import { planWorld } from '../../specs/contracts/calculated-plan.ts';
import { dayTolerantExpected, sameTimestamp, sameValue, unknownProfileId, withLabels, type WorldDefinition, type WorldProfile } from '../../specs/contracts/calculated-world.ts';

const NOW = Date.UTC(2025, 5, 9);
const DAY = 86_400_000;

/** A COUNT over {T.id} by an EPOCHMILLI TimestampSource with `Range`. */
function countDefinition(Range: Record<string, unknown>): WorldDefinition {
  return {
    id: 'count',
    name: 'count',
    createdAtMs: 0,
    input: {
      DomainName: 'd',
      CalculatedAttributeName: 'count',
      Statistic: 'COUNT',
      AttributeDetails: { Attributes: [{ Name: 'id' }], Expression: '{T.id}' },
      Conditions: { Range: { Unit: 'DAYS', TimestampSource: '{T.at}', TimestampFormat: 'EPOCHMILLI', ...Range } },
      UseHistoricalData: true,
    },
  };
}

function profileAt(...offsets: number[]): WorldProfile {
  const objects = offsets.map((o, i) => ({ objectTypeName: 'T', object: JSON.stringify({ id: `o${i}`, at: String(NOW + o) }), ingestedAtMs: NOW - DAY }));
  return { label: 'p', role: 'designed', profileId: 'p', accountNumber: 'A', objects, puts: new Map(objects.map((o) => [o, { startMs: 100, endMs: 200 }])) };
}

describe('dayTolerantExpected', () => {
  it('returns the count given objects days away from the edges of Value 30', () => {
    expect(dayTolerantExpected({ definition: countDefinition({ Value: 30 }), profile: profileAt(-20 * DAY, -3 * DAY, -40 * DAY), nowMs: NOW })?.value).toBe('2');
  });

  it('returns undefined given an object half a day inside the 30-day edge', () => {
    expect(dayTolerantExpected({ definition: countDefinition({ Value: 30 }), profile: profileAt(-20 * DAY, -29.5 * DAY), nowMs: NOW })).toBeUndefined();
  });

  it('returns the count given an override whose End (default 0) is now, with an object ingested just before now', () => {
    const profile = profileAt(-3 * DAY);
    expect(dayTolerantExpected({ definition: countDefinition({ Value: 1 }), profile, nowMs: NOW, overrides: { Range: { Start: 5, Unit: 'DAYS' } } })?.value).toBe('1');
  });
});

describe('sameValue', () => {
  it('returns true given "1500.0" and "1500" compared as numbers, false as text', () => {
    expect(sameValue({ seen: '1500.0', expected: '1500', compare: { tolerance: 0 } })).toBe(true);
    expect(sameValue({ seen: '1500.0', expected: '1500', compare: 'text' })).toBe(false);
  });

  it('returns false given a non-number where a number is expected, and true for no value on both sides', () => {
    expect(sameValue({ seen: 'abc', expected: '1', compare: { tolerance: 1 } })).toBe(false);
    expect(sameValue({ seen: undefined, expected: null, compare: 'text' })).toBe(true);
    expect(sameValue({ seen: '4801', expected: '4801.25', compare: { tolerance: 0.005 } })).toBe(false);
  });
});

describe('sameTimestamp', () => {
  it('returns true given an ingestion time within 5 s of the newest object\'s put, false 6 s after it', () => {
    const profile = profileAt(-DAY);
    const expected = { value: '1', lastObjectTimestampMs: 200, included: [{ source: profile.objects[0], timestampMs: 200, value: 'o0' }], excluded: [], isDataPartial: 'false' as const, thresholdMet: null };
    expect(sameTimestamp({ seen: new Date(5_100), expected, profile, check: 'ingestion' })).toBe(true);
    expect(sameTimestamp({ seen: new Date(6_201), expected, profile, check: 'ingestion' })).toBe(false);
    expect(sameTimestamp({ seen: new Date(200), expected, profile, check: 'exact' })).toBe(true);
  });
});

describe('planWorld', () => {
  it('returns the same plan given the same seed and clock, with generated, single and designed profiles', () => {
    const a = planWorld({ seed: 1, clockMs: NOW });
    expect(planWorld({ seed: 1, clockMs: NOW })).toEqual(a);
    expect(a.profiles.filter(withLabels({ labels: ['generated'] }))).toHaveLength(3);
    expect(a.profiles.filter(withLabels({ labels: ['single'] }))).toHaveLength(1);
    expect(a.profiles.filter(withLabels({ labels: ['designed-tie'] })).map((p) => p.label)).toEqual(['designed-tie']);
    expect(a.profiles.map((p) => p.label).filter((l) => l.startsWith('designed-')).sort()).toEqual(['designed-edges', 'designed-reversed-tie', 'designed-tie', 'designed-windows', 'designed-winner']);
  });

  it('places the designed-windows segments at least a day from every window edge the must contracts use', () => {
    const edges = [-400, -365, -40, -30, -7, -5, 0, 1, 5, 7, 60, 90];
    const windows = planWorld({ seed: 1, clockMs: NOW }).profiles.find((p) => p.label === 'designed-windows')!;
    for (const o of windows.objects) {
      const days = (Number(o.object.DepartureDateTime) - NOW) / DAY;
      expect(Math.min(...edges.map((e) => Math.abs(days - e))), `segment at ${days} days`).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('unknownProfileId', () => {
  it('returns 32 lower-case hex digits, the same for the same run and index, another for another index', () => {
    const id = unknownProfileId({ runId: 'r1', index: 0 });
    expect(id).toMatch(/^[a-f0-9]{32}$/);
    expect(unknownProfileId({ runId: 'r1', index: 0 })).toBe(id);
    expect(unknownProfileId({ runId: 'r1', index: 1 })).not.toBe(id);
  });
});
