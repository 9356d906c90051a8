/**
 * Resource names derived from (seed, runId): always valid under the model's patterns and lengths (./../limits.ts),
 * so a run can create its own domain and resources and find them again, and two runs never collide.
 */
import { LIMITS, fitsLimit, type StringLimit } from '../limits.ts';
import type { TravelKind } from '../fields.ts';

/** Every resource name of a run starts with this (domains) or its underscore form (type names). */
export const NAME_PREFIX = 'cpct-';

/** FNV-1a 32-bit over UTF-16 code units: a stable, dependency-free fingerprint of (seed, runId, purpose). */
export function fnv1a({ text }: { text: string }): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Seven base-36 characters fingerprinting the parts. */
export function nameTag({ parts }: { parts: readonly (string | number)[] }): string {
  return fnv1a({ text: parts.join('\u0001') }).toString(36).padStart(7, '0');
}

/** Lower-case [a-z0-9] runs joined by '-', at most `max` characters. */
function slug(text: string, max: number): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

function checked(value: string, limit: StringLimit): string {
  if (!fitsLimit({ value, limit })) {
    throw new RangeError(`names: expected a ${limit.shape} (${limit.min}-${limit.max} chars${limit.pattern ? `, ${limit.pattern}` : ''}); saw ${JSON.stringify(value)}; this is a bug in generators/scenarios/names.ts`);
  }
  return value;
}

export interface NameInput {
  seed: number;
  runId: string;
}

/** The run's domain: `cpct-<runId slug>-<tag>` (model `name`: ^[a-zA-Z0-9_-]+$, 1-64). */
export function domainName({ seed, runId }: NameInput): string {
  const tag = nameTag({ parts: [seed, runId, 'domain'] });
  const s = slug(runId, 64 - NAME_PREFIX.length - tag.length - 1);
  return checked(s ? `${NAME_PREFIX}${s}-${tag}` : `${NAME_PREFIX}${tag}`, LIMITS.name);
}

/** An object type name for a T&H kind: `cpct_<kind>_<tag>` (model `typeName`). */
export function objectTypeName({ seed, runId, kind }: NameInput & { kind: TravelKind | string }): string {
  const safe = kind.replace(/[^a-zA-Z0-9_-]/g, '_');
  return checked(`cpct_${safe}_${nameTag({ parts: [seed, runId, 'type', kind] })}`, LIMITS.typeName);
}

/** Object type names for all nine kinds of a run. */
export function objectTypeNames({ seed, runId, kinds }: NameInput & { kinds: readonly TravelKind[] }): Record<TravelKind, string> {
  const out = {} as Record<TravelKind, string>;
  for (const kind of kinds) out[kind] = objectTypeName({ seed, runId, kind });
  return out;
}

/** A calculated attribute name for a catalogue id: `cpct_<id>_<tag>` (model `typeName`, 1-255). */
export function calculatedAttributeName({ seed, runId, id }: NameInput & { id: string }): string {
  const safe = id.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 200);
  return checked(`cpct_${safe}_${nameTag({ parts: [seed, runId, 'calc', id] })}`, LIMITS.typeName);
}

/** A display name (model `displayName`: ^[a-zA-Z_][a-zA-Z_0-9-\s]*$, 1-255) from free text. */
export function displayName({ text }: { text: string }): string {
  let s = text.replace(/[^a-zA-Z_0-9\s-]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!/^[a-zA-Z_]/.test(s)) s = `CPCT ${s}`.trim();
  return checked(s.slice(0, 255).trimEnd(), LIMITS.displayName);
}

/** A layout definition name: `cpct-layout-<index>-<tag>` (model `name`, 1-64). */
export function layoutDefinitionName({ seed, runId, index }: NameInput & { index: number }): string {
  return checked(`cpct-layout-${index}-${nameTag({ parts: [seed, runId, 'layout', index] })}`, LIMITS.name);
}

/** A layout display name: `CPCT layout <index> <tag>` (model `displayName`). */
export function layoutDisplayName({ seed, runId, index }: NameInput & { index: number }): string {
  return displayName({ text: `CPCT layout ${index} ${nameTag({ parts: [seed, runId, 'layout', index] })}` });
}
