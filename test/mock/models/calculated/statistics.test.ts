import { describe, expect, it } from 'vitest';
import { DAY, P1, P2, T0, details, fixture } from './fixture.ts';

/** Four orders one second apart: amounts 10, 2.5, -4, 7; channels web, phone, web, email. */
function fourOrders(statistic: string, expression = '{Order.amount}', attribute = 'amount') {
  const f = fixture();
  f.define({ Statistic: statistic, AttributeDetails: details(expression, attribute) });
  const rows: [number, string][] = [[10, 'web'], [2.5, 'phone'], [-4, 'web'], [7, 'email']];
  for (const [amount, channel] of rows) {
    f.put({ amount, channel });
    f.clock.advance({ ms: 1000 });
  }
  return f;
}

describe('statistic COUNT', () => {
  it('returns the number of objects with the field given four orders', () => {
    const f = fourOrders('COUNT');
    expect(f.get()).toMatchObject({ Value: '4', IsDataPartial: 'false', LastObjectTimestamp: new Date(T0 + 3000) });
  });
  it('has no Value and no LastObjectTimestamp given no objects (R12)', () => {
    const f = fixture();
    f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.amount}', 'amount') });
    const out = f.get();
    expect(out).toMatchObject({ IsDataPartial: 'false' });
    expect(out.Value).toBeUndefined();
    expect(out.LastObjectTimestamp).toBeUndefined();
  });
  it('skips objects whose field is missing, null, empty or an object', () => {
    const f = fixture();
    f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.channel}', 'channel') });
    f.put({ channel: 'web' });
    f.put({ other: 1 });
    f.put({ channel: null });
    f.put({ channel: '' });
    f.put({ channel: { nested: 'x' } });
    f.put({ channel: false });
    expect(f.value()).toBe('2');
  });
  it('counts only objects of the Expression object type', () => {
    const f = fixture();
    f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.amount}', 'amount') });
    f.put({ amount: 1 });
    f.put({ amount: 2 }, { type: 'Booking' });
    expect(f.value()).toBe('1');
  });
});

describe('statistic SUM', () => {
  it('returns 15.5 given 10, 2.5, -4 and 7', () => {
    expect(fourOrders('SUM').value()).toBe('15.5');
  });
  it('has no Value given no numeric values (R12)', () => {
    const f = fixture();
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.amount}', 'amount') });
    f.put({ amount: 'abc' });
    f.put({ amount: '   ' });
    expect(f.get()).toMatchObject({ Value: undefined, LastObjectTimestamp: undefined });
  });
  it('reads strings in JSON number form, and not booleans or other spellings (R16)', () => {
    const f = fixture();
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.amount}', 'amount') });
    // Numbers: 12.25 + 100 + -0.5 = 111.75. Not numbers: true, " 4", "+1", "007", "0x10", "1.", ".5".
    for (const amount of ['12.25', '1e2', '-0.5', true, ' 4', '+1', '007', '0x10', '1.', '.5']) f.put({ amount });
    expect(f.value()).toBe('111.75');
  });
  it('sums past the double range and back exactly: 1.7e308 + 1.7e308 - 1.7e308 - 1.7e308 + 5 = 5 (R20)', () => {
    const f = fixture();
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.amount}', 'amount') });
    for (const amount of [1.7e308, 1.7e308, -1.7e308, -1.7e308, 5]) f.put({ amount });
    expect(f.value()).toBe('5');
  });
  it('has no Value and no LastObjectTimestamp when the sum overflows (R20)', () => {
    const f = fixture();
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.amount}', 'amount') });
    for (const amount of [1.7e308, 1.7e308]) f.put({ amount });
    expect(f.get()).toMatchObject({ Value: undefined, LastObjectTimestamp: undefined });
  });
  it('renders 0.1 + 0.2 as 0.3', () => {
    const f = fixture();
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.amount}', 'amount') });
    f.put({ amount: 0.1 });
    f.put({ amount: 0.2 });
    expect(f.value()).toBe('0.3');
  });
  it('sums exactly, whatever the order (1e16 + 1 - 1e16 = 1)', () => {
    const f = fixture();
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.amount}', 'amount') });
    f.put({ amount: 1e16 });
    f.put({ amount: 1 });
    f.put({ amount: -1e16 });
    expect(f.value()).toBe('1');
  });
  it('reads a nested field by dotted path', () => {
    const f = fixture();
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.price.total}', 'price.total') });
    f.put({ price: { total: 4 } });
    f.put({ price: { total: 6.5 } });
    f.put({ price: 3 });
    expect(f.value()).toBe('10.5');
  });
});

describe('statistic AVERAGE', () => {
  it('returns 3.875 given 10, 2.5, -4 and 7', () => {
    expect(fourOrders('AVERAGE').value()).toBe('3.875');
  });
  it('rounds 5/3 to 6 decimals', () => {
    const f = fixture();
    f.define({ Statistic: 'AVERAGE', AttributeDetails: details('{Order.amount}', 'amount') });
    for (const amount of [1, 2, 2]) f.put({ amount });
    expect(f.value()).toBe('1.666667');
  });
  it('has no Value given no objects', () => {
    const f = fixture();
    f.define({ Statistic: 'AVERAGE', AttributeDetails: details('{Order.amount}', 'amount') });
    const out = f.get();
    expect(out).toMatchObject({ IsDataPartial: 'false' });
    expect('Value' in out && out.Value !== undefined).toBe(false);
    expect(out.LastObjectTimestamp).toBeUndefined();
  });
});

describe('statistic MINIMUM', () => {
  it('returns -4 given 10, 2.5, -4 and 7', () => {
    expect(fourOrders('MINIMUM').value()).toBe('-4');
  });
  it('has no Value given no objects', () => {
    const f = fixture();
    f.define({ Statistic: 'MINIMUM', AttributeDetails: details('{Order.amount}', 'amount') });
    expect(f.value()).toBeUndefined();
  });
});

describe('statistic MAXIMUM', () => {
  it('returns 10 given 10, 2.5, -4 and 7', () => {
    expect(fourOrders('MAXIMUM').value()).toBe('10');
  });
  it('prints a large maximum without exponent', () => {
    const f = fixture();
    f.define({ Statistic: 'MAXIMUM', AttributeDetails: details('{Order.amount}', 'amount') });
    f.put({ amount: 1e21 });
    f.put({ amount: 5 });
    expect(f.value()).toBe('1000000000000000000000');
  });
});

describe('statistic FIRST_OCCURRENCE', () => {
  it('returns the earliest ingested channel', () => {
    expect(fourOrders('FIRST_OCCURRENCE', '{Order.channel}', 'channel').value()).toBe('web');
  });
  it('returns the raw string of the field', () => {
    const f = fixture();
    f.define({ Statistic: 'FIRST_OCCURRENCE', AttributeDetails: details('{Order.amount}', 'amount') });
    f.put({ amount: '12.50' });
    f.put({ amount: 3 });
    expect(f.value()).toBe('12.50');
  });
  it('renders a JSON number field by R11 (0.1 + 0.2 as 0.3, 1e-7 as 0)', () => {
    const f = fixture();
    f.define({ Statistic: 'FIRST_OCCURRENCE', AttributeDetails: details('{Order.amount}', 'amount') }, 'first');
    f.define({ Statistic: 'LAST_OCCURRENCE', AttributeDetails: details('{Order.amount}', 'amount') }, 'last');
    f.put({ amount: 0.1 + 0.2 });
    f.clock.advance({ ms: 1 });
    f.put({ amount: 1e-7 });
    expect([f.value('first'), f.value('last')]).toEqual(['0.3', '0']);
  });
  it('follows time, not arrival, when ingestion times go backwards', () => {
    const f = fixture();
    f.define({ Statistic: 'FIRST_OCCURRENCE', AttributeDetails: details('{Order.channel}', 'channel') });
    f.put({ channel: 'late' }, { at: T0 + 5000 });
    f.put({ channel: 'early' }, { at: T0 + 1000 });
    expect(f.get()).toMatchObject({ Value: 'early', LastObjectTimestamp: new Date(T0 + 5000) });
  });
  it('has no Value given no objects', () => {
    const f = fixture();
    f.define({ Statistic: 'FIRST_OCCURRENCE', AttributeDetails: details('{Order.channel}', 'channel') });
    expect(f.value()).toBeUndefined();
  });
});

describe('statistic LAST_OCCURRENCE', () => {
  it('returns the latest ingested channel', () => {
    expect(fourOrders('LAST_OCCURRENCE', '{Order.channel}', 'channel').value()).toBe('email');
  });
  it('breaks a tie in time by ingestion order', () => {
    const f = fixture();
    f.define({ Statistic: 'LAST_OCCURRENCE', AttributeDetails: details('{Order.channel}', 'channel') });
    f.put({ channel: 'first' });
    f.put({ channel: 'second' });
    expect(f.value()).toBe('second');
  });
  it('breaks a tie in source time by ingestion time before ingestion order (R3)', () => {
    const f = fixture();
    const Range = { Value: 5, Unit: 'DAYS', TimestampSource: '{Order.at}', TimestampFormat: 'ISO_8601' };
    f.define({ Statistic: 'LAST_OCCURRENCE', AttributeDetails: details('{Order.channel}', 'channel'), Conditions: { Range } });
    // Same source time; "late" was put first but with the later ingestion time.
    f.put({ channel: 'late', at: '2025-01-14T00:00:00Z' }, { at: T0 - 1000 });
    f.put({ channel: 'early', at: '2025-01-14T00:00:00Z' }, { at: T0 - 2000 });
    expect(f.value()).toBe('late');
  });
  it('renders the arithmetic value of the latest object', () => {
    const f = fixture();
    f.define({ Statistic: 'LAST_OCCURRENCE', AttributeDetails: details('{Order.a} / {Order.b}', 'a', 'b') });
    f.put({ a: 1, b: 4 });
    f.put({ a: -1, b: 3 });
    f.put({ a: 1, b: 0 });
    expect(f.value()).toBe('-0.333333');
  });
});

describe('statistic MAX_OCCURRENCE', () => {
  it('returns the most frequent channel', () => {
    expect(fourOrders('MAX_OCCURRENCE', '{Order.channel}', 'channel').value()).toBe('web');
  });
  it('breaks a tie for the value whose latest occurrence is latest (web, phone, phone, web -> web)', () => {
    const f = fixture();
    f.define({ Statistic: 'MAX_OCCURRENCE', AttributeDetails: details('{Order.channel}', 'channel') });
    for (const channel of ['web', 'phone', 'phone', 'web']) f.put({ channel });
    expect(f.value()).toBe('web');
  });
  it('breaks a tie the other way (phone, web, web, phone -> phone)', () => {
    const f = fixture();
    f.define({ Statistic: 'MAX_OCCURRENCE', AttributeDetails: details('{Order.channel}', 'channel') });
    for (const channel of ['phone', 'web', 'web', 'phone']) f.put({ channel });
    expect(f.value()).toBe('phone');
  });
  it('breaks a tie by TimestampSource time, not ingestion order', () => {
    const f = fixture();
    f.define({
      Statistic: 'MAX_OCCURRENCE',
      AttributeDetails: details('{Order.channel}', 'channel'),
      Conditions: { Range: { Value: 30, Unit: 'DAYS', TimestampSource: '{Order.at}', TimestampFormat: 'ISO_8601' } },
    });
    f.put({ channel: 'web', at: '2025-01-10T00:00:00Z' });
    f.put({ channel: 'phone', at: '2025-01-12T00:00:00Z' });
    f.put({ channel: 'web', at: '2025-01-11T00:00:00Z' });
    f.put({ channel: 'phone', at: '2025-01-09T00:00:00Z' });
    // web: latest 2025-01-11; phone: latest 2025-01-12 -> phone.
    expect(f.get()).toMatchObject({ Value: 'phone', LastObjectTimestamp: new Date('2025-01-12T00:00:00Z') });
  });
  it('groups arithmetic values by their rendering', () => {
    const f = fixture();
    f.define({ Statistic: 'MAX_OCCURRENCE', AttributeDetails: details('{Order.a} * {Order.b}', 'a', 'b') });
    f.put({ a: 2, b: 3 });
    f.put({ a: '1.5', b: 4 });
    f.put({ a: 7, b: 1 });
    expect(f.value()).toBe('6');
  });
  it('treats 5 and "5" as the same value', () => {
    const f = fixture();
    f.define({ Statistic: 'MAX_OCCURRENCE', AttributeDetails: details('{Order.a}', 'a') });
    f.put({ a: 5 });
    f.put({ a: 'x' });
    f.put({ a: '5' });
    f.put({ a: 'x' });
    f.put({ a: 5 });
    expect(f.value()).toBe('5');
  });
});

describe('arithmetic expressions', () => {
  it('sums price * qty and skips objects missing an operand', () => {
    const f = fixture();
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.price} * {Order.qty}', 'price', 'qty') });
    f.put({ price: 2.5, qty: 4 });
    f.put({ price: '3', qty: '2' });
    f.put({ price: 9 });
    expect(f.value()).toBe('16');
  });
  it('computes + and - and excludes division by zero from COUNT', () => {
    const f = fixture();
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.a}+{Order.b}', 'a', 'b') }, 'plus');
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.a} - {Order.b}', 'a', 'b') }, 'minus');
    f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a} / {Order.b}', 'a', 'b') }, 'ratio');
    f.put({ a: 5, b: 2 });
    f.put({ a: 1, b: 0 });
    expect(f.value('plus')).toBe('8');
    expect(f.value('minus')).toBe('4');
    expect(f.value('ratio')).toBe('1');
  });
  it('counts a non-numeric single field for COUNT but not for SUM', () => {
    const f = fixture();
    f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a') }, 'count');
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.a}', 'a') }, 'sum');
    f.put({ a: 'abc' });
    f.put({ a: 4 });
    expect(f.value('count')).toBe('2');
    expect(f.value('sum')).toBe('4');
  });
});

describe('condition Range (ingestion time)', () => {
  it('keeps objects ingested in the last Value days, edges included', () => {
    const f = fixture();
    f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a'), Conditions: { Range: { Value: 2, Unit: 'DAYS' } } });
    f.put({ a: 1 }, { at: T0 - 2 * DAY - 1 });
    f.put({ a: 1 }, { at: T0 - 2 * DAY });
    f.put({ a: 1 }, { at: T0 - DAY });
    f.put({ a: 1 }, { at: T0 });
    expect(f.get()).toMatchObject({ Value: '3', LastObjectTimestamp: new Date(T0) });
    f.clock.advance({ ms: 1 });
    // now - 2 days has moved past T0 - 2 days.
    expect(f.value()).toBe('2');
  });
  it('returns an empty window once the clock moves past every object', () => {
    const f = fixture();
    f.define({ Statistic: 'AVERAGE', AttributeDetails: details('{Order.a}', 'a'), Conditions: { Range: { Value: 1, Unit: 'DAYS' } } }, 'avg');
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.a}', 'a'), Conditions: { Range: { Value: 1, Unit: 'DAYS' } } }, 'sum');
    f.put({ a: 3 });
    expect(f.value('avg')).toBe('3');
    f.clock.advance({ ms: DAY + 1 });
    expect(f.get('avg')).toMatchObject({ Value: undefined, LastObjectTimestamp: undefined });
    expect(f.get('sum')).toMatchObject({ Value: undefined, LastObjectTimestamp: undefined });
  });
  it('selects [now - Start, now - End] with ValueRange, which overrides Value', () => {
    const f = fixture();
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.a}', 'a'), Conditions: { Range: { Value: 100, Unit: 'DAYS', ValueRange: { Start: 3, End: 1 } } } });
    f.put({ a: 1 }, { at: T0 - 3 * DAY - 1 });
    f.put({ a: 10 }, { at: T0 - 3 * DAY });
    f.put({ a: 100 }, { at: T0 - 2 * DAY });
    f.put({ a: 1000 }, { at: T0 - DAY });
    f.put({ a: 10000 }, { at: T0 - DAY + 1 });
    expect(f.get()).toMatchObject({ Value: '1110', LastObjectTimestamp: new Date(T0 - DAY) });
  });
  it('selects all time given a Range of Unit only (R8, as AWS\'s CA_DayOfTravel sample writes it)', () => {
    const f = fixture();
    f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a'), Conditions: { Range: { Unit: 'DAYS' } } });
    f.put({ a: 1 }, { at: T0 - 1000 * DAY });
    f.put({ a: 1 }, { at: T0 });
    expect(f.value()).toBe('2');
  });
  it('selects only the instant now given Value 0', () => {
    const f = fixture();
    f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a'), Conditions: { Range: { Unit: 'DAYS', Value: 0 } } });
    f.put({ a: 1 }, { at: T0 - 1 });
    f.put({ a: 1 }, { at: T0 });
    expect(f.value()).toBe('1');
  });
});

describe('condition Range with TimestampSource', () => {
  const isoRange = (range: Record<string, unknown>) => ({ Range: { Unit: 'DAYS', TimestampSource: '{Order.meta.at}', TimestampFormat: 'ISO_8601', ...range } });
  it('reads ISO 8601 times with Z, +HH:MM and -HHMM offsets across midnight', () => {
    const f = fixture();
    // Window [2025-01-14T12:00Z, 2025-01-15T12:00Z].
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.a}', 'a'), Conditions: isoRange({ Value: 1 }) });
    f.put({ a: 1, meta: { at: '2025-01-14T13:30:00+02:00' } }); // 11:30Z: out
    f.put({ a: 2, meta: { at: '2025-01-14T13:30:00-0200' } }); // 15:30Z: in
    f.put({ a: 4, meta: { at: '2025-01-15T01:30:00.500+0300' } }); // 2025-01-14T22:30:00.5Z: in
    f.put({ a: 8, meta: { at: '2025-01-14T23:30:00-13:00' } }); // 2025-01-15T12:30Z: future, out
    f.put({ a: 16, meta: { at: '2025-01-15T12:00:00' } }); // no offset = UTC, exactly now: in
    f.put({ a: 32, meta: { at: '2025-01-14T12:00:00.000Z' } }); // exactly now - 1 day: in
    f.put({ a: 64, meta: { at: '2025-01-14 13:00:00Z' } }); // not ISO (space): excluded
    f.put({ a: 128 }); // no timestamp: excluded
    expect(f.get()).toMatchObject({ Value: '54', LastObjectTimestamp: new Date('2025-01-15T12:00:00Z') });
  });
  it('reads EPOCHMILLI as seconds below 10^11 and as milliseconds otherwise', () => {
    const f = fixture();
    f.define({
      Statistic: 'SUM',
      AttributeDetails: details('{Order.a}', 'a'),
      Conditions: { Range: { Value: 1, Unit: 'DAYS', TimestampSource: '{Order.ts}', TimestampFormat: 'EPOCHMILLI' } },
    });
    f.put({ a: 1, ts: 1_736_900_000 }); // seconds -> 2025-01-15T00:13:20Z: in
    f.put({ a: 2, ts: '1736900000000' }); // millis as a string: in
    f.put({ a: 4, ts: 1_736_000_000 }); // seconds -> 2025-01-04: out
    f.put({ a: 8, ts: 1_736_942_400_000 }); // exactly now: in
    f.put({ a: 16, ts: 1_736_900_000.5 }); // not an integer: excluded
    f.put({ a: 32, ts: '2025-01-15T00:00:00Z' }); // not epoch: excluded
    expect(f.get()).toMatchObject({ Value: '11', LastObjectTimestamp: new Date(T0) });
  });
  it('selects future times with a negative End', () => {
    const f = fixture();
    f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a'), Conditions: isoRange({ ValueRange: { Start: 0, End: -2 } }) });
    f.put({ a: 1, meta: { at: '2025-01-17T12:00:00Z' } }); // now + 2 days: in
    f.put({ a: 1, meta: { at: '2025-01-17T12:00:00.001Z' } }); // out
    f.put({ a: 1, meta: { at: '2025-01-15T11:59:59.999Z' } }); // before now: out
    expect(f.get()).toMatchObject({ Value: '1', LastObjectTimestamp: new Date('2025-01-17T12:00:00Z') });
  });
  it('orders FIRST and LAST by the source time', () => {
    const f = fixture();
    f.define({ Statistic: 'FIRST_OCCURRENCE', AttributeDetails: details('{Order.c}', 'c'), Conditions: isoRange({ Value: 10 }) }, 'first');
    f.define({ Statistic: 'LAST_OCCURRENCE', AttributeDetails: details('{Order.c}', 'c'), Conditions: isoRange({ Value: 10 }) }, 'last');
    f.put({ c: 'mid', meta: { at: '2025-01-12T00:00:00Z' } });
    f.put({ c: 'newest', meta: { at: '2025-01-14T00:00:00Z' } });
    f.put({ c: 'oldest', meta: { at: '2025-01-10T00:00:00Z' } });
    expect(f.value('first')).toBe('oldest');
    expect(f.get('last')).toMatchObject({ Value: 'newest', LastObjectTimestamp: new Date('2025-01-14T00:00:00Z') });
  });
});

describe('condition ObjectCount', () => {
  it('uses the N latest objects', () => {
    const f = fixture();
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.a}', 'a'), Conditions: { ObjectCount: 2 } });
    for (const a of [1, 2, 4, 8, 16]) {
      f.put({ a });
      f.clock.advance({ ms: 10 });
    }
    expect(f.get()).toMatchObject({ Value: '24', LastObjectTimestamp: new Date(T0 + 40) });
  });
  it('uses every object when there are fewer than N', () => {
    const f = fixture();
    f.define({ Statistic: 'AVERAGE', AttributeDetails: details('{Order.a}', 'a'), Conditions: { ObjectCount: 10 } });
    for (const a of [1, 2]) f.put({ a });
    expect(f.value()).toBe('1.5');
  });
  it('counts only objects with a usable value', () => {
    const f = fixture();
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.a}', 'a'), Conditions: { ObjectCount: 2 } });
    f.put({ a: 5 });
    f.put({ a: 7 });
    f.put({ b: 1 });
    expect(f.value()).toBe('12');
  });
  it('takes the latest by source time after the Range', () => {
    const f = fixture();
    f.define({
      Statistic: 'SUM',
      AttributeDetails: details('{Order.a}', 'a'),
      Conditions: { ObjectCount: 2, Range: { Value: 5, Unit: 'DAYS', TimestampSource: '{Order.at}', TimestampFormat: 'ISO_8601' } },
    });
    f.put({ a: 1, at: '2025-01-14T00:00:00Z' });
    f.put({ a: 2, at: '2025-01-01T00:00:00Z' }); // outside the Range
    f.put({ a: 4, at: '2025-01-13T00:00:00Z' });
    f.put({ a: 8, at: '2025-01-11T00:00:00Z' });
    expect(f.value()).toBe('5');
  });
});

describe('condition Threshold', () => {
  const withThreshold = (statistic: string, Operator: string, Value: string, expression = '{Order.a}') => {
    const f = fixture();
    f.define({ Statistic: statistic, AttributeDetails: details(expression, expression.slice(7, -1)), Conditions: { Threshold: { Value, Operator } } });
    return f;
  };
  it('returns "false" given SUM 9 GREATER_THAN 10 and "true" given SUM 11, with the last object\'s time (R13)', () => {
    const f = withThreshold('SUM', 'GREATER_THAN', '10');
    f.put({ a: 9 });
    expect(f.get()).toMatchObject({ Value: 'false', LastObjectTimestamp: new Date(T0) });
    f.clock.advance({ ms: 5 });
    f.put({ a: 2 });
    expect(f.get()).toMatchObject({ Value: 'true', LastObjectTimestamp: new Date(T0 + 5) });
  });
  it('returns "true" given SUM 9 LESS_THAN 10 (numeric comparison, R21)', () => {
    const f = withThreshold('SUM', 'LESS_THAN', '10');
    f.put({ a: 9 });
    expect(f.value()).toBe('true');
  });
  it('returns "true" given EQUAL_TO between 15.5 and 15.50, and between 10 and 1e1', () => {
    const f = withThreshold('SUM', 'EQUAL_TO', '15.50');
    f.put({ a: 15.5 });
    expect(f.value()).toBe('true');
    const g = withThreshold('SUM', 'EQUAL_TO', '1e1');
    g.put({ a: 10 });
    expect(g.value()).toBe('true');
  });
  it('returns "false" then "true" given COUNT NOT_EQUAL_TO 1 over one then two objects', () => {
    const f = withThreshold('COUNT', 'NOT_EQUAL_TO', '1');
    f.put({ a: 1 });
    expect(f.value()).toBe('false');
    f.put({ a: 1 });
    expect(f.value()).toBe('true');
  });
  it('returns the string comparison given a side that is not a number', () => {
    const eq = withThreshold('LAST_OCCURRENCE', 'EQUAL_TO', 'web', '{Order.c}');
    eq.put({ c: 'web' });
    expect(eq.value()).toBe('true');
    const gt = withThreshold('LAST_OCCURRENCE', 'GREATER_THAN', 'phone', '{Order.c}');
    gt.put({ c: 'web' });
    expect(gt.value()).toBe('true');
    const lt = withThreshold('LAST_OCCURRENCE', 'LESS_THAN', 'phone', '{Order.c}');
    lt.put({ c: 'web' });
    expect(lt.value()).toBe('false');
    // "10" against "nine": "1" < "n".
    const mixed = withThreshold('LAST_OCCURRENCE', 'LESS_THAN', 'nine', '{Order.c}');
    mixed.put({ c: '10' });
    expect(mixed.value()).toBe('true');
    // " 9" is not a number (R16), so "10" and " 9" compare as strings: "1" > " ".
    const spaced = withThreshold('SUM', 'LESS_THAN', ' 9');
    spaced.put({ a: 10 });
    expect(spaced.value()).toBe('false');
  });
  it('gives no Value when nothing is selected, whatever the operator (R12)', () => {
    const count = withThreshold('COUNT', 'EQUAL_TO', '0');
    expect(count.value()).toBeUndefined();
    const avg = withThreshold('AVERAGE', 'NOT_EQUAL_TO', '5');
    expect(avg.value()).toBeUndefined();
  });
  it('returns "false" for EQUAL_TO and "true" for GREATER_THAN given a 300-character value against its first 255 (compared whole, R22)', () => {
    const f = withThreshold('LAST_OCCURRENCE', 'EQUAL_TO', 'x'.repeat(255), '{Order.c}');
    f.put({ c: 'x'.repeat(300) });
    expect(f.value()).toBe('false');
    const g = withThreshold('LAST_OCCURRENCE', 'GREATER_THAN', 'x'.repeat(255), '{Order.c}');
    g.put({ c: 'x'.repeat(300) });
    expect(g.value()).toBe('true');
  });
});

describe('Filter Include', () => {
  const groups = [
    { Type: 'ALL', Dimensions: [{ Attributes: { channel: { DimensionType: 'INCLUSIVE', Values: ['web'] } } }] },
    { Type: 'ALL', Dimensions: [{ Attributes: { a: { DimensionType: 'GREATER_THAN', Values: ['5'] } } }] },
  ];
  const run = (Include: string) => {
    const f = fixture();
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.a}', 'a'), Filter: { Include, Groups: groups } });
    f.put({ channel: 'web', a: 10 });
    f.put({ channel: 'web', a: 2 });
    f.put({ channel: 'phone', a: 7 });
    f.put({ channel: 'email', a: 1 });
    return f.value();
  };
  it('ALL keeps objects matching every group', () => expect(run('ALL')).toBe('10'));
  it('ANY keeps objects matching at least one group', () => expect(run('ANY')).toBe('19'));
  it('NONE keeps objects matching no group', () => expect(run('NONE')).toBe('1'));
});

describe('Filter group Type', () => {
  const run = (Type: string) => {
    const f = fixture();
    const Dimensions = [
      { Attributes: { channel: { DimensionType: 'INCLUSIVE', Values: ['web'] } } },
      { Attributes: { a: { DimensionType: 'GREATER_THAN', Values: ['5'] } } },
    ];
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.a}', 'a'), Filter: { Include: 'ALL', Groups: [{ Type, Dimensions }] } });
    f.put({ channel: 'web', a: 10 });
    f.put({ channel: 'web', a: 2 });
    f.put({ channel: 'phone', a: 7 });
    f.put({ channel: 'email', a: 1 });
    return f.value();
  };
  it('ALL matches when every dimension matches', () => expect(run('ALL')).toBe('10'));
  it('ANY matches when one dimension matches', () => expect(run('ANY')).toBe('19'));
  it('NONE matches when no dimension matches', () => expect(run('NONE')).toBe('1'));
  it('requires every attribute of a multi-attribute dimension', () => {
    const f = fixture();
    const Dimensions = [{ Attributes: { channel: { DimensionType: 'INCLUSIVE', Values: ['web'] }, a: { DimensionType: 'GREATER_THAN', Values: ['5'] } } }];
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.a}', 'a'), Filter: { Include: 'ALL', Groups: [{ Type: 'ANY', Dimensions }] } });
    f.put({ channel: 'web', a: 10 });
    f.put({ channel: 'web', a: 2 });
    f.put({ channel: 'phone', a: 7 });
    expect(f.value()).toBe('10');
  });
});

describe('Filter DimensionType', () => {
  /** Counts, by id, the objects that one dimension keeps; o5 has none of the fields. */
  const count = (attribute: string, DimensionType: string, Values: string[]) => {
    const f = fixture();
    f.define({
      Statistic: 'COUNT',
      AttributeDetails: details('{Order.id}', 'id'),
      Filter: { Include: 'ALL', Groups: [{ Type: 'ALL', Dimensions: [{ Attributes: { [attribute]: { DimensionType, Values } } }] }] },
    });
    f.put({ id: 'o1', s: 'alpha', n: 1, d: '2025-01-10T10:00:00Z' });
    f.put({ id: 'o2', s: 'beta', n: 5, d: '2025-01-12T23:59:59.999Z' });
    f.put({ id: 'o3', s: 'alphabet', n: 10, d: '2025-01-13T00:00:00+01:00' }); // 2025-01-12T23:00Z
    f.put({ id: 'o4', s: 'gamma', n: '7', d: 1_736_812_800 }); // epoch seconds: 2025-01-14T00:00Z
    f.put({ id: 'o5' });
    return f.value();
  };
  it('INCLUSIVE keeps values in Values', () => expect(count('s', 'INCLUSIVE', ['alpha', 'gamma'])).toBe('2'));
  it('EXCLUSIVE keeps present values not in Values', () => expect(count('s', 'EXCLUSIVE', ['alpha'])).toBe('3'));
  it('CONTAINS matches any of Values (beta, alphabet, gamma)', () => expect(count('s', 'CONTAINS', ['et', 'mm'])).toBe('3'));
  it('BEGINS_WITH matches any prefix', () => expect(count('s', 'BEGINS_WITH', ['be', 'ga'])).toBe('2'));
  it('ENDS_WITH matches any suffix', () => expect(count('s', 'ENDS_WITH', ['a'])).toBe('3'));
  it('is case-sensitive', () => expect(count('s', 'INCLUSIVE', ['ALPHA'])).toBeUndefined());
  it('EQUAL compares numbers, also numeric strings', () => {
    expect(count('n', 'EQUAL', ['5'])).toBe('1');
    expect(count('n', 'EQUAL', ['7.0'])).toBe('1');
  });
  it('GREATER_THAN compares with Values[0]', () => expect(count('n', 'GREATER_THAN', ['5'])).toBe('2'));
  it('LESS_THAN compares with Values[0]', () => expect(count('n', 'LESS_THAN', ['5'])).toBe('1'));
  it('GREATER_THAN_OR_EQUAL includes the bound', () => expect(count('n', 'GREATER_THAN_OR_EQUAL', ['5'])).toBe('3'));
  it('LESS_THAN_OR_EQUAL includes the bound', () => expect(count('n', 'LESS_THAN_OR_EQUAL', ['5'])).toBe('2'));
  it('does not match a non-numeric field numerically', () => expect(count('s', 'GREATER_THAN', ['0'])).toBeUndefined());
  it('BEFORE is strict', () => expect(count('d', 'BEFORE', ['2025-01-12T23:00:00Z'])).toBe('1'));
  it('AFTER is strict', () => expect(count('d', 'AFTER', ['2025-01-12T23:00:00Z'])).toBe('2'));
  it('ON compares UTC calendar dates (an offset can move the date)', () => expect(count('d', 'ON', ['2025-01-12T05:00:00Z'])).toBe('2'));
  it('ON accepts an epoch-millisecond bound', () => expect(count('d', 'ON', ['1736812800000'])).toBe('1'));
  it('BETWEEN includes both edges', () => expect(count('d', 'BETWEEN', ['2025-01-12T23:00:00Z', '2025-01-14T00:00:00Z'])).toBe('3'));
  it('NOT_BETWEEN keeps present dates outside, never a missing one', () => expect(count('d', 'NOT_BETWEEN', ['2025-01-12T23:00:00Z', '2025-01-14T00:00:00Z'])).toBe('1'));
  it('BETWEEN takes the bounds in the order given: reversed bounds match nothing', () => {
    expect(count('d', 'BETWEEN', ['2025-01-14T00:00:00Z', '2025-01-12T23:00:00Z'])).toBeUndefined();
  });
  it('ON accepts a date-only bound (midnight UTC)', () => expect(count('d', 'ON', ['2025-01-12'])).toBe('2'));
  it('BEFORE accepts a date-only bound: strictly before 2025-01-13T00:00Z', () => expect(count('d', 'BEFORE', ['2025-01-13'])).toBe('3'));
});

describe('Filter field text (R9, R16)', () => {
  const countWhere = (objects: Record<string, unknown>[], attribute: string, DimensionType: string, Values: string[]) => {
    const f = fixture();
    f.define({
      Statistic: 'COUNT',
      AttributeDetails: details('{Order.id}', 'id'),
      Filter: { Include: 'ALL', Groups: [{ Type: 'ALL', Dimensions: [{ Attributes: { [attribute]: { DimensionType, Values } } }] }] },
    });
    objects.forEach((o, i) => f.put({ id: `o${i}`, ...o }));
    return f.value();
  };
  it('compares a number field by its R11 text: 0.1 + 0.2 is INCLUSIVE of "0.3"', () => {
    expect(countWhere([{ v: 0.1 + 0.2 }, { v: 0.3 }, { v: '0.30' }], 'v', 'INCLUSIVE', ['0.3'])).toBe('2');
  });
  it('compares a number field numerically through its text: 0.0000001 is not GREATER_THAN 0', () => {
    expect(countWhere([{ v: 1e-7 }, { v: 0.000001 }], 'v', 'GREATER_THAN', ['0'])).toBe('1');
  });
  it('does not read booleans as numbers', () => {
    expect(countWhere([{ v: true }, { v: 1 }, { v: 'true' }], 'v', 'EQUAL', ['1'])).toBe('1');
    expect(countWhere([{ v: true }, { v: 1 }, { v: 'true' }], 'v', 'INCLUSIVE', ['true'])).toBe('2');
  });
  it('treats an empty string as missing: no match, EXCLUSIVE included', () => {
    expect(countWhere([{ v: '' }, { v: 'a' }, {}], 'v', 'EXCLUSIVE', ['b'])).toBe('1');
  });
  it('reads a date-only field text as midnight UTC', () => {
    expect(countWhere([{ v: '2025-01-12' }, { v: '2025-01-12T00:00:00.001Z' }, { v: '2025-01-12T00:00:00.1Z' }], 'v', 'AFTER', ['2025-01-11T23:59:59.999Z'])).toBe('2');
  });
  it('walks arrays by JSON-pointer index only', () => {
    expect(countWhere([{ v: ['a', 'b'] }, { v: { '1': 'b' } }, { v: ['b'] }], 'v.1', 'INCLUSIVE', ['b'])).toBe('2');
    expect(countWhere([{ v: ['a', 'b'] }], 'v.01', 'INCLUSIVE', ['b'])).toBeUndefined();
    expect(countWhere([{ v: ['a', 'b'] }], 'v.length', 'EQUAL', ['2'])).toBeUndefined();
  });
});

describe('UseHistoricalData', () => {
  const setup = (useHistoricalData: boolean | undefined) => {
    const f = fixture();
    f.put({ a: 1 }, { at: T0 - 1 });
    f.put({ a: 2 }, { at: T0 }); // same ms as CreatedAt: not strictly before
    const input: Record<string, unknown> = { Statistic: 'SUM', AttributeDetails: details('{Order.a}', 'a'), UseHistoricalData: useHistoricalData };
    f.call('CreateCalculatedAttributeDefinition', { CalculatedAttributeName: 'attr', ...input });
    f.clock.advance({ ms: 5 });
    f.put({ a: 4 });
    return f;
  };
  it('false excludes objects ingested before CreatedAt', () => expect(setup(false).value()).toBe('6'));
  it('absent behaves as false', () => expect(setup(undefined).value()).toBe('6'));
  it('true includes them', () => expect(setup(true).value()).toBe('7'));
  it('false also applies to windowed definitions', () => {
    const f = fixture();
    f.put({ a: 1 }, { at: T0 - 1 });
    f.call('CreateCalculatedAttributeDefinition', {
      CalculatedAttributeName: 'attr',
      Statistic: 'SUM',
      AttributeDetails: details('{Order.a}', 'a'),
      UseHistoricalData: false,
      Conditions: { Range: { Value: 1, Unit: 'DAYS' } },
    });
    f.put({ a: 2 });
    expect(f.value()).toBe('2');
  });
});

describe('remove', () => {
  it('keeps MAXIMUM, FIRST_OCCURRENCE and MAX_OCCURRENCE right after a removal', () => {
    const f = fixture();
    f.define({ Statistic: 'MAXIMUM', AttributeDetails: details('{Order.a}', 'a') }, 'max');
    f.define({ Statistic: 'FIRST_OCCURRENCE', AttributeDetails: details('{Order.c}', 'c') }, 'first');
    f.define({ Statistic: 'MAX_OCCURRENCE', AttributeDetails: details('{Order.c}', 'c') }, 'mode');
    f.define({ Statistic: 'AVERAGE', AttributeDetails: details('{Order.a}', 'a') }, 'avg');
    const ids = [
      f.put({ a: 9, c: 'web' }),
      f.put({ a: 3, c: 'phone' }),
      f.put({ a: 5, c: 'web' }),
      f.put({ a: 1, c: 'phone' }),
    ];
    expect([f.value('max'), f.value('first'), f.value('mode'), f.value('avg')]).toEqual(['9', 'web', 'phone', '4.5']);
    f.ca.remove({ domain: 'cpct-test', profileId: P1, objectTypeName: 'Order', objectId: ids[0] });
    expect([f.value('max'), f.value('first'), f.value('mode'), f.value('avg')]).toEqual(['5', 'phone', 'phone', '3']);
    f.ca.remove({ domain: 'cpct-test', profileId: P1, objectTypeName: 'Order', objectId: ids[3] });
    expect([f.value('max'), f.value('first'), f.value('mode'), f.value('avg')]).toEqual(['5', 'phone', 'web', '4']);
  });
  it('treats a second ingest of the same id as a replacement', () => {
    const f = fixture();
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.a}', 'a') }, 'sum');
    f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a') }, 'count');
    f.put({ a: 10 }, { id: 'k' });
    f.put({ a: 1 }, { id: 'other' });
    f.put({ a: 3 }, { id: 'k' });
    expect([f.value('sum'), f.value('count')]).toEqual(['4', '2']);
  });
  it('replaces the only object of a profile on both paths', () => {
    const f = fixture();
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.a}', 'a') }, 'plain');
    f.define({ Statistic: 'SUM', AttributeDetails: details('{Order.a}', 'a'), Conditions: { ObjectCount: 5 } }, 'windowed');
    for (const a of [1, 5, 7]) f.put({ a }, { id: 'k' });
    expect([f.value('plain'), f.value('windowed')]).toEqual(['7', '7']);
  });
  it('empties a profile when its last object goes', () => {
    const f = fixture();
    f.define({ Statistic: 'MINIMUM', AttributeDetails: details('{Order.a}', 'a') });
    const id = f.put({ a: 2 });
    f.ca.remove({ domain: 'cpct-test', profileId: P1, objectTypeName: 'Order', objectId: id });
    expect(f.get()).toMatchObject({ Value: undefined, LastObjectTimestamp: undefined });
  });
  it('ignores an unknown object', () => {
    const f = fixture();
    f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a') });
    f.put({ a: 2 });
    f.ca.remove({ domain: 'cpct-test', profileId: P1, objectTypeName: 'Order', objectId: 'nope' });
    expect(f.value()).toBe('1');
  });
});

describe('forgetProfile, forgetObjectType, forgetDomain', () => {
  it('forgetProfile drops that profile only', () => {
    const f = fixture();
    f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a') });
    f.put({ a: 1 }, { profile: P1 });
    f.put({ a: 1 }, { profile: P2 });
    f.ca.forgetProfile({ domain: 'cpct-test', profileId: P1 });
    expect([f.value('attr', P1), f.value('attr', P2)]).toEqual([undefined, '1']);
  });
  it('forgetObjectType drops its objects but keeps the definition', () => {
    const f = fixture();
    f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a') });
    f.put({ a: 1 });
    f.put({ a: 1 }, { type: 'Other' });
    f.ca.forgetObjectType({ domain: 'cpct-test', objectTypeName: 'Order' });
    expect(f.value()).toBeUndefined();
    f.put({ a: 1 });
    expect(f.value()).toBe('1');
  });
  it('forgetDomain drops definitions too', () => {
    const f = fixture();
    f.define({ Statistic: 'COUNT', AttributeDetails: details('{Order.a}', 'a') });
    f.ca.forgetDomain({ domain: 'cpct-test' });
    expect(() => f.get()).toThrowError(expect.objectContaining({ name: 'ResourceNotFoundException' }));
  });
});
