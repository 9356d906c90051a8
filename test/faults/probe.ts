import { createHash } from 'node:crypto';
import {
  BatchGetCalculatedAttributeForProfileCommand,
  CreateCalculatedAttributeDefinitionCommand,
  CreateDomainCommand,
  CreateDomainLayoutCommand,
  CreateProfileCommand,
  CustomerProfilesClient,
  DeleteCalculatedAttributeDefinitionCommand,
  DeleteDomainLayoutCommand,
  DetectProfileObjectTypeCommand,
  GetCalculatedAttributeDefinitionCommand,
  GetCalculatedAttributeForProfileCommand,
  GetDomainLayoutCommand,
  GetProfileObjectTypeCommand,
  GetProfileObjectTypeTemplateCommand,
  ListCalculatedAttributeDefinitionsCommand,
  ListCalculatedAttributesForProfileCommand,
  ListDomainLayoutsCommand,
  ListProfileObjectsCommand,
  ListProfileObjectTypeTemplatesCommand,
  PutProfileObjectCommand,
  PutProfileObjectTypeCommand,
  UpdateCalculatedAttributeDefinitionCommand,
  UpdateDomainLayoutCommand,
  type CreateCalculatedAttributeDefinitionCommandInput,
} from '@aws-sdk/client-customer-profiles';
import { ManualClock } from '../../harness/clock.ts';
import { applyFault } from '../../harness/mock/faults/apply.ts';
import { createMock, IN_PROCESS_ENDPOINT, MOCK_CREDENTIALS } from '../../harness/mock/index.ts';
import { loadOperationIndex } from '../../harness/operation-index.ts';
import { BASELINE_OPTIONS } from '../../harness/run/selftest.ts';
import { createSchemaRegistry } from '../../harness/schemas.ts';
import { inProcessHttpHandler, unsignedAuthSchemes } from '../../harness/targets/in-process-handler.ts';
import { attachWireValidation, type WireViolation } from '../../harness/wire-validation/index.ts';

/**
 * A probe of the reference implementation: one fixed scenario over layouts, pagination, object types, templates,
 * detection and calculated attributes, driven through the official SDK client against a fresh embedded mock (with a
 * fault or a variation of the catalogue applied from outside, as the embedded target does). Each step records what
 * travelled on the wire (status, error type, headers, body) and what the SDK made of it, so two probes can be compared
 * step by step. The mock's clock is manual, so a probe is a function of (fault, variation) alone.
 */

/** One SDK call of the probe and what came back. */
export interface ProbeStep {
  label: string;
  operation: string;
  status: number;
  errorType: string | undefined;
  /** Response headers without the per-request ones (request id, content length). */
  headers: Record<string, string>;
  /** The response body with object keys sorted (long strings replaced by their digest). */
  body: string;
  /** Digest of the response body exactly as it travelled (key order and spacing included). */
  rawBody: string;
  /** What the SDK returned (metadata dropped) or the name of what it threw. */
  sdk: string;
}

export interface ProbeResult {
  steps: ProbeStep[];
  /** Wire violations the validator found (errors and warnings). */
  violations: WireViolation[];
}

/** The probe's reference clock: objects are placed relative to it. */
export const PROBE_START_MS = Date.parse('2025-06-09T12:00:00.000Z');
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const DOMAIN = 'probe';
const TYPE = 'Tx';
/** A profile id nobody issued (the model's uuid pattern). */
const UNKNOWN_PROFILE = '0'.repeat(32);

const index = loadOperationIndex();
const registry = createSchemaRegistry();

/** Strings longer than this are shown by length and digest (the 1 MB layouts would make every comparison slow). */
const LONG = 512;

function canonical(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => {
    if (key === '$metadata') return undefined;
    if (typeof v === 'string' && v.length > LONG) return `<${v.length} chars ${createHash('sha256').update(v).digest('hex').slice(0, 16)}>`;
    if (v instanceof Date) return `date:${v.toISOString()}`;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

function bodyText(bytes: Uint8Array): string {
  const text = new TextDecoder().decode(bytes);
  if (text === '') return '';
  try {
    return canonical(JSON.parse(text));
  } catch {
    return `raw:${text.slice(0, 200)}`;
  }
}

/** ISO 8601 with an explicit offset: the same instant as `ms`, written in local time at UTC+05:00. */
function isoAtPlus5({ ms }: { ms: number }): string {
  return `${new Date(ms + 5 * HOUR_MS).toISOString().slice(0, 19)}+05:00`;
}

/**
 * Runs the probe against a fresh mock with `fault` and/or `variation` applied (neither: the reference behaviour).
 * `large: false` leaves out the last steps (layouts of one and two million characters); `validate: false` skips the
 * wire validator (what travelled is still recorded).
 */
export async function runProbe({ fault, variation, large = true, validate = true }: { fault?: string; variation?: string; large?: boolean; validate?: boolean } = {}): Promise<ProbeResult> {
  const clock = new ManualClock({ startMs: PROBE_START_MS });
  const plan = applyFault({ fault, variation });
  const mock = createMock({ clock, options: { ...BASELINE_OPTIONS, ...plan.mockOptions }, schemas: registry, index });
  const base = (request: Request) => mock.handle(request);
  const handle = plan.wrapHandle ? plan.wrapHandle(base) : base;
  const client = new CustomerProfilesClient({
    endpoint: IN_PROCESS_ENDPOINT,
    region: 'us-east-1',
    credentials: { ...MOCK_CREDENTIALS },
    requestHandler: inProcessHttpHandler({ handle }),
    maxAttempts: 1,
    // As the embedded target: the mock checks no signature (SigV4 was about 6% of a probe's CPU), and the resolved
    // middleware is kept per command class (another 6%). A command with its own middleware is sent with options,
    // which bypasses that cache.
    httpAuthSchemes: unsignedAuthSchemes(),
    cacheMiddleware: true,
  });
  const wire = attachWireValidation({ client, registry, index, validate });
  const steps: ProbeStep[] = [];

  /** Sends one command; returns its output, or undefined when it failed (the failure is recorded). */
  const step = async <T>(label: string, command: object): Promise<T | undefined> => {
    const before = wire.exchanges().length;
    let output: T | undefined;
    let sdk: string;
    try {
      const own = (command as { middlewareStack: { identify(): string[] } }).middlewareStack.identify().length > 0;
      output = (await (own ? client.send(command as never, {}) : client.send(command as never))) as T;
      sdk = canonical(output);
    } catch (error) {
      const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
      sdk = `threw ${e.name} (HTTP ${e.$metadata?.httpStatusCode ?? 'none'})`;
    }
    const exchange = wire.exchanges()[before];
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(exchange?.response.headers ?? {})) if (k !== 'x-amzn-requestid' && k !== 'content-length') headers[k] = v;
    steps.push({
      label,
      operation: exchange?.operation ?? command.constructor.name.replace(/Command$/, ''),
      status: exchange?.response.status ?? 0,
      errorType: exchange?.response.headers['x-amzn-errortype'],
      headers,
      body: exchange ? bodyText(exchange.response.body) : '',
      rawBody: createHash('sha256').update(exchange?.response.body ?? new Uint8Array(0)).digest('hex'),
      sdk,
    });
    return output;
  };

  try {
    await step('create domain', new CreateDomainCommand({ DomainName: DOMAIN, DefaultExpirationDays: 3 }));
    await probeLayouts({ step, clock });
    await probeObjectTypes({ step });
    await probeCalculated({ step, clock });
    if (large) await probeLargeLayouts({ step });
  } finally {
    client.destroy();
  }
  return { steps, violations: wire.violations() };
}

/** Sends one command of any operation (the probe mixes them); its output, or undefined when it failed. */
type Step = <T>(label: string, command: object) => Promise<T | undefined>;

const layout = (name: string, extra: Record<string, unknown> = {}) =>
  new CreateDomainLayoutCommand({ DomainName: DOMAIN, LayoutDefinitionName: name, Description: `layout ${name}`, DisplayName: `Layout ${name}`, LayoutType: 'PROFILE_EXPLORER', Layout: '{}', ...extra });

async function probeLayouts({ step, clock }: { step: Step; clock: ManualClock }): Promise<void> {
  await step('create layout a (default, tagged)', layout('a', { IsDefault: true, Tags: { team: 'cpct' } }));
  await step('create layout b (IsDefault omitted)', layout('b'));
  await step('create layout c (a second default)', layout('c', { IsDefault: true }));
  await step('get layout a', new GetDomainLayoutCommand({ DomainName: DOMAIN, LayoutDefinitionName: 'a' }));
  clock.advance({ ms: 60_000 });
  await step('update layout b (IsDefault true, Description omitted)', new UpdateDomainLayoutCommand({ DomainName: DOMAIN, LayoutDefinitionName: 'b', DisplayName: 'Layout b2', IsDefault: true }));
  await step('get layout b', new GetDomainLayoutCommand({ DomainName: DOMAIN, LayoutDefinitionName: 'b' }));
  const page1 = await step<{ NextToken?: string }>('list layouts, page 1 of 2', new ListDomainLayoutsCommand({ DomainName: DOMAIN, MaxResults: 2 }));
  await step('list layouts, page 2 of 2', new ListDomainLayoutsCommand({ DomainName: DOMAIN, MaxResults: 2, NextToken: page1?.NextToken ?? 'none' }));
  await step('list layouts again, one page', new ListDomainLayoutsCommand({ DomainName: DOMAIN, MaxResults: 100 }));
  await step('list layouts with MaxResults 101', new ListDomainLayoutsCommand({ DomainName: DOMAIN, MaxResults: 101 }));
  await step('list layouts with a forged token', new ListDomainLayoutsCommand({ DomainName: DOMAIN, NextToken: 'forged-token' }));
  await step('get an unknown layout', new GetDomainLayoutCommand({ DomainName: DOMAIN, LayoutDefinitionName: 'nope' }));
  await step('create layout a again', layout('a', { Description: 'replacement' }));
  await step('delete layout c', new DeleteDomainLayoutCommand({ DomainName: DOMAIN, LayoutDefinitionName: 'c' }));
  await step('get deleted layout c', new GetDomainLayoutCommand({ DomainName: DOMAIN, LayoutDefinitionName: 'c' }));
  // What a server must refuse (the robustness area): a name over 64 characters, an unlisted enum value, a cut body.
  await step('create a layout named with 65 characters', layout('n'.repeat(65)));
  await step('create a layout of an unknown LayoutType', layout('e', { LayoutType: 'CPCT_NOT_A_VALUE' }));
  await step('create a layout with a truncated body', truncatedBody(layout('t')));
}

/** `command` with its serialised body cut in half before it is sent. */
function truncatedBody<C extends { middlewareStack: { add(m: unknown, o: unknown): void } }>(command: C): C {
  command.middlewareStack.add(
    (next: (args: { request: { body?: unknown; headers: Record<string, string> } }) => Promise<unknown>) => async (args: { request: { body?: unknown; headers: Record<string, string> } }) => {
      const text = args.request.body instanceof Uint8Array ? new TextDecoder().decode(args.request.body) : String(args.request.body ?? '');
      const cut = text.slice(0, Math.floor(text.length / 2));
      args.request.body = cut;
      args.request.headers['content-length'] = String(Buffer.byteLength(cut));
      return next(args);
    },
    { step: 'build', name: 'probeTruncatedBody' },
  );
  return command;
}

/** Layout limits (model: Layout 1..2,000,000 characters). Last, and optional: these two steps cost half the probe. */
async function probeLargeLayouts({ step }: { step: Step }): Promise<void> {
  await step('create a layout of 1,000,010 characters', layout('big', { Layout: 'x'.repeat(1_000_010) }));
  await step('create a layout of 2,000,001 characters', layout('huge', { Layout: 'y'.repeat(2_000_001) }));
}

async function probeObjectTypes({ step }: { step: Step }): Promise<void> {
  await step(
    'put object type Loyalty',
    new PutProfileObjectTypeCommand({
      DomainName: DOMAIN,
      ObjectTypeName: 'Loyalty',
      Description: 'loyalty accounts',
      AllowProfileCreation: true,
      Fields: {
        LoyaltyId: { Source: '_source.LoyaltyId', Target: 'Loyalty.LoyaltyId' },
        AccountNumber: { Source: '_source.AccountNumber', Target: '_profile.AccountNumber' },
        AssetId: { Source: '_source.AssetId', Target: 'Loyalty.AssetId' },
      },
      Keys: {
        _loyaltyId: [{ StandardIdentifiers: ['LOYALTY', 'UNIQUE'], FieldNames: ['LoyaltyId'] }],
        _account: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['AccountNumber'] }],
        _assetId: [{ StandardIdentifiers: ['ASSET'], FieldNames: ['AssetId'] }],
      },
      Tags: { team: 'cpct' },
      SourcePriority: 3,
      EncryptionKey: 'alias/cpct-probe',
      MaxProfileObjectCount: 10,
    }),
  );
  await step('get object type Loyalty', new GetProfileObjectTypeCommand({ DomainName: DOMAIN, ObjectTypeName: 'Loyalty' }));
  const templates = await step<{ Items?: { TemplateId?: string }[] }>('list templates', new ListProfileObjectTypeTemplatesCommand({}));
  const templateId = templates?.Items?.[0]?.TemplateId ?? 'none';
  await step('get the first template', new GetProfileObjectTypeTemplateCommand({ TemplateId: templateId }));
  await step(
    'put an object type with TemplateId and Fields',
    new PutProfileObjectTypeCommand({ DomainName: DOMAIN, ObjectTypeName: 'FromTemplate', Description: 'template and fields', TemplateId: templateId, Fields: { a: { Source: '_source.a', Target: 'FromTemplate.a' } } }),
  );
  const sample = (i: number) => JSON.stringify({ TransactionId: `t-${i}`, PointsEarned: 10 * i, Email: `member${i}@example.com`, ProgramName: 'cpct' });
  await step('detect two loyalty transactions', new DetectProfileObjectTypeCommand({ DomainName: DOMAIN, Objects: [sample(1), sample(2)] }));
  await step('detect six objects', new DetectProfileObjectTypeCommand({ DomainName: DOMAIN, Objects: [1, 2, 3, 4, 5, 6].map(sample) }));
  await step(
    'put object type Guide (a template Source, a SimpleDateFormat timestamp format)',
    new PutProfileObjectTypeCommand({
      DomainName: DOMAIN,
      ObjectTypeName: 'Guide',
      Description: 'the admin guide mapping example',
      SourceLastUpdatedTimestampFormat: "yyyy-MM-dd'T'HH:mm:ss'Z'",
      Fields: { fullName: { Source: '{{_source.firstName}} {{_source.lastName}}' }, updated: { Source: '_source.updated', Target: 'Guide.UpdatedDate' } },
    }),
  );
}

const definition = (name: string, spec: Partial<CreateCalculatedAttributeDefinitionCommandInput>) =>
  new CreateCalculatedAttributeDefinitionCommand({
    DomainName: DOMAIN,
    CalculatedAttributeName: name,
    Statistic: 'SUM',
    AttributeDetails: { Attributes: [{ Name: 'v' }], Expression: `{${TYPE}.v}` },
    UseHistoricalData: true,
    ...spec,
  });

const onCat = (Include: 'ALL' | 'NONE', DimensionType: 'INCLUSIVE') => ({
  Include,
  Groups: [{ Type: 'ALL' as const, Dimensions: [{ Attributes: { cat: { DimensionType, Values: ['x'] } } }] }],
});

/**
 * Calculated attributes. Timeline (day = 86,400,000 ms): o0 is put at T0; the definitions are created and o1..o4 put
 * at T0 + 1 day; values are read at R = T0 + 2.5 days. By hand (docs/calculated-attribute-semantics.md), v over o0..o4
 * is 1, 2, 4, -5, 7 (sum 9) and cat is y, x, x, z, x.
 */
async function probeCalculated({ step, clock }: { step: Step; clock: ManualClock }): Promise<void> {
  await step(
    'put object type Tx',
    new PutProfileObjectTypeCommand({
      DomainName: DOMAIN,
      ObjectTypeName: TYPE,
      Description: 'transactions',
      AllowProfileCreation: true,
      // `amount` is a Fields entry over the source field v: {Tx.amount} reads v through it (R5).
      Fields: { id: { Source: '_source.id', Target: `${TYPE}.id` }, acc: { Source: '_source.acc', Target: '_profile.AccountNumber' }, amount: { Source: '_source.v', Target: `${TYPE}.amount` } },
      Keys: { _id: [{ StandardIdentifiers: ['UNIQUE'], FieldNames: ['id'] }], _account: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['acc'] }] },
    }),
  );
  const p1 = (await step<{ ProfileId?: string }>('create profile A1', new CreateProfileCommand({ DomainName: DOMAIN, AccountNumber: 'A1' })))?.ProfileId ?? UNKNOWN_PROFILE;
  const p2 = (await step<{ ProfileId?: string }>('create profile A2 (no objects)', new CreateProfileCommand({ DomainName: DOMAIN, AccountNumber: 'A2' })))?.ProfileId ?? UNKNOWN_PROFILE;
  const put = (label: string, object: Record<string, unknown>) =>
    step(label, new PutProfileObjectCommand({ DomainName: DOMAIN, ObjectTypeName: TYPE, Object: JSON.stringify({ acc: 'A1', ...object }) }));
  const read = PROBE_START_MS + 2.5 * DAY_MS;
  await put('put o0 (before the definitions)', { id: 'o0', v: '1', w: '1', cat: 'y', at: new Date(PROBE_START_MS).toISOString() });
  clock.advance({ ms: DAY_MS });

  await step('create avg (AVERAGE, described)', definition('avg', { Statistic: 'AVERAGE', Description: 'average of v' }));
  await step('create first (FIRST_OCCURRENCE)', definition('first', { Statistic: 'FIRST_OCCURRENCE' }));
  await step('create min (MINIMUM)', definition('min', { Statistic: 'MINIMUM' }));
  await step('create maxocc (MAX_OCCURRENCE of cat)', definition('maxocc', { Statistic: 'MAX_OCCURRENCE', AttributeDetails: { Attributes: [{ Name: 'cat' }], Expression: `{${TYPE}.cat}` } }));
  await step('create expr (SUM of v + w)', definition('expr', { AttributeDetails: { Attributes: [{ Name: 'v' }, { Name: 'w' }], Expression: `{${TYPE}.v} + {${TYPE}.w}` } }));
  await step('create count (COUNT)', definition('count', { Statistic: 'COUNT' }));
  await step('create win (SUM, last 2 days by ingestion)', definition('win', { Conditions: { Range: { Value: 2, Unit: 'DAYS' } } }));
  await step('create vr (SUM, ValueRange 3..2 days ago)', definition('vr', { Conditions: { Range: { Unit: 'DAYS', ValueRange: { Start: 3, End: 2 } } } }));
  await step('create ts (SUM, last day by the at field)', definition('ts', { Conditions: { Range: { Value: 1, Unit: 'DAYS', TimestampSource: `{${TYPE}.at}`, TimestampFormat: 'ISO_8601' } } }));
  await step('create last2 (SUM, ObjectCount 2)', definition('last2', { Conditions: { ObjectCount: 2 } }));
  await step('create thr (SUM, Threshold > 100)', definition('thr', { Conditions: { Threshold: { Value: '100', Operator: 'GREATER_THAN' } } }));
  await step('create fnone (COUNT, Filter NONE of cat x)', definition('fnone', { Statistic: 'COUNT', Filter: onCat('NONE', 'INCLUSIVE') }));
  await step('create fcat (COUNT, Filter cat x)', definition('fcat', { Statistic: 'COUNT', Filter: onCat('ALL', 'INCLUSIVE') }));
  await step('create hist (COUNT, no historical data)', definition('hist', { Statistic: 'COUNT', UseHistoricalData: false }));
  await step('create sum (SUM)', definition('sum', {}));
  await step('create tsany (SUM, last day by the at field, no TimestampFormat)', definition('tsany', { Conditions: { Range: { Value: 1, Unit: 'DAYS', TimestampSource: `{${TYPE}.at}` } } }));
  await step('create alltime (LAST_OCCURRENCE by the at field, a Range of Unit only)', definition('alltime', { Statistic: 'LAST_OCCURRENCE', Conditions: { Range: { Unit: 'DAYS', TimestampSource: `{${TYPE}.at}` } } }));
  await step('create alias (SUM of the Fields entry amount)', definition('alias', { AttributeDetails: { Attributes: [{ Name: 'amount' }], Expression: `{${TYPE}.amount}` } }));
  await step('create dur (SUM of end - at, ISO timestamps)', definition('dur', { AttributeDetails: { Attributes: [{ Name: 'end' }, { Name: 'at' }], Expression: `{${TYPE}.end} - {${TYPE}.at}` } }));
  await step('create nowhere (COUNT over an object type the domain lacks)', definition('nowhere', { Statistic: 'COUNT', AttributeDetails: { Attributes: [{ Name: 'v' }], Expression: '{Missing.v}' } }));

  await put('put o1', { id: 'o1', v: '2', w: '10', cat: 'x', at: new Date(read - 2 * HOUR_MS).toISOString(), end: new Date(read - 2 * HOUR_MS + 90_000).toISOString() });
  await put('put o2 (at with a +05:00 offset, 26 hours before R)', { id: 'o2', v: '4', w: '10', cat: 'x', at: isoAtPlus5({ ms: read - 26 * HOUR_MS }) });
  await put('put o3 (a negative amount)', { id: 'o3', v: '-5', w: '10', cat: 'z' });
  await put('put o4', { id: 'o4', v: '7', w: '10', cat: 'x' });
  clock.set({ ms: read });

  await step('list objects of A1', new ListProfileObjectsCommand({ DomainName: DOMAIN, ObjectTypeName: TYPE, ProfileId: p1 }));
  for (const name of ['avg', 'first', 'min', 'maxocc', 'expr', 'count', 'win', 'vr', 'ts', 'last2', 'thr', 'fnone', 'fcat', 'hist', 'sum', 'tsany', 'alltime', 'alias', 'dur']) {
    await step(`value of ${name} for A1`, new GetCalculatedAttributeForProfileCommand({ DomainName: DOMAIN, CalculatedAttributeName: name, ProfileId: p1 }));
  }
  await step('value of count for A2 (no objects)', new GetCalculatedAttributeForProfileCommand({ DomainName: DOMAIN, CalculatedAttributeName: 'count', ProfileId: p2 }));
  await step('list values of A1', new ListCalculatedAttributesForProfileCommand({ DomainName: DOMAIN, ProfileId: p1 }));
  await step('batch get sum for A1 and an unknown profile', new BatchGetCalculatedAttributeForProfileCommand({ DomainName: DOMAIN, CalculatedAttributeName: 'sum', ProfileIds: [p1, UNKNOWN_PROFILE] }));
  await step(
    'batch get sum over the last day (override)',
    new BatchGetCalculatedAttributeForProfileCommand({ DomainName: DOMAIN, CalculatedAttributeName: 'sum', ProfileIds: [p1], ConditionOverrides: { Range: { Start: 1, End: 0, Unit: 'DAYS' } } }),
  );
  await step('get definition avg', new GetCalculatedAttributeDefinitionCommand({ DomainName: DOMAIN, CalculatedAttributeName: 'avg' }));
  await step('list definitions', new ListCalculatedAttributeDefinitionsCommand({ DomainName: DOMAIN }));
  await step('update avg (Description)', new UpdateCalculatedAttributeDefinitionCommand({ DomainName: DOMAIN, CalculatedAttributeName: 'avg', Description: 'still the average of v' }));
  await step('get definition avg after the update', new GetCalculatedAttributeDefinitionCommand({ DomainName: DOMAIN, CalculatedAttributeName: 'avg' }));
  await step('create bad (an invalid Expression)', definition('bad', { AttributeDetails: { Attributes: [{ Name: 'v' }], Expression: `{${TYPE}.v} +` } }));
  await step('delete definition first', new DeleteCalculatedAttributeDefinitionCommand({ DomainName: DOMAIN, CalculatedAttributeName: 'first' }));
  await step('get deleted definition first', new GetCalculatedAttributeDefinitionCommand({ DomainName: DOMAIN, CalculatedAttributeName: 'first' }));
}

/**
 * Index of the first step where two probes differ on the wire (status, error type, headers or body), or -1. Only the
 * steps both ran are compared (a probe without the large layouts is a prefix of one with them).
 */
export function firstWireDifference({ a, b }: { a: ProbeResult; b: ProbeResult }): number {
  const n = Math.min(a.steps.length, b.steps.length);
  for (let i = 0; i < n; i++) {
    const x = a.steps[i];
    const y = b.steps[i];
    if (x.status !== y.status || x.errorType !== y.errorType || x.body !== y.body || canonical(x.headers) !== canonical(y.headers)) return i;
  }
  return -1;
}
