/**
 * Object types: PutProfileObjectType / GetProfileObjectType with the T&H standard identifiers and with every other
 * identifier of the model, the Tags, SourcePriority and EncryptionKey settings, the object count limits, the source
 * timestamp format, mappings with template Sources, templates (the ones AWS documents by id, and whatever a target
 * lists), and DetectProfileObjectType on generated T&H objects. Expected values come from the model (specs/schemas),
 * AWS's documents and samples (the register), and the generators.
 */
import {
  DetectProfileObjectTypeCommand,
  GetProfileObjectTypeCommand,
  GetProfileObjectTypeTemplateCommand,
  ListProfileObjectTypeTemplatesCommand,
  PutProfileObjectTypeCommand,
  type GetProfileObjectTypeCommandOutput,
  type ListProfileObjectTypeTemplateItem,
  type ObjectTypeField,
  type ObjectTypeKey,
  type PutProfileObjectTypeCommandInput,
  type PutProfileObjectTypeCommandOutput,
  type StandardIdentifier,
} from '@aws-sdk/client-customer-profiles';
import { contractFile } from '../../harness/contracts/contract.ts';
import { collectPages } from '../../harness/contracts/pages.ts';
import type { Session } from '../../harness/contracts/session.ts';
import { seenError } from '../../harness/contracts/service-errors.ts';
import { attempt } from '../../harness/contracts/waiters.ts';
import { check, checkEqual } from '../../harness/contracts/violation.ts';
import { ALL_KINDS, KINDS, PROFILE_KEY_FIELD, type TravelKind } from '../../generators/fields.ts';
import { generateProfileBundle } from '../../generators/generate.ts';
import { resolvePath } from '../../generators/oracle/values.ts';
import { nameTag, objectTypeName } from '../../generators/scenarios/names.ts';
import { AWS_SAMPLE_TIMESTAMP_PATTERN, objectTypeDefinition, PROFILE_KEY_NAME } from '../../generators/scenarios/object-types.ts';

const { contract, wireContract, fixture } = contractFile({ area: 'object-types' });

/** Where the model says templates exist. */
const TEMPLATES_EXIST = 'the model\'s GetProfileObjectTypeTemplate documentation names "Salesforce-Account" and "Salesforce-Contact" as templates';
/** The model's limits on DetectProfileObjectTypeRequest.Objects (@length 1..5). */
const DETECT_OBJECTS = { min: 1, max: 5 };
/** The template ids the model names ("such as \"Salesforce-Account\" or \"Salesforce-Contact.\""). */
const MODEL_TEMPLATE_IDS = ['Salesforce-Account', 'Salesforce-Contact'];
/**
 * The contact-record templates of the admin guide with the keys it says each searches a profile by: `_ctrContactId`
 * first, then `_phone` for the two that fall back to the phone number.
 */
const CTR_TEMPLATE_KEYS: Record<string, string[]> = {
  CTR: ['_ctrContactId'],
  'CTR-NoInferred': ['_ctrContactId', '_phone'],
  'CTR-AutoAssociateOnly': ['_ctrContactId', '_phone'],
};
/**
 * The admin guide's mapping example ("An object type mapping that generates a profile"), Fields and Keys as printed:
 * `fullName` is a template Source combining two fields.
 */
const GUIDE_MAPPING: Pick<PutProfileObjectTypeCommandInput, 'Fields' | 'Keys'> = {
  Fields: {
    accountId: { Source: '_source.account', Target: '_profile.AccountNumber', ContentType: 'NUMBER' },
    'shippingAddress.address1': { Source: '_source.address.address1', Target: '_profile.ShippingAddress.Address1' },
    'shippingAddress.postalCode': { Source: '_source.address.zip', Target: '_profile.ShippingAddress.PostalCode' },
    'shippingAddress.city': { Source: '_source.address.city', Target: '_profile.ShippingAddress.City' },
    personalEmailAddress: { Source: '_source.email', Target: '_profile.PersonalEmailAddress', ContentType: 'EMAIL_ADDRESS' },
    fullName: { Source: '{{_source.firstName}} {{_source.lastName}}' },
    firstName: { Source: '_source.firstName', Target: '_profile.FirstName' },
    lastName: { Source: '_source.lastName', Target: '_profile.LastName' },
  },
  Keys: {
    _email: [{ FieldNames: ['personalEmailAddress'] }],
    _fullName: [{ FieldNames: ['fullName'] }],
    _account: [{ StandardIdentifiers: ['PROFILE', 'UNIQUE'], FieldNames: ['accountId'] }],
  },
};
/** Bundles searched for objects of every kind (each profile bundle holds some kinds, not always all). */
const MAX_BUNDLES = 30;

/** The StandardIdentifier enum, read from the committed schemas (the model), not from a target. */
function standardIdentifiers({ session }: { session: Session }): Set<string> {
  const defs = session.registry.rawSchema({ file: 'shapes.json' }).$defs as Record<string, { enum?: string[] }>;
  return new Set(defs.StandardIdentifier.enum ?? []);
}

/** Keys with each key's StandardIdentifiers sorted: the identifiers of a key are a set, their order carries nothing. */
function normalisedKeys(keys: Record<string, ObjectTypeKey[]> | undefined): unknown {
  if (!keys) return keys;
  return Object.fromEntries(Object.entries(keys).map(([name, list]) => [name, list.map((k) => ({ ...k, StandardIdentifiers: k.StandardIdentifiers ? [...k.StandardIdentifiers].sort() : undefined }))]));
}

/**
 * StandardIdentifier values that qualify how a key is used rather than what it ties the object to (model:
 * ObjectTypeKey.StandardIdentifiers: UNIQUE identifies the object; SECONDARY, LOOKUP_ONLY and NEW_ONLY change how a
 * PROFILE key is searched, persisted or used).
 */
const QUALIFIERS = new Set(['UNIQUE', 'SECONDARY', 'LOOKUP_ONLY', 'NEW_ONLY']);

/** The PROFILE key's companion field for each qualifier that modifies a PROFILE key: a field a profile could be found by. */
const PROFILE_QUALIFIED: Record<string, { field: string; key: string; profileTarget?: string; contentType: ObjectTypeField['ContentType'] }> = {
  SECONDARY: { field: 'EmailAddress', key: '_secondaryEmail', profileTarget: '_profile.EmailAddress', contentType: 'EMAIL_ADDRESS' },
  LOOKUP_ONLY: { field: 'PhoneNumber', key: '_lookupPhone', profileTarget: '_profile.PhoneNumber', contentType: 'PHONE_NUMBER' },
  NEW_ONLY: { field: 'ExternalCustomerId', key: '_newOnlyCustomerId', contentType: 'STRING' },
};

/** `ASSET` -> `Asset`, `WEB_ANALYTICS` -> `WebAnalytics`. */
function pascal(identifier: string): string {
  return identifier.toLowerCase().split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

/**
 * A PutProfileObjectType input whose Keys use every StandardIdentifier of the model that the T&H object types do not:
 * one key per linking identifier (PROFILE on AccountNumber, the others on a field of their own), UNIQUE alone on the
 * record id (the model allows one UNIQUE key), and SECONDARY, LOOKUP_ONLY and NEW_ONLY each with PROFILE, as the model
 * describes them. An identifier the model adds later is used as a linking identifier.
 */
function allIdentifiersDefinition({ session, objectTypeName: name }: { session: Session; objectTypeName: string }): PutProfileObjectTypeCommandInput {
  const thIdentifiers = new Set(ALL_KINDS.map((k) => KINDS[k].standardIdentifier));
  const Fields: Record<string, ObjectTypeField> = {};
  const Keys: Record<string, ObjectTypeKey[]> = {};
  const field = (fieldName: string, target: string, ContentType: ObjectTypeField['ContentType'] = 'STRING') => {
    Fields[fieldName] = { Source: `_source.${fieldName}`, Target: target, ContentType };
  };
  const ids = (list: string[]) => list as StandardIdentifier[];
  for (const id of [...standardIdentifiers({ session })].sort()) {
    if (thIdentifiers.has(id)) continue;
    if (id === 'PROFILE') {
      field(PROFILE_KEY_FIELD, `_profile.${PROFILE_KEY_FIELD}`);
      Keys[PROFILE_KEY_NAME] = [{ StandardIdentifiers: ids(['PROFILE']), FieldNames: [PROFILE_KEY_FIELD] }];
    } else if (id === 'UNIQUE') {
      field('RecordId', `${name}.RecordId`);
      Keys._recordId = [{ StandardIdentifiers: ids(['UNIQUE']), FieldNames: ['RecordId'] }];
    } else if (PROFILE_QUALIFIED[id]) {
      const q = PROFILE_QUALIFIED[id];
      field(q.field, q.profileTarget ?? `${name}.${q.field}`, q.contentType);
      Keys[q.key] = [{ StandardIdentifiers: ids(['PROFILE', id]), FieldNames: [q.field] }];
    } else if (!QUALIFIERS.has(id)) {
      const fieldName = `${pascal(id)}Id`;
      field(fieldName, `${name}.${fieldName}`);
      Keys[`_${fieldName.charAt(0).toLowerCase()}${fieldName.slice(1)}`] = [{ StandardIdentifiers: ids([id]), FieldNames: [fieldName] }];
    }
  }
  return {
    DomainName: session.domain,
    ObjectTypeName: name,
    Description: 'Contract object type whose keys use every non-T&H standard identifier of the model',
    AllowProfileCreation: true,
    Fields,
    Keys,
  };
}

/** Puts `input`, then gets the type once it is visible; both outputs. */
async function putThenGet({ session, input }: { session: Session; input: PutProfileObjectTypeCommandInput }): Promise<{ put: PutProfileObjectTypeCommandOutput; got: GetProfileObjectTypeCommandOutput }> {
  const put = await session.client.send(new PutProfileObjectTypeCommand(input));
  const got = await session.waitUntil({
    description: `GetProfileObjectType ${input.ObjectTypeName} to return the type`,
    poll: () => attempt({ call: () => session.client.send(new GetProfileObjectTypeCommand({ DomainName: session.domain, ObjectTypeName: input.ObjectTypeName })) }),
    accept: (r) => r.ok || seenError({ error: r.error }).name !== 'ResourceNotFoundException',
  });
  if (!got.ok) throw got.error;
  return { put, got: got.value };
}

/** A T&H object type input named for `purpose` in this run, with `extra` members. */
function loyaltyTypeWith({ session, purpose, extra }: { session: Session; purpose: string; extra: Partial<PutProfileObjectTypeCommandInput> }): PutProfileObjectTypeCommandInput {
  const name = objectTypeName({ seed: session.config.seed, runId: session.config.runId, kind: purpose });
  return { ...objectTypeDefinition({ kind: 'loyalty', domainName: session.domain, objectTypeName: name }), ...extra };
}

/** Generated T&H objects grouped by kind, at least one of each kind the generators emit. */
const generatedObjects = fixture(async (session) => {
  const byKind = new Map<TravelKind, Record<string, unknown>[]>();
  for (let index = 0; index < MAX_BUNDLES && byKind.size < ALL_KINDS.length; index++) {
    for (const record of generateProfileBundle({ seed: session.config.seed, clockMs: session.config.clockMs, index })) {
      const kind = record.objectTypeName as TravelKind;
      if (!(kind in KINDS)) continue;
      const list = byKind.get(kind) ?? [];
      list.push(record.object);
      byKind.set(kind, list);
    }
  }
  return byKind;
});

/** Every template the target lists (bounded). */
const listedTemplates = fixture(async (session) => {
  const { items } = await collectPages<ListProfileObjectTypeTemplateItem>({
    what: 'ListProfileObjectTypeTemplates',
    maxPages: 20,
    fetchPage: async (token) => {
      const out = await session.client.send(new ListProfileObjectTypeTemplatesCommand({ NextToken: token, MaxResults: 100 }));
      return { items: out.Items ?? [], nextToken: out.NextToken };
    },
  });
  return items.filter((t) => typeof t.TemplateId === 'string');
});

/** The listed templates; an empty catalogue fails (templates exist: see TEMPLATES_EXIST), it is no missing precondition. */
async function someTemplates(): Promise<ListProfileObjectTypeTemplateItem[]> {
  const templates = await listedTemplates();
  check({ condition: templates.length > 0, expected: `ListProfileObjectTypeTemplates to list at least one template (${TEMPLATES_EXIST})`, seen: 'an empty catalogue' });
  return templates;
}

contract(
  {
    id: 'OBJTYPE-KEYS-01',
    title: 'PutProfileObjectType with Keys using each T&H standard identifier round-trips through Get',
    operations: ['PutProfileObjectType', 'GetProfileObjectType'],
    level: 'must',
    evidence: ['M-OBJTYPE-GET-RETURNS-PUT', 'M-STANDARD-IDENTIFIERS'],
  },
  async ({ session }) => {
    for (const kind of ALL_KINDS) {
      const name = objectTypeName({ seed: session.config.seed, runId: session.config.runId, kind });
      const input = objectTypeDefinition({ kind, domainName: session.domain, objectTypeName: name });
      const put = await session.client.send(new PutProfileObjectTypeCommand(input));
      checkEqual({ actual: normalisedKeys(put.Keys), wanted: normalisedKeys(input.Keys), what: `PutProfileObjectType Keys of ${kind} (${KINDS[kind].standardIdentifier})` });
      const got = await session.waitUntil({
        description: `GetProfileObjectType ${name} to return the type`,
        poll: () => attempt({ call: () => session.client.send(new GetProfileObjectTypeCommand({ DomainName: session.domain, ObjectTypeName: name })) }),
        accept: (r) => r.ok || seenError({ error: r.error }).name !== 'ResourceNotFoundException',
      });
      if (!got.ok) throw got.error;
      checkEqual({ actual: normalisedKeys(got.value.Keys), wanted: normalisedKeys(input.Keys), what: `GetProfileObjectType Keys of ${kind} (${KINDS[kind].standardIdentifier})` });
      checkEqual({ actual: got.value.Fields, wanted: input.Fields, what: `GetProfileObjectType Fields of ${kind}` });
      for (const member of ['ObjectTypeName', 'Description', 'AllowProfileCreation', 'SourceLastUpdatedTimestampFormat'] as const) {
        checkEqual({ actual: got.value[member], wanted: input[member], what: `GetProfileObjectType ${member} of ${kind}` });
      }
    }
  },
);

contract(
  {
    id: 'OBJTYPE-KEYS-02',
    title: 'PutProfileObjectType with Keys using every other standard identifier (ASSET, CASE, DEVICE, …, NEW_ONLY) round-trips through Get',
    operations: ['PutProfileObjectType', 'GetProfileObjectType'],
    level: 'assumed',
    evidence: ['M-OBJTYPE-GET-RETURNS-PUT', 'M-STANDARD-IDENTIFIER-MEANINGS', 'A-OBJTYPE-OTHER-IDENTIFIERS'],
  },
  async ({ session }) => {
    const name = objectTypeName({ seed: session.config.seed, runId: session.config.runId, kind: 'allIdentifiers' });
    const input = allIdentifiersDefinition({ session, objectTypeName: name });
    const { put, got } = await putThenGet({ session, input });
    const used = Object.values(input.Keys ?? {}).flatMap((list) => list.flatMap((k) => k.StandardIdentifiers ?? [])).sort();
    checkEqual({ actual: normalisedKeys(put.Keys), wanted: normalisedKeys(input.Keys), what: `PutProfileObjectType Keys using ${used.join(', ')}` });
    checkEqual({ actual: normalisedKeys(got.Keys), wanted: normalisedKeys(input.Keys), what: `GetProfileObjectType Keys using ${used.join(', ')}` });
    checkEqual({ actual: got.Fields, wanted: input.Fields, what: 'GetProfileObjectType Fields of the type' });
  },
);

contract(
  {
    id: 'OBJTYPE-TAGS-01',
    title: 'Tags given on PutProfileObjectType come back in Put and Get',
    operations: ['PutProfileObjectType', 'GetProfileObjectType'],
    level: 'must',
    evidence: ['M-OBJTYPE-TAGS'],
  },
  async ({ session }) => {
    const tags = { team: 'cpct', 'cost-center': '1234', empty: '' };
    const input = loyaltyTypeWith({ session, purpose: 'tagged', extra: { Tags: tags } });
    const { put, got } = await putThenGet({ session, input });
    checkEqual({ actual: put.Tags, wanted: tags, what: 'PutProfileObjectType Tags' });
    checkEqual({ actual: got.Tags, wanted: tags, what: 'GetProfileObjectType Tags' });
  },
);

contract(
  {
    id: 'OBJTYPE-PRIORITY-01',
    title: 'SourcePriority given on PutProfileObjectType comes back in Put and Get',
    operations: ['PutProfileObjectType', 'GetProfileObjectType'],
    level: 'must',
    evidence: ['M-OBJTYPE-PRIORITY', 'M-OBJTYPE-GET-RETURNS-PUT'],
  },
  async ({ session }) => {
    for (const [purpose, SourcePriority] of [['priorityFirst', 1], ['priorityLater', 7]] as const) {
      const input = loyaltyTypeWith({ session, purpose, extra: { SourcePriority } });
      const { put, got } = await putThenGet({ session, input });
      checkEqual({ actual: put.SourcePriority, wanted: SourcePriority, what: `PutProfileObjectType SourcePriority of ${input.ObjectTypeName}` });
      checkEqual({ actual: got.SourcePriority, wanted: SourcePriority, what: `GetProfileObjectType SourcePriority of ${input.ObjectTypeName}` });
    }
  },
);

contract(
  {
    id: 'OBJTYPE-ENCRYPTION-01',
    title: 'EncryptionKey given on PutProfileObjectType comes back in Put and Get',
    operations: ['PutProfileObjectType', 'GetProfileObjectType'],
    level: 'assumed',
    evidence: ['M-OBJTYPE-ENCRYPTION', 'A-OBJTYPE-KMS-ALIAS'],
  },
  async ({ session }) => {
    const tag = nameTag({ parts: [session.config.seed, session.config.runId, 'kms'] });
    // An alias name rather than a key ARN: no account id travels in the request or lands in a tape.
    const EncryptionKey = `alias/cpct-${tag}`;
    const input = loyaltyTypeWith({ session, purpose: 'encrypted', extra: { EncryptionKey } });
    const { put, got } = await putThenGet({ session, input });
    checkEqual({ actual: put.EncryptionKey, wanted: EncryptionKey, what: 'PutProfileObjectType EncryptionKey' });
    checkEqual({ actual: got.EncryptionKey, wanted: EncryptionKey, what: 'GetProfileObjectType EncryptionKey' });
  },
);

contract(
  {
    id: 'OBJTYPE-COUNT-01',
    title: 'MaxProfileObjectCount never exceeds MaxAvailableProfileObjectCount',
    operations: ['PutProfileObjectType', 'GetProfileObjectType'],
    level: 'assumed',
    evidence: ['M-OBJTYPE-MAXCOUNT', 'A-OBJTYPE-MAXCOUNT'],
  },
  async ({ session, note }) => {
    const name = objectTypeName({ seed: session.config.seed, runId: session.config.runId, kind: 'countLimit' });
    const input = { ...objectTypeDefinition({ kind: 'loyalty', domainName: session.domain, objectTypeName: name }), MaxProfileObjectCount: 5 };
    const put = await session.client.send(new PutProfileObjectTypeCommand(input));
    const got = await session.client.send(new GetProfileObjectTypeCommand({ DomainName: session.domain, ObjectTypeName: name }));
    let compared = 0;
    for (const [what, out] of [['PutProfileObjectType', put], ['GetProfileObjectType', got]] as const) {
      if (out.MaxAvailableProfileObjectCount === undefined || out.MaxProfileObjectCount === undefined) continue;
      compared += 1;
      check({
        condition: out.MaxProfileObjectCount <= out.MaxAvailableProfileObjectCount,
        expected: `${what} MaxProfileObjectCount <= MaxAvailableProfileObjectCount (${out.MaxAvailableProfileObjectCount})`,
        seen: `MaxProfileObjectCount ${out.MaxProfileObjectCount}`,
      });
    }
    // The type was put with MaxProfileObjectCount 5: a target that reports the pair nowhere leaves nothing to compare.
    check({
      condition: compared > 0,
      expected: 'MaxProfileObjectCount and MaxAvailableProfileObjectCount (put with MaxProfileObjectCount 5) in PutProfileObjectType or GetProfileObjectType, to compare',
      seen: 'compared nothing: neither response carries both',
    });
    note(`compared ${compared} response(s)`);
  },
);

contract(
  {
    id: 'OBJTYPE-TEMPLATE-01',
    title: 'PutProfileObjectType with a TemplateId and Fields or Keys is a BadRequestException',
    operations: ['PutProfileObjectType', 'ListProfileObjectTypeTemplates'],
    level: 'should',
    evidence: ['M-TEMPLATE-WITH-FIELDS', 'D-TEMPLATE-NO-FIELDS'],
  },
  async ({ session }) => {
    const templates = await someTemplates();
    const TemplateId = templates[0].TemplateId!;
    const base = objectTypeDefinition({ kind: 'loyalty', domainName: session.domain, objectTypeName: objectTypeName({ seed: session.config.seed, runId: session.config.runId, kind: 'withTemplate' }) });
    for (const extra of ['Fields', 'Keys'] as const) {
      await session.errors.expect({
        what: `PutProfileObjectType with TemplateId ${TemplateId} and ${extra}`,
        code: 'BadRequestException',
        call: () => session.client.send(new PutProfileObjectTypeCommand({ DomainName: session.domain, ObjectTypeName: base.ObjectTypeName, Description: base.Description, TemplateId, [extra]: base[extra] })),
      });
    }
  },
);

contract(
  {
    id: 'OBJTYPE-TEMPLATE-02',
    title: 'GetProfileObjectTypeTemplate returns a listed template as listed',
    operations: ['GetProfileObjectTypeTemplate', 'ListProfileObjectTypeTemplates'],
    level: 'must',
    evidence: ['M-TEMPLATE-GET', 'M-TEMPLATES-EXIST'],
  },
  async ({ session, note }) => {
    const templates = await someTemplates();
    let members = 0;
    for (const item of templates.slice(0, 3)) {
      const got = await session.client.send(new GetProfileObjectTypeTemplateCommand({ TemplateId: item.TemplateId! }));
      checkEqual({ actual: got.TemplateId, wanted: item.TemplateId, what: `GetProfileObjectTypeTemplate ${item.TemplateId} TemplateId` });
      for (const member of ['SourceName', 'SourceObject'] as const) {
        if (item[member] === undefined) continue;
        checkEqual({ actual: got[member], wanted: item[member], what: `GetProfileObjectTypeTemplate ${item.TemplateId} ${member} (as listed)` });
        members += 1;
      }
    }
    note(`compared ${Math.min(templates.length, 3)} template(s): TemplateId and ${members} listed SourceName / SourceObject value(s)`);
  },
);

contract(
  {
    id: 'OBJTYPE-TEMPLATE-03',
    title: 'GetProfileObjectTypeTemplate of an unknown TemplateId is a ResourceNotFoundException',
    operations: ['GetProfileObjectTypeTemplate'],
    level: 'must',
    evidence: ['M-GetProfileObjectTypeTemplate-ERROR-ResourceNotFoundException', 'M-ERRORS-NOTFOUND'],
    readsData: false,
  },
  async ({ session }) => {
    const TemplateId = `cpct-unknown-${session.config.runId}`;
    await session.errors.expect({ what: `GetProfileObjectTypeTemplate ${TemplateId}`, code: 'ResourceNotFoundException', call: () => session.client.send(new GetProfileObjectTypeTemplateCommand({ TemplateId })) });
  },
);

contract(
  {
    id: 'OBJTYPE-TEMPLATE-04',
    title: 'PutProfileObjectType with the API Reference example request (Description "CTR", TemplateId "CTR-NoInferred") is accepted and Get returns the TemplateId',
    operations: ['PutProfileObjectType', 'GetProfileObjectType'],
    level: 'must',
    evidence: ['R-PUTOBJTYPE-EXAMPLE-CTR-NOINFERRED', 'M-OBJTYPE-GET-RETURNS-PUT'],
  },
  async ({ session }) => {
    // The documented request exactly: object type CTR, nothing but Description and TemplateId.
    const input: PutProfileObjectTypeCommandInput = { DomainName: session.domain, ObjectTypeName: 'CTR', Description: 'CTR', TemplateId: 'CTR-NoInferred' };
    const { got } = await putThenGet({ session, input });
    checkEqual({ actual: got.TemplateId, wanted: input.TemplateId, what: 'GetProfileObjectType CTR TemplateId' });
  },
);

contract(
  {
    id: 'OBJTYPE-TEMPLATE-05',
    title: 'GetProfileObjectTypeTemplate answers the templates the model names (Salesforce-Account, Salesforce-Contact)',
    operations: ['GetProfileObjectTypeTemplate'],
    level: 'must',
    evidence: ['M-TEMPLATES-EXIST', 'M-TEMPLATE-GET'],
  },
  async ({ session }) => {
    for (const TemplateId of MODEL_TEMPLATE_IDS) {
      const got = await session.client.send(new GetProfileObjectTypeTemplateCommand({ TemplateId }));
      checkEqual({ actual: got.TemplateId, wanted: TemplateId, what: `GetProfileObjectTypeTemplate ${TemplateId} TemplateId` });
    }
  },
);

contract(
  {
    id: 'OBJTYPE-TEMPLATE-06',
    title: 'GetProfileObjectTypeTemplate answers the contact-record templates CTR, CTR-NoInferred and CTR-AutoAssociateOnly with the keys the admin guide says they search by',
    operations: ['GetProfileObjectTypeTemplate'],
    level: 'should',
    evidence: ['D-TEMPLATES-CTR-IDS', 'D-CTR-TEMPLATES', 'M-TEMPLATE-GET'],
  },
  async ({ session, note }) => {
    for (const [TemplateId, keys] of Object.entries(CTR_TEMPLATE_KEYS)) {
      const got = await session.client.send(new GetProfileObjectTypeTemplateCommand({ TemplateId }));
      checkEqual({ actual: got.TemplateId, wanted: TemplateId, what: `GetProfileObjectTypeTemplate ${TemplateId} TemplateId` });
      const have = Object.keys(got.Keys ?? {});
      const missing = keys.filter((k) => !have.includes(k));
      check({ condition: missing.length === 0, expected: `template ${TemplateId} to hold the key(s) ${keys.join(', ')} it searches profiles by`, seen: `Keys ${JSON.stringify(have)}` });
    }
    note(`checked ${Object.keys(CTR_TEMPLATE_KEYS).length} contact-record templates`);
  },
);

contract(
  {
    id: 'OBJTYPE-MAPPING-01',
    title: 'PutProfileObjectType with the admin guide\'s mapping example (a Source combining {{_source.firstName}} {{_source.lastName}}) is accepted and round-trips through Get',
    operations: ['PutProfileObjectType', 'GetProfileObjectType'],
    level: 'should',
    evidence: ['D-MAPPING-HANDLEBARS', 'M-OBJTYPE-GET-RETURNS-PUT'],
  },
  async ({ session }) => {
    const name = objectTypeName({ seed: session.config.seed, runId: session.config.runId, kind: 'guideMapping' });
    const input: PutProfileObjectTypeCommandInput = {
      DomainName: session.domain, ObjectTypeName: name, Description: 'The admin guide mapping example: a profile-generating type', ...GUIDE_MAPPING,
    };
    const { put, got } = await putThenGet({ session, input });
    checkEqual({ actual: put.Fields, wanted: input.Fields, what: 'PutProfileObjectType Fields of the guide mapping' });
    checkEqual({ actual: got.Fields, wanted: input.Fields, what: 'GetProfileObjectType Fields of the guide mapping' });
    checkEqual({ actual: normalisedKeys(got.Keys), wanted: normalisedKeys(input.Keys), what: 'GetProfileObjectType Keys of the guide mapping' });
  },
);

contract(
  {
    id: 'OBJTYPE-TIMESTAMP-01',
    title: 'PutProfileObjectType with the SimpleDateFormat pattern AWS\'s sample uses as SourceLastUpdatedTimestampFormat returns it in Put and Get',
    operations: ['PutProfileObjectType', 'GetProfileObjectType'],
    level: 'should',
    evidence: ['M-OBJTYPE-TIMESTAMP-FORMAT', 'S-TH-MAPPINGS', 'M-OBJTYPE-GET-RETURNS-PUT'],
  },
  async ({ session }) => {
    const name = objectTypeName({ seed: session.config.seed, runId: session.config.runId, kind: 'sampleTimestamp' });
    const input = objectTypeDefinition({ kind: 'airBooking', domainName: session.domain, objectTypeName: name, withSourceLastUpdatedTimestampFormat: true });
    const { put, got } = await putThenGet({ session, input });
    checkEqual({ actual: put.SourceLastUpdatedTimestampFormat, wanted: AWS_SAMPLE_TIMESTAMP_PATTERN, what: 'PutProfileObjectType SourceLastUpdatedTimestampFormat' });
    checkEqual({ actual: got.SourceLastUpdatedTimestampFormat, wanted: AWS_SAMPLE_TIMESTAMP_PATTERN, what: 'GetProfileObjectType SourceLastUpdatedTimestampFormat' });
  },
);

contract(
  {
    id: 'OBJTYPE-DETECT-01',
    title: 'DetectProfileObjectType detects a mapping for generated T&H objects: at most one, with valid identifiers and sources from the input',
    operations: ['DetectProfileObjectType'],
    level: 'assumed',
    evidence: ['M-DETECT-AT-MOST-ONE', 'M-DETECT-MAPPING', 'A-DETECT-FINDS-TH'],
  },
  async ({ session, note }) => {
    const identifiers = standardIdentifiers({ session });
    const byKind = await generatedObjects();
    const detected: string[] = [];
    let fields = 0;
    for (const [kind, objects] of byKind) {
      const sample = objects.slice(0, 3);
      const out = await session.client.send(new DetectProfileObjectTypeCommand({ DomainName: session.domain, Objects: sample.map((o) => JSON.stringify(o)) }));
      const mappings = out.DetectedProfileObjectTypes ?? [];
      check({ condition: mappings.length <= 1, expected: `at most one mapping for ${sample.length} ${kind} objects`, seen: `${mappings.length} mappings` });
      if (mappings.length > 0) detected.push(kind);
      for (const mapping of mappings) {
        for (const [keyName, keys] of Object.entries(mapping.Keys ?? {})) {
          for (const key of keys) {
            const invalid = (key.StandardIdentifiers ?? []).filter((id) => !identifiers.has(id));
            check({ condition: invalid.length === 0, expected: `key ${keyName} of the ${kind} mapping to use StandardIdentifier values of the model`, seen: `${JSON.stringify(invalid)}` });
          }
        }
        for (const [field, spec] of Object.entries(mapping.Fields ?? {})) {
          const source = spec.Source ?? '';
          const path = source.startsWith('_source.') ? source.slice('_source.'.length) : undefined;
          const present = path !== undefined && sample.some((o) => resolvePath({ document: o, path }) !== undefined);
          check({ condition: present, expected: `field ${field} of the ${kind} mapping to have a Source _source.<path> present in the input objects`, seen: `Source ${JSON.stringify(source)}` });
          fields += 1;
        }
      }
    }
    // Detecting nothing for every kind would satisfy each check above without one being made.
    check({
      condition: fields > 0,
      expected: `a mapping with at least one field detected for at least one of the ${byKind.size} T&H kinds (${[...byKind.keys()].join(', ')}), to check`,
      seen: `compared nothing: ${detected.length} mapping(s) and no field`,
    });
    note(`checked ${detected.length} mapping(s) (${detected.join(', ')}) with ${fields} field(s) over ${byKind.size} kinds`);
  },
);

contract(
  {
    id: 'OBJTYPE-DETECT-02',
    title: `DetectProfileObjectType with ${DETECT_OBJECTS.min - 1} or ${DETECT_OBJECTS.max + 1} objects is a BadRequestException`,
    operations: ['DetectProfileObjectType'],
    level: 'must',
    evidence: ['M-DetectProfileObjectType-INPUT-Objects', 'M-DetectProfileObjectType-ERROR-BadRequestException', 'M-ERRORS-BADREQUEST'],
    readsData: false,
  },
  async ({ session }) => {
    const objects = [...(await generatedObjects()).values()].flat().map((o) => JSON.stringify(o));
    for (const count of [DETECT_OBJECTS.min - 1, DETECT_OBJECTS.max + 1]) {
      await session.errors.expect({
        what: `DetectProfileObjectType with ${count} objects`,
        code: 'BadRequestException',
        call: () => session.client.send(new DetectProfileObjectTypeCommand({ DomainName: session.domain, Objects: objects.slice(0, count) })),
      });
    }
  },
);

wireContract();
