/**
 * The normalisation rules of tape drift, as data: how a string value is compared when two recordings are held side
 * by side. Ids, timestamps, request ids, run-scoped names and tokens differ on every run, so they are compared by
 * their format (the rule's `format` label), never by value; enum-like values are compared by value; anything else
 * by JSON type only. Users prepend their own rules with `cpct drift --rules FILE` (docs/drift.md).
 */
import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.ts';

/** One rule: when `key` matches the member name (or header name) and `value` the string, the value's format is `format`. */
export interface NormalizationRule {
  name: string;
  description: string;
  /** Member or header name the rule applies to (any name when absent). */
  key?: RegExp;
  /** The string value the rule applies to (any string when absent). */
  value?: RegExp;
  /** The label compared instead of the value; `enum` means "compare the value itself". */
  format: string;
}

/** The label of values compared by value (enum members, error codes). */
export const ENUM_FORMAT = 'enum';

/** The built-in rules, first match wins. The table in docs/drift.md is this list. */
export const DEFAULT_RULES: readonly NormalizationRule[] = [
  { name: 'request-id', description: 'request ids differ on every call', key: /^(?:x-amzn-requestid|x-amz-request-id|RequestId)$/i, format: 'request-id' },
  { name: 'token', description: 'pagination and client tokens are opaque', key: /Token$/, format: 'token' },
  { name: 'run-scoped-name', description: 'names a run generates start with cpct- or cpct_ and carry its run id or a random suffix', value: /(?:^|[^A-Za-z0-9])cpct[-_]/, format: 'run-scoped-name' },
  { name: 'iso-timestamp', description: 'ISO 8601 date-times (the run\'s clock differs)', value: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/, format: 'iso-8601' },
  { name: 'date', description: 'calendar dates', value: /^\d{4}-\d{2}-\d{2}$/, format: 'date' },
  { name: 'uuid', description: 'UUIDs', value: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, format: 'uuid' },
  { name: 'hex-id', description: 'hexadecimal ids (profile ids are 32 hex digits)', value: /^[0-9a-f]{16,64}$/, format: 'hex-id' },
  { name: 'arn', description: 'ARNs (account and resource parts differ)', value: /^arn:aws[a-z-]*:/, format: 'arn' },
  { name: 'numeric-text', description: 'numbers written as strings (calculated attribute values)', value: /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/, format: 'numeric-text' },
  { name: 'enum', description: 'upper-case codes are enum values: compared by value', value: /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/, format: ENUM_FORMAT },
  { name: 'text', description: 'any other string: compared by JSON type only', format: 'text' },
];

/** The format label of a string value at member `key` (the first rule that matches). */
export function formatOf({ key, value, rules }: { key: string; value: string; rules: readonly NormalizationRule[] }): string {
  for (const rule of rules) {
    if (rule.key && !rule.key.test(key)) continue;
    if (rule.value && !rule.value.test(value)) continue;
    return rule.format;
  }
  return 'text';
}

/** Patterns replaced in error messages before they are compared, so a message is compared as a pattern. */
export const MESSAGE_PATTERNS: readonly [RegExp, string][] = [
  [/cpct[-_][A-Za-z0-9_-]*/g, '<name>'],
  [/\d{4}-\d{2}-\d{2}T[0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?/g, '<time>'],
  [/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g, '<uuid>'],
  [/\b[0-9a-f]{16,64}\b/g, '<id>'],
  [/\d+(?:\.\d+)?/g, '<n>'],
];

/** An error message as a pattern: run-scoped names, times, ids and numbers replaced by placeholders. */
export function messagePattern({ message }: { message: string }): string {
  let out = message;
  for (const [re, placeholder] of MESSAGE_PATTERNS) out = out.replace(re, placeholder);
  return out;
}

/** Reads user rules (a JSON array of { name, description?, key?, value?, format } with regular expressions as strings). */
export function loadUserRules({ file }: { file: string }): NormalizationRule[] {
  const fail = (seen: string) => new UsageError({ component: 'drift', expected: `--rules ${file} to be a JSON array of { "name", "key"?, "value"?, "format" } (regular expressions as strings)`, seen, action: 'fix the rules file (docs/drift.md shows one)' });
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw fail((error as Error).message);
  }
  if (!Array.isArray(raw)) throw fail('not an array');
  return raw.map((r, i) => {
    if (typeof r !== 'object' || r === null || typeof (r as { name?: unknown }).name !== 'string' || typeof (r as { format?: unknown }).format !== 'string') throw fail(`entry ${i} without a string name and format`);
    const e = r as { name: string; description?: string; key?: string; value?: string; format: string };
    try {
      return { name: e.name, description: e.description ?? '(user rule)', format: e.format, ...(e.key ? { key: new RegExp(e.key) } : {}), ...(e.value ? { value: new RegExp(e.value) } : {}) };
    } catch (error) {
      throw fail(`entry ${i}: ${(error as Error).message}`);
    }
  });
}
