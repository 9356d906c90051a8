/**
 * The few model constraints the generators must respect, each named after the Smithy shape it comes from
 * (com.amazonaws.customerprofiles#<shape> in the Smithy model the schemas are built from). They are derived by
 * hand from the model's `length` / `pattern` / `range` traits; test/generators/limits.test.ts re-reads the model
 * (when it is reachable) and fails if any of them drifts.
 */

/** A string shape's constraints: length in UTF-16 code units (as Smithy counts) and an optional pattern. */
export interface StringLimit {
  shape: string;
  min: number;
  max: number;
  pattern?: RegExp;
}

/** Constraints keyed by the model's shape name. */
export const LIMITS = {
  /** DomainName, LayoutDefinitionName, Keys map keys, key FieldNames, TemplateId. */
  name: { shape: 'name', min: 1, max: 64, pattern: /^[a-zA-Z0-9_-]+$/ },
  /** ObjectTypeName, CalculatedAttributeName. */
  typeName: { shape: 'typeName', min: 1, max: 255, pattern: /^[a-zA-Z_][a-zA-Z_0-9-]*$/ },
  /** DisplayName of layouts and calculated attributes. */
  displayName: { shape: 'displayName', min: 1, max: 255, pattern: /^[a-zA-Z_][a-zA-Z_0-9-\s]*$/ },
  /** Keys of an object type's Fields map. */
  fieldName: { shape: 'fieldName', min: 1, max: 64, pattern: /^[a-zA-Z0-9_.-]+$/ },
  /** AttributeItem.Name and Filter attribute names. */
  attributeName: { shape: 'attributeName', min: 1, max: 64, pattern: /^[a-zA-Z0-9_.-]+$/ },
  /** ObjectTypeField Source and Target. */
  text: { shape: 'text', min: 1, max: 1000 },
  /** Descriptions (object types, layouts, calculated attributes). */
  sensitiveText: { shape: 'sensitiveText', min: 1, max: 1000 },
  /** Expression, TimestampSource, TimestampFormat, Threshold.Value, filter Values, SourceLastUpdatedTimestampFormat. */
  string1To255: { shape: 'string1To255', min: 1, max: 255 },
  /** PutProfileObject `Object`. */
  stringifiedJson: { shape: 'stringifiedJson', min: 1, max: 256_000 },
  /** CreateDomainLayout `Layout`. */
  layout: { shape: 'sensitiveString1To2000000', min: 1, max: 2_000_000 },
  /** CreateProfile string members (names, emails, phones, BirthDate, AccountNumber ...). */
  profileString: { shape: 'sensitiveString1To255', min: 1, max: 255 },
} as const satisfies Record<string, StringLimit>;

/** List and integer bounds used by the catalogue, again by shape name. */
export const COUNTS = {
  AttributeList: { min: 1, max: 50 },
  GroupList: { min: 1, max: 2 },
  FilterDimensionList: { min: 1, max: 10 },
  ValueList: { min: 1, max: 10 },
  Value: { min: 0, max: 2_147_483_647 },
  ObjectCount: { min: 1 },
  expirationDaysInteger: { min: 1, max: 1098 },
} as const;

/** True when `value` satisfies `limit` (length and pattern). */
export function fitsLimit({ value, limit }: { value: string; limit: StringLimit }): boolean {
  if (value.length < limit.min || value.length > limit.max) return false;
  return limit.pattern ? limit.pattern.test(value) : true;
}
