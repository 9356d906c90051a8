import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../harness/clock.ts';
import { createMockService } from '../../../harness/mock/models/service.ts';
import { T0, contactType, domain, expectError, setup, type Caller } from './helpers.ts';

function base({ allowProfileCreation = true }: { allowProfileCreation?: boolean } = {}) {
  const ctx = setup();
  domain(ctx.call);
  contactType(ctx.call, { allowProfileCreation });
  return ctx;
}

const put = (call: Caller, object: object, type = 'Contact') =>
  call('PutProfileObject', { DomainName: 'dom', ObjectTypeName: type, Object: JSON.stringify(object) });
const search = (call: Caller, KeyName: string, Values: string[]) => call('SearchProfiles', { DomainName: 'dom', KeyName, Values });
const objectsOf = (call: Caller, ProfileId: string, type = 'Contact') =>
  call('ListProfileObjects', { DomainName: 'dom', ObjectTypeName: type, ProfileId }).Items;

describe('CreateProfile', () => {
  it('returns a 32-hex ProfileId, the same sequence for two instances with the same options', () => {
    const ids = (secret?: string) => {
      const service = createMockService({ clock: new ManualClock({ startMs: T0 }), options: { tokenSecret: secret } });
      service.call('CreateDomain', { DomainName: 'd', DefaultExpirationDays: 1 });
      return [1, 2, 3].map(() => service.call('CreateProfile', { DomainName: 'd' }).ProfileId as string);
    };
    const a = ids();
    expect(a.every((id) => /^[a-f0-9]{32}$/.test(id))).toBe(true);
    expect(new Set(a).size).toBe(3);
    expect(ids()).toEqual(a);
    expect(ids('other-secret')).not.toEqual(a);
  });

  it('stores the standard members, addresses and attributes that SearchProfiles returns', () => {
    const { call } = setup();
    domain(call);
    const { ProfileId } = call('CreateProfile', {
      DomainName: 'dom', FirstName: 'Ann', LastName: 'Lee', Gender: 'FEMALE', PhoneNumber: '+1 (555) 010-0000',
      Address: { City: 'Oslo', PostalCode: '0150' }, Attributes: { tier: 'gold' },
    });
    expect(search(call, '_profileId', [ProfileId]).Items).toEqual([{
      ProfileId, FirstName: 'Ann', LastName: 'Lee', Gender: 'FEMALE', PhoneNumber: '+1 (555) 010-0000',
      Address: { City: 'Oslo', PostalCode: '0150' }, Attributes: { tier: 'gold' }, FoundByItems: undefined,
    }]);
  });

  it('throws BadRequestException naming Gender given a value outside the enum', () => {
    const { call } = setup();
    domain(call);
    expectError(() => call('CreateProfile', { DomainName: 'dom', Gender: 'X' }), 'BadRequestException', /Gender/);
  });

  it('throws BadRequestException naming Address.City given a non-string', () => {
    const { call } = setup();
    domain(call);
    expectError(() => call('CreateProfile', { DomainName: 'dom', Address: { City: 5 } }), 'BadRequestException', /Address\.City/);
  });

  it('throws ResourceNotFoundException given an unknown domain', () => {
    const { call } = setup();
    expectError(() => call('CreateProfile', { DomainName: 'dom' }), 'ResourceNotFoundException');
  });
});

describe('SearchProfiles', () => {
  function three() {
    const { call } = setup();
    domain(call);
    const a = call('CreateProfile', { DomainName: 'dom', EmailAddress: 'Ann@X.io', FirstName: 'Ann', LastName: 'Lee', AccountNumber: 'A1' }).ProfileId;
    const b = call('CreateProfile', { DomainName: 'dom', BusinessEmailAddress: 'bo@x.io', MobilePhoneNumber: '+47 123-45 678', AccountNumber: 'A1' }).ProfileId;
    const c = call('CreateProfile', { DomainName: 'dom', FirstName: 'Cy' }).ProfileId;
    return { call, a, b, c };
  }
  const ids = (out: { Items: Array<{ ProfileId: string }> }) => out.Items.map((i) => i.ProfileId);

  it('finds by _email ignoring case, across the three e-mail members', () => {
    const { call, a, b } = three();
    expect(ids(search(call, '_email', ['ann@x.io']))).toEqual([a]);
    expect(ids(search(call, '_email', ['BO@x.io', 'ann@x.io']))).toEqual([a, b]);
  });

  it('finds by _phone ignoring spaces, dashes and parentheses', () => {
    const { call, b } = three();
    expect(ids(search(call, '_phone', ['+4712345678']))).toEqual([b]);
  });

  it('finds by _fullName and _account', () => {
    const { call, a, b } = three();
    expect(ids(search(call, '_fullName', ['ann  LEE']))).toEqual([a]);
    expect(ids(search(call, '_account', ['A1']))).toEqual([a, b]);
  });

  it('combines AdditionalSearchKeys with AND and reports every pair in FoundByItems', () => {
    const { call, a } = three();
    const out = call('SearchProfiles', {
      DomainName: 'dom', KeyName: '_account', Values: ['A1'], LogicalOperator: 'AND',
      AdditionalSearchKeys: [{ KeyName: '_email', Values: ['ann@x.io'] }],
    });
    expect(ids(out)).toEqual([a]);
    expect(out.Items[0].FoundByItems).toEqual([{ KeyName: '_account', Values: ['A1'] }, { KeyName: '_email', Values: ['ann@x.io'] }]);
  });

  it('combines with OR by default and reports only the matching pairs and values', () => {
    const { call, a, b, c } = three();
    const out = call('SearchProfiles', {
      DomainName: 'dom', KeyName: '_email', Values: ['bo@x.io', 'none@x.io'],
      AdditionalSearchKeys: [{ KeyName: '_fullName', Values: ['Cy'] }],
    });
    expect(ids(out)).toEqual([b, c]);
    expect(out.Items[0].FoundByItems).toEqual([{ KeyName: '_email', Values: ['bo@x.io'] }]);
    expect(out.Items[1].FoundByItems).toEqual([{ KeyName: '_fullName', Values: ['Cy'] }]);
    expect(a).toBeDefined();
  });

  it('paginates in creation order', () => {
    const { call, a, b } = three();
    const first = call('SearchProfiles', { DomainName: 'dom', KeyName: '_account', Values: ['A1'], MaxResults: 1 });
    expect(ids(first)).toEqual([a]);
    const second = call('SearchProfiles', { DomainName: 'dom', KeyName: '_account', Values: ['A1'], MaxResults: 1, NextToken: first.NextToken });
    expect(ids(second)).toEqual([b]);
    expect(second.NextToken).toBeUndefined();
  });

  it('throws BadRequestException given a NextToken of a search with other values', () => {
    const { call } = three();
    const first = call('SearchProfiles', { DomainName: 'dom', KeyName: '_account', Values: ['A1'], MaxResults: 1 });
    expectError(() => call('SearchProfiles', { DomainName: 'dom', KeyName: '_account', Values: ['A2'], NextToken: first.NextToken }), 'BadRequestException', /NextToken/);
  });

  it('finds by a key an object type defines', () => {
    const { call } = base();
    put(call, { id: 'c1', email: 'a@x.io' });
    const [item] = search(call, '_email', ['a@x.io']).Items;
    // contactId is UNIQUE only (not a linking key): it ties the object to no profile but is searchable.
    expect(search(call, 'contactId', ['c1']).Items.map((i: { ProfileId: string }) => i.ProfileId)).toEqual([item.ProfileId]);
    expect(search(call, 'contactId', ['c2']).Items).toEqual([]);
    expect(item.EmailAddress).toBe('a@x.io');
  });

  it('throws BadRequestException given a KeyName that is neither predefined nor defined by a type', () => {
    const { call } = three();
    expectError(() => search(call, 'shoeSize', ['42']), 'BadRequestException', /shoeSize/);
  });

  it('throws BadRequestException given empty Values', () => {
    const { call } = three();
    expectError(() => search(call, '_email', []), 'BadRequestException', /Values/);
  });
});

describe('DeleteProfile', () => {
  it('removes the profile and its objects', () => {
    const { call } = base();
    put(call, { id: '1', email: 'a@x.io' });
    const [{ ProfileId }] = search(call, '_email', ['a@x.io']).Items;
    expect(call('DeleteProfile', { DomainName: 'dom', ProfileId })).toEqual({ Message: `Profile ${ProfileId} was deleted` });
    expect(search(call, '_email', ['a@x.io']).Items).toEqual([]);
    expect(call('GetDomain', { DomainName: 'dom' }).Stats).toMatchObject({ ProfileCount: 0, ObjectCount: 0 });
    expectError(() => objectsOf(call, ProfileId), 'ResourceNotFoundException');
  });

  it('throws ResourceNotFoundException given an unknown ProfileId', () => {
    const { call } = base();
    expectError(() => call('DeleteProfile', { DomainName: 'dom', ProfileId: 'a'.repeat(32) }), 'ResourceNotFoundException');
  });

  it('throws BadRequestException naming ProfileId given one outside the pattern', () => {
    const { call } = base();
    expectError(() => call('DeleteProfile', { DomainName: 'dom', ProfileId: 'XYZ' }), 'BadRequestException', /ProfileId/);
  });
});

describe('PutProfileObject', () => {
  it('attaches the object to the profile its PROFILE key finds and fills mapped profile fields', () => {
    const { call } = base();
    const { ProfileId } = call('CreateProfile', { DomainName: 'dom', EmailAddress: 'a@x.io' });
    const out = put(call, { id: '1', email: 'A@x.io', first: 'Ann' });
    expect(typeof out.ProfileObjectUniqueKey).toBe('string');
    const [item] = search(call, '_profileId', [ProfileId]).Items;
    expect(item.FirstName).toBe('Ann');
    expect(item.EmailAddress).toBe('A@x.io');
    expect(objectsOf(call, ProfileId)).toEqual([{ ObjectTypeName: 'Contact', ProfileObjectUniqueKey: out.ProfileObjectUniqueKey, Object: '{"id":"1","email":"A@x.io","first":"Ann"}' }]);
    expect(call('GetDomain', { DomainName: 'dom' }).Stats.ProfileCount).toBe(1);
  });

  it('creates a profile holding the mapped fields given no match and AllowProfileCreation', () => {
    const { call } = base();
    put(call, { id: '1', email: 'new@x.io', first: 'Neo', amount: 5 });
    const items = search(call, '_email', ['new@x.io']).Items;
    expect(items).toHaveLength(1);
    expect(items[0]).toEqual({ ProfileId: items[0].ProfileId, FirstName: 'Neo', EmailAddress: 'new@x.io', Attributes: undefined, FoundByItems: undefined });
  });

  it('returns a ProfileObjectUniqueKey and attaches the object to no profile given no match and no AllowProfileCreation', () => {
    const { call } = base({ allowProfileCreation: false });
    const out = put(call, { id: '1', email: 'nobody@x.io' });
    expect(out.ProfileObjectUniqueKey).toMatch(/^[A-Za-z0-9_-]{27}$/);
    expect(call('GetDomain', { DomainName: 'dom' }).Stats).toMatchObject({ ProfileCount: 0, ObjectCount: 0 });
    // The profile created later does not receive the dead-lettered object.
    const { ProfileId } = call('CreateProfile', { DomainName: 'dom', EmailAddress: 'nobody@x.io' });
    expect(objectsOf(call, ProfileId)).toEqual([]);
  });

  it('makes every key but LOOKUP_ONLY searchable, also keys without StandardIdentifiers', () => {
    const { call } = setup();
    domain(call);
    call('PutProfileObjectType', {
      DomainName: 'dom', ObjectTypeName: 'Booking', Description: 'd', AllowProfileCreation: true,
      Fields: { m: { Source: '_source.m' }, b: { Source: '_source.b' }, s: { Source: '_source.s' }, pnr: { Source: '_source.pnr' } },
      Keys: {
        member: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['m'] }],
        ObjectId: [{ StandardIdentifiers: ['UNIQUE', 'AIR_BOOKING'], FieldNames: ['b'] }],
        SegmentId: [{ StandardIdentifiers: ['AIR_SEGMENT'], FieldNames: ['s'] }],
        PNR: [{ FieldNames: ['pnr'] }],
      },
    });
    put(call, { m: 'L1', b: 'B1', s: 'S1', pnr: 'ABC' }, 'Booking');
    put(call, { m: 'L1', b: 'B2', s: 'S2', pnr: 'ABC' }, 'Booking');
    const [{ ProfileId }] = search(call, 'member', ['L1']).Items;
    for (const [key, value] of [['PNR', 'ABC'], ['SegmentId', 'S2'], ['ObjectId', 'B1']]) {
      expect(search(call, key, [value]).Items.map((i: { ProfileId: string }) => i.ProfileId)).toEqual([ProfileId]);
    }
    const byPnr = call('ListProfileObjects', { DomainName: 'dom', ObjectTypeName: 'Booking', ProfileId, ObjectFilter: { KeyName: 'PNR', Values: ['ABC'] } }).Items;
    expect(byPnr).toHaveLength(2);
  });

  it('replaces the earlier object with the same UNIQUE value and returns the same key', () => {
    const { call, clock } = base();
    const first = put(call, { id: '1', email: 'a@x.io', amount: 1 });
    put(call, { id: '2', email: 'a@x.io', amount: 2 });
    clock.advance({ ms: 1000 });
    const again = put(call, { id: '1', email: 'a@x.io', amount: 3 });
    expect(again.ProfileObjectUniqueKey).toBe(first.ProfileObjectUniqueKey);
    const [{ ProfileId }] = search(call, '_email', ['a@x.io']).Items;
    expect(objectsOf(call, ProfileId).map((o: { Object: string }) => JSON.parse(o.Object).amount)).toEqual([2, 3]);
  });

  it('gives different keys to objects without a UNIQUE key', () => {
    const { call } = base();
    call('PutProfileObjectType', {
      DomainName: 'dom', ObjectTypeName: 'Event', Description: 'd', AllowProfileCreation: true,
      Fields: { e: { Source: '_source.e', Target: '_profile.EmailAddress' } }, Keys: { _email: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['e'] }] },
    });
    const a = put(call, { e: 'a@x.io' }, 'Event').ProfileObjectUniqueKey;
    const b = put(call, { e: 'a@x.io' }, 'Event').ProfileObjectUniqueKey;
    expect(a).not.toBe(b);
    const [{ ProfileId }] = search(call, '_email', ['a@x.io']).Items;
    expect(objectsOf(call, ProfileId, 'Event')).toHaveLength(2);
  });

  it('throws BadRequestException given an object without its UNIQUE value', () => {
    const { call } = base();
    expectError(() => put(call, { email: 'a@x.io' }), 'BadRequestException', /UNIQUE/);
  });

  it('throws BadRequestException given malformed JSON or a JSON array', () => {
    const { call } = base();
    expectError(() => call('PutProfileObject', { DomainName: 'dom', ObjectTypeName: 'Contact', Object: '{"id":' }), 'BadRequestException', /Object is not valid JSON/);
    expectError(() => call('PutProfileObject', { DomainName: 'dom', ObjectTypeName: 'Contact', Object: '[1]' }), 'BadRequestException', /JSON object/);
  });

  it('throws ResourceNotFoundException given an unknown object type', () => {
    const { call } = base();
    expectError(() => put(call, { id: '1' }, 'Nope'), 'ResourceNotFoundException', /Nope/);
  });

  it('stops at MaxProfileObjectCount with a BadRequestException', () => {
    const { call } = setup();
    domain(call);
    contactType(call, { extra: { MaxProfileObjectCount: 2 } });
    put(call, { id: '1', email: 'a@x.io' });
    put(call, { id: '2', email: 'a@x.io' });
    // Replacing an existing object does not count as a third one.
    put(call, { id: '2', email: 'a@x.io', amount: 9 });
    expectError(() => put(call, { id: '3', email: 'a@x.io' }), 'BadRequestException', /MaxProfileObjectCount/);
  });

  it('uses SECONDARY keys only after the other PROFILE keys', () => {
    const { call } = setup();
    domain(call);
    const byPhone = call('CreateProfile', { DomainName: 'dom', PhoneNumber: '555' }).ProfileId;
    const byEmail = call('CreateProfile', { DomainName: 'dom', EmailAddress: 'a@x.io' }).ProfileId;
    call('PutProfileObjectType', {
      DomainName: 'dom', ObjectTypeName: 'T', Description: 'd',
      Fields: { p: { Source: '_source.p' }, e: { Source: '_source.e' } },
      // The phone key is declared first but is SECONDARY, so the e-mail key decides.
      Keys: { _phone: [{ StandardIdentifiers: ['PROFILE', 'SECONDARY'], FieldNames: ['p'] }], _email: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['e'] }] },
    });
    put(call, { p: '555', e: 'a@x.io' }, 'T');
    expect(objectsOf(call, byEmail, 'T')).toHaveLength(1);
    expect(objectsOf(call, byPhone, 'T')).toHaveLength(0);
  });

  it('stores linking key values on the profile except LOOKUP_ONLY ones', () => {
    const { call } = setup();
    domain(call);
    const { ProfileId } = call('CreateProfile', { DomainName: 'dom', EmailAddress: 'a@x.io' });
    call('PutProfileObjectType', {
      DomainName: 'dom', ObjectTypeName: 'Order', Description: 'd', TemplateId: 'Mock-Generic-Order',
    });
    put(call, { OrderId: 'o1', CustomerEmail: 'a@x.io', Total: 10 }, 'Order');
    expect(search(call, '_orderId', ['o1']).Items.map((i: { ProfileId: string }) => i.ProfileId)).toEqual([ProfileId]);
    // The e-mail key is LOOKUP_ONLY: the order found the profile but did not add its e-mail to it.
    put(call, { OrderId: 'o2', CustomerEmail: 'A@X.IO', Total: 11 }, 'Order');
    expect(objectsOf(call, ProfileId, 'Order')).toHaveLength(2);
    expect(search(call, '_email', ['a@x.io']).Items).toHaveLength(1);
    put(call, { OrderId: 'o3', CustomerEmail: 'other@x.io' }, 'Order');
    expect(search(call, '_orderId', ['o3']).Items).toEqual([]);
  });

  it('stores NEW_ONLY key values only on profiles this ingestion created', () => {
    const { call } = setup();
    domain(call);
    const existing = call('CreateProfile', { DomainName: 'dom', EmailAddress: 'old@x.io' }).ProfileId;
    call('PutProfileObjectType', {
      DomainName: 'dom', ObjectTypeName: 'T', Description: 'd', AllowProfileCreation: true,
      Fields: { e: { Source: '_source.e' }, m: { Source: '_source.m' } },
      Keys: { _email: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['e'] }], member: [{ StandardIdentifiers: ['PROFILE', 'NEW_ONLY'], FieldNames: ['m'] }] },
    });
    put(call, { e: 'old@x.io', m: 'm-old' }, 'T');
    put(call, { e: 'new@x.io', m: 'm-new' }, 'T');
    const created = search(call, '_email', ['new@x.io']).Items[0].ProfileId;
    expect(search(call, 'member', ['m-old']).Items).toEqual([]);
    expect(search(call, 'member', ['m-new']).Items.map((i: { ProfileId: string }) => i.ProfileId)).toEqual([created]);
    expect(existing).not.toBe(created);
  });

  it('links objects through T&H identifiers and skips a key that finds two profiles', () => {
    const { call } = setup();
    domain(call);
    call('PutProfileObjectType', { DomainName: 'dom', ObjectTypeName: 'Booking', Description: 'd', TemplateId: 'Mock-TH-AirBooking' });
    call('PutProfileObjectType', { DomainName: 'dom', ObjectTypeName: 'Segment', Description: 'd', TemplateId: 'Mock-TH-AirSegment' });
    put(call, { BookingId: 'B1', Email: 'a@x.io' }, 'Booking');
    put(call, { SegmentId: 'S1', BookingRef: 'B1', FlightNumber: '12' }, 'Segment');
    const [{ ProfileId }] = search(call, '_email', ['a@x.io']).Items;
    expect(objectsOf(call, ProfileId, 'Segment')).toHaveLength(1);
    // A second profile, found by its e-mail first, also stores booking B1.
    call('CreateProfile', { DomainName: 'dom', EmailAddress: 'z@x.io' });
    call('PutProfileObjectType', {
      DomainName: 'dom', ObjectTypeName: 'Claim', Description: 'd', AllowProfileCreation: true,
      Fields: { b: { Source: '_source.b' }, e: { Source: '_source.e' } },
      Keys: { _email: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['e'] }], _airBookingId: [{ StandardIdentifiers: ['AIR_BOOKING'], FieldNames: ['b'] }] },
    });
    put(call, { e: 'z@x.io', b: 'B1' }, 'Claim');
    expect(search(call, '_airBookingId', ['B1']).Items).toHaveLength(2);
    // The ambiguous key is discarded; no other key matches, so the segment makes a profile of its own.
    put(call, { SegmentId: 'S2', BookingRef: 'B1' }, 'Segment');
    const holders = search(call, '_airBookingId', ['B1']).Items.map((i: { ProfileId: string }) => i.ProfileId);
    const owners = search(call, '_airSegmentId', ['S2']).Items.map((i: { ProfileId: string }) => i.ProfileId);
    expect(owners).toHaveLength(1);
    expect(holders).toHaveLength(3);
    expect(search(call, '_email', ['a@x.io', 'z@x.io']).Items.map((i: { ProfileId: string }) => i.ProfileId)).not.toContain(owners[0]);
  });

  it('skips an ambiguous PROFILE key and attaches by the next key that finds one profile', () => {
    const { call } = setup();
    domain(call);
    call('CreateProfile', { DomainName: 'dom', EmailAddress: 'shared@x.io' });
    call('CreateProfile', { DomainName: 'dom', EmailAddress: 'shared@x.io' });
    const byPhone = call('CreateProfile', { DomainName: 'dom', PhoneNumber: '+15550100' }).ProfileId;
    call('PutProfileObjectType', {
      DomainName: 'dom', ObjectTypeName: 'T', Description: 'd',
      Fields: { e: { Source: '_source.e' }, p: { Source: '_source.p' } },
      Keys: { _email: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['e'] }], _phone: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['p'] }] },
    });
    put(call, { e: 'shared@x.io', p: '+15550100' }, 'T');
    expect(objectsOf(call, byPhone, 'T')).toHaveLength(1);
  });

  it('uses a template mapping given an ObjectTypeName equal to a TemplateId', () => {
    const { call } = setup();
    domain(call);
    put(call, { LoyaltyId: 'L1', EmailAddress: 'a@x.io', MembershipId: 'M1' }, 'Mock-TH-Loyalty');
    const [{ ProfileId }] = search(call, '_loyaltyMembershipId', ['M1']).Items;
    expect(objectsOf(call, ProfileId, 'Mock-TH-Loyalty')).toHaveLength(1);
  });

  it('skips non-scalar values and enum values outside the enum', () => {
    const { call } = setup();
    domain(call);
    call('PutProfileObjectType', {
      DomainName: 'dom', ObjectTypeName: 'T', Description: 'd', AllowProfileCreation: true,
      Fields: {
        id: { Source: '_source.id' }, g: { Source: '_source.g', Target: '_profile.Gender' },
        n: { Source: '_source.n', Target: '_profile.FirstName' }, c: { Source: '_source.addr.city', Target: '_profile.Address.City' },
        t: { Source: '_source.t', Target: '_profile.Attributes.tier' },
      },
      Keys: { _profileKey: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['id'] }] },
    });
    put(call, { id: 'x', g: 'ROBOT', n: { a: 1 }, addr: { city: 'Oslo' }, t: 3 }, 'T');
    const [item] = search(call, '_profileKey', ['x']).Items;
    expect(item).toEqual({ ProfileId: item.ProfileId, Address: { City: 'Oslo' }, Attributes: { tier: '3' }, FoundByItems: undefined });
  });

  it('keeps all 500 objects given 500 interleaved calls', async () => {
    const { call } = base();
    const profiles = [0, 1, 2, 3, 4].map((i) => call('CreateProfile', { DomainName: 'dom', EmailAddress: `p${i}@x.io` }).ProfileId as string);
    const keys = await Promise.all(
      Array.from({ length: 500 }, async (_, i) => {
        await new Promise((resolve) => setImmediate(resolve));
        const out = put(call, { id: `o${i}`, email: `p${i % 5}@x.io`, amount: i });
        await Promise.resolve();
        return out.ProfileObjectUniqueKey as string;
      }),
    );
    expect(new Set(keys).size).toBe(500);
    let listed = 0;
    for (const ProfileId of profiles) {
      let token: string | undefined;
      for (let page = 0; page < 10; page += 1) {
        const out = call('ListProfileObjects', { DomainName: 'dom', ObjectTypeName: 'Contact', ProfileId, MaxResults: 100, NextToken: token });
        listed += out.Items.length;
        token = out.NextToken;
        if (!token) break;
      }
    }
    expect(listed).toBe(500);
    expect(call('GetDomain', { DomainName: 'dom' }).Stats.ObjectCount).toBe(500);
  });
});

describe('ListProfileObjects', () => {
  it('returns the objects in ingestion order, paginated', () => {
    const { call } = base();
    for (const id of ['a', 'b', 'c']) put(call, { id, email: 'p@x.io' });
    const [{ ProfileId }] = search(call, '_email', ['p@x.io']).Items;
    const first = call('ListProfileObjects', { DomainName: 'dom', ObjectTypeName: 'Contact', ProfileId, MaxResults: 2 });
    expect(first.Items.map((o: { Object: string }) => JSON.parse(o.Object).id)).toEqual(['a', 'b']);
    const second = call('ListProfileObjects', { DomainName: 'dom', ObjectTypeName: 'Contact', ProfileId, MaxResults: 2, NextToken: first.NextToken });
    expect(second.Items.map((o: { Object: string }) => JSON.parse(o.Object).id)).toEqual(['c']);
  });

  it('filters by a key of the type with ObjectFilter', () => {
    const { call } = base();
    for (const id of ['a', 'b', 'c']) put(call, { id, email: 'p@x.io' });
    const [{ ProfileId }] = search(call, '_email', ['p@x.io']).Items;
    const out = call('ListProfileObjects', { DomainName: 'dom', ObjectTypeName: 'Contact', ProfileId, ObjectFilter: { KeyName: 'contactId', Values: ['c', 'a'] } });
    expect(out.Items.map((o: { Object: string }) => JSON.parse(o.Object).id)).toEqual(['a', 'c']);
  });

  it('throws BadRequestException given an ObjectFilter key the type does not have', () => {
    const { call } = base();
    const { ProfileId } = call('CreateProfile', { DomainName: 'dom' });
    expectError(() => call('ListProfileObjects', { DomainName: 'dom', ObjectTypeName: 'Contact', ProfileId, ObjectFilter: { KeyName: 'zzz', Values: ['1'] } }), 'BadRequestException', /ObjectFilter/);
  });

  it('throws ResourceNotFoundException given an unknown profile or type', () => {
    const { call } = base();
    const { ProfileId } = call('CreateProfile', { DomainName: 'dom' });
    expectError(() => call('ListProfileObjects', { DomainName: 'dom', ObjectTypeName: 'Contact', ProfileId: 'b'.repeat(32) }), 'ResourceNotFoundException', /Profile/);
    expectError(() => call('ListProfileObjects', { DomainName: 'dom', ObjectTypeName: 'Nope', ProfileId }), 'ResourceNotFoundException', /Nope/);
  });

  it('throws BadRequestException naming ObjectTypeName given none', () => {
    const { call } = base();
    const { ProfileId } = call('CreateProfile', { DomainName: 'dom' });
    expectError(() => call('ListProfileObjects', { DomainName: 'dom', ProfileId }), 'BadRequestException', /ObjectTypeName/);
  });
});
