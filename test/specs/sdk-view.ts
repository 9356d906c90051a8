/**
 * Two views of the same API, reduced to what the wire depends on, and their comparison: one read from the committed
 * specs/schemas, one from the schemas the official SDK ships (its `<Shape>$` exports, read through @smithy/core's
 * NormalizedSchema, and its exported enum objects).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NormalizedSchema } from '@smithy/core/schema';

export interface MemberView {
  /** body, label, query, header, payload, responseCode, queryParams, prefixHeaders */
  location: string;
  /** JSON key, query parameter, header name (lower case) or label. */
  wire: string;
  required: boolean;
}

export interface OperationView {
  http: string;
  input: string;
  output: string;
  /** structure name -> member key (wire name for body members, member name for bound ones) -> member. */
  structures: Record<string, Record<string, MemberView>>;
  /** enum name -> sorted values, or null where that side has no such enum. */
  enums: Record<string, (string | number)[] | null>;
}

export type ApiView = Record<string, OperationView>;

export interface Mismatch {
  operation: string;
  shape: string;
  member: string;
  specs: string;
  sdk: string;
}

type Json = Record<string, any>;
const sortValues = (v: (string | number)[]) => [...v].sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));

/** The specs side: operations.json, the operation files and shapes.json under `dir`. */
export function specsView({ dir, operations }: { dir: string; operations: readonly string[] }): ApiView {
  const read = (rel: string): Json => JSON.parse(readFileSync(path.join(dir, rel), 'utf8'));
  const index = read('operations.json');
  const defs: Json = read('shapes.json').$defs;
  const view: ApiView = {};
  for (const op of operations) {
    const entry = index.operations[op];
    if (!entry) continue;
    const structures: OperationView['structures'] = {};
    const enums: OperationView['enums'] = {};
    const seen = new Set<string>();
    const visitNode = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(visitNode);
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === '$ref' && typeof v === 'string') visitDef(decodeURIComponent(v.slice(v.indexOf('#/$defs/') + 8)));
          else if (k !== 'x-http-bindings') visitNode(v);
        }
      }
    };
    const visitDef = (name: string): void => {
      if (seen.has(name)) return;
      seen.add(name);
      const def = defs[name];
      if (Array.isArray(def.enum)) enums[name] = sortValues(def.enum);
      if (def.properties) structures[name] = bodyMembers(def);
      visitNode(def);
    };
    const bodyMembers = (schema: Json): Record<string, MemberView> => {
      const required = new Set<string>(schema.required ?? []);
      const out: Record<string, MemberView> = {};
      for (const key of Object.keys(schema.properties ?? {})) out[key] = { location: 'body', wire: key, required: required.has(key) };
      return out;
    };
    const names: string[] = [];
    for (const kind of ['input', 'output']) {
      const file = read(`${op}.${kind}.json`);
      const name = String(file['x-smithy-id']).split('#')[1];
      names.push(name);
      const members = file.$ref ? {} : bodyMembers(file);
      for (const [member, b] of Object.entries<Json>(file['x-http-bindings'] ?? {})) {
        members[member] = { location: b.in, wire: b.in === 'label' || b.in === 'payload' || b.in === 'responseCode' ? member : b.name, required: b.required };
      }
      structures[name] = members;
      visitNode(file);
    }
    view[op] = { http: `${entry.http.method} ${entry.http.uri} ${entry.http.code}`, input: names[0], output: names[1], structures, enums };
  }
  return view;
}

/** The SDK side: `sdk` is the client package's exports; enum names to look up come from `enumNames(op)`. */
export function sdkView({ sdk, operations, enumNames }: { sdk: Json; operations: readonly string[]; enumNames: (op: string) => string[] }): ApiView {
  const view: ApiView = {};
  for (const op of operations) {
    const opSchema = sdk[`${op}$`];
    if (!Array.isArray(opSchema)) continue;
    const structures: OperationView['structures'] = {};
    const visit = (ns: NormalizedSchema): void => {
      if (ns.isListSchema()) return visit(ns.getValueSchema());
      if (ns.isMapSchema()) return visit(ns.getValueSchema());
      if (!ns.isStructSchema() && !ns.isUnionSchema()) return;
      const raw = ns.getSchema() as unknown as unknown[];
      const name = String(raw[2]);
      if (structures[name]) return;
      const memberNames = raw[4] as string[];
      // The SDK lists required members first and stores how many there are after the member schemas.
      const required = new Set(memberNames.slice(0, typeof raw[6] === 'number' ? raw[6] : 0));
      const members: Record<string, MemberView> = {};
      structures[name] = members;
      for (const [member, m] of ns.structIterator()) {
        const t = m.getMergedTraits() as Json;
        const isRequired = required.has(member);
        if (t.httpLabel) members[member] = { location: 'label', wire: member, required: isRequired };
        else if (t.httpQuery !== undefined) members[member] = { location: 'query', wire: String(t.httpQuery), required: isRequired };
        else if (t.httpHeader !== undefined) members[member] = { location: 'header', wire: String(t.httpHeader).toLowerCase(), required: isRequired };
        else if (t.httpPrefixHeaders !== undefined) members[member] = { location: 'prefixHeaders', wire: String(t.httpPrefixHeaders).toLowerCase(), required: isRequired };
        else if (t.httpQueryParams) members[member] = { location: 'queryParams', wire: '', required: isRequired };
        else if (t.httpPayload) members[member] = { location: 'payload', wire: member, required: isRequired };
        else if (t.httpResponseCode) members[member] = { location: 'responseCode', wire: member, required: isRequired };
        else {
          const wire = typeof t.jsonName === 'string' ? t.jsonName : member;
          members[wire] = { location: 'body', wire, required: isRequired };
        }
        visit(m);
      }
    };
    const names: string[] = [];
    for (const get of [opSchema[4], opSchema[5]] as (() => unknown)[]) {
      const target = get();
      if (target === 'unit') {
        names.push('Unit');
        structures.Unit = {};
        continue;
      }
      const ns = NormalizedSchema.of(target as never);
      names.push(String((ns.getSchema() as unknown as unknown[])[2]));
      visit(ns);
    }
    const enums: OperationView['enums'] = {};
    for (const name of enumNames(op)) {
      // The SDK spells enum constants in PascalCase (model `logicalOperator` -> `LogicalOperator`).
      const exported = sdk[name] ?? sdk[name.charAt(0).toUpperCase() + name.slice(1)];
      enums[name] =
        exported && typeof exported === 'object' && !Array.isArray(exported) && Object.values(exported).every((v) => typeof v === 'string' || typeof v === 'number')
          ? sortValues(Object.values(exported) as (string | number)[])
          : null;
    }
    const [method, uri, code] = (opSchema[3] as Json).http as [string, string, number];
    view[op] = { http: `${method} ${uri} ${code}`, input: names[0], output: names[1], structures, enums };
  }
  return view;
}

const describeMember = (m: MemberView | undefined): string => (m ? `${m.location} "${m.wire}", ${m.required ? 'required' : 'optional'}` : 'absent');

/** Every difference between the two views, naming operation, shape, member and both sides. */
export function compareViews({ specs, sdk, operations }: { specs: ApiView; sdk: ApiView; operations: readonly string[] }): Mismatch[] {
  const out: Mismatch[] = [];
  for (const op of operations) {
    const a = specs[op];
    const b = sdk[op];
    if (!a || !b) {
      out.push({ operation: op, shape: '(operation)', member: '', specs: a ? 'present' : 'absent', sdk: b ? 'present' : 'absent' });
      continue;
    }
    if (a.http !== b.http) out.push({ operation: op, shape: '(operation)', member: 'http', specs: a.http, sdk: b.http });
    if (a.input !== b.input) out.push({ operation: op, shape: '(operation)', member: 'input', specs: a.input, sdk: b.input });
    if (a.output !== b.output) out.push({ operation: op, shape: '(operation)', member: 'output', specs: a.output, sdk: b.output });
    for (const shape of [...new Set([...Object.keys(a.structures), ...Object.keys(b.structures)])].sort()) {
      const sa = a.structures[shape];
      const sb = b.structures[shape];
      if (!sa || !sb) {
        out.push({ operation: op, shape, member: '', specs: sa ? 'structure present' : 'absent', sdk: sb ? 'structure present' : 'absent' });
        continue;
      }
      for (const member of [...new Set([...Object.keys(sa), ...Object.keys(sb)])].sort()) {
        const ma = sa[member];
        const mb = sb[member];
        if (describeMember(ma) !== describeMember(mb)) out.push({ operation: op, shape, member, specs: describeMember(ma), sdk: describeMember(mb) });
      }
    }
    for (const name of [...new Set([...Object.keys(a.enums), ...Object.keys(b.enums)])].sort()) {
      const va = a.enums[name];
      const vb = b.enums[name];
      const show = (v: (string | number)[] | null | undefined) => (v ? v.map((x) => JSON.stringify(x)).join(', ') : 'no such enum');
      if (show(va) !== show(vb)) out.push({ operation: op, shape: name, member: '(enum values)', specs: show(va), sdk: show(vb) });
    }
  }
  return out;
}

/** One line per mismatch, for assertion messages. */
export function formatMismatches({ mismatches }: { mismatches: Mismatch[] }): string {
  return mismatches.map((m) => `${m.operation}: ${m.shape}${m.member ? `.${m.member}` : ''}: specs/schemas says ${m.specs}; SDK says ${m.sdk}`).join('\n');
}
