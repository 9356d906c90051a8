import { describe, expect, it } from 'vitest';
import { fieldValues, parseSource, sourceValue } from '../../../harness/mock/models/mapping.ts';
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
