import { describe, expect, it } from 'vitest';
import { contactType, domain, expectError, setup, type Caller } from './helpers.ts';

const UNKNOWN = 'f'.repeat(32);

function base() {
  const ctx = setup();
  domain(ctx.call);
  contactType(ctx.call);
  return ctx;
}

const put = (call: Caller, object: object) =>
  call('PutProfileObject', { DomainName: 'dom', ObjectTypeName: 'Contact', Object: JSON.stringify(object) }).ProfileObjectUniqueKey as string;
const create = (call: Caller, input: object = {}) => call('CreateProfile', { DomainName: 'dom', ...input }).ProfileId as string;
const read = (call: Caller, id: string) => call('BatchGetProfile', { DomainName: 'dom', ProfileIds: [id] }).Profiles[0];
const search = (call: Caller, KeyName: string, Values: string[]) =>
  call('SearchProfiles', { DomainName: 'dom', KeyName, Values }).Items.map((p: { ProfileId: string }) => p.ProfileId);
const objectsOf = (call: Caller, ProfileId: string) =>
  call('ListProfileObjects', { DomainName: 'dom', ObjectTypeName: 'Contact', ProfileId }).Items.map((o: { Object: string }) => JSON.parse(o.Object).id);

function withSum() {
  const ctx = base();
  ctx.call('CreateCalculatedAttributeDefinition', {
    DomainName: 'dom', CalculatedAttributeName: 'total', Statistic: 'SUM',
    AttributeDetails: { Attributes: [{ Name: 'amount' }], Expression: '{Contact.amount}' },
  });
  return ctx;
}
const total = (call: Caller, ProfileId: string) =>
  call('GetCalculatedAttributeForProfile', { DomainName: 'dom', CalculatedAttributeName: 'total', ProfileId }).Value;

describe('UpdateProfile', () => {
  it('returns the ProfileId and keeps members left out, sets members given and removes members given as ""', () => {
    const { call } = base();
    const id = create(call, { FirstName: 'Ann', LastName: 'Lee', EmailAddress: 'ann@x.io', Address: { City: 'Oslo', PostalCode: '0150' }, Attributes: { tier: 'gold', pet: 'cat' } });
    expect(call('UpdateProfile', {
      DomainName: 'dom', ProfileId: id, FirstName: 'Anne', LastName: '', Address: { City: '' , Country: 'NO' }, Attributes: { tier: 'silver', pet: '' },
    })).toEqual({ ProfileId: id });
    expect(read(call, id)).toEqual({
      ProfileId: id, FirstName: 'Anne', EmailAddress: 'ann@x.io', Address: { PostalCode: '0150', Country: 'NO' }, Attributes: { tier: 'silver' },
    });
  });

  it('re-indexes the profile: a new email finds it and the old one no longer does', () => {
    const { call } = base();
    const id = create(call, { EmailAddress: 'old@x.io' });
    call('UpdateProfile', { DomainName: 'dom', ProfileId: id, EmailAddress: 'new@x.io' });
    expect(search(call, '_email', ['new@x.io'])).toEqual([id]);
    expect(search(call, '_email', ['old@x.io'])).toEqual([]);
  });

  it('keeps a value set by UpdateProfile when the object type that wrote it before is deleted', () => {
    const { call } = base();
    put(call, { id: '1', email: 'a@x.io', first: 'Ann' });
    const [id] = search(call, '_email', ['a@x.io']);
    call('UpdateProfile', { DomainName: 'dom', ProfileId: id, FirstName: 'Anna' });
    call('DeleteProfileObjectType', { DomainName: 'dom', ObjectTypeName: 'Contact' });
    expect(read(call, id)).toEqual({ ProfileId: id, FirstName: 'Anna' });
  });

  it('replaces EngagementPreferences and sets enum members', () => {
    const { call } = base();
    const id = create(call, { EngagementPreferences: { Email: [{ KeyName: '_email' }] } });
    call('UpdateProfile', { DomainName: 'dom', ProfileId: id, Gender: 'FEMALE', EngagementPreferences: { Phone: [{ KeyName: '_phone' }] } });
    expect(read(call, id)).toMatchObject({ Gender: 'FEMALE', EngagementPreferences: { Phone: [{ KeyName: '_phone' }] } });
    expect(read(call, id).EngagementPreferences.Email).toBeUndefined();
  });

  it('throws ResourceNotFoundException given an unknown profile or domain', () => {
    const { call } = base();
    expectError(() => call('UpdateProfile', { DomainName: 'dom', ProfileId: UNKNOWN, FirstName: 'x' }), 'ResourceNotFoundException', /Profile/);
    expectError(() => call('UpdateProfile', { DomainName: 'nope', ProfileId: UNKNOWN }), 'ResourceNotFoundException', /Domain nope/);
  });

  it('throws BadRequestException and changes nothing given a value the model forbids', () => {
    const { call } = base();
    const id = create(call, { FirstName: 'Ann' });
    expectError(() => call('UpdateProfile', { DomainName: 'dom', ProfileId: id, FirstName: 'B', LastName: 'x'.repeat(256) }), 'BadRequestException', /LastName/);
    expectError(() => call('UpdateProfile', { DomainName: 'dom', ProfileId: id, FirstName: 'B', Gender: 'X' }), 'BadRequestException', /Gender/);
    expectError(() => call('UpdateProfile', { DomainName: 'dom', ProfileId: 'abc' }), 'BadRequestException', /ProfileId/);
    expect(read(call, id).FirstName).toBe('Ann');
  });
});

describe('AddProfileKey', () => {
  it('returns the key and values, and SearchProfiles then finds the profile by them', () => {
    const { call } = base();
    const id = create(call);
    expect(call('AddProfileKey', { DomainName: 'dom', ProfileId: id, KeyName: 'contactId', Values: ['c-1', 'c-2'] })).toEqual({ KeyName: 'contactId', Values: ['c-1', 'c-2'] });
    expect(search(call, 'contactId', ['c-2'])).toEqual([id]);
  });

  it('links later objects to the profile through an added PROFILE key', () => {
    const { call } = base();
    const id = create(call);
    call('AddProfileKey', { DomainName: 'dom', ProfileId: id, KeyName: '_email', Values: ['a@x.io'] });
    put(call, { id: '1', email: 'a@x.io' });
    expect(objectsOf(call, id)).toEqual(['1']);
  });

  it('throws BadRequestException given a key no object type declares and ResourceNotFoundException given an unknown profile', () => {
    const { call } = base();
    const id = create(call);
    expectError(() => call('AddProfileKey', { DomainName: 'dom', ProfileId: id, KeyName: 'nosuchkey', Values: ['v'] }), 'BadRequestException', /nosuchkey/);
    expectError(() => call('AddProfileKey', { DomainName: 'dom', ProfileId: UNKNOWN, KeyName: '_email', Values: ['v'] }), 'ResourceNotFoundException');
    expectError(() => call('AddProfileKey', { DomainName: 'dom', ProfileId: id, KeyName: '_email', Values: [''] }), 'BadRequestException', /Values\[0\]/);
  });
});

describe('DeleteProfileKey', () => {
  it('returns a Message and SearchProfiles no longer finds the profile by the removed value', () => {
    const { call } = base();
    const id = create(call);
    call('AddProfileKey', { DomainName: 'dom', ProfileId: id, KeyName: 'contactId', Values: ['c-1', 'c-2'] });
    expect(call('DeleteProfileKey', { DomainName: 'dom', ProfileId: id, KeyName: 'contactId', Values: ['c-1', 'c-9'] }).Message).toMatch(/contactId/);
    expect(search(call, 'contactId', ['c-1'])).toEqual([]);
    expect(search(call, 'contactId', ['c-2'])).toEqual([id]);
  });

  it('throws ResourceNotFoundException given an unknown profile', () => {
    const { call } = base();
    expectError(() => call('DeleteProfileKey', { DomainName: 'dom', ProfileId: UNKNOWN, KeyName: 'contactId', Values: ['c'] }), 'ResourceNotFoundException');
  });
});

describe('DeleteProfileObject', () => {
  it('removes the object from ListProfileObjects and from the calculated values', () => {
    const { call } = withSum();
    const key = put(call, { id: '1', email: 'a@x.io', amount: 10 });
    put(call, { id: '2', email: 'a@x.io', amount: 5 });
    const [id] = search(call, '_email', ['a@x.io']);
    expect(total(call, id)).toBe('15');
    expect(call('DeleteProfileObject', { DomainName: 'dom', ProfileId: id, ObjectTypeName: 'Contact', ProfileObjectUniqueKey: key }).Message).toBeTruthy();
    expect(objectsOf(call, id)).toEqual(['2']);
    expect(total(call, id)).toBe('5');
    expect(call('GetDomain', { DomainName: 'dom' }).Stats.ObjectCount).toBe(1);
  });

  it('frees the UNIQUE value: the same id put again is a new object', () => {
    const { call } = base();
    const key = put(call, { id: '1', email: 'a@x.io' });
    const [id] = search(call, '_email', ['a@x.io']);
    call('DeleteProfileObject', { DomainName: 'dom', ProfileId: id, ObjectTypeName: 'Contact', ProfileObjectUniqueKey: key });
    put(call, { id: '1', email: 'a@x.io' });
    expect(objectsOf(call, id)).toEqual(['1']);
  });

  it('throws ResourceNotFoundException given an unknown key, another profile\'s object, an unknown type or profile', () => {
    const { call } = base();
    const key = put(call, { id: '1', email: 'a@x.io' });
    const [id] = search(call, '_email', ['a@x.io']);
    const other = create(call);
    const del = (input: object) => () => call('DeleteProfileObject', { DomainName: 'dom', ProfileId: id, ObjectTypeName: 'Contact', ProfileObjectUniqueKey: key, ...input });
    expectError(del({ ProfileObjectUniqueKey: 'nope' }), 'ResourceNotFoundException', /nope/);
    expectError(del({ ProfileId: other }), 'ResourceNotFoundException');
    expectError(del({ ObjectTypeName: 'Other' }), 'ResourceNotFoundException', /Other/);
    expectError(del({ ProfileId: UNKNOWN }), 'ResourceNotFoundException');
    expect(objectsOf(call, id)).toEqual(['1']);
  });
});

describe('BatchGetProfile', () => {
  it('returns the profiles found in request order and an error entry per unknown id', () => {
    const { call } = base();
    const a = create(call, { FirstName: 'A' });
    const b = create(call, { FirstName: 'B' });
    const out = call('BatchGetProfile', { DomainName: 'dom', ProfileIds: [b, UNKNOWN, a, b] });
    expect(out.Profiles.map((p: { FirstName: string }) => p.FirstName)).toEqual(['B', 'A']);
    expect(out.Errors).toEqual([{ Code: 'ResourceNotFoundException', Message: expect.stringContaining(UNKNOWN), ProfileId: UNKNOWN }]);
  });

  it('throws BadRequestException given more than 20 ids or none', () => {
    const { call } = base();
    expectError(() => call('BatchGetProfile', { DomainName: 'dom', ProfileIds: [] }), 'BadRequestException', /ProfileIds/);
    expectError(() => call('BatchGetProfile', { DomainName: 'dom', ProfileIds: Array.from({ length: 21 }, () => UNKNOWN) }), 'BadRequestException', /ProfileIds/);
  });
});

describe('MergeProfiles', () => {
  it('moves objects and keys to the main profile and deletes the merged profiles', () => {
    const { call } = base();
    put(call, { id: '1', email: 'main@x.io' });
    put(call, { id: '2', email: 'dup@x.io' });
    const [main] = search(call, '_email', ['main@x.io']);
    const [dup] = search(call, '_email', ['dup@x.io']);
    call('AddProfileKey', { DomainName: 'dom', ProfileId: dup, KeyName: 'contactId', Values: ['extra'] });
    expect(call('MergeProfiles', { DomainName: 'dom', MainProfileId: main, ProfileIdsToBeMerged: [dup] }).Message).toMatch(main);
    expect(objectsOf(call, main)).toEqual(['1', '2']);
    expect(search(call, 'contactId', ['2', 'extra'])).toEqual([main]);
    expect(call('BatchGetProfile', { DomainName: 'dom', ProfileIds: [dup] }).Profiles).toEqual([]);
    expectError(() => objectsOf(call, dup), 'ResourceNotFoundException');
    expect(call('GetDomain', { DomainName: 'dom' }).Stats).toMatchObject({ ProfileCount: 1, ObjectCount: 2 });
    // A later object with the merged profile's UNIQUE value replaces the moved one on the main profile.
    put(call, { id: '2', email: 'dup@x.io' });
    expect(objectsOf(call, main)).toEqual(['1', '2']);
  });

  it('unions members, keeps the main profile\'s value on conflict and takes FieldSourceProfileIds\' choice, even an absent value', () => {
    const { call } = base();
    const main = create(call, { FirstName: 'Main', LastName: 'Lee', Attributes: { tier: 'gold', a: 'main' } });
    const dup = create(call, { FirstName: 'Dup', BirthDate: '1990-01-01', Address: { City: 'Oslo' }, Attributes: { tier: 'silver', b: 'dup' } });
    call('MergeProfiles', {
      DomainName: 'dom', MainProfileId: main, ProfileIdsToBeMerged: [dup],
      FieldSourceProfileIds: { LastName: dup, Attributes: { tier: dup } },
    });
    expect(read(call, main)).toEqual({
      ProfileId: main, FirstName: 'Main', BirthDate: '1990-01-01', Address: { City: 'Oslo' }, Attributes: { tier: 'silver', a: 'main', b: 'dup' },
    });
  });

  it('moves the merged profiles\' objects into the main profile\'s calculated values', () => {
    const { call } = withSum();
    put(call, { id: '1', email: 'main@x.io', amount: 10 });
    put(call, { id: '2', email: 'dup@x.io', amount: 5 });
    put(call, { id: '3', email: 'dup2@x.io', amount: 1 });
    const [main] = search(call, '_email', ['main@x.io']);
    const dups = search(call, '_email', ['dup@x.io', 'dup2@x.io']);
    call('MergeProfiles', { DomainName: 'dom', MainProfileId: main, ProfileIdsToBeMerged: dups });
    expect(total(call, main)).toBe('16');
    expectError(() => total(call, dups[0]), 'ResourceNotFoundException');
  });

  it('throws and changes nothing given an unknown profile, the main profile among the merged, or a foreign field source', () => {
    const { call } = base();
    const main = create(call, { FirstName: 'Main' });
    const dup = create(call, { FirstName: 'Dup' });
    const other = create(call);
    const merge = (input: object) => () => call('MergeProfiles', { DomainName: 'dom', MainProfileId: main, ProfileIdsToBeMerged: [dup], ...input });
    expectError(merge({ ProfileIdsToBeMerged: [dup, UNKNOWN] }), 'ResourceNotFoundException', UNKNOWN);
    expectError(merge({ MainProfileId: UNKNOWN }), 'ResourceNotFoundException', UNKNOWN);
    expectError(merge({ ProfileIdsToBeMerged: [main] }), 'BadRequestException', /MainProfileId/);
    expectError(merge({ FieldSourceProfileIds: { FirstName: other } }), 'BadRequestException', /FieldSourceProfileIds.FirstName/);
    expectError(merge({ ProfileIdsToBeMerged: [] }), 'BadRequestException', /ProfileIdsToBeMerged/);
    expect(call('BatchGetProfile', { DomainName: 'dom', ProfileIds: [main, dup] }).Profiles.map((p: { FirstName: string }) => p.FirstName)).toEqual(['Main', 'Dup']);
  });
});

describe('GetMatches', () => {
  it('returns no matches (identity resolution is not simulated) and checks its paging parameters', () => {
    const { call } = base();
    create(call, { EmailAddress: 'a@x.io' });
    create(call, { EmailAddress: 'a@x.io' });
    expect(call('GetMatches', { DomainName: 'dom', MaxResults: 10 })).toEqual({ Matches: [], PotentialMatches: 0, NextToken: undefined });
    expectError(() => call('GetMatches', { DomainName: 'dom', NextToken: 'forged' }), 'BadRequestException');
    expectError(() => call('GetMatches', { DomainName: 'dom', MaxResults: 0 }), 'BadRequestException', /MaxResults/);
    expectError(() => call('GetMatches', { DomainName: 'nope' }), 'ResourceNotFoundException');
  });
});

describe('ListProfileAttributeValues', () => {
  it('returns the distinct values of a member, an address part or an attribute, in order', () => {
    const { call } = base();
    create(call, { FirstName: 'Bo', Address: { City: 'Oslo' }, Attributes: { tier: 'gold' } });
    create(call, { FirstName: 'Al', Address: { City: 'Oslo' } });
    create(call, { FirstName: 'Bo' });
    const values = (AttributeName: string) => call('ListProfileAttributeValues', { DomainName: 'dom', AttributeName });
    expect(values('FirstName')).toEqual({ DomainName: 'dom', AttributeName: 'FirstName', Items: [{ Value: 'Al' }, { Value: 'Bo' }], StatusCode: 200 });
    expect(values('Address.City').Items).toEqual([{ Value: 'Oslo' }]);
    expect(values('Attributes.tier').Items).toEqual([{ Value: 'gold' }]);
    expect(values('LastName').Items).toEqual([]);
  });

  it('throws BadRequestException given a name that is no profile member', () => {
    const { call } = base();
    expectError(() => call('ListProfileAttributeValues', { DomainName: 'dom', AttributeName: 'Shoe' }), 'BadRequestException', /Shoe/);
  });
});
