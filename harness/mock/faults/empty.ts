import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SCHEMAS_DIR } from '../../operation-index.ts';
import { CORE_OPERATIONS } from '../../scope.ts';
import { aroundCalls, aroundReplies, errorReply, isSuccess, listOperations, type Json, type Reply, type WireTools } from './http.ts';
import type { Fault, FaultPlan } from './types.ts';

/**
 * Empty-answer faults: the target answers every call, successfully and in the model's shape, but with less data than
 * it holds. A contract that reads data and still passes against one of these passes on nothing. The self-test runs
 * every contract file against each of them and requires every contract that reads data (ContractMeta.readsData) to be
 * caught by at least one.
 */

const VALUE_READS = ['GetCalculatedAttributeForProfile', 'ListCalculatedAttributesForProfile', 'BatchGetCalculatedAttributeForProfile'];
/** The members of a calculated attribute value that carry what was computed. */
const VALUE_MEMBERS = ['Value', 'LastObjectTimestamp', 'IsDataPartial'];

/** The List operations specs/contracts/pagination.contract.ts pages through. */
const PAGINATED = ['ListDomainLayouts', 'ListCalculatedAttributeDefinitions', 'ListCalculatedAttributesForProfile', 'ListProfileObjectTypes'];
/** Its contracts about pages, which pass on an empty list unless they make enough items to need two pages or more. */
const PAGE_CONTRACTS = ['PAGE-MAX-', 'PAGE-BOUNDED-', 'PAGE-STABLE-', 'PAGE-TOKEN-'].flatMap((prefix) => PAGINATED.map((operation) => `${prefix}${operation}`));
/** Core operations whose output has no @required member: an empty body passes the wire validator. */
const NOTHING_REQUIRED = [
  'BatchGetCalculatedAttributeForProfile', 'CreateCalculatedAttributeDefinition', 'DetectProfileObjectType', 'GetCalculatedAttributeDefinition',
  'GetCalculatedAttributeForProfile', 'GetProfileObjectTypeTemplate', 'ListCalculatedAttributeDefinitions', 'ListCalculatedAttributesForProfile',
  'ListDomainLayouts', 'UpdateCalculatedAttributeDefinition', 'UpdateDomainLayout',
];

/** A JSON Schema as the committed schemas write it (only what the walk below reads). */
interface Schema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  'x-smithy-type'?: string;
}

/** A plan that rewrites the successful replies of `operations` (every operation when undefined). */
function onSuccess({ tools, operations, rewrite }: { tools: WireTools; operations?: Iterable<string>; rewrite: (body: Json, operation: string) => void }): FaultPlan {
  return {
    wrapHandle: aroundCalls({
      tools,
      operations: operations ? new Set(operations) : undefined,
      around: async (call, send) => {
        const reply = await send(call);
        if (isSuccess({ reply }) && reply.body) rewrite(reply.body, call.operation);
        return reply;
      },
    }),
  };
}

const readJson = (file: string): Schema => JSON.parse(readFileSync(path.join(SCHEMAS_DIR, file), 'utf8')) as Schema;

/**
 * Removes from `value`, in place, every member its schema does not mark required, at every depth: structures keep
 * their required members only (a union keeps its one member, which is what makes it a value), and lists and maps
 * are walked item by item.
 */
function keepRequired({ value, schema, defs }: { value: unknown; schema: Schema; defs: Record<string, Schema> }): void {
  const resolved = schema.$ref ? defs[schema.$ref.slice(schema.$ref.lastIndexOf('/') + 1)] : schema;
  if (!resolved || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    if (resolved.items) for (const item of value) keepRequired({ value: item, schema: resolved.items, defs });
    return;
  }
  const obj = value as Json;
  if (resolved.properties) {
    const union = resolved['x-smithy-type'] === 'union';
    const required = new Set(resolved.required ?? []);
    for (const key of Object.keys(obj)) {
      const member = resolved.properties[key];
      if (!union && !required.has(key)) delete obj[key];
      else if (member) keepRequired({ value: obj[key], schema: member, defs });
    }
    return;
  }
  if (resolved.additionalProperties && typeof resolved.additionalProperties === 'object') {
    for (const item of Object.values(obj)) keepRequired({ value: item, schema: resolved.additionalProperties, defs });
  }
}

/** Every empty-answer fault (each marked `emptyAnswer`; the catalogue adds them to FAULTS). */
export const EMPTY_FAULTS: Fault[] = [
  {
    name: 'empty-lists',
    description: 'every paginated List operation answers no items and no NextToken, whatever the domain holds',
    caughtBy: [
      ...PAGE_CONTRACTS,
      'CALC-DEF-STATUS-01',
      'CALC-DEF-DELETE-01',
      'CALC-READ-AGREE-01',
      'CALC-READ-PARTIAL-01',
      'OBJTYPE-TEMPLATE-01',
      'OBJTYPE-TEMPLATE-02',
      'WIRE-OK-GetProfileObjectTypeTemplate',
      'PAGE-SET-*',
      'PAGE-PAGINATOR-ListDomainLayouts',
      'CALC-DEF-LIST-01',
      'CALC-READ-LASTTS-01',
      'LAYOUT-DEFAULT-01',
      'LAYOUT-TAGS-01',
    ],
    emptyAnswer: true,
    build: (tools) =>
      onSuccess({
        tools,
        operations: listOperations(tools),
        rewrite: (body, operation) => {
          body[tools.index.operations[operation].paginated?.items ?? 'Items'] = [];
          delete body.NextToken;
        },
      }),
  },
  {
    name: 'detect-nothing',
    description: 'DetectProfileObjectType detects nothing: DetectedProfileObjectTypes is empty for any objects',
    caughtBy: ['OBJTYPE-DETECT-01'],
    emptyAnswer: true,
    build: (tools) =>
      onSuccess({
        tools,
        operations: ['DetectProfileObjectType'],
        rewrite: (body) => {
          body.DetectedProfileObjectTypes = [];
        },
      }),
  },
  {
    name: 'empty-template-catalogue',
    description:
      'the template catalogue is empty: ListProfileObjectTypeTemplates lists nothing, GetProfileObjectTypeTemplate is ResourceNotFoundException (404) for every id, ' +
      'and PutProfileObjectType with a TemplateId is refused as an unknown template (BadRequestException)',
    caughtBy: ['WIRE-OK-GetProfileObjectTypeTemplate', 'OBJTYPE-TEMPLATE-01', 'OBJTYPE-TEMPLATE-02'],
    emptyAnswer: true,
    build: (tools) => ({
      wrapHandle: aroundCalls({
        tools,
        operations: new Set(['ListProfileObjectTypeTemplates', 'GetProfileObjectTypeTemplate', 'PutProfileObjectType']),
        around: async (call, send): Promise<Reply> => {
          const templateId = call.body?.TemplateId;
          // Refused before it reaches the implementation: a template type must not be created from a catalogue that is empty.
          if (call.operation === 'PutProfileObjectType' && templateId !== undefined) {
            return errorReply({ code: 'BadRequestException', status: 400, message: `TemplateId ${String(templateId)} is not a known template` });
          }
          const reply = await send(call);
          // Errors (an invalid id) stay as the implementation gives them; only what the catalogue holds disappears.
          if (!isSuccess({ reply }) || !reply.body) return reply;
          if (call.operation === 'GetProfileObjectTypeTemplate') {
            const id = decodeURIComponent(call.url.pathname.split('/').pop() ?? '');
            return errorReply({ code: 'ResourceNotFoundException', status: 404, message: `Template ${id} does not exist` });
          }
          if (call.operation === 'ListProfileObjectTypeTemplates') {
            reply.body.Items = [];
            delete reply.body.NextToken;
          }
          return reply;
        },
      }),
    }),
  },
  {
    name: 'calc-values-never-present',
    description: 'calculated values are never present: Get, List and BatchGet of calculated attributes for profiles answer without Value, LastObjectTimestamp and IsDataPartial',
    caughtBy: [
      'CALC-READ-AGREE-01',
      'CALC-READ-PARTIAL-01',
      'CALC-READ-LASTTS-01',
      'CALC-STAT-EMPTY-01',
      'CALC-STAT-*',
      'CALC-WIN-*',
      'CALC-HIST-01',
      'CALC-HIST-02',
      'CALC-COND-*',
      'CALC-FILTER-*',
      'CALC-BATCH-UNKNOWN-01',
      'CALC-BATCH-OVERRIDE-01',
      'CALC-BATCH-OVERRIDE-02',
      'CALC-DEF-READY-01',
    ],
    emptyAnswer: true,
    build: (tools) =>
      onSuccess({
        tools,
        operations: VALUE_READS,
        rewrite: (body) => {
          const entries = [body, ...(Array.isArray(body.Items) ? body.Items : []), ...(Array.isArray(body.CalculatedAttributeValues) ? body.CalculatedAttributeValues : [])] as Json[];
          for (const entry of entries) for (const member of VALUE_MEMBERS) delete entry[member];
        },
      }),
  },
  {
    name: 'optional-members-omitted',
    description: 'every successful response leaves out every member the model does not mark @required, at every depth of structures',
    caughtBy: [
      'CALC-DEF-STATUS-01',
      'CALC-DEF-GET-01',
      'CALC-READ-AGREE-01',
      'CALC-READ-PARTIAL-01',
      'OBJTYPE-DETECT-01',
      'OBJTYPE-COUNT-01',
      'OBJTYPE-TEMPLATE-01',
      'OBJTYPE-TEMPLATE-02',
      ...PAGE_CONTRACTS,
      // DetectProfileObjectType may answer nothing (detecting nothing is valid): its WIRE-OK reads no data.
      ...NOTHING_REQUIRED.filter((operation) => operation !== 'DetectProfileObjectType').map((operation) => `WIRE-OK-${operation}`),
      'CALC-DEF-CREATE-01',
      'LAYOUT-CREATE-01',
      'LAYOUT-TAGS-01',
      'OBJTYPE-TAGS-01',
    ],
    emptyAnswer: true,
    build: (tools) => {
      // Read once per target, on first use: the shared shapes and each operation's output schema.
      let defs: Record<string, Schema> | undefined;
      const outputs = new Map<string, Schema>();
      return onSuccess({
        tools,
        rewrite: (body, operation) => {
          if (tools.index.operations[operation].output.payload !== null) return;
          defs ??= (readJson('shapes.json') as { $defs: Record<string, Schema> }).$defs;
          let schema = outputs.get(operation);
          if (!schema) outputs.set(operation, (schema = readJson(`${operation}.output.json`)));
          keepRequired({ value: body, schema, defs });
        },
      });
    },
  },
  {
    name: 'returns-nothing',
    description: 'every successful response has the body {} (status and headers as the implementation sends them)',
    caughtBy: [
      'LAYOUT-TIMESTAMPS-02',
      'CALC-DEF-GET-01',
      ...CORE_OPERATIONS.filter((operation) => operation !== 'DetectProfileObjectType').map((operation) => `WIRE-OK-${operation}`),
      'WIRE-EXCHANGES-*',
      'LAYOUT-TIMESTAMPS-01',
      'LAYOUT-VERSION-01',
      'LAYOUT-DELETE-01',
      'LAYOUT-DUPLICATE-01',
      'LAYOUT-SIZE-01',
      'LAYOUT-UPDATE-01',
    ],
    emptyAnswer: true,
    build: () => ({ wrapHandle: aroundReplies({ rewrite: (reply) => (isSuccess({ reply }) ? { ...reply, body: {} } : reply) }) }),
  },
];
