/** The operations this suite covers: the 16 of the 2025-06-09 release and the supporting ones the scenarios use. */
export const CORE_OPERATIONS = [
  'ListDomainLayouts',
  'GetDomainLayout',
  'CreateDomainLayout',
  'UpdateDomainLayout',
  'DeleteDomainLayout',
  'BatchGetCalculatedAttributeForProfile',
  'CreateCalculatedAttributeDefinition',
  'GetCalculatedAttributeDefinition',
  'UpdateCalculatedAttributeDefinition',
  'ListCalculatedAttributeDefinitions',
  'GetCalculatedAttributeForProfile',
  'ListCalculatedAttributesForProfile',
  'DetectProfileObjectType',
  'GetProfileObjectType',
  'PutProfileObjectType',
  'GetProfileObjectTypeTemplate',
] as const;

/** Supporting operations the scenarios need (domains, profiles, objects, tags, deletes, lists). */
export const SUPPORTING_OPERATIONS = [
  'CreateDomain',
  'GetDomain',
  'DeleteDomain',
  'ListDomains',
  'CreateProfile',
  'DeleteProfile',
  'SearchProfiles',
  'PutProfileObject',
  'ListProfileObjects',
  'ListProfileObjectTypes',
  'DeleteProfileObjectType',
  'ListProfileObjectTypeTemplates',
  'DeleteCalculatedAttributeDefinition',
  'TagResource',
  'UntagResource',
  'ListTagsForResource',
] as const;

export type CoreOperation = (typeof CORE_OPERATIONS)[number];
export type SupportingOperation = (typeof SUPPORTING_OPERATIONS)[number];
export type ScopedOperation = CoreOperation | SupportingOperation;

/** Every operation in scope, core first. */
export const SCOPED_OPERATIONS: readonly ScopedOperation[] = [...CORE_OPERATIONS, ...SUPPORTING_OPERATIONS];

/**
 * Operations the reference implementation answers beyond the suite's scope, because code under test calls them
 * (Terraform's profile resource, AWS's snippets and unified-profile solution, Connect's agent-side library). No
 * contract covers them, so they stay out of SCOPED_OPERATIONS, the evidence register and the API-coverage report.
 */
export const CLIENT_OPERATIONS = [
  'UpdateProfile',
  'AddProfileKey',
  'DeleteProfileKey',
  'DeleteProfileObject',
  'BatchGetProfile',
  'MergeProfiles',
  'GetMatches',
  'ListProfileAttributeValues',
  'UpdateDomain',
  'PutIntegration',
  'GetIntegration',
  'ListIntegrations',
  'DeleteIntegration',
  'ListAccountIntegrations',
  'CreateEventStream',
  'GetEventStream',
  'ListEventStreams',
  'DeleteEventStream',
] as const;
