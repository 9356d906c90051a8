/** Test fixture: one CalculatedAttributes instance with a manual clock, a profile set and ingest helpers. */
import { ManualClock } from '../../../../harness/clock.ts';
import { CalculatedAttributes, type CalculatedOptions } from '../../../../harness/mock/models/calculated/index.ts';
import { PageTokens } from '../../../../harness/mock/models/pagination.ts';
import type { FieldDef } from '../../../../harness/mock/models/state.ts';

/** 2025-01-15T12:00:00.000Z. */
export const T0 = 1_736_942_400_000;
export const DAY = 86_400_000;
export const DOMAIN = 'cpct-test';
export const P1 = 'a'.repeat(32);
export const P2 = 'b'.repeat(32);
export const P3 = 'c'.repeat(32);
export const UNKNOWN = 'f'.repeat(32);

/** Object types every fixture has (without Fields); `types` adds or replaces some, with their Fields. */
const DEFAULT_TYPES = ['Order', 'Other', 'Booking', 'Payment'];

/** Builds an instance at T0 with profiles P1..P3 and object types DEFAULT_TYPES plus `types`. */
export function fixture({ options = {}, types = {} }: { options?: CalculatedOptions; types?: Record<string, Record<string, FieldDef>> } = {}) {
  const clock = new ManualClock({ startMs: T0 });
  const profiles = new Set([P1, P2, P3]);
  const objectTypes = new Map<string, Map<string, FieldDef>>(DEFAULT_TYPES.map((t) => [t, new Map()]));
  for (const [name, fields] of Object.entries(types)) objectTypes.set(name, new Map(Object.entries(fields)));
  const ca = new CalculatedAttributes({
    clock,
    tokens: new PageTokens({ secret: 'test-secret' }),
    options,
    profileExists: ({ domain, profileId }) => domain === DOMAIN && profiles.has(profileId),
    objectTypeFields: ({ domain, objectTypeName }) => (domain === DOMAIN ? objectTypes.get(objectTypeName) : undefined),
  });
  let next = 0;
  const call = (operation: string, input: Record<string, unknown>) => ca.call({ operation, input: { DomainName: DOMAIN, ...input } });
  return {
    clock,
    ca,
    profiles,
    objectTypes,
    call,
    /** Ingests one object at the clock's time (or `at`); returns its id. */
    put(object: Record<string, unknown>, { profile = P1, type = 'Order', id, at }: { profile?: string; type?: string; id?: string; at?: number } = {}): string {
      const objectId = id ?? `obj-${next++}`;
      ca.ingest({ domain: DOMAIN, profileId: profile, objectTypeName: type, objectId, object, ingestedAt: at ?? clock.now() });
      return objectId;
    },
    /** Creates a definition named `name` (default "attr") with UseHistoricalData true unless given. */
    define(input: Record<string, unknown>, name = 'attr') {
      return call('CreateCalculatedAttributeDefinition', { CalculatedAttributeName: name, UseHistoricalData: true, ...input });
    },
    /** GetCalculatedAttributeForProfile output. */
    get(name = 'attr', profile = P1) {
      return call('GetCalculatedAttributeForProfile', { CalculatedAttributeName: name, ProfileId: profile });
    },
    /** Just the Value member. */
    value(name = 'attr', profile = P1) {
      return call('GetCalculatedAttributeForProfile', { CalculatedAttributeName: name, ProfileId: profile }).Value;
    },
  };
}

/** AttributeDetails for `expression` listing `attributes`. */
export function details(expression: string, ...attributes: string[]) {
  return { Expression: expression, Attributes: attributes.map((Name) => ({ Name })) };
}
