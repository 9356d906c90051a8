import { BadRequestException } from './errors.ts';
import type { OperationInput } from './types.ts';

/**
 * Typed reads of one operation's input. The wire layer validates inputs against the schemas first, but the pure
 * service is also called directly (tests, fuzzing), so every read checks its type and names the member when it
 * throws: odd input is a BadRequestException, never a TypeError.
 */
export class InputReader {
  private readonly input: Record<string, unknown>;
  constructor({ input }: { input: unknown }) {
    this.input = isPlainObject(input) ? input : {};
  }

  /** The raw value of `member` (own property only, so `__proto__` and friends read as absent). */
  raw({ member }: { member: string }): unknown {
    return Object.hasOwn(this.input, member) ? this.input[member] : undefined;
  }

  /** A required string member of length `min`..`max`. */
  str({ member, min = 1, max = Number.MAX_SAFE_INTEGER, pattern }: StringRule & { member: string }): string {
    const value = this.raw({ member });
    if (value === undefined || value === null) throw missing(member);
    return checkString({ member, value, min, max, pattern });
  }

  /** An optional string member. */
  optStr({ member, min = 1, max = Number.MAX_SAFE_INTEGER, pattern }: StringRule & { member: string }): string | undefined {
    const value = this.raw({ member });
    if (value === undefined || value === null) return undefined;
    return checkString({ member, value, min, max, pattern });
  }

  /** An optional integer member within `min`..`max`. */
  optInt({ member, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER }: { member: string; min?: number; max?: number }): number | undefined {
    const value = this.raw({ member });
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) throw new BadRequestException(`${member} must be an integer`);
    if (value < min || value > max) throw new BadRequestException(`${member} must be between ${min} and ${max}; saw ${value}`);
    return value;
  }

  /** A required integer member within `min`..`max`. */
  int({ member, min, max }: { member: string; min?: number; max?: number }): number {
    const value = this.optInt({ member, min, max });
    if (value === undefined) throw missing(member);
    return value;
  }

  /** An optional boolean member. */
  optBool({ member }: { member: string }): boolean | undefined {
    const value = this.raw({ member });
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') throw new BadRequestException(`${member} must be a boolean`);
    return value;
  }

  /** An optional enum member. */
  optEnum<T extends string>({ member, values }: { member: string; values: readonly T[] }): T | undefined {
    const value = this.optStr({ member });
    if (value === undefined) return undefined;
    if (!(values as readonly string[]).includes(value)) {
      throw new BadRequestException(`${member} must be one of ${values.join(', ')}; saw ${JSON.stringify(value)}`);
    }
    return value as T;
  }

  /** A required enum member. */
  enumValue<T extends string>({ member, values }: { member: string; values: readonly T[] }): T {
    const value = this.optEnum({ member, values });
    if (value === undefined) throw missing(member);
    return value;
  }

  /** An optional list of strings. */
  optStrList({ member, minItems = 0, maxItems = Number.MAX_SAFE_INTEGER, item = {} }: {
    member: string;
    minItems?: number;
    maxItems?: number;
    item?: StringRule;
  }): string[] | undefined {
    const value = this.raw({ member });
    if (value === undefined || value === null) return undefined;
    return checkStringList({ member, value, minItems, maxItems, item });
  }

  /** A required list of strings. */
  strList(args: { member: string; minItems?: number; maxItems?: number; item?: StringRule }): string[] {
    const value = this.optStrList(args);
    if (value === undefined) throw missing(args.member);
    return value;
  }

  /** An optional nested structure, as a plain object. */
  optObject({ member }: { member: string }): Record<string, unknown> | undefined {
    const value = this.raw({ member });
    if (value === undefined || value === null) return undefined;
    if (!isPlainObject(value)) throw new BadRequestException(`${member} must be an object`);
    return value;
  }

  /** An optional list of structures. */
  optObjectList({ member, minItems = 0, maxItems = Number.MAX_SAFE_INTEGER }: { member: string; minItems?: number; maxItems?: number }): Record<string, unknown>[] | undefined {
    const value = this.raw({ member });
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) throw new BadRequestException(`${member} must be a list`);
    if (value.length < minItems || value.length > maxItems) {
      throw new BadRequestException(`${member} must hold ${minItems} to ${maxItems} items; saw ${value.length}`);
    }
    // Array.from visits holes of sparse arrays (as undefined), where map would skip them.
    return Array.from(value, (entry: unknown, i) => {
      if (!isPlainObject(entry)) throw new BadRequestException(`${member}[${i}] must be an object`);
      return entry;
    });
  }

  /** An optional string-to-string map (Tags, Attributes). */
  optStringMap({ member, minEntries = 0, maxEntries = Number.MAX_SAFE_INTEGER, key = {}, value = {} }: {
    member: string;
    minEntries?: number;
    maxEntries?: number;
    key?: StringRule;
    value?: StringRule;
  }): Map<string, string> | undefined {
    const raw = this.raw({ member });
    if (raw === undefined || raw === null) return undefined;
    return checkStringMap({ member, value: raw, minEntries, maxEntries, key, entry: value });
  }
}

/** Length and pattern rules of a string member. */
export interface StringRule {
  min?: number;
  max?: number;
  pattern?: RegExp;
}

/** True for a plain data object (an object literal, JSON.parse output or a null-prototype object). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A BadRequestException for an absent required member. */
export function missing(member: string): BadRequestException {
  return new BadRequestException(`${member} is required`);
}

/** Checks one string value against length and pattern rules. */
export function checkString({ member, value, min = 1, max = Number.MAX_SAFE_INTEGER, pattern }: StringRule & { member: string; value: unknown }): string {
  if (typeof value !== 'string') throw new BadRequestException(`${member} must be a string`);
  if (value.length < min || value.length > max) {
    throw new BadRequestException(`${member} must be ${min} to ${max} characters long; saw ${value.length}`);
  }
  if (pattern && !pattern.test(value)) throw new BadRequestException(`${member} must match ${pattern.source}`);
  return value;
}

/** Checks a list of strings. */
export function checkStringList({ member, value, minItems = 0, maxItems = Number.MAX_SAFE_INTEGER, item = {} }: {
  member: string;
  value: unknown;
  minItems?: number;
  maxItems?: number;
  item?: StringRule;
}): string[] {
  if (!Array.isArray(value)) throw new BadRequestException(`${member} must be a list`);
  if (value.length < minItems || value.length > maxItems) {
    throw new BadRequestException(`${member} must hold ${minItems} to ${maxItems} items; saw ${value.length}`);
  }
  return Array.from(value, (entry: unknown, i) => checkString({ member: `${member}[${i}]`, value: entry, ...item }));
}

/** Checks a string-to-string map and returns it as a Map (never a plain object, so any key is safe). */
export function checkStringMap({ member, value, minEntries = 0, maxEntries = Number.MAX_SAFE_INTEGER, key = {}, entry = {} }: {
  member: string;
  value: unknown;
  minEntries?: number;
  maxEntries?: number;
  key?: StringRule;
  entry?: StringRule;
}): Map<string, string> {
  if (!isPlainObject(value)) throw new BadRequestException(`${member} must be a map`);
  const entries = Object.entries(value);
  if (entries.length < minEntries || entries.length > maxEntries) {
    throw new BadRequestException(`${member} must hold ${minEntries} to ${maxEntries} entries; saw ${entries.length}`);
  }
  const out = new Map<string, string>();
  for (const [k, v] of entries) {
    checkString({ member: `${member} key`, value: k, ...key });
    out.set(k, checkString({ member: `${member}.${k}`, value: v, ...entry }));
  }
  return out;
}

/** A Map as a plain object with own properties only (safe for keys such as `__proto__`), or undefined when empty. */
export function mapToRecord<V>(map: ReadonlyMap<string, V> | undefined): Record<string, V> | undefined {
  if (!map || map.size === 0) return undefined;
  return Object.fromEntries(map);
}

/** Deep copy of JSON-like data (plain objects, arrays, strings, finite numbers, booleans, null), so callers never
 * share state with the store; anything else is a BadRequestException naming `member`. */
export function cloneJson({ member, value, depth = 0 }: { member: string; value: unknown; depth?: number }): unknown {
  if (depth > 32) throw new BadRequestException(`${member} is nested too deeply`);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new BadRequestException(`${member} must be a finite number`);
    return value;
  }
  if (Array.isArray(value)) return Array.from(value, (v: unknown, i) => cloneJson({ member: `${member}[${i}]`, value: v, depth: depth + 1 }));
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, cloneJson({ member: `${member}.${k}`, value: v, depth: depth + 1 })]),
    );
  }
  throw new BadRequestException(`${member} holds a value that is not JSON data`);
}
