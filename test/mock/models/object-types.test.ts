import { describe, expect, it } from 'vitest';
import { T0, contactType, domain, expectError, setup } from './helpers.ts';

const STANDARD_IDENTIFIERS = [
  'PROFILE', 'ASSET', 'CASE', 'DEVICE', 'WEB_ANALYTICS', 'ORDER', 'COMMUNICATION_RECORD', 'AIR_PREFERENCE',
  'HOTEL_PREFERENCE', 'AIR_BOOKING', 'AIR_SEGMENT', 'HOTEL_RESERVATION', 'HOTEL_STAY_REVENUE', 'LOYALTY',
  'LOYALTY_TRANSACTION', 'LOYALTY_PROMOTION', 'UNIQUE', 'SECONDARY', 'LOOKUP_ONLY', 'NEW_ONLY',
];

function base() {
  const ctx = setup();
  domain(ctx.call);
  return ctx;
}

describe('PutProfileObjectType', () => {
  it('returns the stored definition with defaults filled given a new type', () => {
    const { call } = base();
    const out = contactType(call, { extra: { Tags: { k: 'v' }, SourcePriority: 2 } });
    expect(out).toMatchObject({
      ObjectTypeName: 'Contact',
      Description: 'contacts',
      ExpirationDays: 30,
      AllowProfileCreation: true,
      MaxAvailableProfileObjectCount: 1000,
      SourcePriority: 2,
      CreatedAt: new Date(T0),
      LastUpdatedAt: new Date(T0),
      Tags: { k: 'v' },
    });
    expect(out.MaxProfileObjectCount).toBeUndefined();
    expect(out.Keys).toEqual({
      _email: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['email'] }],
      contactId: [{ StandardIdentifiers: ['UNIQUE'], FieldNames: ['id'] }],
    });
    expect(out.Fields.email).toEqual({ Source: '_source.email', Target: '_profile.EmailAddress', ContentType: 'EMAIL_ADDRESS' });
  });

  it('keeps CreatedAt and tags and moves LastUpdatedAt given a replace', () => {
    const { call, clock } = base();
    contactType(call, { extra: { Tags: { k: 'v' } } });
    clock.advance({ ms: 5000 });
    const out = call('PutProfileObjectType', { DomainName: 'dom', ObjectTypeName: 'Contact', Description: 'v2', ExpirationDays: 7, Tags: { other: 'x' } });
    expect(out.CreatedAt).toEqual(new Date(T0));
    expect(out.LastUpdatedAt).toEqual(new Date(T0 + 5000));
    expect(out.Description).toBe('v2');
    expect(out.ExpirationDays).toBe(7);
    expect(out.Tags).toEqual({ k: 'v' });
    expect(out.Fields).toBeUndefined();
  });

  it('never moves LastUpdatedAt backwards given a clock set back', () => {
    const { call, clock } = base();
    clock.advance({ ms: 10_000 });
    contactType(call);
    clock.set({ ms: T0 });
    const out = contactType(call);
    expect(out.LastUpdatedAt).toEqual(new Date(T0 + 10_000));
  });

  it('accepts every StandardIdentifier of the model in Keys', () => {
    const { call } = base();
    const keys = Object.fromEntries(STANDARD_IDENTIFIERS.filter((id) => id !== 'UNIQUE').map((id) => [`k_${id}`, [{ StandardIdentifiers: [id], FieldNames: ['f'] }]]));
    keys.k_UNIQUE = [{ StandardIdentifiers: ['UNIQUE'], FieldNames: ['f'] }];
    const out = call('PutProfileObjectType', {
      DomainName: 'dom', ObjectTypeName: 'All', Description: 'd',
      Fields: { f: { Source: '_source.f', Target: 'All.f' } }, Keys: keys,
    });
    expect(Object.keys(out.Keys)).toHaveLength(20);
  });

  it('copies the template mapping given a TemplateId alone', () => {
    const { call } = base();
    const out = call('PutProfileObjectType', { DomainName: 'dom', ObjectTypeName: 'Bookings', Description: 'd', TemplateId: 'Mock-TH-AirBooking' });
    expect(out.TemplateId).toBe('Mock-TH-AirBooking');
    expect(out.AllowProfileCreation).toBe(true);
    expect(out.Keys._airBookingId).toEqual([{ StandardIdentifiers: ['AIR_BOOKING', 'UNIQUE'], FieldNames: ['BookingId'] }]);
    expect(out.SourceLastUpdatedTimestampFormat).toBe("yyyy-MM-dd'T'HH:mm:ss'Z'");
  });

  it('accepts AllowProfileCreation false (the default) with a TemplateId', () => {
    const { call } = base();
    const out = call('PutProfileObjectType', { DomainName: 'dom', ObjectTypeName: 'B', Description: 'd', TemplateId: 'Mock-Generic-Order', AllowProfileCreation: false });
    expect(out.AllowProfileCreation).toBe(false);
  });

  it.each([
    ['AllowProfileCreation', { AllowProfileCreation: true }],
    ['SourceLastUpdatedTimestampFormat', { SourceLastUpdatedTimestampFormat: 'yyyy' }],
    ['Fields', { Fields: { a: { Source: '_source.a', Target: 'B.a' } } }],
    ['Keys', { Keys: {} }],
  ])('throws BadRequestException naming %s given it with a TemplateId', (member, extra) => {
    const { call } = base();
    expectError(
      () => call('PutProfileObjectType', { DomainName: 'dom', ObjectTypeName: 'B', Description: 'd', TemplateId: 'Mock-TH-Loyalty', ...extra }),
      'BadRequestException',
      new RegExp(member),
    );
  });

  it('returns the CTR-NoInferred mapping given the API Reference example 2 request (Description CTR, TemplateId CTR-NoInferred)', () => {
    const { call } = base();
    const out = call('PutProfileObjectType', { DomainName: 'dom', ObjectTypeName: 'CTR', Description: 'CTR', TemplateId: 'CTR-NoInferred' });
    expect(out.TemplateId).toBe('CTR-NoInferred');
    expect(out.AllowProfileCreation).toBe(true);
    expect(Object.keys(out.Keys).sort()).toEqual(['_ctrContactId', '_phone']);
    expect(call('GetProfileObjectType', { DomainName: 'dom', ObjectTypeName: 'CTR' }).TemplateId).toBe('CTR-NoInferred');
  });

  it('returns the Handlebars Source as put given the admin guide mapping example', () => {
    const { call } = base();
    const Fields = {
      fullName: { Source: '{{_source.firstName}} {{_source.lastName}}' },
      first: { Source: '_source.firstName', Target: '_profile.FirstName' },
      spaced: { Source: 'Name: {{ _source.name.first }}!', Target: 'B.spaced' },
    };
    const out = call('PutProfileObjectType', { DomainName: 'dom', ObjectTypeName: 'B', Description: 'd', Fields, Keys: { _fullName: [{ FieldNames: ['fullName'] }] } });
    expect(out.Fields).toEqual(Fields);
    expect(call('GetProfileObjectType', { DomainName: 'dom', ObjectTypeName: 'B' }).Fields).toEqual(Fields);
  });

  it.each([
    ['plain text', 'firstName'],
    ['a placeholder naming no _source path', '{{firstName}}'],
    ['an empty path', '{{_source.}}'],
    ['an empty segment', '_source.a..b'],
    ['a stray brace pair', '{{_source.a}} }}'],
    ['an unclosed placeholder', '{{_source.a}} {{_source.b'],
  ])('throws BadRequestException given a Source that is %s', (_what, Source) => {
    const { call } = base();
    expectError(
      () => call('PutProfileObjectType', { DomainName: 'dom', ObjectTypeName: 'B', Description: 'd', Fields: { f: { Source } } }),
      'BadRequestException',
      /Fields\.f\.Source.*template/,
    );
  });

  it('throws BadRequestException given an unknown TemplateId', () => {
    const { call } = base();
    expectError(() => call('PutProfileObjectType', { DomainName: 'dom', ObjectTypeName: 'B', Description: 'd', TemplateId: 'nope' }), 'BadRequestException', /TemplateId/);
  });

  it('throws BadRequestException given a key naming a field that Fields lacks', () => {
    const { call } = base();
    expectError(
      () => call('PutProfileObjectType', { DomainName: 'dom', ObjectTypeName: 'B', Description: 'd', Fields: {}, Keys: { k: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['missing'] }] } }),
      'BadRequestException',
      /FieldNames.*missing/,
    );
  });

  it('throws BadRequestException given an identifier outside the StandardIdentifier enum', () => {
    const { call } = base();
    expectError(
      () => call('PutProfileObjectType', { DomainName: 'dom', ObjectTypeName: 'B', Description: 'd', Fields: { f: { Source: '_source.f' } }, Keys: { k: [{ StandardIdentifiers: ['PRIMARY'], FieldNames: ['f'] }] } }),
      'BadRequestException',
      /StandardIdentifier/,
    );
  });

  it('throws BadRequestException given two UNIQUE keys', () => {
    const { call } = base();
    const unique = [{ StandardIdentifiers: ['UNIQUE'], FieldNames: ['f'] }];
    expectError(
      () => call('PutProfileObjectType', { DomainName: 'dom', ObjectTypeName: 'B', Description: 'd', Fields: { f: { Source: '_source.f' } }, Keys: { a: unique, b: unique } }),
      'BadRequestException',
      /UNIQUE/,
    );
  });

  it('throws BadRequestException given a Source without _source. or a _profile target that is no profile member', () => {
    const { call } = base();
    const put = (field: object) => call('PutProfileObjectType', { DomainName: 'dom', ObjectTypeName: 'B', Description: 'd', Fields: { f: field } });
    expectError(() => put({ Source: 'f' }), 'BadRequestException', /Fields\.f\.Source/);
    expectError(() => put({ Source: '_source.f', Target: '_profile.Nickname' }), 'BadRequestException', /Fields\.f\.Target/);
    expectError(() => put({ Source: '_source.f', ContentType: 'DATE' }), 'BadRequestException', /ContentType/);
  });

  it('throws BadRequestException given MaxProfileObjectCount above MaxAvailableProfileObjectCount (1000)', () => {
    const { call } = base();
    expect(contactType(call, { extra: { MaxProfileObjectCount: 1000 } }).MaxProfileObjectCount).toBe(1000);
    expectError(() => contactType(call, { extra: { MaxProfileObjectCount: 1001 } }), 'BadRequestException', /MaxProfileObjectCount/);
  });

  it('throws BadRequestException given no Description', () => {
    const { call } = base();
    expectError(() => call('PutProfileObjectType', { DomainName: 'dom', ObjectTypeName: 'B' }), 'BadRequestException', /Description/);
  });

  it('throws ResourceNotFoundException given an unknown domain', () => {
    const { call } = setup();
    expectError(() => contactType(call), 'ResourceNotFoundException');
  });
});

describe('GetProfileObjectType', () => {
  it('returns what Put stored', () => {
    const { call } = base();
    const put = contactType(call);
    expect(call('GetProfileObjectType', { DomainName: 'dom', ObjectTypeName: 'Contact' })).toEqual(put);
  });

  it('throws ResourceNotFoundException given an unknown type', () => {
    const { call } = base();
    expectError(() => call('GetProfileObjectType', { DomainName: 'dom', ObjectTypeName: 'Nope' }), 'ResourceNotFoundException', /Nope/);
  });
});

describe('ListProfileObjectTypes', () => {
  it('returns summaries ordered by name, paginated', () => {
    const { call } = base();
    for (const name of ['Zeta', 'Alpha', 'Mid']) call('PutProfileObjectType', { DomainName: 'dom', ObjectTypeName: name, Description: `d-${name}`, MaxProfileObjectCount: 5 });
    const first = call('ListProfileObjectTypes', { DomainName: 'dom', MaxResults: 2 });
    expect(first.Items).toEqual([
      { ObjectTypeName: 'Alpha', Description: 'd-Alpha', CreatedAt: new Date(T0), LastUpdatedAt: new Date(T0), MaxProfileObjectCount: 5, MaxAvailableProfileObjectCount: 1000, SourcePriority: undefined, Tags: {} },
      { ObjectTypeName: 'Mid', Description: 'd-Mid', CreatedAt: new Date(T0), LastUpdatedAt: new Date(T0), MaxProfileObjectCount: 5, MaxAvailableProfileObjectCount: 1000, SourcePriority: undefined, Tags: {} },
    ]);
    const second = call('ListProfileObjectTypes', { DomainName: 'dom', MaxResults: 2, NextToken: first.NextToken });
    expect(second.Items.map((i: { ObjectTypeName: string }) => i.ObjectTypeName)).toEqual(['Zeta']);
    expect(second.NextToken).toBeUndefined();
  });

  it('throws ResourceNotFoundException given an unknown domain', () => {
    const { call } = setup();
    expectError(() => call('ListProfileObjectTypes', { DomainName: 'x' }), 'ResourceNotFoundException');
  });
});

describe('DeleteProfileObjectType', () => {
  it('removes the type, its objects and the profile fields it populated', () => {
    const { call } = base();
    contactType(call);
    call('PutProfileObject', { DomainName: 'dom', ObjectTypeName: 'Contact', Object: '{"id":"1","email":"a@x.io","first":"Ann"}' });
    const profileId = call('SearchProfiles', { DomainName: 'dom', KeyName: '_email', Values: ['a@x.io'] }).Items[0].ProfileId;
    expect(call('DeleteProfileObjectType', { DomainName: 'dom', ObjectTypeName: 'Contact' })).toEqual({ Message: 'Object type Contact was deleted' });
    expectError(() => call('GetProfileObjectType', { DomainName: 'dom', ObjectTypeName: 'Contact' }), 'ResourceNotFoundException');
    // The profile stays, without the fields the type wrote: searching by its id shows only the id.
    expect(call('SearchProfiles', { DomainName: 'dom', KeyName: '_profileId', Values: [profileId] }).Items).toEqual([{ ProfileId: profileId, Attributes: undefined, FoundByItems: undefined }]);
    expect(call('SearchProfiles', { DomainName: 'dom', KeyName: '_email', Values: ['a@x.io'] }).Items).toEqual([]);
    contactType(call);
    expect(call('ListProfileObjects', { DomainName: 'dom', ObjectTypeName: 'Contact', ProfileId: profileId }).Items).toEqual([]);
    expect(call('GetDomain', { DomainName: 'dom' }).Stats.ObjectCount).toBe(0);
  });

  it('keeps fields that CreateProfile set', () => {
    const { call } = base();
    contactType(call);
    const { ProfileId } = call('CreateProfile', { DomainName: 'dom', LastName: 'Lee', EmailAddress: 'a@x.io' });
    call('PutProfileObject', { DomainName: 'dom', ObjectTypeName: 'Contact', Object: '{"id":"1","email":"a@x.io","first":"Ann"}' });
    call('DeleteProfileObjectType', { DomainName: 'dom', ObjectTypeName: 'Contact' });
    const item = call('SearchProfiles', { DomainName: 'dom', KeyName: '_profileId', Values: [ProfileId] }).Items[0];
    // EmailAddress was overwritten by the object (same value), so it counts as the type's and is scrubbed.
    expect(item).toEqual({ ProfileId, LastName: 'Lee', Attributes: undefined, FoundByItems: undefined });
  });

  it('throws ResourceNotFoundException given an unknown type', () => {
    const { call } = base();
    expectError(() => call('DeleteProfileObjectType', { DomainName: 'dom', ObjectTypeName: 'Nope' }), 'ResourceNotFoundException');
  });
});

describe('GetProfileObjectTypeTemplate', () => {
  it('returns a T&H template with its identifier key', () => {
    const { call } = setup();
    const out = call('GetProfileObjectTypeTemplate', { TemplateId: 'Mock-TH-Loyalty' });
    expect(out.TemplateId).toBe('Mock-TH-Loyalty');
    expect(out.SourceName).toBe('MockTravelHospitality');
    expect(out.SourceObject).toBe('Loyalty');
    expect(out.Keys._loyaltyId).toEqual([{ StandardIdentifiers: ['LOYALTY', 'UNIQUE'], FieldNames: ['LoyaltyId'] }]);
    expect(out.Keys._loyaltyMembershipId).toEqual([{ StandardIdentifiers: ['LOYALTY'], FieldNames: ['MembershipId'] }]);
    expect(out.Fields.EmailAddress).toEqual({ Source: '_source.EmailAddress', Target: '_profile.EmailAddress', ContentType: 'EMAIL_ADDRESS' });
  });

  it.each([
    ['CTR', true, ['_ctrContactId']],
    ['CTR-NoInferred', true, ['_ctrContactId', '_phone']],
    ['CTR-AutoAssociateOnly', false, ['_ctrContactId', '_phone']],
  ])('returns %s with the documented keys and profile creation %s', (TemplateId, creates, keys) => {
    const { call } = setup();
    const out = call('GetProfileObjectTypeTemplate', { TemplateId });
    expect(out.TemplateId).toBe(TemplateId);
    expect(out.AllowProfileCreation).toBe(creates);
    expect(Object.keys(out.Keys).sort()).toEqual(keys);
    expect(out.Keys._ctrContactId[0].StandardIdentifiers).toContain('PROFILE');
  });

  it('returns Salesforce-Account as the API Reference example prints it (target spelling corrected)', () => {
    const { call } = setup();
    const out = call('GetProfileObjectTypeTemplate', { TemplateId: 'Salesforce-Account' });
    expect(out).toMatchObject({ TemplateId: 'Salesforce-Account', SourceName: 'Salesforce-account', SourceObject: 'Account', AllowProfileCreation: false });
    expect(out.Fields.email).toEqual({ ContentType: 'EMAIL_ADDRESS', Source: '_source.email', Target: '_profile.BusinessEmailAddress' });
    expect(out.Fields.phone.Target).toBe('_profile.BusinessPhoneNumber');
    expect(out.Keys._email).toEqual([{ FieldNames: ['email'], StandardIdentifiers: ['PROFILE', 'UNIQUE'] }]);
    expect(call('GetProfileObjectTypeTemplate', { TemplateId: 'Salesforce-Contact' }).SourceObject).toBe('Contact');
  });

  it('throws ResourceNotFoundException given an unknown TemplateId', () => {
    const { call } = setup();
    expectError(() => call('GetProfileObjectTypeTemplate', { TemplateId: 'Salesforce-Lead' }), 'ResourceNotFoundException');
  });
});

describe('ListProfileObjectTypeTemplates', () => {
  it('returns the five documented and ten mock templates ordered by TemplateId', () => {
    const { call } = setup();
    const out = call('ListProfileObjectTypeTemplates', {});
    expect(out.Items.map((t: { TemplateId: string }) => t.TemplateId)).toEqual([
      'CTR', 'CTR-AutoAssociateOnly', 'CTR-NoInferred', 'Mock-Generic-Contact', 'Mock-Generic-Order', 'Mock-TH-AirBooking', 'Mock-TH-AirPreference', 'Mock-TH-AirSegment',
      'Mock-TH-HotelPreference', 'Mock-TH-HotelReservation', 'Mock-TH-Loyalty', 'Mock-TH-LoyaltyPromotion', 'Mock-TH-LoyaltyTransaction',
      'Salesforce-Account', 'Salesforce-Contact',
    ]);
    expect(out.Items[4]).toEqual({ TemplateId: 'Mock-Generic-Order', SourceName: 'MockGeneric', SourceObject: 'Order' });
    expect(out.NextToken).toBeUndefined();
  });

  it('pages through with MaxResults 6 in three pages', () => {
    const { call } = setup();
    const a = call('ListProfileObjectTypeTemplates', { MaxResults: 6 });
    const b = call('ListProfileObjectTypeTemplates', { MaxResults: 6, NextToken: a.NextToken });
    const c = call('ListProfileObjectTypeTemplates', { MaxResults: 6, NextToken: b.NextToken });
    expect([a.Items.length, b.Items.length, c.Items.length]).toEqual([6, 6, 3]);
    expect(c.NextToken).toBeUndefined();
  });
});
