/**
 * The wire: each of the 16 core operations on its success path (modelled status, a response that passes the wire
 * validator), on unknown names (ResourceNotFoundException, 404) and on each kind of constraint violation its input can
 * carry (BadRequestException, 400). The violations are derived from specs/schemas (harness/contracts/violations.ts),
 * so they follow the model. Every other contract file ends with its own WIRE-EXCHANGES check.
 */
import * as sdk from '@aws-sdk/client-customer-profiles';
import {
  CreateCalculatedAttributeDefinitionCommand,
  CreateDomainLayoutCommand,
  CreateProfileCommand,
  ListProfileObjectTypeTemplatesCommand,
  PutProfileObjectCommand,
  PutProfileObjectTypeCommand,
  type CreateCalculatedAttributeDefinitionCommandInput,
  type CreateDomainLayoutCommandInput,
  type CreateProfileCommandInput,
} from '@aws-sdk/client-customer-profiles';
import { contractFile, describeWire } from '../../harness/contracts/contract.ts';
import type { Session } from '../../harness/contracts/session.ts';
import { check, ContractViolation } from '../../harness/contracts/violation.ts';
import { blankLabelMiddleware, violationCases } from '../../harness/contracts/violations.ts';
import { loadOperationIndex } from '../../harness/operation-index.ts';
import { createSchemaRegistry } from '../../harness/schemas.ts';
import { CORE_OPERATIONS, type CoreOperation } from '../../harness/scope.ts';
import { KINDS } from '../../generators/fields.ts';
import { generateProfileBundle } from '../../generators/generate.ts';
import { layoutOfSize } from '../../generators/scenarios/layouts.ts';
import { calculatedAttributeName, layoutDefinitionName, layoutDisplayName, objectTypeName } from '../../generators/scenarios/names.ts';
import { objectTypeDefinition } from '../../generators/scenarios/object-types.ts';

const { contract, wireContract, fixture } = contractFile({ area: 'wire' });

/** The resources the success paths and the violations refer to. */
interface Fixture {
  domain: string;
  layout: string;
  objectType: string;
  calculated: string;
  profileId: string;
  /** A template the target lists, if it lists any. */
  templateId?: string;
  /** A generated T&H object as a JSON string. */
  objectJson: string;
}

type Input = Record<string, unknown>;

interface OperationCases {
  /** A valid input; `fresh(prefix)` gives names nothing else uses (creates must not collide). */
  valid(args: { fx: Fixture; fresh: Fresh }): Input;
  /** Makes what a valid input needs that the fixture does not hold (e.g. the layout a Delete deletes). */
  prepare?(args: { fx: Fixture; input: Input; session: Session }): Promise<void>;
  /** Inputs naming something that does not exist (a domain or a name: the model's ResourceNotFoundException). */
  unknown(args: { fx: Fixture; missing: Missing }): Input[];
  /**
   * Inputs naming a profile that does not exist where the answer is not modelled (the service may answer without a
   * value as well as with ResourceNotFoundException): their own assumed contract.
   */
  unknownProfile?(args: { fx: Fixture; missing: Missing }): Input[];
}

type Fresh = { layout(): string; calculated(): string; objectType(): string };
type Missing = { domain: string; name: string; profileId: string };

const KIND = 'loyaltyTransaction' as const;
const ID_FIELD = KINDS[KIND].idField;

function layoutInput({ fx, name, seed }: { fx: Fixture; name: string; seed: number }): Input {
  return {
    DomainName: fx.domain,
    LayoutDefinitionName: name,
    DisplayName: 'Wire contract layout',
    Description: 'A layout made by the wire contracts',
    LayoutType: 'PROFILE_EXPLORER',
    Layout: layoutOfSize({ seed, chars: 400 }),
  };
}

function countDefinition({ fx, name }: { fx: Fixture; name: string }): Input {
  return {
    DomainName: fx.domain,
    CalculatedAttributeName: name,
    DisplayName: 'Wire contract count',
    Description: 'Counts the objects of the wire contract type',
    Statistic: 'COUNT',
    AttributeDetails: { Attributes: [{ Name: ID_FIELD }], Expression: `{${fx.objectType}.${ID_FIELD}}` },
  };
}

const CASES: Record<CoreOperation, OperationCases> = {
  ListDomainLayouts: {
    valid: ({ fx }) => ({ DomainName: fx.domain, MaxResults: 10 }),
    unknown: ({ missing }) => [{ DomainName: missing.domain }],
  },
  GetDomainLayout: {
    valid: ({ fx }) => ({ DomainName: fx.domain, LayoutDefinitionName: fx.layout }),
    unknown: ({ fx, missing }) => [{ DomainName: missing.domain, LayoutDefinitionName: fx.layout }, { DomainName: fx.domain, LayoutDefinitionName: missing.name }],
  },
  CreateDomainLayout: {
    valid: ({ fx, fresh }) => layoutInput({ fx, name: fresh.layout(), seed: 1 }),
    unknown: ({ fx, missing }) => [{ ...layoutInput({ fx, name: missing.name, seed: 1 }), DomainName: missing.domain }],
  },
  UpdateDomainLayout: {
    valid: ({ fx }) => ({ DomainName: fx.domain, LayoutDefinitionName: fx.layout, Description: 'Updated by the wire contracts', DisplayName: 'Wire contract layout', LayoutType: 'PROFILE_EXPLORER' }),
    unknown: ({ fx, missing }) => [
      { DomainName: missing.domain, LayoutDefinitionName: fx.layout, Description: 'x' },
      { DomainName: fx.domain, LayoutDefinitionName: missing.name, Description: 'x' },
    ],
  },
  DeleteDomainLayout: {
    valid: ({ fx, fresh }) => ({ DomainName: fx.domain, LayoutDefinitionName: fresh.layout() }),
    prepare: async ({ fx, input, session }) => {
      await session.client.send(new CreateDomainLayoutCommand(layoutInput({ fx, name: input.LayoutDefinitionName as string, seed: 2 }) as unknown as CreateDomainLayoutCommandInput));
    },
    unknown: ({ fx, missing }) => [{ DomainName: missing.domain, LayoutDefinitionName: fx.layout }, { DomainName: fx.domain, LayoutDefinitionName: missing.name }],
  },
  BatchGetCalculatedAttributeForProfile: {
    valid: ({ fx }) => ({ DomainName: fx.domain, CalculatedAttributeName: fx.calculated, ProfileIds: [fx.profileId] }),
    unknown: ({ fx, missing }) => [
      { DomainName: missing.domain, CalculatedAttributeName: fx.calculated, ProfileIds: [fx.profileId] },
      { DomainName: fx.domain, CalculatedAttributeName: missing.name, ProfileIds: [fx.profileId] },
    ],
  },
  CreateCalculatedAttributeDefinition: {
    valid: ({ fx, fresh }) => countDefinition({ fx, name: fresh.calculated() }),
    unknown: ({ fx, missing }) => [{ ...countDefinition({ fx, name: missing.name }), DomainName: missing.domain }],
  },
  GetCalculatedAttributeDefinition: {
    valid: ({ fx }) => ({ DomainName: fx.domain, CalculatedAttributeName: fx.calculated }),
    unknown: ({ fx, missing }) => [{ DomainName: missing.domain, CalculatedAttributeName: fx.calculated }, { DomainName: fx.domain, CalculatedAttributeName: missing.name }],
  },
  UpdateCalculatedAttributeDefinition: {
    valid: ({ fx }) => ({ DomainName: fx.domain, CalculatedAttributeName: fx.calculated, DisplayName: 'Wire contract count', Description: 'Updated by the wire contracts' }),
    unknown: ({ fx, missing }) => [
      { DomainName: missing.domain, CalculatedAttributeName: fx.calculated, Description: 'x' },
      { DomainName: fx.domain, CalculatedAttributeName: missing.name, Description: 'x' },
    ],
  },
  ListCalculatedAttributeDefinitions: {
    valid: ({ fx }) => ({ DomainName: fx.domain, MaxResults: 10 }),
    unknown: ({ missing }) => [{ DomainName: missing.domain }],
  },
  GetCalculatedAttributeForProfile: {
    valid: ({ fx }) => ({ DomainName: fx.domain, ProfileId: fx.profileId, CalculatedAttributeName: fx.calculated }),
    unknown: ({ fx, missing }) => [
      { DomainName: missing.domain, ProfileId: fx.profileId, CalculatedAttributeName: fx.calculated },
      { DomainName: fx.domain, ProfileId: fx.profileId, CalculatedAttributeName: missing.name },
    ],
    unknownProfile: ({ fx, missing }) => [{ DomainName: fx.domain, ProfileId: missing.profileId, CalculatedAttributeName: fx.calculated }],
  },
  ListCalculatedAttributesForProfile: {
    valid: ({ fx }) => ({ DomainName: fx.domain, ProfileId: fx.profileId, MaxResults: 10 }),
    unknown: ({ missing, fx }) => [{ DomainName: missing.domain, ProfileId: fx.profileId }],
    unknownProfile: ({ fx, missing }) => [{ DomainName: fx.domain, ProfileId: missing.profileId }],
  },
  DetectProfileObjectType: {
    valid: ({ fx }) => ({ DomainName: fx.domain, Objects: [fx.objectJson] }),
    unknown: ({ fx, missing }) => [{ DomainName: missing.domain, Objects: [fx.objectJson] }],
  },
  GetProfileObjectType: {
    valid: ({ fx }) => ({ DomainName: fx.domain, ObjectTypeName: fx.objectType }),
    unknown: ({ fx, missing }) => [{ DomainName: missing.domain, ObjectTypeName: fx.objectType }, { DomainName: fx.domain, ObjectTypeName: missing.name }],
  },
  PutProfileObjectType: {
    valid: ({ fx, fresh }) => ({ ...objectTypeDefinition({ kind: KIND, domainName: fx.domain, objectTypeName: fresh.objectType() }), ExpirationDays: 30 }),
    unknown: ({ missing }) => [{ ...objectTypeDefinition({ kind: KIND, domainName: missing.domain, objectTypeName: missing.name }) }],
  },
  GetProfileObjectTypeTemplate: {
    valid: ({ fx }) => ({ TemplateId: fx.templateId ?? 'cpct-no-template-listed' }),
    unknown: ({ missing }) => [{ TemplateId: missing.name }],
  },
};

/** Placeholders with the shapes of the real fixture, so the contracts can be declared before anything exists. */
const PLACEHOLDER: Fixture = {
  domain: 'placeholder',
  layout: 'placeholder',
  objectType: 'placeholder',
  calculated: 'placeholder',
  profileId: '0'.repeat(32),
  templateId: 'placeholder',
  objectJson: '{}',
};
const PLACEHOLDER_FRESH: Fresh = { layout: () => 'placeholder', calculated: () => 'placeholder', objectType: () => 'placeholder' };

const fixtureOf = fixture(async (session): Promise<Fixture> => {
  const { seed, runId, clockMs } = session.config;
  const domain = session.domain;
  const objectType = objectTypeName({ seed, runId, kind: 'wireTx' });
  await session.client.send(new PutProfileObjectTypeCommand(objectTypeDefinition({ kind: KIND, domainName: domain, objectTypeName: objectType })));
  const bundle = generateProfileBundle({ seed, clockMs, index: 1, families: ['loyalty'] });
  const { ProfileId } = await session.client.send(new CreateProfileCommand({ ...(bundle[0].object as Omit<CreateProfileCommandInput, 'DomainName'>), DomainName: domain }));
  const object = bundle.find((r) => r.objectTypeName === KIND) ?? bundle.find((r) => r.objectTypeName in KINDS);
  if (object?.objectTypeName === KIND) await session.client.send(new PutProfileObjectCommand({ DomainName: domain, ObjectTypeName: objectType, Object: JSON.stringify(object.object) }));
  const fx: Fixture = { domain, layout: layoutDefinitionName({ seed, runId, index: 500 }), objectType, calculated: calculatedAttributeName({ seed, runId, id: 'wire-count' }), profileId: ProfileId!, objectJson: JSON.stringify(object?.object ?? { Id: 'x' }) };
  await session.client.send(new CreateCalculatedAttributeDefinitionCommand(countDefinition({ fx, name: fx.calculated }) as unknown as CreateCalculatedAttributeDefinitionCommandInput));
  const templates = await session.client.send(new ListProfileObjectTypeTemplatesCommand({ MaxResults: 10 }));
  return { ...fx, templateId: templates.Items?.find((t) => t.TemplateId)?.TemplateId };
});

/** The fixture's layout, created only for the operations that read it, so a target without layouts fails only those. */
const layoutOf = fixture(async (session) => {
  const fx = await fixtureOf();
  const { seed, runId } = session.config;
  await session.client.send(new CreateDomainLayoutCommand({ ...(layoutInput({ fx, name: fx.layout, seed }) as unknown as CreateDomainLayoutCommandInput), DisplayName: layoutDisplayName({ seed, runId, index: 500 }) }));
  return fx.layout;
});
/** ListDomainLayouts too: over a domain without layouts a response may carry no member, which WIRE-OK would fail. */
const NEEDS_LAYOUT = new Set<string>(['GetDomainLayout', 'UpdateDomainLayout', 'ListDomainLayouts']);

function freshNames(session: Session): Fresh {
  const { seed, runId } = session.config;
  const next = () => session.sequence({ of: 'fresh' });
  return {
    layout: () => layoutDefinitionName({ seed, runId, index: 600 + next() }),
    calculated: () => calculatedAttributeName({ seed, runId, id: `wire-${next()}` }),
    objectType: () => objectTypeName({ seed, runId, kind: `wire${next()}` }),
  };
}

type AnyCommand = Parameters<Session['client']['send']>[0] & { middlewareStack: { add(m: unknown, o: unknown): void } };

/** Sends `input` to `operation` with the SDK's own command class; `emptyLabel` blanks the marked label in the path. */
function send({ session, operation, input, emptyLabel = false }: { session: Session; operation: string; input: Input; emptyLabel?: boolean }): Promise<unknown> {
  const Command = (sdk as unknown as Record<string, new (input: Input) => AnyCommand>)[`${operation}Command`];
  const command = new Command(input);
  if (emptyLabel) {
    const { middleware, options } = blankLabelMiddleware();
    command.middlewareStack.add(middleware, options);
    // With options the client resolves this command's own middleware instead of a handler cached for its class
    // (cacheMiddleware), and caches nothing that would blank the label of later commands of that class.
    return session.client.send(command, {});
  }
  return session.client.send(command);
}

/**
 * Operations for which an answer without any member is a valid answer to the valid input: DetectProfileObjectType may
 * detect nothing (the model bounds the mappings at one, not below), so its WIRE-OK checks the status and the shapes
 * only (whether a mapping is detected is OBJTYPE-DETECT-01's assumed subject).
 */
const MAY_ANSWER_EMPTY = new Set<string>(['DetectProfileObjectType']);

/** Names that exist nowhere in this run: a domain, a resource name and a profile id. */
function missingNames(session: Session): Missing {
  return { domain: `cpct-${session.config.runId}-no-such-domain`, name: `cpct_no_such_name_${session.config.runId}`, profileId: 'f'.repeat(32) };
}

/** Expects ResourceNotFoundException for each input, naming the unknown members in the failure. */
async function expectNotFound({ session, operation, inputs }: { session: Session; operation: string; inputs: Input[] }): Promise<void> {
  const missing = Object.values(missingNames(session));
  for (const input of inputs) {
    const named = Object.entries(input).filter(([, v]) => typeof v === 'string' && missing.includes(v)).map(([k]) => k);
    await session.errors.expect({ what: `${operation} with unknown ${named.join(', ')}`, code: 'ResourceNotFoundException', call: () => send({ session, operation, input }) });
  }
}
/** Where the model says templates exist, so an empty catalogue is a failure rather than a missing precondition. */
const TEMPLATES_EXIST = 'the model\'s GetProfileObjectTypeTemplate documentation names "Salesforce-Account" and "Salesforce-Contact" as templates';

/** Declares the contracts of every core operation; the violation kinds come from the schemas, read once here. */
function declareOperationContracts(): void {
  const schemaRegistry = createSchemaRegistry();
  const operationIndex = loadOperationIndex({ dir: schemaRegistry.dir });
  for (const operation of CORE_OPERATIONS) {
    const cases = CASES[operation];
    const entry = operationIndex.operations[operation];

    contract(
      {
        id: `WIRE-OK-${operation}`,
        title: `${operation} succeeds with HTTP ${entry.http.code} and a response that passes the wire validator`,
        operations: [operation],
        level: 'must',
        evidence: [`M-${operation}-HTTP`, `M-${operation}-OUTPUT`, 'M-WIRE-PROTOCOL', ...(operation === 'GetProfileObjectTypeTemplate' ? ['M-TEMPLATES-EXIST'] : [])],
        ...(MAY_ANSWER_EMPTY.has(operation) ? { readsData: false as const } : {}),
      },
      async ({ session }) => {
        const fx = await fixtureOf();
        if (NEEDS_LAYOUT.has(operation)) await layoutOf();
        check({
          condition: operation !== 'GetProfileObjectTypeTemplate' || fx.templateId !== undefined,
          expected: `ListProfileObjectTypeTemplates to list a template to get (${TEMPLATES_EXIST})`,
          seen: 'no template on its first page',
        });
        const input = cases.valid({ fx, fresh: freshNames(session) });
        await cases.prepare?.({ fx, input, session });
        const mark = session.wire.exchanges().length;
        const output = (await send({ session, operation, input })) as Record<string, unknown>;
        const exchange = session.wire.exchanges()[mark];
        check({ condition: exchange !== undefined, expected: `one ${operation} exchange to be captured`, seen: 'none' });
        check({ condition: exchange.response.status === entry.http.code, expected: `HTTP ${entry.http.code}`, seen: `HTTP ${exchange.response.status}` });
        // An empty body passes the validator whenever the output has no required member, and then validated nothing.
        const modelled = [...Object.keys(entry.output.body), ...Object.keys(entry.output.headers)];
        check({
          condition: MAY_ANSWER_EMPTY.has(operation) || modelled.some((member) => output[member] !== undefined),
          expected: `a ${operation} response carrying at least one of its output members (${modelled.join(', ')})`,
          seen: 'none of them: the validator would have compared nothing',
        });
        const errors = session.wire.violations().filter((v) => v.exchange >= mark && v.severity === 'error');
        if (errors.length > 0) {
          throw new ContractViolation({ expected: `a ${operation} response that passes the wire validator`, seen: errors.slice(0, 5).map(describeWire).join(' | ') });
        }
      },
    );

    contract(
      {
        id: `WIRE-404-${operation}`,
        title: `${operation} on unknown names is ResourceNotFoundException (HTTP 404)`,
        operations: [operation],
        level: 'must',
        evidence: [`M-${operation}-ERROR-ResourceNotFoundException`, 'M-ERRORS-NOTFOUND'],
        readsData: false,
      },
      async ({ session }) => {
        const fx = await fixtureOf();
        await expectNotFound({ session, operation, inputs: cases.unknown({ fx, missing: missingNames(session) }) });
      },
    );

    const unknownProfile = cases.unknownProfile;
    if (unknownProfile) {
      contract(
        {
          id: `WIRE-404-PROFILE-${operation}`,
          title: `${operation} for a profile id that does not exist is ResourceNotFoundException (HTTP 404)`,
          operations: [operation],
          level: 'assumed',
          evidence: [`M-${operation}-ERROR-ResourceNotFoundException`, 'A-CALC-R26-PROFILE'],
          readsData: false,
        },
        async ({ session }) => {
          const fx = await fixtureOf();
          await expectNotFound({ session, operation, inputs: unknownProfile({ fx, missing: missingNames(session) }) });
        },
      );
    }

    const declared = violationCases({ registry: schemaRegistry, index: operationIndex, operation, base: cases.valid({ fx: PLACEHOLDER, fresh: PLACEHOLDER_FRESH }) });
    for (const { kind, member, emptyLabel } of declared) {
      contract(
        {
          id: `WIRE-400-${kind.toUpperCase()}-${operation}`,
          title: `${operation} with a ${kind} violation (${member}${emptyLabel ? ', an empty label' : ''}) is BadRequestException (HTTP 400)`,
          operations: [operation],
          level: emptyLabel ? 'assumed' : 'must',
          evidence: [`M-${operation}-INPUT-${member}`, `M-${operation}-ERROR-BadRequestException`, 'M-ERRORS-BADREQUEST', ...(emptyLabel ? ['A-WIRE-EMPTY-LABEL'] : [])],
          readsData: false,
        },
        async ({ session }) => {
          const fx = await fixtureOf();
          if (NEEDS_LAYOUT.has(operation)) await layoutOf();
          const base = cases.valid({ fx, fresh: freshNames(session) });
          await cases.prepare?.({ fx, input: base, session });
          const found = violationCases({ registry: session.registry, index: session.index, operation, base }).find((c) => c.kind === kind);
          check({ condition: found !== undefined, expected: `a ${kind} case for ${operation}`, seen: 'none (the valid input changed shape)' });
          await session.errors.expect({ what: `${operation} where ${found!.description}`, code: 'BadRequestException', call: () => send({ session, operation, input: found!.input, emptyLabel: found!.emptyLabel }) });
        },
      );
    }
  }
}

declareOperationContracts();
wireContract();
