import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isServiceError } from '../../../harness/mock/models/errors.ts';
import { ARN, contactType, domain, setup } from './helpers.ts';

const STANDARD_IDENTIFIERS = new Set([
  'PROFILE', 'ASSET', 'CASE', 'DEVICE', 'WEB_ANALYTICS', 'ORDER', 'COMMUNICATION_RECORD', 'AIR_PREFERENCE',
  'HOTEL_PREFERENCE', 'AIR_BOOKING', 'AIR_SEGMENT', 'HOTEL_RESERVATION', 'HOTEL_STAY_REVENUE', 'LOYALTY',
  'LOYALTY_TRANSACTION', 'LOYALTY_PROMOTION', 'UNIQUE', 'SECONDARY', 'LOOKUP_ONLY', 'NEW_ONLY',
]);

/** A populated service: a domain, a type with objects, a profile, a layout and a calculated attribute. */
function populated() {
  const ctx = setup();
  domain(ctx.call);
  contactType(ctx.call);
  const profileId: string = ctx.call('CreateProfile', { DomainName: 'dom', EmailAddress: 'a@x.io' }).ProfileId;
  ctx.call('PutProfileObject', { DomainName: 'dom', ObjectTypeName: 'Contact', Object: '{"id":"1","email":"a@x.io","amount":3}' });
  ctx.call('CreateDomainLayout', { DomainName: 'dom', LayoutDefinitionName: 'main', Description: 'd', DisplayName: 'Main', LayoutType: 'PROFILE_EXPLORER', Layout: '{}' });
  ctx.call('CreateCalculatedAttributeDefinition', {
    DomainName: 'dom', CalculatedAttributeName: 'total', Statistic: 'SUM',
    AttributeDetails: { Attributes: [{ Name: 'amount' }], Expression: '{Contact.amount}' },
  });
  // A second profile, so MergeProfiles has something to merge.
  const otherId: string = ctx.call('CreateProfile', { DomainName: 'dom', FirstName: 'Bo', Attributes: { k: 'v' } }).ProfileId;
  return { ...ctx, profileId, otherId };
}

const MEMBERS = [
  'DomainName', 'ObjectTypeName', 'ProfileId', 'Object', 'Objects', 'Description', 'TemplateId', 'Fields', 'Keys',
  'AllowProfileCreation', 'ExpirationDays', 'MaxProfileObjectCount', 'SourcePriority', 'SourceLastUpdatedTimestampFormat',
  'Tags', 'tags', 'tagKeys', 'resourceArn', 'KeyName', 'Values', 'AdditionalSearchKeys', 'LogicalOperator', 'ObjectFilter',
  'MaxResults', 'NextToken', 'DefaultExpirationDays', 'Matching', 'RuleBasedMatching', 'DataStore', 'LayoutDefinitionName',
  'DisplayName', 'IsDefault', 'LayoutType', 'Layout', 'FirstName', 'EmailAddress', 'Address', 'Attributes', 'Gender',
  'EngagementPreferences', 'CalculatedAttributeName', 'AttributeDetails', 'Statistic', 'ProfileIds', 'ConditionOverrides',
  'MainProfileId', 'ProfileIdsToBeMerged', 'FieldSourceProfileIds', 'ProfileObjectUniqueKey', 'AttributeName', 'Uri',
  'ObjectTypeNames', 'FlowDefinition', 'RoleArn', 'Scope', 'EventTriggerNames', 'EventStreamName', 'IncludeHidden',
  'DeadLetterQueueUrl', 'DefaultEncryptionKey', 'LastName',
  '__proto__', 'constructor',
];

/** Values that are sometimes right (names that exist, plausible shapes) and often odd. */
function valueArb(profileId: string): fc.Arbitrary<unknown> {
  const plausible = fc.constantFrom<unknown>(
    'dom', 'Contact', 'main', 'total', profileId, 'u1', 's1', [profileId], { FirstName: profileId }, 'a'.repeat(32), 'Mock-TH-AirBooking', '_email', 'a@x.io', 'PROFILE_EXPLORER',
    '{"id":"2","email":"a@x.io"}', '{"id":', '[]', '{}', `${ARN}dom`, `${ARN}dom/layouts/main`, `${ARN}dom/calculated-attributes/total`,
    ['a@x.io'], ['{"BookingId":"B","BookingName":"n"}'], { k: 'v' }, { email: { Source: '_source.email', Target: '_profile.EmailAddress' } },
    { k: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['email'] }] }, { KeyName: 'contactId', Values: ['1'] },
    [{ KeyName: '_email', Values: ['a@x.io'] }], 1, 100, 0, -1, 1.5, true, false, null, 'AND', 'SUM',
    { Attributes: [{ Name: 'amount' }], Expression: '{Contact.amount}' },
  );
  const odd = fc.anything({
    withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true,
    withSparseArray: true, withTypedArray: true, withObjectString: true, maxDepth: 3,
  });
  return fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 2, arbitrary: odd }, { weight: 1, arbitrary: fc.string() });
}

/** A valid input per operation (against the populated service), the starting point of the mutations. */
function validInputs(profileId: string, otherId: string): Record<string, Record<string, unknown>> {
  const d = { DomainName: 'dom' };
  const calc = { ...d, CalculatedAttributeName: 'total' };
  const layout = { ...d, LayoutDefinitionName: 'main' };
  return {
    CreateDomain: { DomainName: 'dom2', DefaultExpirationDays: 10, Tags: { a: 'b' } },
    GetDomain: d,
    DeleteDomain: d,
    ListDomains: { MaxResults: 1 },
    PutProfileObjectType: { ...d, ObjectTypeName: 'T2', Description: 'd', AllowProfileCreation: true, Fields: { e: { Source: '_source.e', Target: '_profile.EmailAddress' } }, Keys: { _email: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['e'] }] } },
    GetProfileObjectType: { ...d, ObjectTypeName: 'Contact' },
    ListProfileObjectTypes: { ...d, MaxResults: 1 },
    DeleteProfileObjectType: { ...d, ObjectTypeName: 'Contact' },
    GetProfileObjectTypeTemplate: { TemplateId: 'Mock-TH-AirBooking' },
    ListProfileObjectTypeTemplates: { MaxResults: 3 },
    DetectProfileObjectType: { ...d, Objects: ['{"BookingId":"B","BookingName":"n","Email":"a@x.io"}'] },
    CreateProfile: { ...d, FirstName: 'Ann', Address: { City: 'Oslo' }, Attributes: { k: 'v' } },
    DeleteProfile: { ...d, ProfileId: profileId },
    SearchProfiles: { ...d, KeyName: '_email', Values: ['a@x.io'], AdditionalSearchKeys: [{ KeyName: '_profileId', Values: [profileId] }], LogicalOperator: 'OR' },
    PutProfileObject: { ...d, ObjectTypeName: 'Contact', Object: '{"id":"7","email":"a@x.io","amount":1}' },
    ListProfileObjects: { ...d, ObjectTypeName: 'Contact', ProfileId: profileId, ObjectFilter: { KeyName: 'contactId', Values: ['1'] } },
    CreateDomainLayout: { ...d, LayoutDefinitionName: 'l2', Description: 'd', DisplayName: 'L', LayoutType: 'PROFILE_EXPLORER', Layout: '{}', IsDefault: true },
    GetDomainLayout: layout,
    UpdateDomainLayout: { ...layout, Description: 'new', IsDefault: true },
    DeleteDomainLayout: layout,
    ListDomainLayouts: { ...d, MaxResults: 1 },
    TagResource: { resourceArn: `${ARN}dom/layouts/main`, tags: { a: 'b' } },
    UntagResource: { resourceArn: `${ARN}dom`, tagKeys: ['a'] },
    ListTagsForResource: { resourceArn: `${ARN}dom/calculated-attributes/total` },
    CreateCalculatedAttributeDefinition: { ...d, CalculatedAttributeName: 'c2', Statistic: 'COUNT', AttributeDetails: { Attributes: [{ Name: 'amount' }], Expression: '{Contact.amount}' } },
    GetCalculatedAttributeDefinition: calc,
    UpdateCalculatedAttributeDefinition: { ...calc, Description: 'x' },
    DeleteCalculatedAttributeDefinition: calc,
    ListCalculatedAttributeDefinitions: d,
    GetCalculatedAttributeForProfile: { ...calc, ProfileId: profileId },
    ListCalculatedAttributesForProfile: { ...d, ProfileId: profileId },
    BatchGetCalculatedAttributeForProfile: { ...calc, ProfileIds: [profileId] },
    UpdateProfile: { ...d, ProfileId: profileId, FirstName: 'Ann', LastName: '', Address: { City: '' }, Attributes: { k: '' } },
    AddProfileKey: { ...d, ProfileId: profileId, KeyName: 'contactId', Values: ['9'] },
    DeleteProfileKey: { ...d, ProfileId: profileId, KeyName: 'contactId', Values: ['1'] },
    DeleteProfileObject: { ...d, ProfileId: profileId, ObjectTypeName: 'Contact', ProfileObjectUniqueKey: 'k' },
    BatchGetProfile: { ...d, ProfileIds: [profileId, otherId, 'a'.repeat(32)] },
    MergeProfiles: { ...d, MainProfileId: profileId, ProfileIdsToBeMerged: [otherId], FieldSourceProfileIds: { FirstName: otherId, Attributes: { k: otherId } } },
    GetMatches: { ...d, MaxResults: 5 },
    ListProfileAttributeValues: { ...d, AttributeName: 'EmailAddress' },
    UpdateDomain: { ...d, DefaultExpirationDays: 7, DeadLetterQueueUrl: '', Matching: { Enabled: true }, Tags: { x: 'y' } },
    PutIntegration: { ...d, Uri: 'u1', ObjectTypeName: 'Contact', ObjectTypeNames: { e: 'Contact' }, Scope: 'DOMAIN', Tags: { a: 'b' } },
    GetIntegration: { ...d, Uri: 'u1' },
    ListIntegrations: { ...d, MaxResults: 1, IncludeHidden: true },
    DeleteIntegration: { ...d, Uri: 'u1' },
    ListAccountIntegrations: { Uri: 'u1' },
    CreateEventStream: { ...d, EventStreamName: 's1', Uri: 'arn:aws:kinesis:us-east-1:000000000000:stream/s' },
    GetEventStream: { ...d, EventStreamName: 's1' },
    ListEventStreams: { ...d, MaxResults: 1 },
    DeleteEventStream: { ...d, EventStreamName: 's1' },
  };
}

/** The operation's valid input with random members dropped, replaced or added. */
function inputArb(operation: string, profileId: string, otherId: string): fc.Arbitrary<Record<string, unknown>> {
  const valid = validInputs(profileId, otherId)[operation] ?? {};
  const names = [...new Set([...Object.keys(valid), ...MEMBERS])];
  return fc
    .record({
      drop: fc.subarray(Object.keys(valid), { maxLength: Math.min(2, Object.keys(valid).length) }),
      set: fc.dictionary(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), valueArb(profileId), { maxKeys: 3 }),
      pristine: fc.boolean(),
    })
    .map(({ drop, set, pristine }) => {
      if (pristine) return { ...valid };
      const input: Record<string, unknown> = { ...valid };
      for (const name of drop) delete input[name];
      for (const [name, value] of Object.entries(set)) Object.defineProperty(input, name, { value, enumerable: true, writable: true, configurable: true });
      return input;
    });
}

describe('service.call (property)', () => {
  const { service, profileId, otherId } = populated();

  it.each([...service.operations])('%s only returns or throws a ServiceError given random input', (operation) => {
    // One populated instance per operation: state may change as calls succeed, which widens what is explored.
    const ctx = populated();
    fc.assert(
      fc.property(inputArb(operation, ctx.profileId, ctx.otherId), (input) => {
        try {
          const out = ctx.service.call(operation, input);
          expect(typeof out).toBe('object');
        } catch (error) {
          if (!isServiceError(error)) throw error;
        }
      }),
      { numRuns: 300, seed: 20240601 },
    );
    expect(profileId).toMatch(/^[a-f0-9]{32}$/);
  });

  it('only returns or throws a ServiceError given random operation sequences', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...service.operations).chain((op) => fc.tuple(fc.constant(op), inputArb(op, profileId, otherId))), { maxLength: 25 }), (calls) => {
        const ctx = populated();
        for (const [operation, input] of calls) {
          try {
            ctx.service.call(operation, input);
          } catch (error) {
            if (!isServiceError(error)) throw error;
          }
        }
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});

describe('DetectProfileObjectType (property)', () => {
  it('proposes a mapping that PutProfileObjectType accepts, with enum identifiers and sources present in the input', () => {
    const { call } = populated();
    const objectArb = fc.dictionary(
      fc.oneof(fc.constantFrom('BookingId', 'BookingName', 'Email', 'PhoneNumber', 'FirstName', 'UpdatedDate', 'SegmentId', 'LoyaltyId', 'id', 'a.b'), fc.string({ maxLength: 6 })),
      fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.emailAddress(), fc.constantFrom('+1 555 010 0000', '2024-01-01T00:00:00Z', 'Ann')),
      { maxKeys: 8 },
    );
    fc.assert(
      fc.property(fc.array(objectArb, { minLength: 1, maxLength: 5 }), (objects) => {
        const out = call('DetectProfileObjectType', { DomainName: 'dom', Objects: objects.map((o) => JSON.stringify(o)) });
        expect(out.DetectedProfileObjectTypes.length).toBeLessThanOrEqual(1);
        const [detected] = out.DetectedProfileObjectTypes;
        if (!detected) return;
        const has = (path: string) => objects.some((o) => {
          let current: unknown = o;
          for (const segment of path.split('.')) {
            if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.hasOwn(current, segment)) return false;
            current = (current as Record<string, unknown>)[segment];
          }
          return current !== null && typeof current !== 'object';
        });
        for (const field of Object.values(detected.Fields) as Array<{ Source: string }>) {
          expect(has(field.Source.slice('_source.'.length)), field.Source).toBe(true);
        }
        for (const list of Object.values(detected.Keys ?? {}) as Array<Array<{ StandardIdentifiers: string[]; FieldNames: string[] }>>) {
          for (const key of list) {
            for (const id of key.StandardIdentifiers) expect(STANDARD_IDENTIFIERS.has(id)).toBe(true);
            for (const name of key.FieldNames) expect(Object.hasOwn(detected.Fields, name)).toBe(true);
          }
        }
        const put = call('PutProfileObjectType', { DomainName: 'dom', ObjectTypeName: 'Detected', Description: 'd', ...detected });
        expect(put.Fields).toEqual(detected.Fields);
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});

describe('pagination (property)', () => {
  it('lists every domain exactly once in name order for any page size', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-zA-Z0-9_-]{1,12}$/), { minLength: 0, maxLength: 30 }),
        fc.integer({ min: 1, max: 100 }),
        (names, pageSize) => {
          const { call } = setup();
          for (const name of names) domain(call, name);
          const seen: string[] = [];
          let token: string | undefined;
          for (let i = 0; i < 40; i += 1) {
            const out = call('ListDomains', { MaxResults: pageSize, NextToken: token });
            seen.push(...out.Items.map((item: { DomainName: string }) => item.DomainName));
            token = out.NextToken;
            if (!token) break;
          }
          expect(seen).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
        },
      ),
      { numRuns: 100, seed: 3 },
    );
  });
});
