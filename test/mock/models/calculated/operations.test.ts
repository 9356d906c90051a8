import { describe, expect, it } from 'vitest';
import { DAY, DOMAIN, P1, P2, P3, T0, UNKNOWN, details, fixture } from './fixture.ts';

const named = (name: string) => expect.objectContaining({ name });
const badRequest = (member: string) => expect.objectContaining({ name: 'BadRequestException', message: expect.stringContaining(member) });

const FULL = {
  CalculatedAttributeName: 'total_spend',
  DisplayName: 'Total spend',
  Description: 'Sum of order amounts',
  AttributeDetails: details('{Order.amount}', 'amount'),
  Conditions: { Range: { Value: 30, Unit: 'DAYS' }, Threshold: { Value: '100', Operator: 'GREATER_THAN' } },
  Filter: { Include: 'ALL', Groups: [{ Type: 'ALL', Dimensions: [{ Attributes: { status: { DimensionType: 'INCLUSIVE', Values: ['PAID'] } } }] }] },
  Statistic: 'SUM',
  UseHistoricalData: true,
  Tags: { team: 'crm' },
};

describe('CreateCalculatedAttributeDefinition', () => {
  it('returns every member with CreatedAt = LastUpdatedAt = now and Status COMPLETED', () => {
    const f = fixture();
    const out = f.call('CreateCalculatedAttributeDefinition', FULL);
    expect(out).toEqual({
      CalculatedAttributeName: 'total_spend',
      DisplayName: 'Total spend',
      Description: 'Sum of order amounts',
      AttributeDetails: { Expression: '{Order.amount}', Attributes: [{ Name: 'amount' }] },
      Conditions: { Range: { Value: 30, Unit: 'DAYS' }, Threshold: { Value: '100', Operator: 'GREATER_THAN' } },
      Filter: FULL.Filter,
      Statistic: 'SUM',
      CreatedAt: new Date(T0),
      LastUpdatedAt: new Date(T0),
      UseHistoricalData: true,
      Status: 'COMPLETED',
      Readiness: { ProgressPercentage: 100 },
      Tags: { team: 'crm' },
    });
  });
  it('leaves optional members undefined when not given', () => {
    const f = fixture();
    const out = f.call('CreateCalculatedAttributeDefinition', { CalculatedAttributeName: 'c', Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a') });
    expect([out.DisplayName, out.Description, out.Conditions, out.Filter, out.UseHistoricalData, out.Tags]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
  it('keeps its own copy of the input', () => {
    const f = fixture();
    const input = structuredClone(FULL);
    f.call('CreateCalculatedAttributeDefinition', input);
    input.Tags.team = 'changed';
    expect(f.call('GetCalculatedAttributeDefinition', { CalculatedAttributeName: 'total_spend' }).Tags).toEqual({ team: 'crm' });
  });
  it.each([
    ['two object types', '{Order.a} + {Booking.b}', ['a', 'b']],
    ['three references', '{Order.a} + {Order.b} + {Order.c}', ['a', 'b', 'c']],
    ['no braces', 'Order.a', ['a']],
    ['an unknown operator', '{Order.a} % {Order.b}', ['a', 'b']],
    ['no object type', '{a}', ['a']],
    ['a constant', '{Order.a} * 2', ['a']],
  ])('rejects an Expression with %s', (_label, expression, attributes) => {
    const f = fixture();
    expect(() => f.define({ Statistic: 'SUM', AttributeDetails: details(expression, ...attributes) })).toThrowError(badRequest('AttributeDetails.Expression'));
  });
  it('rejects an Expression attribute that Attributes does not list', () => {
    const f = fixture();
    expect(() => f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.a} + {Order.b}', 'a') })).toThrowError(badRequest('AttributeDetails.Attributes'));
  });
  it('accepts an expression without spaces and one with extra spaces', () => {
    const f = fixture();
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.a}*{Order.b}', 'a', 'b') }, 'x');
    f.define({ Statistic: 'SUM', AttributeDetails: details('  {Order.a}   /   {Order.b} ', 'a', 'b') }, 'y');
    f.put({ a: 6, b: 3 });
    expect([f.value('x'), f.value('y')]).toEqual(['18', '2']);
  });
  it('rejects a duplicate name', () => {
    const f = fixture();
    f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a') });
    expect(() => f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a') })).toThrowError(badRequest('CalculatedAttributeName'));
  });
  it('rejects an unknown Statistic', () => {
    const f = fixture();
    expect(() => f.define({ Statistic: 'MEDIAN', AttributeDetails: details('{Order.a}', 'a') })).toThrowError(badRequest('Statistic'));
  });
  it.each([
    ['a TimestampSource of another object type', { TimestampSource: '{Booking.at}', TimestampFormat: 'ISO_8601' }, 'TimestampSource'],
    ['a TimestampSource without braces', { TimestampSource: 'Order.at', TimestampFormat: 'ISO_8601' }, 'TimestampSource'],
    ['a TimestampSource path with a space', { TimestampSource: '{Order.created at}', TimestampFormat: 'ISO_8601' }, 'TimestampSource'],
    ['an unknown TimestampFormat', { TimestampSource: '{Order.at}', TimestampFormat: 'RFC_2822' }, 'TimestampFormat'],
    ['a negative Value', { Value: -1 }, 'Range.Value'],
  ])('rejects a Range with %s', (_label, range, member) => {
    const f = fixture();
    expect(() => f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a'), Conditions: { Range: { Unit: 'DAYS', ...range } } })).toThrowError(badRequest(member));
  });
  it('accepts a TimestampSource without TimestampFormat and a Range of Unit only (R18, AWS\'s T&H sample)', () => {
    const f = fixture();
    expect(f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a'), Conditions: { Range: { Unit: 'DAYS', TimestampSource: '{Order.at}' } } }).Conditions).toEqual({
      Range: { Unit: 'DAYS', TimestampSource: '{Order.at}' },
    });
  });
  it('rejects an Expression over an object type the domain does not have (R17), naming the Expression', () => {
    const f = fixture();
    expect(() => f.define({ Statistic: 'COUNT', AttributeDetails: details('{Missing.a}', 'a') })).toThrowError(badRequest('AttributeDetails.Expression'));
  });
  it('accepts an Expression over a standard object type given a name starting with _ (R17)', () => {
    const f = fixture();
    expect(f.define({ Statistic: 'SUM', AttributeDetails: details('{_airSegment.Seat.Price}', 'Seat.Price') }).Statistic).toBe('SUM');
  });
  it.each([
    ['BETWEEN with one value', { DimensionType: 'BETWEEN', Values: ['2025-01-01T00:00:00Z'] }, 'Values'],
    ['a date that does not parse', { DimensionType: 'BEFORE', Values: ['2025-01-01T00:00:00.5Z'] }, 'Values[0]'],
    ['a date-only value that does not exist', { DimensionType: 'ON', Values: ['2025-02-29'] }, 'Values[0]'],
    ['a number in a form JSON does not write', { DimensionType: 'EQUAL', Values: [' 5'] }, 'Values[0]'],
    ['a number that does not parse', { DimensionType: 'GREATER_THAN', Values: ['ten'] }, 'Values[0]'],
    ['an unknown DimensionType', { DimensionType: 'LIKE', Values: ['x'] }, 'DimensionType'],
  ])('rejects a Filter dimension with %s', (_label, dimension, member) => {
    const f = fixture();
    const Filter = { Include: 'ALL', Groups: [{ Type: 'ALL', Dimensions: [{ Attributes: { x: dimension } }] }] };
    expect(() => f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a'), Filter })).toThrowError(badRequest(member));
  });
  it('reports IN_PROGRESS with growing ProgressPercentage under a convergence delay', () => {
    const f = fixture({ options: { calculatedAttributeReadyAfterMs: 10_000 } });
    const created = f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a') });
    expect(created).toMatchObject({ Status: 'IN_PROGRESS', Readiness: { ProgressPercentage: 0 } });
    f.put({ a: 1 });
    expect(f.get()).toMatchObject({ Value: '1', IsDataPartial: 'true' });
    f.clock.advance({ ms: 2_500 });
    expect(f.call('GetCalculatedAttributeDefinition', { CalculatedAttributeName: 'attr' })).toMatchObject({ Status: 'IN_PROGRESS', Readiness: { ProgressPercentage: 25 } });
    expect(f.call('ListCalculatedAttributeDefinitions', {}).Items).toMatchObject([{ Status: 'IN_PROGRESS' }]);
    f.clock.advance({ ms: 7_500 });
    expect(f.call('GetCalculatedAttributeDefinition', { CalculatedAttributeName: 'attr' })).toMatchObject({ Status: 'COMPLETED', Readiness: { ProgressPercentage: 100 } });
    expect(f.get()).toMatchObject({ Value: '1', IsDataPartial: 'false' });
  });
});

describe('GetCalculatedAttributeDefinition', () => {
  it('returns what Create returned', () => {
    const f = fixture();
    const created = f.call('CreateCalculatedAttributeDefinition', FULL);
    f.clock.advance({ ms: 1000 });
    expect(f.call('GetCalculatedAttributeDefinition', { CalculatedAttributeName: 'total_spend' })).toEqual(created);
  });
  it('throws ResourceNotFoundException for an unknown name', () => {
    const f = fixture();
    expect(() => f.call('GetCalculatedAttributeDefinition', { CalculatedAttributeName: 'nope' })).toThrowError(named('ResourceNotFoundException'));
  });
});

describe('UpdateCalculatedAttributeDefinition', () => {
  it('changes DisplayName, Description and Conditions and moves LastUpdatedAt only', () => {
    const f = fixture();
    f.call('CreateCalculatedAttributeDefinition', FULL);
    f.clock.advance({ ms: 60_000 });
    const out = f.call('UpdateCalculatedAttributeDefinition', {
      CalculatedAttributeName: 'total_spend',
      DisplayName: 'Spend',
      Description: 'New',
      Conditions: { ObjectCount: 3 },
    });
    expect(out).toEqual({
      CalculatedAttributeName: 'total_spend',
      DisplayName: 'Spend',
      Description: 'New',
      AttributeDetails: FULL.AttributeDetails,
      Conditions: { ObjectCount: 3 },
      Statistic: 'SUM',
      CreatedAt: new Date(T0),
      LastUpdatedAt: new Date(T0 + 60_000),
      UseHistoricalData: true,
      Status: 'COMPLETED',
      Readiness: { ProgressPercentage: 100 },
      Tags: { team: 'crm' },
    });
    expect('Filter' in out).toBe(false);
    expect(f.call('GetCalculatedAttributeDefinition', { CalculatedAttributeName: 'total_spend' }).Filter).toEqual(FULL.Filter);
  });
  it('keeps members that are not given', () => {
    const f = fixture();
    f.call('CreateCalculatedAttributeDefinition', FULL);
    const out = f.call('UpdateCalculatedAttributeDefinition', { CalculatedAttributeName: 'total_spend', Description: 'Only this' });
    expect(out).toMatchObject({ DisplayName: 'Total spend', Description: 'Only this', Conditions: FULL.Conditions });
  });
  it('ignores Statistic, AttributeDetails and UseHistoricalData in the input', () => {
    const f = fixture();
    f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a') });
    const out = f.call('UpdateCalculatedAttributeDefinition', {
      CalculatedAttributeName: 'attr',
      Statistic: 'SUM',
      AttributeDetails: details('{Order.b}', 'b'),
      UseHistoricalData: false,
    });
    expect(out).toMatchObject({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a'), UseHistoricalData: true });
  });
  it('switches values between the incremental and the windowed path', () => {
    const f = fixture();
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.a}', 'a') });
    f.put({ a: 1 }, { at: T0 - 3 * DAY });
    f.put({ a: 2 }, { at: T0 - DAY });
    f.put({ a: 4 });
    expect(f.value()).toBe('7');
    f.call('UpdateCalculatedAttributeDefinition', { CalculatedAttributeName: 'attr', Conditions: { Range: { Value: 2, Unit: 'DAYS' } } });
    expect(f.value()).toBe('6');
    f.put({ a: 8 });
    expect(f.value()).toBe('14');
    f.call('UpdateCalculatedAttributeDefinition', { CalculatedAttributeName: 'attr', Conditions: { Threshold: { Value: '14', Operator: 'GREATER_THAN' } } });
    // All objects again, and 15 > 14 holds.
    expect(f.value()).toBe('true');
  });
  it('rejects invalid Conditions and leaves the definition unchanged', () => {
    const f = fixture();
    f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a'), Conditions: { ObjectCount: 2 } });
    expect(() =>
      f.call('UpdateCalculatedAttributeDefinition', { CalculatedAttributeName: 'attr', Conditions: { Range: { Unit: 'DAYS', TimestampSource: '{Other.t}', TimestampFormat: 'ISO_8601' } } }),
    ).toThrowError(badRequest('TimestampSource'));
    expect(f.call('GetCalculatedAttributeDefinition', { CalculatedAttributeName: 'attr' }).Conditions).toEqual({ ObjectCount: 2 });
  });
  it('throws ResourceNotFoundException for an unknown name', () => {
    const f = fixture();
    expect(() => f.call('UpdateCalculatedAttributeDefinition', { CalculatedAttributeName: 'nope', DisplayName: 'x' })).toThrowError(named('ResourceNotFoundException'));
  });
});

describe('DeleteCalculatedAttributeDefinition', () => {
  it('returns an empty output and the definition is gone', () => {
    const f = fixture();
    f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a') });
    expect(f.call('DeleteCalculatedAttributeDefinition', { CalculatedAttributeName: 'attr' })).toEqual({});
    expect(() => f.call('GetCalculatedAttributeDefinition', { CalculatedAttributeName: 'attr' })).toThrowError(named('ResourceNotFoundException'));
    expect(() => f.get()).toThrowError(named('ResourceNotFoundException'));
  });
  it('lets the name be created again, computed afresh', () => {
    const f = fixture();
    f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a') });
    f.put({ a: 1 });
    f.call('DeleteCalculatedAttributeDefinition', { CalculatedAttributeName: 'attr' });
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.a}', 'a') });
    f.put({ a: 2 });
    expect(f.value()).toBe('3');
  });
  it('throws ResourceNotFoundException for an unknown name', () => {
    const f = fixture();
    expect(() => f.call('DeleteCalculatedAttributeDefinition', { CalculatedAttributeName: 'nope' })).toThrowError(named('ResourceNotFoundException'));
  });
});

describe('ListCalculatedAttributeDefinitions', () => {
  it('lists items by name with the list-item members only', () => {
    const f = fixture();
    f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a'), DisplayName: 'B' }, 'b');
    f.clock.advance({ ms: 1000 });
    f.call('CreateCalculatedAttributeDefinition', { CalculatedAttributeName: 'a', Statistic: 'SUM', AttributeDetails: details('{Order.a}', 'a'), Tags: { k: 'v' } });
    expect(f.call('ListCalculatedAttributeDefinitions', {})).toEqual({
      Items: [
        { CalculatedAttributeName: 'a', DisplayName: undefined, Description: undefined, CreatedAt: new Date(T0 + 1000), LastUpdatedAt: new Date(T0 + 1000), UseHistoricalData: undefined, Status: 'COMPLETED', Tags: { k: 'v' } },
        { CalculatedAttributeName: 'b', DisplayName: 'B', Description: undefined, CreatedAt: new Date(T0), LastUpdatedAt: new Date(T0), UseHistoricalData: true, Status: 'COMPLETED', Tags: undefined },
      ],
      NextToken: undefined,
    });
  });
  it('pages with MaxResults and NextToken', () => {
    const f = fixture();
    for (const name of ['c', 'a', 'e', 'b', 'd']) f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a') }, name);
    const first = f.call('ListCalculatedAttributeDefinitions', { MaxResults: 2 });
    expect((first.Items as { CalculatedAttributeName: string }[]).map((i) => i.CalculatedAttributeName)).toEqual(['a', 'b']);
    const second = f.call('ListCalculatedAttributeDefinitions', { MaxResults: 2, NextToken: first.NextToken });
    expect((second.Items as { CalculatedAttributeName: string }[]).map((i) => i.CalculatedAttributeName)).toEqual(['c', 'd']);
    const third = f.call('ListCalculatedAttributeDefinitions', { MaxResults: 2, NextToken: second.NextToken });
    expect((third.Items as { CalculatedAttributeName: string }[]).map((i) => i.CalculatedAttributeName)).toEqual(['e']);
    expect(third.NextToken).toBeUndefined();
  });
  it('rejects a token from another list', () => {
    const f = fixture();
    for (const name of ['a', 'b']) f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a') }, name);
    const token = f.call('ListCalculatedAttributesForProfile', { ProfileId: P1, MaxResults: 1 }).NextToken;
    expect(() => f.call('ListCalculatedAttributeDefinitions', { NextToken: token })).toThrowError(named('BadRequestException'));
  });
  it('returns no items for a domain without definitions', () => {
    const f = fixture();
    expect(f.call('ListCalculatedAttributeDefinitions', {})).toEqual({ Items: [], NextToken: undefined });
  });
});

describe('GetCalculatedAttributeForProfile', () => {
  it('returns name, display name, value, IsDataPartial and LastObjectTimestamp', () => {
    const f = fixture();
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.a}', 'a'), DisplayName: 'Spend' });
    f.put({ a: 2 });
    f.clock.advance({ ms: 5 });
    f.put({ a: 3 });
    expect(f.get()).toEqual({ CalculatedAttributeName: 'attr', DisplayName: 'Spend', IsDataPartial: 'false', Value: '5', LastObjectTimestamp: new Date(T0 + 5) });
  });
  it('keeps profiles apart', () => {
    const f = fixture();
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.a}', 'a') });
    f.put({ a: 2 }, { profile: P1 });
    f.put({ a: 5 }, { profile: P2 });
    expect([f.value('attr', P1), f.value('attr', P2), f.value('attr', P3)]).toEqual(['2', '5', undefined]);
  });
  it('throws ResourceNotFoundException for an unknown profile', () => {
    const f = fixture();
    f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a') });
    expect(() => f.get('attr', UNKNOWN)).toThrowError(named('ResourceNotFoundException'));
  });
  it('throws ResourceNotFoundException for an unknown definition', () => {
    const f = fixture();
    expect(() => f.get('nope', P1)).toThrowError(named('ResourceNotFoundException'));
  });
  it('cuts a value longer than 255 characters', () => {
    const f = fixture();
    f.define({ Statistic: 'LAST_OCCURRENCE', AttributeDetails: details('{Order.c}', 'c') });
    f.put({ c: 'x'.repeat(300) });
    expect(f.value()).toBe('x'.repeat(255));
  });
});

describe('ListCalculatedAttributesForProfile', () => {
  it('returns one item per definition, by name', () => {
    const f = fixture();
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.a}', 'a'), DisplayName: 'S' }, 'sum');
    f.define({ Statistic: 'AVERAGE', AttributeDetails: details('{Order.a}', 'a') }, 'avg');
    f.put({ a: 2 });
    f.put({ a: 4 });
    expect(f.call('ListCalculatedAttributesForProfile', { ProfileId: P1 })).toEqual({
      Items: [
        { CalculatedAttributeName: 'avg', DisplayName: undefined, IsDataPartial: 'false', Value: '3', LastObjectTimestamp: new Date(T0) },
        { CalculatedAttributeName: 'sum', DisplayName: 'S', IsDataPartial: 'false', Value: '6', LastObjectTimestamp: new Date(T0) },
      ],
      NextToken: undefined,
    });
  });
  it('pages with MaxResults', () => {
    const f = fixture();
    for (const name of ['x', 'y', 'z']) f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a') }, name);
    const first = f.call('ListCalculatedAttributesForProfile', { ProfileId: P1, MaxResults: 2 });
    expect((first.Items as unknown[]).length).toBe(2);
    const second = f.call('ListCalculatedAttributesForProfile', { ProfileId: P1, MaxResults: 2, NextToken: first.NextToken });
    expect(second).toEqual({ Items: [{ CalculatedAttributeName: 'z', DisplayName: undefined, IsDataPartial: 'false', Value: undefined, LastObjectTimestamp: undefined }], NextToken: undefined });
  });
  it('does not accept a token issued for another profile', () => {
    const f = fixture();
    for (const name of ['x', 'y']) f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a') }, name);
    const token = f.call('ListCalculatedAttributesForProfile', { ProfileId: P1, MaxResults: 1 }).NextToken;
    expect(() => f.call('ListCalculatedAttributesForProfile', { ProfileId: P2, NextToken: token })).toThrowError(named('BadRequestException'));
  });
  it('throws ResourceNotFoundException for an unknown profile', () => {
    const f = fixture();
    expect(() => f.call('ListCalculatedAttributesForProfile', { ProfileId: UNKNOWN })).toThrowError(named('ResourceNotFoundException'));
  });
});

describe('BatchGetCalculatedAttributeForProfile', () => {
  const setup = () => {
    const f = fixture();
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.a}', 'a'), DisplayName: 'Recent', Conditions: { Range: { Value: 1, Unit: 'DAYS' } } });
    f.put({ a: 1 }, { profile: P1, at: T0 - DAY / 2 });
    f.put({ a: 10 }, { profile: P1, at: T0 - 3 * DAY });
    f.put({ a: 100 }, { profile: P2, at: T0 - 6 * DAY });
    return f;
  };
  const batch = (f: ReturnType<typeof fixture>, input: Record<string, unknown>) => f.call('BatchGetCalculatedAttributeForProfile', { CalculatedAttributeName: 'attr', ...input });
  it('returns values in order and an error entry for an unknown profile', () => {
    const f = setup();
    expect(batch(f, { ProfileIds: [P2, UNKNOWN, P1] })).toEqual({
      Errors: [{ Code: 'ResourceNotFoundException', Message: expect.stringContaining(UNKNOWN), ProfileId: UNKNOWN }],
      CalculatedAttributeValues: [
        // The one-day Range was created at T0: its day has not elapsed, so the data is partial (R25).
        { CalculatedAttributeName: 'attr', DisplayName: 'Recent', ProfileId: P2, IsDataPartial: 'true', Value: undefined, LastObjectTimestamp: undefined },
        { CalculatedAttributeName: 'attr', DisplayName: 'Recent', ProfileId: P1, IsDataPartial: 'true', Value: '1', LastObjectTimestamp: new Date(T0 - DAY / 2) },
      ],
      ConditionOverrides: undefined,
    });
  });
  it('applies ConditionOverrides.Range with End defaulting to 0 and echoes it', () => {
    const f = setup();
    const ConditionOverrides = { Range: { Start: 5, Unit: 'DAYS' } };
    const out = batch(f, { ProfileIds: [P1, P2], ConditionOverrides });
    expect(out.ConditionOverrides).toEqual(ConditionOverrides);
    expect((out.CalculatedAttributeValues as { Value: string }[]).map((v) => v.Value)).toEqual(['11', undefined]);
  });
  it('selects [now - Start, now - End] with an override End', () => {
    const f = setup();
    const out = batch(f, { ProfileIds: [P1, P2], ConditionOverrides: { Range: { Start: 6, End: 2, Unit: 'DAYS' } } });
    // P1: only the object 3 days ago; P2: the object exactly 6 days ago (edge included).
    expect(out.CalculatedAttributeValues).toMatchObject([
      { ProfileId: P1, Value: '10', LastObjectTimestamp: new Date(T0 - 3 * DAY) },
      { ProfileId: P2, Value: '100', LastObjectTimestamp: new Date(T0 - 6 * DAY) },
    ]);
  });
  it('windows an unwindowed definition under an override', () => {
    const f = fixture();
    f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a') });
    f.put({ a: 1 }, { at: T0 - 10 * DAY });
    f.put({ a: 1 });
    expect(f.value()).toBe('2');
    const out = batch(f, { ProfileIds: [P1], ConditionOverrides: { Range: { Start: 1, Unit: 'DAYS' } } });
    expect(out.CalculatedAttributeValues).toMatchObject([{ Value: '1' }]);
  });
  it('drops the definition ObjectCount and Threshold under an override (R23)', () => {
    const f = fixture();
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.a}', 'a'), Conditions: { ObjectCount: 1, Threshold: { Value: '3', Operator: 'GREATER_THAN' } } });
    f.put({ a: 5 }, { at: T0 - 2 * DAY });
    f.put({ a: 2 });
    // Without the override: the latest object only (2), and 2 > 3 fails.
    expect(f.get()).toMatchObject({ Value: 'false', LastObjectTimestamp: new Date(T0) });
    // With it: both objects of the last 3 days, no count limit, no threshold.
    const out = batch(f, { ProfileIds: [P1], ConditionOverrides: { Range: { Start: 3, Unit: 'DAYS' } } });
    expect(out.CalculatedAttributeValues).toMatchObject([{ Value: '7', LastObjectTimestamp: new Date(T0) }]);
  });
  it('keeps the definition TimestampSource under an override', () => {
    const f = fixture();
    f.define({
      Statistic: 'COUNT',
      AttributeDetails: details('{Order.a}', 'a'),
      Conditions: { Range: { Value: 1, Unit: 'DAYS', TimestampSource: '{Order.at}', TimestampFormat: 'ISO_8601' } },
    });
    f.put({ a: 1, at: '2025-01-05T12:00:00Z' }); // 10 days before T0 by its source time
    f.put({ a: 1, at: '2025-01-01T12:00:00Z' }); // 14 days before
    f.put({ a: 1 }); // no source time: never counted
    const out = batch(f, { ProfileIds: [P1], ConditionOverrides: { Range: { Start: 12, Unit: 'DAYS' } } });
    expect(out.CalculatedAttributeValues).toMatchObject([{ Value: '1', LastObjectTimestamp: new Date('2025-01-05T12:00:00Z') }]);
  });
  it('defaults an override Start to 366 days', () => {
    const f = fixture();
    f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a') });
    f.put({ a: 1 }, { at: T0 - 366 * DAY - 1 });
    f.put({ a: 1 }, { at: T0 - 366 * DAY });
    f.put({ a: 1 });
    const out = batch(f, { ProfileIds: [P1], ConditionOverrides: { Range: { Unit: 'DAYS' } } });
    expect(out.CalculatedAttributeValues).toMatchObject([{ Value: '2', LastObjectTimestamp: new Date(T0) }]);
  });
  it('ignores a ConditionOverrides without Range', () => {
    const f = fixture();
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.a}', 'a'), Conditions: { ObjectCount: 1 } });
    f.put({ a: 5 }, { at: T0 - 1 });
    f.put({ a: 2 });
    const out = batch(f, { ProfileIds: [P1], ConditionOverrides: {} });
    expect(out.CalculatedAttributeValues).toMatchObject([{ Value: '2' }]);
  });
  it('rejects an override Range without Unit', () => {
    const f = setup();
    expect(() => batch(f, { ProfileIds: [P1], ConditionOverrides: { Range: { Start: 3 } } })).toThrowError(badRequest('ConditionOverrides.Range.Unit'));
  });
  it('answers a repeated id once', () => {
    const f = setup();
    expect((batch(f, { ProfileIds: [P1, P1] }).CalculatedAttributeValues as unknown[]).length).toBe(1);
  });
  it('rejects zero and 101 profile ids', () => {
    const f = setup();
    expect(() => batch(f, { ProfileIds: [] })).toThrowError(badRequest('ProfileIds'));
    expect(() => batch(f, { ProfileIds: Array.from({ length: 101 }, (_, i) => i.toString(16).padStart(32, '0')) })).toThrowError(badRequest('ProfileIds'));
  });
  it('accepts 100 profile ids, all unknown', () => {
    const f = setup();
    const out = batch(f, { ProfileIds: Array.from({ length: 100 }, (_, i) => i.toString(16).padStart(32, '0')) });
    expect([(out.Errors as unknown[]).length, (out.CalculatedAttributeValues as unknown[]).length]).toEqual([100, 0]);
  });
  it('throws ResourceNotFoundException for an unknown definition', () => {
    const f = setup();
    expect(() => f.call('BatchGetCalculatedAttributeForProfile', { CalculatedAttributeName: 'nope', ProfileIds: [P1] })).toThrowError(named('ResourceNotFoundException'));
  });
});

describe('call', () => {
  it('throws a plain error for an operation it does not handle', () => {
    const f = fixture();
    expect(() => f.ca.call({ operation: 'CreateDomain', input: { DomainName: DOMAIN } })).toThrowError(/mock\/calculated: expected one of/);
  });
});
