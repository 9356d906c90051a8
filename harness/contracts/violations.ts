import type { OperationIndex } from '../operation-index.ts';
import type { JsonSchema, SchemaRegistry } from '../schemas.ts';

/**
 * Constraint violations derived from the committed schemas: for an operation and a valid input, one input per kind
 * of constraint (required, length, pattern, range, enum) that breaks exactly one top-level member. The wire contracts
 * send them and expect BadRequestException. Only top-level members are broken, so each case names one member.
 *
 * A missing required *label* cannot go through the SDK's serialiser (it throws on an empty label before sending). For
 * operations without a required body member, the `required` case therefore names a label in the middle of the path:
 * the input carries EMPTY_LABEL_MARKER there, and the sender blanks that path segment after serialisation and before
 * signing (see `blankLabelMiddleware`), so the request goes through the same transport with `//` in its path. How a
 * server answers an empty segment is not in the model: such cases are marked `assumed`. A label at the end of the path
 * is never blanked (`/templates/` could be another route).
 */

/** Stands for an empty label in an input; replaced by nothing in the serialised path. */
export const EMPTY_LABEL_MARKER = 'cpct-empty-label';

export type ViolationKind = 'required' | 'length' | 'pattern' | 'range' | 'enum';
export const VIOLATION_KINDS: readonly ViolationKind[] = ['required', 'length', 'pattern', 'range', 'enum'];

export interface ViolationCase {
  kind: ViolationKind;
  /** Member name in the SDK input. */
  member: string;
  /** What is wrong, for people: e.g. "DisplayName does not match ^[a-zA-Z_]…". */
  description: string;
  /** The input with the one member broken (or removed). */
  input: Record<string, unknown>;
  /** Set when the case blanks a label: the sender must apply `blankLabelMiddleware` (and the expectation is assumed). */
  emptyLabel?: boolean;
}

/** Members the cases never break: tokens are opaque (their own contracts cover them). */
const SKIPPED_MEMBERS = new Set(['NextToken']);
/** Characters tried, in order, to build a value that breaks a pattern while keeping its length valid. */
const PATTERN_BREAKERS = ['!', ' ', '#', '.', '1', '-', '~'];

export type Where = 'body' | 'label' | 'query' | 'header';

/** A top-level input member: where it travels and its schema (references resolved). */
export interface Member {
  member: string;
  where: Where;
  schema: JsonSchema;
}

/** Resolves `shapes.json#/$defs/X` references (and `#/$defs/X` inside shapes.json), keeping sibling keywords. */
export function resolve({ schema, defs }: { schema: JsonSchema; defs: Record<string, JsonSchema> }): JsonSchema {
  let current = schema;
  for (let depth = 0; depth < 10 && typeof current.$ref === 'string'; depth++) {
    const name = (current.$ref as string).split('/$defs/')[1];
    const { $ref: _ref, ...siblings } = current;
    current = { ...(defs[name] ?? {}), ...siblings };
  }
  return current;
}

/** The operation's top-level input members (body members in name order, then labels, query and header members) and the required ones. */
export function membersOf({ registry, index, operation }: { registry: SchemaRegistry; index: OperationIndex; operation: string }): { members: Member[]; required: Set<string> } {
  const file = registry.rawSchema({ file: `${operation}.input.json` });
  const defs = (registry.rawSchema({ file: 'shapes.json' }).$defs ?? {}) as Record<string, JsonSchema>;
  const entry = index.operations[operation];
  const wireToMember = new Map(Object.entries(entry.input.body).map(([member, wire]) => [wire, member]));
  const members: Member[] = [];
  const properties = (file.properties ?? {}) as Record<string, JsonSchema>;
  for (const wire of Object.keys(properties).sort()) {
    members.push({ member: wireToMember.get(wire) ?? wire, where: 'body', schema: resolve({ schema: properties[wire], defs }) });
  }
  const bindings = (file['x-http-bindings'] ?? {}) as Record<string, { in: string; schema: JsonSchema }>;
  for (const member of Object.keys(bindings).sort()) {
    const b = bindings[member];
    if (b.in === 'label' || b.in === 'query' || b.in === 'header') members.push({ member, where: b.in, schema: resolve({ schema: b.schema, defs }) });
  }
  const required = new Set(((file.required ?? []) as string[]).map((wire) => wireToMember.get(wire) ?? wire));
  return { members, required };
}

function fitsLength(value: string, s: JsonSchema): boolean {
  const n = [...value].length;
  return n >= ((s.minLength as number | undefined) ?? 0) && n <= ((s.maxLength as number | undefined) ?? Infinity);
}

/** A value of `member` that breaks one constraint of `kind`, or undefined when the member has no such constraint. */
function breakMember({ m, kind, current }: { m: Member; kind: Exclude<ViolationKind, 'required'>; current: unknown }): { value: unknown; description: string } | undefined {
  const s = m.schema;
  switch (kind) {
    case 'length': {
      if (s.type === 'string') {
        // An empty label is refused by the SDK itself, so labels break the maximum; body members the minimum.
        if (m.where === 'body' && typeof s.minLength === 'number' && s.minLength >= 1) return { value: '', description: `${m.member} is empty (minimum length ${s.minLength})` };
        if (typeof s.maxLength === 'number' && s.maxLength <= 10_000) return { value: 'a'.repeat(s.maxLength + 1), description: `${m.member} has ${s.maxLength + 1} characters (maximum ${s.maxLength})` };
        return undefined;
      }
      if (s.type === 'array' && Array.isArray(current) && current.length > 0) {
        if (typeof s.minItems === 'number' && s.minItems >= 1) return { value: [], description: `${m.member} is an empty list (minimum ${s.minItems} items)` };
        if (typeof s.maxItems === 'number' && s.maxItems <= 1000) return { value: Array.from({ length: s.maxItems + 1 }, () => current[0]), description: `${m.member} has ${s.maxItems + 1} items (maximum ${s.maxItems})` };
      }
      if (s.type === 'object' && typeof s.minProperties === 'number' && s.minProperties >= 1 && s['x-smithy-type'] !== 'union') {
        return { value: {}, description: `${m.member} is an empty map (minimum ${s.minProperties} entries)` };
      }
      return undefined;
    }
    case 'pattern': {
      if (s.type !== 'string' || typeof s.pattern !== 'string') return undefined;
      const pattern = new RegExp(s.pattern as string, 'u');
      const seed = typeof current === 'string' && current.length > 0 ? current : 'a';
      for (const c of PATTERN_BREAKERS) {
        for (const candidate of [`${c}${seed}`.slice(0, Math.max(1, seed.length)), `${seed.slice(0, -1)}${c}`, c]) {
          if (!pattern.test(candidate) && fitsLength(candidate, s)) return { value: candidate, description: `${m.member} ${JSON.stringify(candidate)} does not match ${s.pattern}` };
        }
      }
      return undefined;
    }
    case 'range': {
      if (s.type !== 'integer' && s.type !== 'number') return undefined;
      if (typeof s.minimum === 'number') return { value: s.minimum - 1, description: `${m.member} is ${s.minimum - 1} (minimum ${s.minimum})` };
      if (typeof s.maximum === 'number') return { value: s.maximum + 1, description: `${m.member} is ${s.maximum + 1} (maximum ${s.maximum})` };
      return undefined;
    }
    case 'enum': {
      if (!Array.isArray(s.enum)) return undefined;
      const value = 'CPCT_NOT_A_VALUE';
      return { value, description: `${m.member} is ${value}, not one of ${(s.enum as string[]).join(', ')}` };
    }
  }
}

/**
 * One case per constraint kind the operation's top-level members have: the first member (body members in name order,
 * then labels and query members) that carries the constraint. `base` must be a valid input naming existing resources.
 */
export function violationCases({ registry, index, operation, base }: {
  registry: SchemaRegistry;
  index: OperationIndex;
  operation: string;
  base: Record<string, unknown>;
}): ViolationCase[] {
  const { members, required } = membersOf({ registry, index, operation });
  const uri = index.operations[operation].http.uri;
  const cases: ViolationCase[] = [];
  for (const kind of VIOLATION_KINDS) {
    if (kind === 'required') {
      const body = members.find((m) => m.where === 'body' && required.has(m.member) && base[m.member] !== undefined);
      if (body) {
        const { [body.member]: _removed, ...input } = base;
        cases.push({ kind, member: body.member, description: `required member ${body.member} is absent`, input });
        continue;
      }
      const labels = index.operations[operation].input.labels;
      const inner = members.find((m) => m.where === 'label' && uri.includes(`{${labels[m.member] ?? m.member}}/`));
      if (inner) {
        cases.push({ kind, member: inner.member, description: `required label ${inner.member} is empty (an empty path segment)`, input: { ...base, [inner.member]: EMPTY_LABEL_MARKER }, emptyLabel: true });
      }
      continue;
    }
    for (const m of members) {
      if (SKIPPED_MEMBERS.has(m.member)) continue;
      // Only members the valid input carries (labels always), so the broken member is the one thing wrong.
      if (base[m.member] === undefined) continue;
      const broken = breakMember({ m, kind, current: base[m.member] });
      if (broken) {
        cases.push({ kind, member: m.member, description: broken.description, input: { ...base, [m.member]: broken.value } });
        break;
      }
    }
  }
  return cases;
}

/** A middleware for one command: blanks the path segment holding EMPTY_LABEL_MARKER after serialisation, before signing. */
export function blankLabelMiddleware(): {
  middleware: (next: (args: { request: unknown }) => Promise<unknown>) => (args: { request: unknown }) => Promise<unknown>;
  options: { step: 'build'; name: string };
} {
  return {
    middleware: (next) => async (args) => {
      const request = args.request as { path?: string };
      if (typeof request.path === 'string') request.path = request.path.replace(`/${EMPTY_LABEL_MARKER}/`, '//');
      return next(args);
    },
    options: { step: 'build', name: 'cpctBlankLabel' },
  };
}
