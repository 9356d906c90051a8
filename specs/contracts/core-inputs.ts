/**
 * The core operations' valid inputs and the resources they name, shared by the contract files that send every core
 * operation (wire, robustness): one valid input per operation, inputs naming what does not exist, and the fixture.
 */
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
import type { Session } from '../../harness/contracts/session.ts';
import type { CoreOperation } from '../../harness/scope.ts';
import { KINDS } from '../../generators/fields.ts';
import { generateProfileBundle } from '../../generators/generate.ts';
import { layoutOfSize } from '../../generators/scenarios/layouts.ts';
import { calculatedAttributeName, layoutDefinitionName, layoutDisplayName, objectTypeName } from '../../generators/scenarios/names.ts';
import { objectTypeDefinition } from '../../generators/scenarios/object-types.ts';

/** The resources the success paths and the violations refer to. */
export interface Fixture {
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

export type Input = Record<string, unknown>;

export interface OperationCases {
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

export type Fresh = { layout(): string; calculated(): string; objectType(): string };
export type Missing = { domain: string; name: string; profileId: string };

const KIND = 'loyaltyTransaction' as const;
const ID_FIELD = KINDS[KIND].idField;

export function layoutInput({ fx, name, seed }: { fx: Fixture; name: string; seed: number }): Input {
  return {
    DomainName: fx.domain,
    LayoutDefinitionName: name,
    DisplayName: 'Wire contract layout',
    Description: 'A layout made by the wire contracts',
    LayoutType: 'PROFILE_EXPLORER',
    Layout: layoutOfSize({ seed, chars: 400 }),
  };
}

export function countDefinition({ fx, name }: { fx: Fixture; name: string }): Input {
  return {
    DomainName: fx.domain,
    CalculatedAttributeName: name,
    DisplayName: 'Wire contract count',
    Description: 'Counts the objects of the wire contract type',
    Statistic: 'COUNT',
    AttributeDetails: { Attributes: [{ Name: ID_FIELD }], Expression: `{${fx.objectType}.${ID_FIELD}}` },
  };
}

export const CASES: Record<CoreOperation, OperationCases> = {
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
export const PLACEHOLDER: Fixture = {
  domain: 'placeholder',
  layout: 'placeholder',
  objectType: 'placeholder',
  calculated: 'placeholder',
  profileId: '0'.repeat(32),
  templateId: 'placeholder',
  objectJson: '{}',
};
export const PLACEHOLDER_FRESH: Fresh = { layout: () => 'placeholder', calculated: () => 'placeholder', objectType: () => 'placeholder' };

/** Makes the fixture in the session's domain: an object type, a profile with one object, a calculated attribute; the first listed template. */
export async function makeFixture(session: Session): Promise<Fixture> {
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
}

/** The fixture's layout, created only for the operations that read it, so a target without layouts fails only those. */
export async function makeLayout({ session, fx }: { session: Session; fx: Fixture }): Promise<string> {
  const { seed, runId } = session.config;
  await session.client.send(new CreateDomainLayoutCommand({ ...(layoutInput({ fx, name: fx.layout, seed }) as unknown as CreateDomainLayoutCommandInput), DisplayName: layoutDisplayName({ seed, runId, index: 500 }) }));
  return fx.layout;
}
/** ListDomainLayouts too: over a domain without layouts a response may carry no member, which WIRE-OK would fail. */
export const NEEDS_LAYOUT = new Set<string>(['GetDomainLayout', 'UpdateDomainLayout', 'ListDomainLayouts']);

export function freshNames(session: Session): Fresh {
  const { seed, runId } = session.config;
  const next = () => session.sequence({ of: 'fresh' });
  return {
    layout: () => layoutDefinitionName({ seed, runId, index: 600 + next() }),
    calculated: () => calculatedAttributeName({ seed, runId, id: `wire-${next()}` }),
    objectType: () => objectTypeName({ seed, runId, kind: `wire${next()}` }),
  };
}

