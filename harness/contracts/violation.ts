import { describeForPeople } from './describe.ts';

/**
 * A contract's failure: what the contract expected and what the target did. The reporter prints both; `actual` is
 * the property name vitest's own assertion errors use, so the reporter reads one shape for both kinds of failure.
 */
export class ContractViolation extends Error {
  readonly expected: string;
  readonly actual: string;
  constructor({ expected, seen }: { expected: string; seen: string }) {
    super(`expected ${expected}; saw ${seen}`);
    this.name = 'ContractViolation';
    this.expected = expected;
    this.actual = seen;
  }
}

/** Fails the contract unless `condition` holds. `seen` is a value (rendered for people) or a ready sentence. */
export function check({ condition, expected, seen }: { condition: boolean; expected: string; seen: unknown }): void {
  if (!condition) throw new ContractViolation({ expected, seen: typeof seen === 'string' ? seen : describeForPeople({ value: seen }) });
}

/** Fails unless `actual` deep-equals `wanted` (JSON equality: key order ignored, Dates by value). */
export function checkEqual({ actual, wanted, what }: { actual: unknown; wanted: unknown; what: string }): void {
  check({ condition: sameJson({ a: actual, b: wanted }), expected: `${what} = ${describeForPeople({ value: wanted })}`, seen: actual });
}

/** JSON equality with object keys compared as sets. */
export function sameJson({ a, b }: { a: unknown; b: unknown }): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
    }
    return v;
  });
}
