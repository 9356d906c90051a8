/**
 * The in-memory state of one mock instance, and the model's enums and patterns the pure logic checks. The values
 * are transcribed by hand from the Smithy model's shapes (names in the comments); the model file itself is never
 * loaded at run time.
 */

/** `StandardIdentifier` enum. */
export const STANDARD_IDENTIFIERS = [
  'PROFILE', 'ASSET', 'CASE', 'DEVICE', 'WEB_ANALYTICS', 'ORDER', 'COMMUNICATION_RECORD',
  'AIR_PREFERENCE', 'HOTEL_PREFERENCE', 'AIR_BOOKING', 'AIR_SEGMENT', 'HOTEL_RESERVATION', 'HOTEL_STAY_REVENUE',
  'LOYALTY', 'LOYALTY_TRANSACTION', 'LOYALTY_PROMOTION',
  'UNIQUE', 'SECONDARY', 'LOOKUP_ONLY', 'NEW_ONLY',
] as const;
export type StandardIdentifier = (typeof STANDARD_IDENTIFIERS)[number];

/** Identifiers that qualify how a key is used rather than what it links to. */
export const QUALIFIER_IDENTIFIERS: readonly StandardIdentifier[] = ['UNIQUE', 'SECONDARY', 'LOOKUP_ONLY', 'NEW_ONLY'];

/** The travel and hospitality identifiers: at ingestion more than one entity carrying such a key is an error. */
export const TH_IDENTIFIERS: readonly StandardIdentifier[] = [
  'AIR_PREFERENCE', 'HOTEL_PREFERENCE', 'AIR_BOOKING', 'AIR_SEGMENT', 'HOTEL_RESERVATION', 'HOTEL_STAY_REVENUE',
  'LOYALTY', 'LOYALTY_TRANSACTION', 'LOYALTY_PROMOTION',
];

/** `FieldContentType` enum. */
export const FIELD_CONTENT_TYPES = ['STRING', 'NUMBER', 'PHONE_NUMBER', 'EMAIL_ADDRESS', 'NAME'] as const;
export type FieldContentType = (typeof FIELD_CONTENT_TYPES)[number];

/** `PartyType`, `Gender`, `ProfileType`, `LayoutType` and `logicalOperator` enums. */
export const PARTY_TYPES = ['INDIVIDUAL', 'BUSINESS', 'OTHER'] as const;
export const GENDERS = ['MALE', 'FEMALE', 'UNSPECIFIED'] as const;
export const PROFILE_TYPES = ['ACCOUNT_PROFILE', 'PROFILE'] as const;
export const LAYOUT_TYPES = ['PROFILE_EXPLORER'] as const;
export const LOGICAL_OPERATORS = ['AND', 'OR'] as const;
/** `Scope` enum (integrations). */
export const INTEGRATION_SCOPES = ['PROFILE', 'DOMAIN'] as const;

/** Patterns and lengths of the model's string shapes (`name`, `typeName`, `fieldName`, `displayName`, `uuid`, `TagKey`). */
export const RULES = {
  name: { min: 1, max: 64, pattern: /^[a-zA-Z0-9_-]+$/ },
  typeName: { min: 1, max: 255, pattern: /^[a-zA-Z_][a-zA-Z_0-9-]*$/ },
  fieldName: { min: 1, max: 64, pattern: /^[a-zA-Z0-9_.-]+$/ },
  displayName: { min: 1, max: 255, pattern: /^[a-zA-Z_][a-zA-Z_0-9-\s]*$/ },
  uuid: { min: 32, max: 32, pattern: /^[a-f0-9]{32}$/ },
  tagKey: { min: 1, max: 128, pattern: /^(?!aws:)[a-zA-Z+-=._:/]+$/ },
  tagValue: { min: 0, max: 256 },
  text: { min: 1, max: 1000 },
  string1To255: { min: 1, max: 255 },
  token: { min: 1, max: 1024 },
  stringifiedJson: { min: 1, max: 256_000 },
  roleArn: { min: 0, max: 512, pattern: /^arn:aws:iam:.*:[0-9]+:/ },
  layout: { min: 1, max: 2_000_000 },
  encryptionKey: { min: 0, max: 255 },
} as const;

/** `expirationDaysInteger` range. */
export const EXPIRATION_DAYS = { min: 1, max: 1098 } as const;
/** `maxSize100` range of every MaxResults. */
export const MAX_RESULTS = { min: 1, max: 100 } as const;
/** The mock's cap on objects per profile per object type (MaxAvailableProfileObjectCount); see ASSUMPTIONS.md. */
export const MAX_AVAILABLE_PROFILE_OBJECT_COUNT = 1000;

/** One field of an object type's FieldMap (all members optional in the model). */
export interface FieldDef {
  Source?: string;
  Target?: string;
  ContentType?: FieldContentType;
}

/** One entry of an object type's key list. */
export interface KeyDef {
  StandardIdentifiers?: StandardIdentifier[];
  FieldNames?: string[];
}

/** The mapping part shared by object types, templates and detected types. */
export interface Mapping {
  allowProfileCreation: boolean;
  sourceLastUpdatedTimestampFormat?: string;
  fields: Map<string, FieldDef>;
  keys: Map<string, KeyDef[]>;
}

export interface ObjectTypeState extends Mapping {
  name: string;
  description: string;
  templateId?: string;
  expirationDays: number;
  encryptionKey?: string;
  maxProfileObjectCount?: number;
  sourcePriority?: number;
  createdAt: number;
  lastUpdatedAt: number;
  tags: Map<string, string>;
}

export interface ProfileState {
  id: string;
  /** Creation order within the domain: the order of search results. */
  seq: number;
  createdAt: number;
  /** Standard profile fields as flat paths: `FirstName`, `Address.City`, `Attributes.loyaltyTier`, `Gender`. */
  fields: Map<string, string>;
  /** Object type that last wrote each field (absent for fields set by CreateProfile): DeleteProfileObjectType scrubs them. */
  origins: Map<string, string>;
  engagementPreferences?: unknown;
  /** Key values ingested objects stored on the profile: key name -> value -> object type that stored it. */
  storedKeys: Map<string, Map<string, string>>;
  /** Entries this profile currently holds in the domain's key index, so re-indexing can remove them. */
  indexed: Array<[string, string]>;
}

export interface StoredObject {
  key: string;
  typeName: string;
  profileId: string;
  /** The object exactly as sent, returned byte for byte by ListProfileObjects. */
  json: string;
  parsed: Record<string, unknown>;
  ingestedAt: number;
  uniqueValue?: string;
  /** When the record was last updated in its source (SourceLastUpdatedTimestampFormat), if the object says so. */
  sourceLastUpdatedAt?: number;
  /** Key name -> values of this object's keys, for ListProfileObjects' ObjectFilter. */
  keyValues: Map<string, Set<string>>;
}

export interface LayoutState {
  name: string;
  description: string;
  displayName: string;
  isDefault: boolean;
  layoutType: string;
  layout: string;
  version: string;
  createdAt: number;
  lastUpdatedAt: number;
  tags: Map<string, string>;
}

/** An integration (PutIntegration): stored and returned; no data flows from it. */
export interface IntegrationState {
  uri: string;
  objectTypeName?: string;
  objectTypeNames?: Map<string, string>;
  roleArn?: string;
  eventTriggerNames?: string[];
  scope: string;
  createdAt: number;
  lastUpdatedAt: number;
  tags: Map<string, string>;
}

/** An event stream (CreateEventStream): stored and returned; no events are sent. */
export interface EventStreamState {
  name: string;
  uri: string;
  createdAt: number;
  tags: Map<string, string>;
}

export interface DomainState {
  name: string;
  createdAt: number;
  lastUpdatedAt: number;
  defaultExpirationDays: number;
  defaultEncryptionKey?: string;
  deadLetterQueueUrl?: string;
  matching?: Record<string, unknown>;
  ruleBasedMatching?: Record<string, unknown>;
  dataStore?: Record<string, unknown>;
  tags: Map<string, string>;
  objectTypes: Map<string, ObjectTypeState>;
  profiles: Map<string, ProfileState>;
  profileSeq: number;
  /** Every stored object by its ProfileObjectUniqueKey, in ingestion order. */
  objects: Map<string, StoredObject>;
  /** Profile id -> object type -> object keys in ingestion order: counts and ListProfileObjects without a scan. */
  objectsByProfile: Map<string, Map<string, Set<string>>>;
  /** `<type>\0<unique value>` -> ProfileObjectUniqueKey of the object holding that UNIQUE value. */
  uniqueIndex: Map<string, string>;
  /** Key name -> normalised value -> profile ids carrying it. */
  keyIndex: Map<string, Map<string, Set<string>>>;
  layouts: Map<string, LayoutState>;
  /** Tags of calculated attribute definitions (the definitions live in calculated/; tags are the facade's). */
  calculatedTags: Map<string, Map<string, string>>;
  /** Integrations by Uri, in the order they were first put. */
  integrations: Map<string, IntegrationState>;
  /** Event streams by name. */
  eventStreams: Map<string, EventStreamState>;
}
