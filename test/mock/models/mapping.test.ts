import { describe, expect, it } from 'vitest';
import { fieldValues, parseSource, sourceLastUpdatedAt, sourceValue } from '../../../harness/mock/models/mapping.ts';
import { domain, setup } from './helpers.ts';

const OBJECT = { firstName: 'John', lastName: 'Doe', account: 1234, address: { city: 'Seattle' }, empty: '', none: null };

describe('parseSource', () => {
  it('returns a path given _source.<path>', () => {
    expect(parseSource({ source: '_source.address.city' })).toEqual({ kind: 'path', path: ['address', 'city'] });
  });

  it('returns literal text and placeholders given a Handlebars template', () => {
    expect(parseSource({ source: '{{_source.firstName}} {{ _source.lastName }}' })).toEqual({
      kind: 'template',
      parts: [{ path: ['firstName'] }, ' ', { path: ['lastName'] }],
    });
  });

  it.each(['firstName', '{{firstName}}', 'text only', '{{_source.a}} }}', '{{_source.a', '_source.', '{{}}'])('returns undefined given %j', (source) => {
    expect(parseSource({ source })).toBeUndefined();
  });
});

describe('sourceValue', () => {
  it('returns the scalar as text given a path (numbers as their decimal text)', () => {
    expect(sourceValue({ object: OBJECT, source: '_source.account' })).toBe('1234');
    expect(sourceValue({ object: OBJECT, source: '_source.address.city' })).toBe('Seattle');
  });

  it('returns the rendered text given the admin guide template {{_source.firstName}} {{_source.lastName}}', () => {
    expect(sourceValue({ object: OBJECT, source: '{{_source.firstName}} {{_source.lastName}}' })).toBe('John Doe');
    expect(sourceValue({ object: OBJECT, source: 'City: {{_source.address.city}} ({{_source.account}})' })).toBe('City: Seattle (1234)');
  });

  it('renders a placeholder without a value as empty text given a template where another has one', () => {
    expect(sourceValue({ object: OBJECT, source: '{{_source.firstName}} {{_source.middleName}}' })).toBe('John ');
    expect(sourceValue({ object: OBJECT, source: '{{_source.empty}}-{{_source.lastName}}' })).toBe('-Doe');
  });

  it('returns undefined given a template none of whose placeholders has a value, or a missing path', () => {
    expect(sourceValue({ object: OBJECT, source: '{{_source.none}} {{_source.missing}}' })).toBeUndefined();
    expect(sourceValue({ object: OBJECT, source: '_source.address' })).toBeUndefined();
    expect(sourceValue({ object: OBJECT, source: '_source.missing.deeper' })).toBeUndefined();
  });
});

describe('fieldValues', () => {
  it('returns template fields beside path fields given a mapping that mixes them', () => {
    const fields = new Map([
      ['fullName', { Source: '{{_source.firstName}} {{_source.lastName}}' }],
      ['first', { Source: '_source.firstName' }],
      ['nothing', { Source: '{{_source.missing}}' }],
    ]);
    expect(Object.fromEntries(fieldValues({ fields, object: OBJECT }))).toEqual({ fullName: 'John Doe', first: 'John' });
  });
});

describe('PutProfileObject', () => {
  it('fills _profile targets and keys from template fields given the admin guide mapping example', () => {
    const { call } = setup();
    domain(call);
    call('PutProfileObjectType', {
      DomainName: 'dom', ObjectTypeName: 'Example', Description: 'd', AllowProfileCreation: true,
      Fields: {
        fullName: { Source: '{{_source.firstName}} {{_source.lastName}}', Target: '_profile.Attributes.fullName' },
        accountId: { Source: '_source.account', Target: '_profile.AccountNumber', ContentType: 'NUMBER' },
      },
      Keys: {
        _account: [{ StandardIdentifiers: ['PROFILE', 'UNIQUE'], FieldNames: ['accountId'] }],
        displayName: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['fullName'] }],
      },
    });
    call('PutProfileObject', { DomainName: 'dom', ObjectTypeName: 'Example', Object: JSON.stringify(OBJECT) });
    const found = call('SearchProfiles', { DomainName: 'dom', KeyName: 'displayName', Values: ['John Doe'] });
    expect(found.Items).toHaveLength(1);
    expect(found.Items[0].Attributes).toEqual({ fullName: 'John Doe' });
    expect(found.Items[0].AccountNumber).toBe('1234');
  });
});

describe('sourceLastUpdatedAt', () => {
  const PATTERN = "yyyy-MM-dd'T'HH:mm:ss'Z'";
  const mapping = (fields: Record<string, { Source: string; Target?: string }>, format: string | undefined = PATTERN) => ({
    allowProfileCreation: true, sourceLastUpdatedTimestampFormat: format, fields: new Map(Object.entries(fields)), keys: new Map(),
  });

  it('returns the time of the field targeting .UpdatedDate given the AWS sample pattern', () => {
    const m = mapping({ id: { Source: '_source.id' }, updated: { Source: '_source.LastUpdated', Target: '_airBooking.UpdatedDate' } });
    expect(sourceLastUpdatedAt({ mapping: m, object: { LastUpdated: '2025-06-01T08:30:00Z' }, referenceMs: 0 })).toBe(Date.UTC(2025, 5, 1, 8, 30));
  });

  it('returns the field named sourceLastUpdatedTimestamp before an UpdatedDate target', () => {
    const m = mapping({ u: { Source: '_source.u', Target: 'x.UpdatedDate' }, SourceLastUpdatedTimestamp: { Source: '_source.s' } }, 'yyyyMMdd');
    expect(sourceLastUpdatedAt({ mapping: m, object: { u: '20200101', s: '20210101' }, referenceMs: 0 })).toBe(Date.UTC(2021, 0, 1));
  });

  it('returns undefined given no format, no timestamp field, or a value the pattern does not parse', () => {
    const fields = { updated: { Source: '_source.u', Target: 'x.UpdatedDate' } };
    expect(sourceLastUpdatedAt({ mapping: { ...mapping(fields), sourceLastUpdatedTimestampFormat: undefined }, object: { u: '2025-06-01T08:30:00Z' }, referenceMs: 0 })).toBeUndefined();
    expect(sourceLastUpdatedAt({ mapping: mapping({ other: { Source: '_source.u', Target: 'x.Created' } }), object: { u: '2025-06-01T08:30:00Z' }, referenceMs: 0 })).toBeUndefined();
    expect(sourceLastUpdatedAt({ mapping: mapping(fields), object: { u: '2025-06-01T08:30:00' }, referenceMs: 0 })).toBeUndefined();
  });
});

describe('PutProfileObject (source last-updated time)', () => {
  function typed() {
    const { call } = setup();
    domain(call);
    call('PutProfileObjectType', {
      DomainName: 'dom', ObjectTypeName: 'Booking', Description: 'd', AllowProfileCreation: true,
      SourceLastUpdatedTimestampFormat: "yyyy-MM-dd'T'HH:mm:ss'Z'",
      Fields: {
        id: { Source: '_source.id', Target: 'Booking.id' },
        email: { Source: '_source.email', Target: '_profile.EmailAddress', ContentType: 'EMAIL_ADDRESS' },
        updated: { Source: '_source.LastUpdated', Target: 'Booking.UpdatedDate' },
        status: { Source: '_source.status', Target: 'Booking.status' },
      },
      Keys: { _bookingId: [{ StandardIdentifiers: ['UNIQUE'], FieldNames: ['id'] }], _email: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['email'] }] },
    });
    const put = (status: string, LastUpdated: string) =>
      call('PutProfileObject', { DomainName: 'dom', ObjectTypeName: 'Booking', Object: JSON.stringify({ id: 'B1', email: 'a@x.io', status, LastUpdated }) });
    const stored = () => {
      const ProfileId = call('SearchProfiles', { DomainName: 'dom', KeyName: '_email', Values: ['a@x.io'] }).Items[0].ProfileId;
      return call('ListProfileObjects', { DomainName: 'dom', ObjectTypeName: 'Booking', ProfileId }).Items.map((i: { Object: string }) => JSON.parse(i.Object).status);
    };
    return { put, stored };
  }

  it('keeps the stored object given a record older in its source with the same UNIQUE value', () => {
    const { put, stored } = typed();
    const first = put('confirmed', '2025-06-02T00:00:00Z');
    expect(put('draft', '2025-06-01T00:00:00Z')).toEqual(first);
    expect(stored()).toEqual(['confirmed']);
  });

  it('replaces the stored object given a record newer in its source, or one whose time does not parse', () => {
    const { put, stored } = typed();
    put('draft', '2025-06-01T00:00:00Z');
    put('confirmed', '2025-06-02T00:00:00Z');
    expect(stored()).toEqual(['confirmed']);
    put('cancelled', 'yesterday');
    expect(stored()).toEqual(['cancelled']);
  });
});
