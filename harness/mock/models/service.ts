import { CalculatedAttributes, CALCULATED_OPERATIONS } from './calculated/index.ts';
import { DEFAULT_OPTIONS, readerFor, requireDomain, type Handler, type ResolvedOptions, type ServiceContext } from './context.ts';
import { detectProfileObjectType } from './detect.ts';
import { createDomain, deleteDomain, getDomain, listDomains, updateDomain } from './domains.ts';
import { BadRequestException, ResourceNotFoundException } from './errors.ts';
import { IdSource } from './ids.ts';
import { cloneJson, isPlainObject, type InputReader } from './input.ts';
import { createDomainLayout, deleteDomainLayout, getDomainLayout, listDomainLayouts, updateDomainLayout } from './layouts.ts';
import {
  deleteProfileObjectType, getProfileObjectType, getProfileObjectTypeTemplate, listProfileObjectTypes,
  listProfileObjectTypeTemplates, putProfileObjectType,
} from './object-types.ts';
import {
  createEventStream, deleteEventStream, deleteIntegration, getEventStream, getIntegration, listAccountIntegrations,
  listEventStreams, listIntegrations, putIntegration,
} from './integrations.ts';
import { PageTokens } from './pagination.ts';
import {
  addProfileKey, batchGetProfile, deleteProfileKey, deleteProfileObject, getMatches, listProfileAttributeValues,
  mergeProfiles, updateProfile,
} from './profile-operations.ts';
import { createProfile, deleteProfile, listProfileObjects, putProfileObject, searchProfiles } from './profiles.ts';
import { RULES, type DomainState } from './state.ts';
import { listTagsForResource, tagResource, tagsOutput, untagResource } from './tags.ts';
import type { MockService, MockServiceParams, OperationInput, OperationOutput } from './types.ts';

/** The calculated-attribute operations, which CalculatedAttributes runs once the facade has found the domain. */
const CALCULATED: readonly string[] = CALCULATED_OPERATIONS;

/** Operations implemented here, by the model's operation name. */
const HANDLERS: Readonly<Record<string, Handler>> = {
  CreateDomain: createDomain,
  GetDomain: getDomain,
  DeleteDomain: deleteDomain,
  ListDomains: listDomains,
  PutProfileObjectType: putProfileObjectType,
  GetProfileObjectType: getProfileObjectType,
  ListProfileObjectTypes: listProfileObjectTypes,
  DeleteProfileObjectType: deleteProfileObjectType,
  GetProfileObjectTypeTemplate: getProfileObjectTypeTemplate,
  ListProfileObjectTypeTemplates: listProfileObjectTypeTemplates,
  DetectProfileObjectType: detectProfileObjectType,
  CreateProfile: createProfile,
  DeleteProfile: deleteProfile,
  SearchProfiles: searchProfiles,
  PutProfileObject: putProfileObject,
  ListProfileObjects: listProfileObjects,
  CreateDomainLayout: createDomainLayout,
  GetDomainLayout: getDomainLayout,
  UpdateDomainLayout: updateDomainLayout,
  DeleteDomainLayout: deleteDomainLayout,
  ListDomainLayouts: listDomainLayouts,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
  // Beyond the suite's scope: what real clients call (harness/scope.ts, CLIENT_OPERATIONS).
  UpdateProfile: updateProfile,
  AddProfileKey: addProfileKey,
  DeleteProfileKey: deleteProfileKey,
  DeleteProfileObject: deleteProfileObject,
  BatchGetProfile: batchGetProfile,
  MergeProfiles: mergeProfiles,
  GetMatches: getMatches,
  ListProfileAttributeValues: listProfileAttributeValues,
  UpdateDomain: updateDomain,
  PutIntegration: putIntegration,
  GetIntegration: getIntegration,
  ListIntegrations: listIntegrations,
  DeleteIntegration: deleteIntegration,
  ListAccountIntegrations: listAccountIntegrations,
  CreateEventStream: createEventStream,
  GetEventStream: getEventStream,
  ListEventStreams: listEventStreams,
  DeleteEventStream: deleteEventStream,
};

/** Every operation the service answers: the suite's scope (32) and the client operations beyond it (18). */
export const MOCK_OPERATIONS: readonly string[] = Object.freeze([...Object.keys(HANDLERS), ...CALCULATED].sort());

/**
 * Builds one in-memory Customer Profiles service. `call(operation, input)` takes the model's operation name and
 * input member names, returns output member names (timestamps as Date, absent members undefined) or throws a
 * ServiceError. An operation it does not implement is a BadRequestException whose message starts
 * `UnknownOperation:`.
 */
export function createMockService({ clock, options = {} }: MockServiceParams): MockService {
  const resolved: ResolvedOptions = {
    secondDefaultClearsFirst: options.secondDefaultClearsFirst ?? DEFAULT_OPTIONS.secondDefaultClearsFirst,
    defaultPageSize: options.defaultPageSize ?? DEFAULT_OPTIONS.defaultPageSize,
    tokenSecret: options.tokenSecret ?? DEFAULT_OPTIONS.tokenSecret,
    accountId: options.accountId ?? DEFAULT_OPTIONS.accountId,
    region: options.region ?? DEFAULT_OPTIONS.region,
  };
  const tokens = new PageTokens({ secret: resolved.tokenSecret });
  const domains = new Map<string, DomainState>();
  const calculated = new CalculatedAttributes({
    clock,
    tokens,
    // Unknown options (the calculated module's own switches) pass through untouched.
    options: { ...options, ...resolved },
    profileExists: ({ domain, profileId }) => domains.get(domain)?.profiles.has(profileId) ?? false,
    // Read-only: calculated attributes read a type's Fields (R5) and whether it exists (R17).
    objectTypeFields: ({ domain, objectTypeName }) => domains.get(domain)?.objectTypes.get(objectTypeName)?.fields,
  });
  const ctx: ServiceContext = {
    clock,
    ids: new IdSource({ seed: resolved.tokenSecret }),
    tokens,
    options: resolved,
    domains,
    calculated,
    calculatedExists: ({ domain, name }) => {
      try {
        calculated.call({ operation: 'GetCalculatedAttributeDefinition', input: { DomainName: domain, CalculatedAttributeName: name } });
        return true;
      } catch (error) {
        if (error instanceof ResourceNotFoundException) return false;
        throw error;
      }
    },
  };

  const callCalculated = ({ operation, raw, input }: { operation: string; raw: OperationInput; input: InputReader }): OperationOutput => {
    const domain = requireDomain({ ctx, input });
    const output = calculated.call({ operation, input: raw });
    return overlayCalculatedTags({ domain, operation, input, output });
  };

  return {
    operations: MOCK_OPERATIONS,
    call(operation: string, raw: OperationInput): OperationOutput {
      const handler = Object.hasOwn(HANDLERS, operation) ? HANDLERS[operation] : undefined;
      const calculatedOperation = CALCULATED.includes(operation);
      if (!handler && !calculatedOperation) {
        throw new BadRequestException(`UnknownOperation: ${String(operation)} is not an operation of this mock; see service.operations`);
      }
      // Inputs are JSON data; anything else (BigInt, Map, Date, NaN...) is refused here, once, for every handler,
      // and the copy means no handler can keep a reference into the caller's objects.
      const safeRaw: OperationInput = isPlainObject(raw)
        ? Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined).map(([k, v]) => [k, cloneJson({ member: k, value: v })]))
        : {};
      const input = readerFor({ input: safeRaw });
      if (handler) return handler({ ctx, input });
      return callCalculated({ operation, raw: safeRaw, input });
    },
  };
}

/**
 * Tags of calculated attribute definitions live in the facade (TagResource can change them after create), so the
 * calculated module's outputs get the facade's tags; the facade records them on create and forgets them on delete.
 */
function overlayCalculatedTags({ domain, operation, input, output }: {
  domain: DomainState;
  operation: string;
  input: InputReader;
  output: OperationOutput;
}): OperationOutput {
  const name = input.optStr({ member: 'CalculatedAttributeName', ...RULES.typeName });
  switch (operation) {
    case 'CreateCalculatedAttributeDefinition': {
      const tags = input.raw({ member: 'Tags' });
      if (name !== undefined) domain.calculatedTags.set(name, new Map(isPlainObject(tags) ? Object.entries(tags).filter((e): e is [string, string] => typeof e[1] === 'string') : []));
      return { ...output, Tags: tagsOutput({ tags: domain.calculatedTags.get(name ?? '') }) };
    }
    case 'GetCalculatedAttributeDefinition':
    case 'UpdateCalculatedAttributeDefinition':
      return { ...output, Tags: tagsOutput({ tags: domain.calculatedTags.get(name ?? '') }) };
    case 'DeleteCalculatedAttributeDefinition':
      if (name !== undefined) domain.calculatedTags.delete(name);
      return output;
    case 'ListCalculatedAttributeDefinitions': {
      const items = Array.isArray(output.Items) ? output.Items : undefined;
      if (!items) return output;
      return {
        ...output,
        Items: items.map((item: Record<string, unknown>) => ({
          ...item,
          Tags: tagsOutput({ tags: domain.calculatedTags.get(String(item.CalculatedAttributeName)) }),
        })),
      };
    }
    default:
      return output;
  }
}
