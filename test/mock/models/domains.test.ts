import { describe, expect, it } from 'vitest';
import { T0, contactType, domain, expectError, setup } from './helpers.ts';

describe('CreateDomain', () => {
  it('returns the settings with CreatedAt and LastUpdatedAt at the clock time given a new name', () => {
    const { call } = setup();
    const out = call('CreateDomain', { DomainName: 'dom', DefaultExpirationDays: 30, DeadLetterQueueUrl: 'https://sqs/q', Tags: { team: 'a' } });
    expect(out).toEqual({
      DomainName: 'dom',
      DefaultExpirationDays: 30,
      DefaultEncryptionKey: undefined,
      DeadLetterQueueUrl: 'https://sqs/q',
      Matching: undefined,
      RuleBasedMatching: undefined,
      DataStore: undefined,
      CreatedAt: new Date(T0),
      LastUpdatedAt: new Date(T0),
      Tags: { team: 'a' },
    });
  });

  it('echoes Matching and reports RuleBasedMatching Status ACTIVE given enabled rule-based matching', () => {
    const { call } = setup();
    const out = call('CreateDomain', {
      DomainName: 'dom', DefaultExpirationDays: 1,
      Matching: { Enabled: true, JobSchedule: { DayOfTheWeek: 'MONDAY', Time: '10:00' } },
      RuleBasedMatching: { Enabled: true },
    });
    expect(out.Matching).toEqual({ Enabled: true, JobSchedule: { DayOfTheWeek: 'MONDAY', Time: '10:00' } });
    expect(out.RuleBasedMatching).toEqual({ Enabled: true, Status: 'ACTIVE' });
  });

  it('throws BadRequestException given a name already in use', () => {
    const { call } = setup();
    domain(call);
    expectError(() => domain(call), 'BadRequestException', /already exists/);
  });

  it('throws BadRequestException naming DefaultExpirationDays given it is missing or out of range', () => {
    const { call } = setup();
    expectError(() => call('CreateDomain', { DomainName: 'dom' }), 'BadRequestException', /DefaultExpirationDays/);
    expectError(() => call('CreateDomain', { DomainName: 'dom', DefaultExpirationDays: 1099 }), 'BadRequestException', /DefaultExpirationDays/);
    expectError(() => call('CreateDomain', { DomainName: 'dom', DefaultExpirationDays: '30' }), 'BadRequestException', /DefaultExpirationDays/);
  });

  it('throws BadRequestException naming DomainName given a name outside the pattern', () => {
    const { call } = setup();
    expectError(() => call('CreateDomain', { DomainName: 'a b', DefaultExpirationDays: 3 }), 'BadRequestException', /DomainName/);
  });

  it('throws BadRequestException given Tags with an aws: key', () => {
    const { call } = setup();
    expectError(() => call('CreateDomain', { DomainName: 'd', DefaultExpirationDays: 3, Tags: { 'aws:x': 'y' } }), 'BadRequestException', /Tags/);
  });
});

describe('GetDomain', () => {
  it('returns Stats counting profiles, objects and the UTF-8 bytes of the objects', () => {
    const { call } = setup();
    domain(call);
    contactType(call);
    call('CreateProfile', { DomainName: 'dom' });
    // 2 objects: {"id":"1","email":"a@x.io"} is 27 bytes; {"id":"2","email":"é@x.io"} is 28 (é is 2 bytes).
    call('PutProfileObject', { DomainName: 'dom', ObjectTypeName: 'Contact', Object: '{"id":"1","email":"a@x.io"}' });
    call('PutProfileObject', { DomainName: 'dom', ObjectTypeName: 'Contact', Object: '{"id":"2","email":"é@x.io"}' });
    const out = call('GetDomain', { DomainName: 'dom' });
    expect(out.Stats).toEqual({ ProfileCount: 3, MeteringProfileCount: 3, ObjectCount: 2, TotalSize: 55 });
    expect(out.DefaultExpirationDays).toBe(30);
  });

  it('throws ResourceNotFoundException given an unknown domain', () => {
    const { call } = setup();
    expectError(() => call('GetDomain', { DomainName: 'nope' }), 'ResourceNotFoundException', /nope/);
  });
});

describe('DeleteDomain', () => {
  it('returns a Message and removes the domain with everything in it', () => {
    const { call } = setup();
    domain(call);
    contactType(call);
    call('CreateDomainLayout', { DomainName: 'dom', LayoutDefinitionName: 'l', Description: 'd', DisplayName: 'L', LayoutType: 'PROFILE_EXPLORER', Layout: '{}' });
    expect(call('DeleteDomain', { DomainName: 'dom' })).toEqual({ Message: 'Domain dom was deleted' });
    expectError(() => call('GetDomain', { DomainName: 'dom' }), 'ResourceNotFoundException');
    domain(call);
    expect(call('ListProfileObjectTypes', { DomainName: 'dom' }).Items).toEqual([]);
    expect(call('ListDomainLayouts', { DomainName: 'dom' }).Items).toEqual([]);
  });

  it('throws ResourceNotFoundException given an unknown domain', () => {
    const { call } = setup();
    expectError(() => call('DeleteDomain', { DomainName: 'nope' }), 'ResourceNotFoundException');
  });
});

describe('ListDomains', () => {
  it('returns domains ordered by name, paginated with NextToken', () => {
    const { call, clock } = setup();
    for (const name of ['c', 'a', 'B', 'b']) {
      domain(call, name);
      clock.advance({ ms: 1000 });
    }
    const first = call('ListDomains', { MaxResults: 3 });
    // Code-unit order: upper case sorts before lower case.
    expect(first.Items.map((i: { DomainName: string }) => i.DomainName)).toEqual(['B', 'a', 'b']);
    expect(first.Items[0]).toEqual({ DomainName: 'B', CreatedAt: new Date(T0 + 2000), LastUpdatedAt: new Date(T0 + 2000), Tags: {} });
    expect(typeof first.NextToken).toBe('string');
    const second = call('ListDomains', { MaxResults: 3, NextToken: first.NextToken });
    expect(second.Items.map((i: { DomainName: string }) => i.DomainName)).toEqual(['c']);
    expect(second.NextToken).toBeUndefined();
  });

  it('returns at most defaultPageSize items when MaxResults is absent', () => {
    const { call } = setup({ options: { defaultPageSize: 2 } });
    for (const name of ['a', 'b', 'c']) domain(call, name);
    const out = call('ListDomains', {});
    expect(out.Items).toHaveLength(2);
    expect(out.NextToken).toBeDefined();
  });

  it('throws BadRequestException naming MaxResults given 0 or 101', () => {
    const { call } = setup();
    expectError(() => call('ListDomains', { MaxResults: 0 }), 'BadRequestException', /MaxResults/);
    expectError(() => call('ListDomains', { MaxResults: 101 }), 'BadRequestException', /MaxResults/);
  });

  it('throws BadRequestException given a NextToken it did not issue or one from another list', () => {
    const { call } = setup();
    domain(call, 'a');
    domain(call, 'b');
    expectError(() => call('ListDomains', { NextToken: 'forged.token' }), 'BadRequestException', /NextToken/);
    call('PutProfileObjectType', { DomainName: 'a', ObjectTypeName: 'T1', Description: 'd' });
    call('PutProfileObjectType', { DomainName: 'a', ObjectTypeName: 'T2', Description: 'd' });
    const other = call('ListProfileObjectTypes', { DomainName: 'a', MaxResults: 1 }).NextToken;
    expectError(() => call('ListDomains', { NextToken: other }), 'BadRequestException', /NextToken/);
  });
});
