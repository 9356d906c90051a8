import { describe, expect, it } from 'vitest';
import type { CreateCalculatedAttributeDefinitionRequest } from '@aws-sdk/client-customer-profiles';
import { REQUIRED_TAGS, calcDefinitionCatalogue, tagsOf } from '../../../generators/scenarios/calc-catalogue.ts';
import { computeCalculatedAttribute, type OracleObject } from '../../../generators/oracle/index.ts';
import { generateRecords } from '../../../generators/generate.ts';
import { REF_MS, groupByProfile, instant } from '../helpers.ts';

const CATALOGUE = calcDefinitionCatalogue({ domainName: 'cpct-cat-test', seed: 1, runId: 'cat', clockMs: REF_MS });

// Model constraints, written out by hand (Smithy model: CreateCalculatedAttributeDefinitionRequest and its members).
function modelProblems(input: CreateCalculatedAttributeDefinitionRequest): string[] {
  const p: string[] = [];
  const len = (v: string | undefined, min: number, max: number, what: string) => {
    if (v === undefined || v.length < min || v.length > max) p.push(`${what} length`);
  };
  if (!/^[a-zA-Z_][a-zA-Z_0-9-]*$/.test(input.CalculatedAttributeName!)) p.push('CalculatedAttributeName pattern');
  len(input.CalculatedAttributeName, 1, 255, 'CalculatedAttributeName');
  if (!/^[a-zA-Z_][a-zA-Z_0-9-\s]*$/.test(input.DisplayName!)) p.push('DisplayName pattern');
  len(input.DisplayName, 1, 255, 'DisplayName');
  len(input.Description, 1, 1000, 'Description');
  const attrs = input.AttributeDetails!.Attributes!;
  if (attrs.length < 1 || attrs.length > 50) p.push('Attributes count');
  for (const a of attrs) if (!/^[a-zA-Z0-9_.-]{1,64}$/.test(a.Name!)) p.push('Attribute name');
  len(input.AttributeDetails!.Expression, 1, 255, 'Expression');
  const c = input.Conditions;
  if (c?.Range) {
    if (c.Range.Value !== undefined && (c.Range.Value < 0 || c.Range.Value > 2147483647)) p.push('Range.Value');
    if (c.Range.Unit !== undefined && c.Range.Unit !== 'DAYS') p.push('Range.Unit');
    if (c.Range.ValueRange && (c.Range.ValueRange.Start === undefined || c.Range.ValueRange.End === undefined)) p.push('ValueRange');
    if (c.Range.TimestampSource !== undefined) len(c.Range.TimestampSource, 1, 255, 'TimestampSource');
    if (c.Range.TimestampFormat !== undefined) len(c.Range.TimestampFormat, 1, 255, 'TimestampFormat');
  }
  if (c?.ObjectCount !== undefined && c.ObjectCount < 1) p.push('ObjectCount');
  if (c?.Threshold) len(c.Threshold.Value, 1, 255, 'Threshold.Value');
  const f = input.Filter;
  if (f) {
    if (f.Groups!.length < 1 || f.Groups!.length > 2) p.push('Groups count');
    for (const g of f.Groups!) {
      if (g.Dimensions!.length < 1 || g.Dimensions!.length > 10) p.push('Dimensions count');
      for (const d of g.Dimensions!) {
        for (const [name, a] of Object.entries(d.Attributes!)) {
          if (!/^[a-zA-Z0-9_.-]{1,64}$/.test(name)) p.push('filter attribute name');
          if (a.Values!.length < 1 || a.Values!.length > 10) p.push('Values count');
          for (const v of a.Values!) len(v, 1, 255, 'filter value');
        }
      }
    }
  }
  return p;
}

describe('calcDefinitionCatalogue', () => {
  it('covers every statistic, range kind, timestamp format, Include, group Type, DimensionType, Threshold operator, ObjectCount and UseHistoricalData value', () => {
    const covered = new Set(CATALOGUE.flatMap((e) => e.exercises));
    expect(REQUIRED_TAGS.filter((t) => !covered.has(t))).toEqual([]);
    expect(REQUIRED_TAGS.filter((t) => t.startsWith('dimension:'))).toHaveLength(15);
    expect(REQUIRED_TAGS.filter((t) => t.startsWith('statistic:'))).toHaveLength(8);
  });

  it('returns entries whose tags are derived from their inputs, with unique ids and names', () => {
    for (const e of CATALOGUE) expect(e.exercises).toEqual(tagsOf({ input: e.input }));
    expect(new Set(CATALOGUE.map((e) => e.id)).size).toBe(CATALOGUE.length);
    expect(new Set(CATALOGUE.map((e) => e.input.CalculatedAttributeName)).size).toBe(CATALOGUE.length);
  });

  it.each(CATALOGUE.map((e) => [e.id, e] as const))('returns a model-valid input for %s', (_id, e) => {
    expect(modelProblems(e.input)).toEqual([]);
    expect(e.input.DomainName).toBe('cpct-cat-test');
    expect(e.purpose.length).toBeGreaterThan(10);
  });

  it('returns tags that notice a missing feature (tagsOf reads the input, not the claims)', () => {
    expect(tagsOf({ input: { ...CATALOGUE[0].input, Conditions: undefined } })).not.toContain('range:value');
    expect(tagsOf({ input: CATALOGUE[0].input })).toContain('range:value');
  });

  it('returns entries the oracle accepts, and each gives a value for some generated profile', () => {
    const byFormat = {
      iso8601: groupByProfile(generateRecords({ seed: 8, clockMs: REF_MS, profiles: 400, format: 'iso8601' })),
      epochmilli: groupByProfile(generateRecords({ seed: 8, clockMs: REF_MS, profiles: 400, format: 'epochmilli' })),
    };
    const created = REF_MS - 200 * 86_400_000;
    const withValues: Record<string, number> = {};
    for (const e of CATALOGUE) {
      withValues[e.id] = 0;
      for (const g of byFormat[e.dataFormat ?? 'iso8601']) {
        // Objects are taken as ingested when they were last updated (or created), like a replay of history.
        const objects: OracleObject[] = g.objects.map((o) => ({
          objectTypeName: o.objectTypeName,
          object: o.object,
          ingestedAtMs: instant(o.object.UpdatedDate ?? o.object.CreatedDate),
        }));
        const r = computeCalculatedAttribute({ definition: e.input, objects, nowMs: REF_MS, definitionCreatedAtMs: created });
        if (r.value !== null) withValues[e.id]++;
      }
    }
    expect(Object.entries(withValues).filter(([, n]) => n === 0)).toEqual([]);
  });
});
