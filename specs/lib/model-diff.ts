/**
 * Model drift: what changed between two Smithy JSON AST models of the service, operation by operation, and what it
 * touches in this project (schema files, contracts, tapes). Pure: models, contracts, register entries and tapes come
 * in as data; `specs/diff-models.ts` reads files and writes the reports.
 */
import { buildSchemaFiles } from './build.ts';
import { T, UNIT, cmp, findService, serviceOperations, shortName, type SmithyMemberRef, type SmithyModel, type SmithyShape } from './smithy.ts';

/** What kind of change one entry records. */
export type ModelChangeKind =
  | 'member-added'
  | 'member-removed'
  | 'target-changed'
  | 'type-changed'
  | 'required-changed'
  | 'constraint-changed'
  | 'enum-values-added'
  | 'enum-values-removed'
  | 'binding-changed'
  | 'trait-changed'
  | 'http-changed'
  | 'errors-changed'
  | 'pagination-changed'
  | 'input-changed'
  | 'output-changed';

/** One change of one shape (or of one of its members), with both values where there are two. */
export interface ShapeChange {
  /** Short shape name, e.g. `StandardIdentifier`. */
  shape: string;
  member?: string;
  kind: ModelChangeKind;
  /** The trait or aspect that changed (`smithy.api#length`, `target`, …) when the kind alone does not say. */
  aspect?: string;
  old?: unknown;
  new?: unknown;
}

/** A change as it reaches an operation: through its input or output, along `path` (operation side first). */
export interface ReachedChange extends ShapeChange {
  side: 'operation' | 'input' | 'output';
  /** From the operation's top-level structure down to the changed shape, e.g. `PutProfileObjectTypeRequest.Keys`, `KeyMap.value`, …. */
  path: string[];
}

export interface OperationDiff {
  operation: string;
  changes: ReachedChange[];
}

export interface ModelSide {
  label: string;
  serviceVersion: string;
  operations: number;
  shapes: number;
}

/** What this project would see change. */
export interface ModelImpact {
  /** Schema files (as `npm run specs:build` writes them) whose text differs between the two models. */
  schemaFiles: { changed: string[]; added: string[]; removed: string[] };
  /** Contracts touching a changed or removed operation, or citing evidence about a changed shape or member. */
  contracts: { id: string; because: string[] }[];
  /** Tape files holding interactions of changed or removed operations, with their counts and the changed members (by name) or enum values found in their bodies. */
  tapes: { file: string; interactions: number; operations: string[]; holds: string[] }[];
}

export interface ModelDiff {
  from: ModelSide;
  to: ModelSide;
  operationsAdded: string[];
  operationsRemoved: string[];
  operationsChanged: OperationDiff[];
  /** Shapes whose only difference is documentation (documentation, examples, external docs): counted apart. */
  documentationOnly: { shapes: number; operations: string[] };
  /** Every changed shape (not documentation only), whether or not an operation reaches it. */
  shapesChanged: string[];
  impact?: ModelImpact;
}

/** Traits that carry documentation only: a change of these alone is counted apart. */
const DOC_TRAITS: ReadonlySet<string> = new Set(['smithy.api#documentation', 'smithy.api#examples', 'smithy.api#externalDocumentation', 'smithy.api#deprecated', 'smithy.api#since', 'smithy.api#tags', 'smithy.api#title']);
/** Traits that constrain values: reported as `constraint-changed` with old and new values. */
const CONSTRAINT_TRAITS: ReadonlySet<string> = new Set([T.length, T.range, T.pattern, T.uniqueItems, T.sparse, T.default, T.addedDefault, T.timestampFormat, T.mediaType]);
/** Traits that say where a member travels on the wire. */
const BINDING_TRAITS: ReadonlySet<string> = new Set([T.httpLabel, T.httpQuery, T.httpQueryParams, T.httpHeader, T.httpPrefixHeaders, T.httpPayload, T.httpResponseCode, T.jsonName]);

function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** JSON with sorted keys, so trait values compare by content. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value as object).sort(cmp).map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** The values of an enum or intEnum shape, or of a string with the legacy @enum trait; undefined for anything else. */
function enumValuesOf(shape: SmithyShape): (string | number)[] | undefined {
  if (shape.type === 'enum' || shape.type === 'intEnum') {
    return Object.entries(shape.members ?? {}).map(([name, m]) => (m.traits?.[T.enumValue] as string | number | undefined) ?? name);
  }
  const legacy = shape.traits?.[T.legacyEnum] as { value: string }[] | undefined;
  return legacy?.map((e) => e.value);
}

/** Trait changes of a shape or member: [constraint, binding, other, documentation] groups. */
function traitChanges({ oldTraits = {}, newTraits = {}, base, skip }: { oldTraits?: Record<string, unknown>; newTraits?: Record<string, unknown>; base: Pick<ShapeChange, 'shape' | 'member'>; skip: ReadonlySet<string> }): { changes: ShapeChange[]; docs: boolean } {
  const changes: ShapeChange[] = [];
  let docs = false;
  for (const trait of [...new Set([...Object.keys(oldTraits), ...Object.keys(newTraits)])].sort(cmp)) {
    if (skip.has(trait)) continue;
    const a = oldTraits[trait];
    const b = newTraits[trait];
    if (same(a, b)) continue;
    if (DOC_TRAITS.has(trait)) {
      docs = true;
      continue;
    }
    const kind: ModelChangeKind = trait === T.required ? 'required-changed' : CONSTRAINT_TRAITS.has(trait) ? 'constraint-changed' : BINDING_TRAITS.has(trait) ? 'binding-changed' : 'trait-changed';
    const change: ShapeChange = { ...base, kind, aspect: trait };
    if (trait === T.required) {
      change.old = a !== undefined;
      change.new = b !== undefined;
    } else {
      if (a !== undefined) change.old = a;
      if (b !== undefined) change.new = b;
    }
    changes.push(change);
  }
  return { changes, docs };
}

const SKIP_SHAPE_TRAITS: ReadonlySet<string> = new Set([T.legacyEnum, T.http, T.paginated]);
const NO_SKIP: ReadonlySet<string> = new Set();

/** How one shape differs between the models: its changes, and whether documentation differs too. */
export function compareShape({ id, before, after }: { id: string; before: SmithyShape; after: SmithyShape }): { changes: ShapeChange[]; docs: boolean } {
  const shape = shortName({ id });
  const changes: ShapeChange[] = [];
  if (before.type !== after.type) changes.push({ shape, kind: 'type-changed', old: before.type, new: after.type });
  const traits = traitChanges({ oldTraits: before.traits, newTraits: after.traits, base: { shape }, skip: SKIP_SHAPE_TRAITS });
  changes.push(...traits.changes);
  let docs = traits.docs;
  const oldEnum = enumValuesOf(before);
  const newEnum = enumValuesOf(after);
  if (oldEnum || newEnum) {
    const added = (newEnum ?? []).filter((v) => !(oldEnum ?? []).includes(v));
    const removed = (oldEnum ?? []).filter((v) => !(newEnum ?? []).includes(v));
    if (added.length > 0) changes.push({ shape, kind: 'enum-values-added', new: added });
    if (removed.length > 0) changes.push({ shape, kind: 'enum-values-removed', old: removed });
    if (before.type === 'enum' || before.type === 'intEnum') {
      // Enum members are the values: only their documentation is left to compare.
      for (const [name, m] of Object.entries(after.members ?? {})) {
        const o = before.members?.[name];
        if (o && !same(o.traits?.[ 'smithy.api#documentation'], m.traits?.['smithy.api#documentation'])) docs = true;
      }
      return { changes, docs };
    }
  }
  const refs = (s: SmithyShape): Record<string, SmithyMemberRef> => ({
    ...(s.members ?? {}),
    ...(s.member ? { member: s.member } : {}),
    ...(s.key ? { key: s.key } : {}),
    ...(s.value ? { value: s.value } : {}),
  });
  const a = refs(before);
  const b = refs(after);
  for (const name of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(cmp)) {
    const o = a[name];
    const n = b[name];
    if (!o) {
      changes.push({ shape, member: name, kind: 'member-added', new: { target: shortName({ id: n.target }), required: n.traits?.[T.required] !== undefined } });
      continue;
    }
    if (!n) {
      changes.push({ shape, member: name, kind: 'member-removed', old: { target: shortName({ id: o.target }), required: o.traits?.[T.required] !== undefined } });
      continue;
    }
    if (o.target !== n.target) changes.push({ shape, member: name, kind: 'target-changed', old: shortName({ id: o.target }), new: shortName({ id: n.target }) });
    const mt = traitChanges({ oldTraits: o.traits, newTraits: n.traits, base: { shape, member: name }, skip: NO_SKIP });
    changes.push(...mt.changes);
    docs ||= mt.docs;
  }
  if (before.type === 'operation' || after.type === 'operation') changes.push(...operationChanges({ shape, before, after }));
  return { changes, docs };
}

function operationChanges({ shape, before, after }: { shape: string; before: SmithyShape; after: SmithyShape }): ShapeChange[] {
  const out: ShapeChange[] = [];
  if (!same(before.traits?.[T.http], after.traits?.[T.http])) out.push({ shape, kind: 'http-changed', old: before.traits?.[T.http], new: after.traits?.[T.http] });
  if (!same(before.traits?.[T.paginated], after.traits?.[T.paginated])) out.push({ shape, kind: 'pagination-changed', old: before.traits?.[T.paginated] ?? null, new: after.traits?.[T.paginated] ?? null });
  const errs = (s: SmithyShape) => (s.errors ?? []).map((e) => shortName({ id: e.target })).sort(cmp);
  const oe = errs(before);
  const ne = errs(after);
  if (!same(oe, ne)) out.push({ shape, kind: 'errors-changed', old: oe.filter((e) => !ne.includes(e)), new: ne.filter((e) => !oe.includes(e)) });
  if ((before.input?.target ?? UNIT) !== (after.input?.target ?? UNIT)) out.push({ shape, kind: 'input-changed', old: shortName({ id: before.input?.target ?? UNIT }), new: shortName({ id: after.input?.target ?? UNIT }) });
  if ((before.output?.target ?? UNIT) !== (after.output?.target ?? UNIT)) out.push({ shape, kind: 'output-changed', old: shortName({ id: before.output?.target ?? UNIT }), new: shortName({ id: after.output?.target ?? UNIT }) });
  return out;
}

/** Every shape reachable from `root` with the first (shortest) path that reaches it, as `Shape.member` steps. */
function reachable({ model, root }: { model: SmithyModel; root: string }): Map<string, string[]> {
  const paths = new Map<string, string[]>([[root, []]]);
  const queue = [root];
  // Bounded by the model: each shape is queued once.
  while (queue.length > 0) {
    const id = queue.shift()!;
    const shape = model.shapes[id];
    if (!shape || shape.type === 'enum' || shape.type === 'intEnum') continue;
    const refs: [string, SmithyMemberRef][] = [
      ...Object.entries(shape.members ?? {}),
      ...(shape.member ? [['member', shape.member] as [string, SmithyMemberRef]] : []),
      ...(shape.key ? [['key', shape.key] as [string, SmithyMemberRef]] : []),
      ...(shape.value ? [['value', shape.value] as [string, SmithyMemberRef]] : []),
    ];
    for (const [name, ref] of refs) {
      if (paths.has(ref.target) || !model.shapes[ref.target]) continue;
      paths.set(ref.target, [...paths.get(id)!, `${shortName({ id })}.${name}`]);
      queue.push(ref.target);
    }
  }
  return paths;
}

function operationNames({ model }: { model: SmithyModel }): Map<string, string> {
  const { id } = findService({ model });
  return new Map(serviceOperations({ model, serviceId: id }).map(([opId]) => [shortName({ id: opId }), opId]));
}

function side({ model, label }: { model: SmithyModel; label: string }): ModelSide {
  const { shape } = findService({ model });
  return { label, serviceVersion: shape.version ?? '', operations: operationNames({ model }).size, shapes: Object.keys(model.shapes).length };
}

/** What changed between two models of the same service, operation by operation (impact left to `modelImpact`). */
export function diffModels({ before, after, labels = { from: 'from', to: 'to' } }: { before: SmithyModel; after: SmithyModel; labels?: { from: string; to: string } }): ModelDiff {
  const oldOps = operationNames({ model: before });
  const newOps = operationNames({ model: after });
  const shapeChanges = new Map<string, ShapeChange[]>();
  const docOnly = new Set<string>();
  for (const id of Object.keys(after.shapes)) {
    const o = before.shapes[id];
    if (!o) continue;
    const { changes, docs } = compareShape({ id, before: o, after: after.shapes[id] });
    if (changes.length > 0) shapeChanges.set(id, changes);
    else if (docs) docOnly.add(id);
  }
  const operationsChanged: OperationDiff[] = [];
  const docOps: string[] = [];
  for (const [name, newId] of [...newOps].sort(([a], [b]) => cmp(a, b))) {
    const oldId = oldOps.get(name);
    if (!oldId) continue;
    const changes: ReachedChange[] = [];
    let touchedByDocs = docOnly.has(newId);
    const opChanges = oldId === newId ? (shapeChanges.get(newId) ?? []) : compareShape({ id: newId, before: before.shapes[oldId], after: after.shapes[newId] }).changes;
    for (const c of opChanges) changes.push({ ...c, side: 'operation', path: [] });
    const op = after.shapes[newId];
    for (const [which, root] of [['input', op.input?.target ?? UNIT], ['output', op.output?.target ?? UNIT]] as const) {
      // Paths through the new model first; shapes only the old model reaches (a removed member's target) through the old.
      const paths = reachable({ model: after, root });
      for (const [id, p] of reachable({ model: before, root })) if (!paths.has(id)) paths.set(id, p);
      for (const [id, p] of [...paths].sort(([a], [b]) => cmp(a, b))) {
        for (const c of shapeChanges.get(id) ?? []) changes.push({ ...c, side: which, path: p });
        if (docOnly.has(id)) touchedByDocs = true;
      }
    }
    if (changes.length > 0) operationsChanged.push({ operation: name, changes });
    else if (touchedByDocs) docOps.push(name);
  }
  return {
    from: side({ model: before, label: labels.from }),
    to: side({ model: after, label: labels.to }),
    operationsAdded: [...newOps.keys()].filter((n) => !oldOps.has(n)).sort(cmp),
    operationsRemoved: [...oldOps.keys()].filter((n) => !newOps.has(n)).sort(cmp),
    operationsChanged,
    documentationOnly: { shapes: docOnly.size, operations: docOps },
    shapesChanged: [...shapeChanges.keys()].map((id) => shortName({ id })).sort(cmp),
  };
}

/** A contract as the impact needs it: its operations and the register entries it cites. */
export interface ContractRef {
  id: string;
  operations: readonly string[];
  evidence: readonly { id: string }[];
}

/** A tape as the impact needs it: its file, and per interaction the operation and the bodies sent and received. */
export interface TapeRef {
  file: string;
  interactions: readonly { operation?: string; body?: unknown; response?: unknown }[];
}

/** Member names (object keys) and string values anywhere in a JSON value, bounded by `limit` nodes. */
function keysAndStrings({ value, keys, strings, limit = 200_000 }: { value: unknown; keys: Set<string>; strings: Set<string>; limit?: number }): void {
  const stack: unknown[] = [value];
  // Bounded: a tape body is finite, and the node budget caps pathological ones.
  for (let seen = 0; stack.length > 0 && seen < limit; seen++) {
    const v = stack.pop();
    if (typeof v === 'string') strings.add(v);
    else if (Array.isArray(v)) stack.push(...v);
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        keys.add(k);
        stack.push(x);
      }
    }
  }
}

/** Shape and member ids an evidence `at` names (`ns#Shape`, `ns#Shape$Member`), as short `Shape` / `Shape$Member`. */
export function shapesCited({ at }: { at: string | undefined }): string[] {
  return [...(at ?? '').matchAll(/[A-Za-z0-9_.]+#([A-Za-z0-9_]+(?:\$[A-Za-z0-9_]+)?)/g)].map((m) => m[1]);
}

/** What the diff touches in this project: schema files, contracts (by operation and by cited evidence) and tapes. */
export function modelImpact({ diff, before, after, contracts, register, tapes }: {
  diff: ModelDiff;
  before: SmithyModel;
  after: SmithyModel;
  contracts: readonly ContractRef[];
  register: ReadonlyMap<string, { at?: string }>;
  tapes: readonly TapeRef[];
}): ModelImpact {
  const oldFiles = buildSchemaFiles({ model: before });
  const newFiles = buildSchemaFiles({ model: after });
  const schemaFiles = {
    changed: [...newFiles.keys()].filter((f) => oldFiles.has(f) && oldFiles.get(f) !== newFiles.get(f)),
    added: [...newFiles.keys()].filter((f) => !oldFiles.has(f)),
    removed: [...oldFiles.keys()].filter((f) => !newFiles.has(f)),
  };
  const affectedOps = new Set([...diff.operationsChanged.map((o) => o.operation), ...diff.operationsRemoved]);
  // A shape or member is touched when it changed; `Shape` matches any member of it, `Shape$Member` that member only.
  const touchedShapes = new Set<string>();
  const touchedMembers = new Set<string>();
  for (const op of diff.operationsChanged) {
    for (const c of op.changes) {
      touchedShapes.add(c.shape);
      if (c.member) touchedMembers.add(`${c.shape}$${c.member}`);
    }
  }
  const shapeOnly = new Set(diff.operationsChanged.flatMap((o) => o.changes.filter((c) => !c.member).map((c) => c.shape)));
  const out: ModelImpact['contracts'] = [];
  for (const c of contracts) {
    const because: string[] = [];
    const ops = c.operations.filter((o) => affectedOps.has(o));
    if (ops.length > 0) because.push(`operations ${ops.join(', ')}`);
    const cited = new Set<string>();
    for (const e of c.evidence) {
      for (const s of shapesCited({ at: register.get(e.id)?.at })) {
        const [shape, member] = s.split('$');
        if ((member && touchedMembers.has(s)) || (!member && touchedShapes.has(shape)) || (member && shapeOnly.has(shape))) cited.add(`${e.id} (${s})`);
      }
    }
    if (cited.size > 0) because.push(`evidence ${[...cited].sort(cmp).join(', ')}`);
    if (because.length > 0) out.push({ id: c.id, because });
  }
  // What each affected operation's tapes may hold: the changed members (by name) and the enum values added or removed.
  const watched = new Map<string, { members: Set<string>; values: Map<string, string> }>();
  for (const op of diff.operationsChanged) {
    const w = { members: new Set<string>(), values: new Map<string, string>() };
    for (const c of op.changes) {
      if (c.member) w.members.add(c.member);
      for (const v of [...(c.kind === 'enum-values-added' ? (c.new as unknown[]) : []), ...(c.kind === 'enum-values-removed' ? (c.old as unknown[]) : [])]) w.values.set(String(v), c.shape);
    }
    watched.set(op.operation, w);
  }
  const tapeOut: ModelImpact['tapes'] = [];
  for (const t of tapes) {
    const hit = t.interactions.filter((i): i is typeof i & { operation: string } => i.operation !== undefined && affectedOps.has(i.operation));
    if (hit.length === 0) continue;
    const holds = new Set<string>();
    for (const i of hit) {
      const w = watched.get(i.operation);
      if (!w) continue;
      const keys = new Set<string>();
      const strings = new Set<string>();
      keysAndStrings({ value: [i.body, i.response], keys, strings });
      for (const m of w.members) if (keys.has(m)) holds.add(`${i.operation} ${m}`);
      for (const [v, shape] of w.values) if (strings.has(v)) holds.add(`${i.operation} ${shape}=${v}`);
    }
    tapeOut.push({ file: t.file, interactions: hit.length, operations: [...new Set(hit.map((i) => i.operation))].sort(cmp), holds: [...holds].sort(cmp) });
  }
  return { schemaFiles, contracts: out.sort((a, b) => cmp(a.id, b.id)), tapes: tapeOut.sort((a, b) => cmp(a.file, b.file)) };
}

/** One line per change, for people: `path: what changed (old -> new)`. */
export function describeChange({ change }: { change: ReachedChange }): string {
  const where = `${change.shape}${change.member ? `.${change.member}` : ''}`;
  const via = change.path.length > 0 ? ` (via ${change.path.join(' > ')})` : '';
  const v = (x: unknown) => (x === undefined ? '(none)' : typeof x === 'string' ? x : canonical(x));
  const aspect = change.aspect ? ` ${change.aspect.replace(/^smithy\.api#/, '@')}` : '';
  switch (change.kind) {
    case 'enum-values-added':
      return `${where}: enum values added ${(change.new as unknown[]).join(', ')}${via}`;
    case 'enum-values-removed':
      return `${where}: enum values removed ${(change.old as unknown[]).join(', ')}${via}`;
    case 'member-added':
      return `${where}: member added (${v(change.new)})${via}`;
    case 'member-removed':
      return `${where}: member removed (${v(change.old)})${via}`;
    default:
      return `${where}: ${change.kind}${aspect} ${v(change.old)} -> ${v(change.new)}${via}`;
  }
}

/** The terminal summary: counts, operations added, removed and changed. */
export function formatModelSummary({ diff }: { diff: ModelDiff }): string {
  const lines = [
    `specs:diff: ${diff.from.label} (${diff.from.operations} operations) -> ${diff.to.label} (${diff.to.operations} operations)`,
    `  operations added (${diff.operationsAdded.length}): ${diff.operationsAdded.join(', ') || '-'}`,
    `  operations removed (${diff.operationsRemoved.length}): ${diff.operationsRemoved.join(', ') || '-'}`,
    `  operations changed (${diff.operationsChanged.length}): ${diff.operationsChanged.map((o) => `${o.operation} (${o.changes.length})`).join(', ') || '-'}`,
    `  documentation only: ${diff.documentationOnly.shapes} shapes, ${diff.documentationOnly.operations.length} operations`,
  ];
  if (diff.impact) {
    const i = diff.impact;
    lines.push(
      `  impact: ${i.schemaFiles.changed.length} schema files changed, ${i.schemaFiles.added.length} added, ${i.schemaFiles.removed.length} removed; ` +
        `${i.contracts.length} contracts touched; ${i.tapes.length} tape files hold affected operations`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The Markdown report: summary, then each changed operation with its changes, then the impact. */
export function formatModelMarkdown({ diff }: { diff: ModelDiff }): string {
  const out = [`# Model diff: ${diff.from.label} -> ${diff.to.label}`, '', '```', formatModelSummary({ diff }).trimEnd(), '```', ''];
  for (const op of diff.operationsChanged) {
    out.push(`## ${op.operation}`, '');
    for (const c of op.changes) out.push(`- ${c.side}: ${describeChange({ change: c }).replace(/\|/g, '\\|')}`);
    out.push('');
  }
  if (diff.impact) {
    const i = diff.impact;
    out.push('## Impact on this project', '');
    out.push(`Schema files changed: ${i.schemaFiles.changed.join(', ') || '-'}`, '', `Schema files added: ${i.schemaFiles.added.join(', ') || '-'}`, '', `Schema files removed: ${i.schemaFiles.removed.join(', ') || '-'}`, '');
    out.push('| contract | because |', '|---|---|', ...i.contracts.map((c) => `| ${c.id} | ${c.because.join('; ')} |`), '');
    out.push('| tape | interactions | operations | changed members or values it holds |', '|---|---|---|---|', ...i.tapes.map((t) => `| ${t.file} | ${t.interactions} | ${t.operations.join(', ')} | ${t.holds.join(', ') || '-'} |`), '');
  }
  return `${out.join('\n')}\n`;
}

