import { aroundCalls, errorReply, isSuccess, type Call, type Json, type Reply, type Send, type WireTools } from './http.ts';
import type { Fault, FaultPlan } from './types.ts';

/**
 * Faults of calculated attributes, for the self-test of the calculated-*.contract.ts files. Each makes the reference
 * implementation wrong in one respect, from outside: most rewrite a definition on its way in and restore the members
 * the client sent on every definition response (so the definition looks right and computes wrongly), others rewrite
 * objects on their way in or value responses on their way out, one uses a mock option.
 */

const CREATE = 'CreateCalculatedAttributeDefinition';
const UPDATE = 'UpdateCalculatedAttributeDefinition';
const GET = 'GetCalculatedAttributeDefinition';
const LIST = 'ListCalculatedAttributeDefinitions';
const DELETE = 'DeleteCalculatedAttributeDefinition';
const VALUE_READS = ['GetCalculatedAttributeForProfile', 'ListCalculatedAttributesForProfile', 'BatchGetCalculatedAttributeForProfile'];
const PUT_OBJECT = 'PutProfileObject';

/** Members of a definition that Create takes and Create / Get (and Update, but for Filter) return. */
const DEFINITION_MEMBERS = ['Statistic', 'AttributeDetails', 'Conditions', 'Filter', 'UseHistoricalData'] as const;

/** `<domain>/<name>` of a definition request, from its path (definition and value operations alike). */
function definitionKey({ url }: { url: URL }): string | undefined {
  const parts = url.pathname.split('/').map((p) => decodeURIComponent(p));
  const i = parts.indexOf('calculated-attributes');
  if (parts[1] !== 'domains' || i < 0 || parts[i + 1] === undefined) return undefined;
  return `${parts[2]}/${parts[i + 1]}`;
}

function domainOf({ url }: { url: URL }): string {
  return decodeURIComponent(url.pathname.split('/')[2] ?? '');
}

const clone = <T>(value: T): T => (value === undefined ? value : structuredClone(value));

function restore(body: Json, original: Partial<Record<string, unknown>>, operation: string): void {
  for (const [member, value] of Object.entries(original)) {
    // Update's output has no Filter.
    if (operation === UPDATE && member === 'Filter') continue;
    if (value === undefined) delete body[member];
    else body[member] = clone(value);
  }
}

/**
 * A fault that changes definitions as the implementation receives them (Create, and Update's Conditions) and shows
 * the client what it sent on every Create, Update and Get response. `change` edits a copy of the request body.
 */
function disguised({ tools, change }: { tools: WireTools; change: (body: Json) => void }): FaultPlan {
  const originals = new Map<string, Partial<Record<string, unknown>>>();
  return {
    wrapHandle: aroundCalls({
      tools,
      operations: new Set([CREATE, UPDATE, GET]),
      around: async (call, send) => {
        const key = definitionKey(call);
        if (key && (call.operation === CREATE || call.operation === UPDATE) && call.body) {
          const sent = call.body;
          const body = clone(sent);
          change(body);
          // What the implementation stores differs from what was sent in these members: remember what was sent.
          const kept: Partial<Record<string, unknown>> = call.operation === CREATE ? {} : { ...originals.get(key) };
          for (const m of DEFINITION_MEMBERS) {
            // Update takes only Conditions of these; Create may gain a member from `change`.
            if (call.operation === UPDATE ? !(m in sent) : !(m in sent) && !(m in body)) continue;
            if (JSON.stringify(body[m]) !== JSON.stringify(sent[m])) kept[m] = clone(sent[m]);
            else delete kept[m];
          }
          const reply = await send({ ...call, body });
          if (!isSuccess({ reply })) return reply;
          if (Object.keys(kept).length > 0) originals.set(key, kept);
          else originals.delete(key);
          if (reply.body) restore(reply.body, kept, call.operation);
          return reply;
        }
        const reply = await send(call);
        const original = key ? originals.get(key) : undefined;
        if (original && isSuccess({ reply }) && reply.body) restore(reply.body, original, call.operation);
        return reply;
      },
    }),
  };
}

/** Conditions.Range of a definition body, when there is one. */
const rangeOf = (body: Json): Json | undefined => ((body.Conditions as Json | undefined)?.Range as Json | undefined);
/** The object type of a definition's Expression (`{T.a}` or `{T.a} op {T.b}`). */
const expressionType = (body: Json): string | undefined => /\{([^.}]+)\./.exec(String((body.AttributeDetails as Json | undefined)?.Expression ?? ''))?.[1];

/** Every value item of a value read's reply: Get's body, List's Items, BatchGet's CalculatedAttributeValues. */
function valueItems(operation: string, body: Json): Json[] {
  if (operation === 'GetCalculatedAttributeForProfile') return [body];
  const list = operation === 'ListCalculatedAttributesForProfile' ? body.Items : body.CalculatedAttributeValues;
  return Array.isArray(list) ? (list as Json[]) : [];
}

/**
 * A fault that rewrites value items; it learns each definition's Statistic from the Create requests it sees (the
 * implementation's own answers are not consulted).
 */
function onValues({ tools, rewrite }: { tools: WireTools; rewrite: (item: Json, statistic: string | undefined, operation: string) => void }): FaultPlan {
  const statistics = new Map<string, string>();
  return {
    wrapHandle: aroundCalls({
      tools,
      operations: new Set([CREATE, ...VALUE_READS]),
      around: async (call, send) => {
        const reply = await send(call);
        if (!isSuccess({ reply }) || !reply.body) return reply;
        if (call.operation === CREATE) {
          const key = definitionKey(call);
          if (key && typeof call.body?.Statistic === 'string') statistics.set(key, call.body.Statistic);
          return reply;
        }
        const domain = domainOf(call);
        for (const item of valueItems(call.operation, reply.body)) {
          rewrite(item, statistics.get(`${domain}/${String(item.CalculatedAttributeName)}`), call.operation);
        }
        return reply;
      },
    }),
  };
}

/** A plan over the calls of `operations`. */
function onCalls(tools: WireTools, operations: string[], around: (call: Call, send: Send) => Promise<Reply>): FaultPlan {
  return { wrapHandle: aroundCalls({ tools, operations: new Set(operations), around }) };
}

/** A plan that rewrites the JSON document of every PutProfileObject before the implementation stores it. */
function onObjects(tools: WireTools, rewrite: (object: Json) => Json | 'drop'): FaultPlan {
  return onCalls(tools, [PUT_OBJECT], async (call, send) => {
    if (typeof call.body?.Object !== 'string') return send(call);
    let object: Json;
    try {
      object = JSON.parse(call.body.Object) as Json;
    } catch {
      return send(call);
    }
    const out = rewrite(object);
    if (out === 'drop') return { status: 200, headers: { 'content-type': 'application/json' }, body: { ProfileObjectUniqueKey: 'cpct-fault-not-stored' } };
    return send({ ...call, body: { ...call.body, Object: JSON.stringify(out) } });
  });
}

function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, mapStrings(v, f)]));
  return value;
}

const swap = (a: string, b: string) => (value: unknown) => (value === a ? b : value === b ? a : value);
const swapStatistic = (a: string, b: string) => (body: Json) => {
  if (body.Statistic !== undefined) body.Statistic = swap(a, b)(body.Statistic);
};

const INVERTED_DIMENSIONS: Record<string, string> = {
  INCLUSIVE: 'EXCLUSIVE', EXCLUSIVE: 'INCLUSIVE', BEFORE: 'AFTER', AFTER: 'BEFORE', BETWEEN: 'NOT_BETWEEN', NOT_BETWEEN: 'BETWEEN',
  GREATER_THAN: 'LESS_THAN', LESS_THAN: 'GREATER_THAN', GREATER_THAN_OR_EQUAL: 'LESS_THAN_OR_EQUAL', LESS_THAN_OR_EQUAL: 'GREATER_THAN_OR_EQUAL',
};

const ISO_WITH_OFFSET = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?)[+-]\d{2}:?\d{2}$/;
const NEGATIVE_NUMBER = /^-\d+(?:\.\d+)?$/;
/** Arrival order written into every object by `calc-object-count-oldest`: decreasing epoch milliseconds of 2001. */
const ARRIVAL_FIELD = 'CpctArrival';
const ARRIVAL_BASE_MS = 1_000_000_000_000;
const MAX_DAYS = 2_147_483_647;

const json = (body: Json): Reply => ({ status: 200, headers: { 'content-type': 'application/json' }, body });

/** Every calculated-attribute fault (the integrator adds them to FAULTS in catalogue.ts). */
export const CALCULATED_FAULTS: Fault[] = [
  // --- statistics --------------------------------------------------------------------------------------------
  {
    name: 'calc-average-rounded',
    description: 'AVERAGE values are rounded to whole numbers',
    caughtBy: ['CALC-STAT-AVERAGE-01', 'CALC-STAT-DECIMAL-01'],
    build: (tools) =>
      onValues({
        tools,
        rewrite: (item, statistic) => {
          if (statistic === 'AVERAGE' && typeof item.Value === 'string' && Number.isFinite(Number(item.Value))) item.Value = String(Math.round(Number(item.Value)));
        },
      }),
  },
  {
    name: 'calc-first-last-swapped',
    description: 'FIRST_OCCURRENCE returns the last value and LAST_OCCURRENCE the first',
    caughtBy: ['CALC-STAT-FIRST-01', 'CALC-STAT-LAST-01'],
    build: (tools) => disguised({ tools, change: swapStatistic('FIRST_OCCURRENCE', 'LAST_OCCURRENCE') }),
  },
  {
    name: 'calc-min-max-swapped',
    description: 'MINIMUM returns the largest value and MAXIMUM the smallest',
    caughtBy: ['CALC-STAT-MINIMUM-01', 'CALC-STAT-MAXIMUM-01'],
    build: (tools) => disguised({ tools, change: swapStatistic('MINIMUM', 'MAXIMUM') }),
  },
  {
    name: 'calc-negative-objects-lost',
    description: 'PutProfileObject acknowledges but never stores an object holding a negative number (a refund, a redemption)',
    caughtBy: ['CALC-STAT-COUNT-01', 'CALC-STAT-SUM-01'],
    build: (tools) => onObjects(tools, (object) => (Object.values(object).some((v) => typeof v === 'string' && NEGATIVE_NUMBER.test(v)) ? 'drop' : object)),
  },
  {
    name: 'calc-max-occurrence-as-first',
    description: 'MAX_OCCURRENCE returns the first value seen instead of the most frequent one',
    caughtBy: ['CALC-STAT-MAXOCC-01', 'CALC-STAT-MAXOCC-02'],
    build: (tools) =>
      disguised({
        tools,
        change: (body) => {
          if (body.Statistic === 'MAX_OCCURRENCE') body.Statistic = 'FIRST_OCCURRENCE';
        },
      }),
  },
  {
    name: 'calc-expression-first-operand-only',
    description: 'an Expression over two attributes is computed from its first attribute alone (so an Expression left dangling after its first attribute, such as "{Tx.v} +", is accepted too)',
    caughtBy: ['CALC-STAT-EXPR-01'],
    build: (tools) =>
      disguised({
        tools,
        change: (body) => {
          const details = body.AttributeDetails as Json | undefined;
          const first = /\{[^}]*\}/.exec(String(details?.Expression ?? ''));
          if (details && first && first[0] !== String(details.Expression).trim()) details.Expression = first[0];
        },
      }),
  },
  {
    name: 'calc-empty-selection-zero',
    description: 'COUNT and SUM with no object selected say "0" instead of having no value',
    caughtBy: ['CALC-STAT-EMPTY-01'],
    build: (tools) =>
      onValues({
        tools,
        rewrite: (item, statistic) => {
          if ((statistic === 'COUNT' || statistic === 'SUM') && item.Value === undefined) item.Value = '0';
        },
      }),
  },
  {
    name: 'calc-values-skewed',
    description: 'every numeric Value is one more than the implementation computed (a proxy in front of it adds 1), on every read',
    caughtBy: ['CALC-STAT-SUM-01', 'CALC-STAT-COUNT-01', 'CALC-COND-COUNT-02', 'CALC-FILTER-INCLUSIVE-02'],
    build: (tools) =>
      onValues({
        tools,
        rewrite: (item) => {
          if (typeof item.Value === 'string' && item.Value.trim() !== '' && Number.isFinite(Number(item.Value))) item.Value = String(Number(item.Value) + 1);
        },
      }),
  },
  // --- windows -----------------------------------------------------------------------------------------------
  {
    name: 'calc-window-one-day-longer',
    description: 'every Range window reaches one day further into the past (Value + 1, ValueRange Start + 1)',
    caughtBy: ['CALC-WIN-EDGE-01'],
    build: (tools) =>
      disguised({
        tools,
        change: (body) => {
          const range = rangeOf(body);
          if (!range) return;
          const valueRange = range.ValueRange as Json | undefined;
          if (valueRange && typeof valueRange.Start === 'number') valueRange.Start += 1;
          else range.Value = (typeof range.Value === 'number' ? range.Value : 0) + 1;
        },
      }),
  },
  {
    name: 'calc-value-range-ignored',
    description: 'Range.ValueRange is ignored: the window is always Value days back to now',
    caughtBy: ['CALC-WIN-PAST-01', 'CALC-WIN-NOW-01', 'CALC-WIN-FUTURE-01', 'CALC-WIN-OVERRIDE-01'],
    build: (tools) =>
      disguised({
        tools,
        change: (body) => {
          delete rangeOf(body)?.ValueRange;
        },
      }),
  },
  {
    name: 'calc-iso-offsets-ignored',
    description: 'ISO 8601 timestamps with a ±HH:MM or ±HHMM offset are read as UTC (the offset is dropped on ingestion)',
    caughtBy: ['CALC-WIN-ISO-02', 'CALC-READ-LASTTS-01'],
    build: (tools) => onObjects(tools, (object) => mapStrings(object, (s) => s.replace(ISO_WITH_OFFSET, '$1')) as Json),
  },
  {
    name: 'calc-time-source-swapped',
    description: 'a Range reads the wrong time: the ingestion time where a TimestampSource is given, the object\'s CreatedDate field where none is',
    caughtBy: ['CALC-WIN-VALUE-01', 'CALC-WIN-ISO-01', 'CALC-WIN-INGEST-01'],
    build: (tools) =>
      disguised({
        tools,
        change: (body) => {
          const range = rangeOf(body);
          const type = expressionType(body);
          if (!range || !type) return;
          if (range.TimestampSource !== undefined) {
            delete range.TimestampSource;
            delete range.TimestampFormat;
          } else {
            range.TimestampSource = `{${type}.CreatedDate}`;
            range.TimestampFormat = 'ISO_8601';
          }
        },
      }),
  },
  // --- conditions --------------------------------------------------------------------------------------------
  {
    name: 'calc-object-count-oldest',
    description: 'ObjectCount N keeps the N objects ingested first instead of the N most recent',
    caughtBy: ['CALC-COND-COUNT-01'],
    build: (tools) => {
      // Objects carry a hidden arrival time that runs backwards, and definitions with ObjectCount are ordered by it.
      let arrivals = 0;
      const objects = onObjects(tools, (object) => ({ ...object, [ARRIVAL_FIELD]: String(ARRIVAL_BASE_MS - 1000 * ++arrivals) }));
      const definitions = disguised({
        tools,
        change: (body) => {
          const conditions = body.Conditions as Json | undefined;
          const type = expressionType(body);
          if (!conditions || conditions.ObjectCount === undefined || conditions.Range !== undefined || !type) return;
          conditions.Range = { Value: MAX_DAYS, Unit: 'DAYS', TimestampSource: `{${type}.${ARRIVAL_FIELD}}`, TimestampFormat: 'EPOCHMILLI' };
        },
      });
      return { wrapHandle: (handle) => definitions.wrapHandle!(objects.wrapHandle!(handle)) };
    },
  },
  {
    name: 'calc-threshold-ignored',
    description: 'Conditions.Threshold is ignored: the statistic is returned instead of "true" / "false"',
    caughtBy: ['CALC-COND-THRESHOLD-01', 'CALC-COND-THRESHOLD-02', 'CALC-COND-THRESHOLD-03', 'CALC-COND-THRESHOLD-04', 'CALC-COND-THRESHOLD-05'],
    build: (tools) =>
      disguised({
        tools,
        change: (body) => {
          const conditions = body.Conditions as Json | undefined;
          if (!conditions?.Threshold) return;
          delete conditions.Threshold;
          if (Object.keys(conditions).length === 0) delete body.Conditions;
        },
      }),
  },
  {
    name: 'calc-object-count-ignored',
    description: 'Conditions.ObjectCount is ignored (stripped from what the implementation sees, shown back on reads): every object counts',
    caughtBy: ['CALC-COND-COUNT-02'],
    build: (tools) =>
      disguised({
        tools,
        change: (body) => {
          const conditions = body.Conditions as Json | undefined;
          if (conditions?.ObjectCount === undefined) return;
          delete conditions.ObjectCount;
          if (Object.keys(conditions).length === 0) delete body.Conditions;
        },
      }),
  },
  {
    name: 'calc-filter-ignored',
    description: 'a definition\'s Filter is ignored (stripped from what the implementation sees, shown back on reads): every object counts',
    caughtBy: ['CALC-FILTER-INCLUSIVE-02', 'CALC-FILTER-INCLUSIVE-03'],
    build: (tools) =>
      disguised({
        tools,
        change: (body) => {
          delete body.Filter;
        },
      }),
  },
  {
    name: 'calc-filter-none-as-all',
    description: 'a Filter\'s NONE (Include or group Type) is treated as ALL',
    caughtBy: ['CALC-FILTER-INCLUDE-01', 'CALC-FILTER-GROUP-01'],
    build: (tools) =>
      disguised({
        tools,
        change: (body) => {
          const filter = body.Filter as Json | undefined;
          if (!filter) return;
          if (filter.Include === 'NONE') filter.Include = 'ALL';
          for (const group of (filter.Groups ?? []) as Json[]) if (group.Type === 'NONE') group.Type = 'ALL';
        },
      }),
  },
  {
    name: 'calc-filter-comparison-inverted',
    description: 'each Filter comparison is read as its opposite (INCLUSIVE/EXCLUSIVE, BEFORE/AFTER, BETWEEN/NOT_BETWEEN, greater/less)',
    caughtBy: ['CALC-FILTER-TEXT-01', 'CALC-FILTER-NUMBER-01', 'CALC-FILTER-DATE-01'],
    build: (tools) =>
      disguised({
        tools,
        change: (body) => {
          for (const group of ((body.Filter as Json | undefined)?.Groups ?? []) as Json[]) {
            for (const dimension of (group.Dimensions ?? []) as Json[]) {
              for (const entry of Object.values((dimension.Attributes ?? {}) as Record<string, Json>)) {
                entry.DimensionType = INVERTED_DIMENSIONS[String(entry.DimensionType)] ?? entry.DimensionType;
              }
            }
          }
        },
      }),
  },
  {
    name: 'calc-historical-flag-inverted',
    description: 'UseHistoricalData is read the wrong way round: false includes objects ingested before the definition, true leaves them out',
    caughtBy: ['CALC-HIST-01', 'CALC-HIST-02'],
    build: (tools) =>
      disguised({
        tools,
        change: (body) => {
          if (typeof body.UseHistoricalData === 'boolean') body.UseHistoricalData = !body.UseHistoricalData;
        },
      }),
  },
  // --- reads -------------------------------------------------------------------------------------------------
  {
    name: 'calc-list-values-stale',
    description: 'ListCalculatedAttributesForProfile reports the time of the read as LastObjectTimestamp',
    caughtBy: ['CALC-READ-AGREE-01', 'CALC-READ-LASTTS-01'],
    build: (tools) =>
      onValues({
        tools,
        rewrite: (item, _statistic, operation) => {
          if (operation === 'ListCalculatedAttributesForProfile' && item.LastObjectTimestamp !== undefined) item.LastObjectTimestamp = Date.now() / 1000;
        },
      }),
  },
  {
    name: 'calc-data-partial-capitalised',
    description: 'IsDataPartial is "True" / "False" instead of "true" / "false"',
    caughtBy: ['CALC-READ-PARTIAL-01'],
    build: (tools) =>
      onValues({
        tools,
        rewrite: (item) => {
          if (typeof item.IsDataPartial === 'string') item.IsDataPartial = item.IsDataPartial.charAt(0).toUpperCase() + item.IsDataPartial.slice(1);
        },
      }),
  },
  {
    name: 'calc-batch-drops-ids',
    description: 'BatchGet silently drops the ids it does not answer: unknown profiles get no Errors entry, ids after the 100th are ignored',
    caughtBy: ['CALC-BATCH-LIMITS-01', 'CALC-BATCH-LIMITS-02', 'CALC-BATCH-UNKNOWN-01'],
    build: (tools) =>
      onCalls(tools, ['BatchGetCalculatedAttributeForProfile'], async (call, send) => {
        const ids = call.body?.ProfileIds;
        const forward = Array.isArray(ids) && ids.length > 100 ? { ...call, body: { ...call.body, ProfileIds: ids.slice(0, 100) } } : call;
        const reply = await send(forward);
        if (isSuccess({ reply }) && reply.body) reply.body.Errors = [];
        return reply;
      }),
  },
  {
    name: 'calc-overrides-ignored',
    description: 'BatchGet ignores ConditionOverrides: the definition\'s own conditions apply and nothing is echoed',
    caughtBy: ['CALC-BATCH-ECHO-01', 'CALC-BATCH-OVERRIDE-01', 'CALC-BATCH-OVERRIDE-02'],
    build: (tools) =>
      onCalls(tools, ['BatchGetCalculatedAttributeForProfile'], (call, send) => {
        if (!call.body?.ConditionOverrides) return send(call);
        const { ConditionOverrides: _ignored, ...body } = call.body;
        return send({ ...call, body });
      }),
  },
  // --- definitions -------------------------------------------------------------------------------------------
  {
    name: 'calc-description-dropped',
    description: 'Create\'s response and the List items leave out the Description (Get still has it)',
    caughtBy: ['CALC-DEF-CREATE-01', 'CALC-DEF-GET-01', 'CALC-DEF-LIST-01'],
    build: (tools) =>
      onCalls(tools, [CREATE, LIST], async (call, send) => {
        const reply = await send(call);
        if (!isSuccess({ reply }) || !reply.body) return reply;
        delete reply.body.Description;
        for (const item of (Array.isArray(reply.body.Items) ? reply.body.Items : []) as Json[]) delete item.Description;
        return reply;
      }),
  },
  {
    name: 'calc-update-changes-statistic',
    description: 'after an update, the definition reports another Statistic (COUNT, or SUM for a COUNT)',
    caughtBy: ['CALC-DEF-UPDATE-01'],
    build: (tools) => {
      const updated = new Set<string>();
      return onCalls(tools, [UPDATE, GET], async (call, send) => {
        const reply = await send(call);
        const key = definitionKey(call);
        if (!key || !isSuccess({ reply }) || !reply.body) return reply;
        if (call.operation === UPDATE) updated.add(key);
        if (updated.has(key)) reply.body.Statistic = reply.body.Statistic === 'COUNT' ? 'SUM' : 'COUNT';
        return reply;
      });
    },
  },
  {
    name: 'calc-delete-does-nothing',
    description: 'DeleteCalculatedAttributeDefinition answers success but deletes nothing',
    caughtBy: ['CALC-DEF-DELETE-01'],
    build: (tools) => onCalls(tools, [DELETE], async () => json({})),
  },
  {
    name: 'calc-accepts-invalid-expression',
    description: 'a Create with an invalid Expression (malformed, two object types, three attributes) answers success (nothing is stored)',
    caughtBy: ['CALC-DEF-EXPR-01', 'CALC-DEF-EXPR-02', 'CALC-DEF-EXPR-03'],
    build: (tools) =>
      onCalls(tools, [CREATE], async (call, send) => {
        const reply = await send(call);
        const message = String(reply.body?.Message ?? reply.body?.message ?? '');
        if (reply.status !== 400 || !/Expression/.test(message) || !call.body) return reply;
        const key = definitionKey(call) ?? '/';
        const now = Date.now() / 1000;
        return json({ ...call.body, CalculatedAttributeName: key.split('/')[1], CreatedAt: now, LastUpdatedAt: now, Status: 'PREPARING', Readiness: { ProgressPercentage: 0 } });
      }),
  },
  {
    name: 'calc-status-outside-enum',
    description: 'definitions report Status "ACTIVE", which is not a ReadinessStatus',
    caughtBy: ['CALC-DEF-STATUS-01'],
    build: (tools) =>
      onCalls(tools, [CREATE, UPDATE, GET, LIST], async (call, send) => {
        const reply = await send(call);
        if (!isSuccess({ reply }) || !reply.body) return reply;
        if (reply.body.Status !== undefined) reply.body.Status = 'ACTIVE';
        for (const item of (Array.isArray(reply.body.Items) ? reply.body.Items : []) as Json[]) if (item.Status !== undefined) item.Status = 'ACTIVE';
        return reply;
      }),
  },
  {
    name: 'calc-threshold-inverted',
    description: 'a Threshold answers "true" where the comparison fails and "false" where it holds',
    caughtBy: ['CALC-COND-THRESHOLD-01', 'CALC-COND-THRESHOLD-02', 'CALC-COND-THRESHOLD-03', 'CALC-COND-THRESHOLD-04'],
    build: (tools) =>
      onValues({
        tools,
        rewrite: (item) => {
          if (item.Value === 'true') item.Value = 'false';
          else if (item.Value === 'false') item.Value = 'true';
        },
      }),
  },
  {
    name: 'calc-partial-always-false',
    description: 'IsDataPartial is always "false", also while the Range has not elapsed since the definition was created',
    caughtBy: ['CALC-READ-PARTIAL-02', 'CALC-READ-PARTIAL-03'],
    build: (tools) =>
      onValues({
        tools,
        rewrite: (item) => {
          if (item.IsDataPartial === 'true') item.IsDataPartial = 'false';
        },
      }),
  },
  {
    name: 'calc-missing-object-type-accepted',
    description: 'CreateCalculatedAttributeDefinition accepts an Expression over an object type the domain does not have',
    caughtBy: ['CALC-DEF-OBJTYPE-01', 'CALC-DEF-OBJTYPE-02'],
    build: () => ({ mockOptions: { calculatedAttributeAnyObjectType: true } }),
  },
  {
    name: 'calc-timestamp-format-required',
    description: 'a Range with a TimestampSource and no TimestampFormat is refused (BadRequestException)',
    caughtBy: ['CALC-DEF-TH-SAMPLE-01'],
    build: (tools) =>
      onCalls(tools, [CREATE, UPDATE], async (call, send) => {
        const range = call.body ? rangeOf(call.body) : undefined;
        if (range?.TimestampSource !== undefined && range.TimestampFormat === undefined) {
          return errorReply({ code: 'BadRequestException', status: 400, message: 'Conditions.Range.TimestampFormat is required with a TimestampSource' });
        }
        return send(call);
      }),
  },
  {
    name: 'calc-no-format-epoch-only',
    description: 'a TimestampSource without TimestampFormat reads only epochs (as EPOCHMILLI): ISO 8601 date-times there do not parse',
    caughtBy: ['CALC-WIN-NOFORMAT-01', 'CALC-DEF-TH-SAMPLE-02'],
    build: (tools) =>
      disguised({
        tools,
        change: (body) => {
          const range = rangeOf(body);
          if (range?.TimestampSource !== undefined && range.TimestampFormat === undefined) range.TimestampFormat = 'EPOCHMILLI';
        },
      }),
  },
  {
    name: 'calc-unit-only-range-is-now',
    description: 'a Range of Unit only (no Value, no ValueRange) reads the default Value 0: only objects dated exactly now count',
    caughtBy: ['CALC-WIN-UNITONLY-01', 'CALC-DEF-TH-SAMPLE-02'],
    build: (tools) =>
      disguised({
        tools,
        change: (body) => {
          const range = rangeOf(body);
          if (range && range.Value === undefined && range.ValueRange === undefined) range.Value = 0;
        },
      }),
  },
  {
    name: 'calc-fields-ignored',
    description: '{ObjectType.Name} reads the source JSON only, never the object type\'s Fields entry Name (so {Booking.SegmentPNR} finds nothing where Fields.SegmentPNR reads PNR)',
    caughtBy: ['CALC-DEF-TH-SAMPLE-02'],
    build: () => ({ mockOptions: { calculatedAttributeSourcePathsOnly: true } }),
  },
  {
    name: 'calc-timestamp-difference-seconds',
    description: 'an Expression subtracting two ISO 8601 timestamps answers seconds instead of milliseconds',
    caughtBy: ['CALC-STAT-EXPR-02'],
    build: (tools) => {
      // Definitions whose Expression subtracts one reference from another, learnt from the Create requests seen.
      const subtracting = new Set<string>();
      return onCalls(tools, [CREATE, ...VALUE_READS], async (call, send) => {
        const reply = await send(call);
        if (!isSuccess({ reply }) || !reply.body) return reply;
        if (call.operation === CREATE) {
          const key = definitionKey(call);
          if (key && /\}\s*-\s*\{/.test(String((call.body?.AttributeDetails as Json | undefined)?.Expression ?? ''))) subtracting.add(key);
          return reply;
        }
        const domain = domainOf(call);
        for (const item of valueItems(call.operation, reply.body)) {
          if (!subtracting.has(`${domain}/${String(item.CalculatedAttributeName)}`) || typeof item.Value !== 'string') continue;
          const n = Number(item.Value);
          if (Number.isFinite(n)) item.Value = String(Math.round((n / 1000) * 1e6) / 1e6);
        }
        return reply;
      });
    },
  },
  {
    name: 'calc-never-ready',
    description: 'definitions stay IN_PROGRESS (values partial) for a day after they are created',
    caughtBy: ['CALC-DEF-READY-01'],
    build: () => ({ mockOptions: { calculatedAttributeReadyAfterMs: 86_400_000 } }),
  },
];
