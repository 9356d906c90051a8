import { BadRequestException, ResourceNotFoundException } from './errors.ts';
import { checkString, checkStringMap } from './input.ts';
import { arnPrefix, listPage, readTags, requireDomain, stamp, toDate, type Handler, type ServiceContext } from './context.ts';
import { compareNames } from './domains.ts';
import { requireObjectType } from './object-types.ts';
import { INTEGRATION_SCOPES, RULES, type DomainState, type EventStreamState, type IntegrationState } from './state.ts';
import { tagsOutput } from './tags.ts';
import type { OperationOutput } from './types.ts';

/**
 * Integrations and event streams: stored and returned, never simulated. No data flows in from an integration's
 * source and no event reaches a stream's destination; what a client configured reads back as it was put.
 */

/**
 * PutIntegration: creates or replaces the domain's integration for a Uri. A Uri belongs to one domain only (the
 * model: "An integration can belong to only one domain"); the object types it names must exist in the domain.
 */
export const putIntegration: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  const flow = input.optObject({ member: 'FlowDefinition' });
  const flowName = flow ? checkString({ member: 'FlowDefinition.FlowName', value: flow.FlowName, min: 1, max: 256 }) : undefined;
  const given = input.optStr({ member: 'Uri', ...RULES.string1To255 });
  // With a FlowDefinition and no Uri, AWS makes an AppFlow flow; its ARN stands in as the Uri (ASSUMPTIONS.md).
  const uri = given ?? (flowName !== undefined ? `arn:aws:appflow:${ctx.options.region}:${ctx.options.accountId}:flow/${flowName}` : undefined);
  if (uri === undefined) throw new BadRequestException('Uri is required unless a FlowDefinition is given');
  if (uri.length > RULES.string1To255.max) throw new BadRequestException(`FlowDefinition.FlowName makes a Uri longer than 255 characters: ${uri.length}`);
  const objectTypeName = input.optStr({ member: 'ObjectTypeName', ...RULES.typeName });
  const rawNames = input.raw({ member: 'ObjectTypeNames' });
  const objectTypeNames = rawNames === undefined || rawNames === null
    ? undefined
    : checkStringMap({ member: 'ObjectTypeNames', value: rawNames, key: RULES.string1To255, entry: RULES.typeName });
  if (objectTypeName === undefined && (objectTypeNames === undefined || objectTypeNames.size === 0)) {
    throw new BadRequestException('PutIntegration needs ObjectTypeName or a non-empty ObjectTypeNames');
  }
  for (const name of [...(objectTypeName === undefined ? [] : [objectTypeName]), ...(objectTypeNames?.values() ?? [])]) {
    requireObjectType({ domain, name });
  }
  const roleArn = input.optStr({ member: 'RoleArn', ...RULES.roleArn });
  const eventTriggerNames = input.optStrList({ member: 'EventTriggerNames', minItems: 1, maxItems: 1, item: RULES.name });
  const scope = input.optEnum({ member: 'Scope', values: INTEGRATION_SCOPES }) ?? 'PROFILE';
  const tags = readTags({ input });
  for (const other of ctx.domains.values()) {
    if (other !== domain && other.integrations.has(uri)) {
      throw new BadRequestException(`Uri ${uri} already has an integration in another domain; an integration belongs to one domain`);
    }
  }
  // Every check has passed: from here on the call changes state.
  const previous = domain.integrations.get(uri);
  const now = ctx.clock.now();
  const integration: IntegrationState = {
    uri,
    objectTypeName,
    objectTypeNames,
    roleArn,
    eventTriggerNames,
    scope,
    createdAt: previous?.createdAt ?? now,
    lastUpdatedAt: stamp({ ctx, previous: previous?.lastUpdatedAt }),
    tags: tags ?? previous?.tags ?? new Map(),
  };
  domain.integrations.set(uri, integration);
  return integrationOutput({ domain, integration });
};

/** GetIntegration: the domain's integration for a Uri, or ResourceNotFoundException. */
export const getIntegration: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  return integrationOutput({ domain, integration: requireIntegration({ domain, uri: input.str({ member: 'Uri', ...RULES.string1To255 }) }) });
};

/** ListIntegrations: the domain's integrations in the order they were first put (none are hidden). */
export const listIntegrations: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  input.optBool({ member: 'IncludeHidden' });
  const page = listPage({ ctx, input, operation: 'ListIntegrations', scopeParts: [domain.name], all: [...domain.integrations.values()] });
  return { Items: page.items.map((integration) => integrationOutput({ domain, integration })), NextToken: page.nextToken };
};

/** DeleteIntegration: removes the domain's integration for a Uri, or ResourceNotFoundException. */
export const deleteIntegration: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  const integration = requireIntegration({ domain, uri: input.str({ member: 'Uri', ...RULES.string1To255 }) });
  domain.integrations.delete(integration.uri);
  return { Message: `Integration ${integration.uri} was deleted from domain ${domain.name}` };
};

/** ListAccountIntegrations: the integrations of any domain with this Uri (at most one, see PutIntegration). */
export const listAccountIntegrations: Handler = ({ ctx, input }) => {
  const uri = input.str({ member: 'Uri', ...RULES.string1To255 });
  input.optBool({ member: 'IncludeHidden' });
  const all: Array<{ domain: DomainState; integration: IntegrationState }> = [];
  for (const domain of [...ctx.domains.values()].sort((a, b) => compareNames(a.name, b.name))) {
    const integration = domain.integrations.get(uri);
    if (integration) all.push({ domain, integration });
  }
  const page = listPage({ ctx, input, operation: 'ListAccountIntegrations', scopeParts: [uri], all });
  return { Items: page.items.map(integrationOutput), NextToken: page.nextToken };
};

/** CreateEventStream: a new event stream of the domain (a name in use is a BadRequestException). */
export const createEventStream: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  const name = input.str({ member: 'EventStreamName', ...RULES.name });
  const uri = input.str({ member: 'Uri', ...RULES.string1To255 });
  const tags = readTags({ input }) ?? new Map<string, string>();
  if (domain.eventStreams.has(name)) throw new BadRequestException(`Event stream ${name} already exists in domain ${domain.name}`);
  const stream: EventStreamState = { name, uri, createdAt: ctx.clock.now(), tags };
  domain.eventStreams.set(name, stream);
  return { EventStreamArn: eventStreamArn({ ctx, domain, stream }), Tags: tagsOutput({ tags }) };
};

/** GetEventStream: the stream, always RUNNING with a HEALTHY destination (nothing is delivered to fail). */
export const getEventStream: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  const stream = requireEventStream({ domain, name: input.str({ member: 'EventStreamName', ...RULES.name }) });
  return {
    DomainName: domain.name,
    EventStreamArn: eventStreamArn({ ctx, domain, stream }),
    CreatedAt: toDate(stream.createdAt),
    State: 'RUNNING',
    DestinationDetails: { Uri: stream.uri, Status: 'HEALTHY' },
    Tags: tagsOutput({ tags: stream.tags }),
  };
};

/** ListEventStreams: the domain's streams in name order. */
export const listEventStreams: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  const all = [...domain.eventStreams.values()].sort((a, b) => compareNames(a.name, b.name));
  const page = listPage({ ctx, input, operation: 'ListEventStreams', scopeParts: [domain.name], all });
  return {
    Items: page.items.map((stream) => ({
      DomainName: domain.name,
      EventStreamName: stream.name,
      EventStreamArn: eventStreamArn({ ctx, domain, stream }),
      State: 'RUNNING',
      DestinationSummary: { Uri: stream.uri, Status: 'HEALTHY' },
      Tags: tagsOutput({ tags: stream.tags }),
    })),
    NextToken: page.nextToken,
  };
};

/** DeleteEventStream: removes the stream, or ResourceNotFoundException. */
export const deleteEventStream: Handler = ({ ctx, input }) => {
  const domain = requireDomain({ ctx, input });
  const stream = requireEventStream({ domain, name: input.str({ member: 'EventStreamName', ...RULES.name }) });
  domain.eventStreams.delete(stream.name);
  return {};
};

function requireIntegration({ domain, uri }: { domain: DomainState; uri: string }): IntegrationState {
  const integration = domain.integrations.get(uri);
  if (!integration) throw new ResourceNotFoundException(`Domain ${domain.name} has no integration with Uri ${uri}`);
  return integration;
}

function requireEventStream({ domain, name }: { domain: DomainState; name: string }): EventStreamState {
  const stream = domain.eventStreams.get(name);
  if (!stream) throw new ResourceNotFoundException(`Event stream ${name} does not exist in domain ${domain.name}`);
  return stream;
}

/** The stream's ARN, in the form the mock's other ARNs take (tags.ts): `...:domains/<domain>/event-streams/<name>`. */
function eventStreamArn({ ctx, domain, stream }: { ctx: ServiceContext; domain: DomainState; stream: EventStreamState }): string {
  return `${arnPrefix({ ctx })}domains/${domain.name}/event-streams/${stream.name}`;
}

function integrationOutput({ domain, integration }: { domain: DomainState; integration: IntegrationState }): OperationOutput {
  return {
    DomainName: domain.name,
    Uri: integration.uri,
    ObjectTypeName: integration.objectTypeName,
    ObjectTypeNames: integration.objectTypeNames ? Object.fromEntries(integration.objectTypeNames) : undefined,
    CreatedAt: toDate(integration.createdAt),
    LastUpdatedAt: toDate(integration.lastUpdatedAt),
    Tags: tagsOutput({ tags: integration.tags }),
    RoleArn: integration.roleArn,
    EventTriggerNames: integration.eventTriggerNames ? [...integration.eventTriggerNames] : undefined,
    Scope: integration.scope,
  };
}
