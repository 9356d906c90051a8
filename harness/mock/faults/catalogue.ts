import { aroundCalls, aroundReplies, errorReply, isSuccess, listOperations, type Around, type Json, type Reply, type WireTools } from './http.ts';
import type { Fault, FaultPlan } from './types.ts';
import { CALCULATED_FAULTS } from './calculated.ts';
import { EMPTY_FAULTS } from './empty.ts';

/**
 * The fault catalogue: each fault makes the reference implementation wrong in exactly one way, from outside (a
 * wrapper around its wire handle, or mock options). The self-test runs every contract against each fault and checks
 * that it is caught, so no contract is one that cannot fail.
 */

const LAYOUT_OPS = new Set(['CreateDomainLayout', 'GetDomainLayout', 'UpdateDomainLayout']);
/** The longest name the model allows for domains and the names in the path (accepts-overlong-name cuts to it). */
const OVERLONG_NAME = 64;
const TH_IDENTIFIERS = /^(AIR_|HOTEL_|LOYALTY)/;

/** A plan that wraps the calls of `operations` (all when omitted) with `around`. */
function onCalls(tools: WireTools, around: Around, operations?: Iterable<string>): FaultPlan {
  return { wrapHandle: aroundCalls({ tools, operations: operations ? new Set(operations) : undefined, around }) };
}

/** A plan that rewrites the successful replies of `operations`. */
function onSuccess(tools: WireTools, operations: Iterable<string> | undefined, rewrite: (body: Json, reply: Reply, operation: string) => void): FaultPlan {
  return onCalls(
    tools,
    async (call, send) => {
      const reply = await send(call);
      if (isSuccess({ reply: reply }) && reply.body) rewrite(reply.body, reply, call.operation);
      return reply;
    },
    operations,
  );
}

/** A plan that rewrites the request bodies of `operations` before the implementation sees them. */
function onRequest(tools: WireTools, operations: Iterable<string>, rewrite: (body: Json, operation: string) => void): FaultPlan {
  return onCalls(
    tools,
    (call, send) => {
      const body = call.body ? structuredClone(call.body) : {};
      rewrite(body, call.operation);
      return send({ ...call, body });
    },
    operations,
  );
}

const items = (body: Json): unknown[] | undefined => (Array.isArray(body.Items) ? body.Items : undefined);

const TIMESTAMP_KEY = /(At|Timestamp)$/;

function timestampsToIso(value: unknown): void {
  if (Array.isArray(value)) value.forEach(timestampsToIso);
  else if (value && typeof value === 'object') {
    const obj = value as Json;
    for (const [k, v] of Object.entries(obj)) {
      if (TIMESTAMP_KEY.test(k) && typeof v === 'number') obj[k] = new Date(v * 1000).toISOString();
      else timestampsToIso(v);
    }
  }
}

function detectedMappings(body: Json): Json[] {
  return Array.isArray(body.DetectedProfileObjectTypes) ? (body.DetectedProfileObjectTypes as Json[]) : [];
}

/** Every fault, by name. */
export const FAULTS: readonly Fault[] = [
  // --- wire shape and protocol -------------------------------------------------------------------------------
  {
    name: 'drops-required-member',
    description: 'every successful response lacks one member the model marks required (the last one alphabetically)',
    caughtBy: ['WIRE-OK-CreateDomainLayout', 'WIRE-EXCHANGES-*'],
    build: (tools) =>
      onSuccess(tools, undefined, (body, _reply, operation) => {
        const required = tools.index.operations[operation]?.output.required ?? [];
        const member = required[required.length - 1];
        if (member) delete body[tools.index.operations[operation].output.body[member] ?? member];
      }),
  },
  {
    name: 'timestamps-as-iso-strings',
    description: 'layout responses send their timestamps as ISO-8601 strings instead of epoch seconds',
    caughtBy: ['WIRE-OK-CreateDomainLayout', 'WIRE-OK-GetDomainLayout', 'PAGE-SET-ListDomainLayouts'],
    build: (tools) => onSuccess(tools, [...LAYOUT_OPS, 'ListDomainLayouts'], (body) => timestampsToIso(body)),
  },
  {
    name: 'success-status-201',
    description: 'successful responses carry HTTP 201 instead of the modelled 200',
    caughtBy: ['WIRE-OK-*'],
    build: () => ({ wrapHandle: aroundReplies({ rewrite: (reply) => (reply.status === 200 ? { ...reply, status: 201 } : reply) }) }),
  },
  {
    name: 'wrong-error-type',
    description: 'validation errors are typed ValidationException (not in the model) instead of BadRequestException',
    caughtBy: ['WIRE-400-*', 'LAYOUT-SIZE-02', 'ROBUST-*'],
    build: () => ({
      wrapHandle: aroundReplies({
        rewrite: (reply) =>
          reply.headers['x-amzn-errortype'] === 'BadRequestException'
            ? { ...reply, headers: { ...reply.headers, 'x-amzn-errortype': 'ValidationException' } }
            : reply,
      }),
    }),
  },
  {
    name: 'not-found-as-500',
    description: 'an unknown name is answered with 500 InternalServerException instead of 404 ResourceNotFoundException',
    caughtBy: ['WIRE-404-*', 'LAYOUT-DELETE-01', 'OBJTYPE-TEMPLATE-03'],
    build: () => ({
      wrapHandle: aroundReplies({
        rewrite: (reply) =>
          reply.status === 404 ? errorReply({ code: 'InternalServerException', status: 500, message: 'Internal error' }) : reply,
      }),
    }),
  },
  // --- pagination --------------------------------------------------------------------------------------------
  {
    name: 'page-duplicates-item',
    description: 'each page after the first repeats the last item of the page before it',
    caughtBy: ['PAGE-SET-*'],
    build: (tools) => {
      const lastItem = new Map<string, unknown>();
      return onCalls(
        tools,
        async (call, send) => {
          const reply = await send(call);
          const list = reply.body && items(reply.body);
          if (!isSuccess({ reply: reply }) || !list) return reply;
          const key = call.url.pathname;
          const previous = lastItem.get(key);
          if (reply.body?.NextToken !== undefined && list.length > 0) lastItem.set(key, list[list.length - 1]);
          if (call.url.searchParams.has('next-token') && previous !== undefined) list.unshift(previous);
          return reply;
        },
        listOperations(tools),
      );
    },
  },
  {
    name: 'drops-last-item',
    description: 'the last page of every list loses its last item',
    caughtBy: ['PAGE-SET-*', 'PAGE-PAGINATOR-ListDomainLayouts'],
    build: (tools) =>
      onSuccess(tools, listOperations(tools), (body) => {
        const list = items(body);
        if (list && list.length > 0 && body.NextToken === undefined) list.pop();
      }),
  },
  {
    name: 'ignores-max-results',
    description: 'MaxResults is ignored: every page has the default size',
    caughtBy: ['PAGE-MAX-*'],
    build: (tools) =>
      onCalls(
        tools,
        (call, send) => {
          const url = new URL(call.url);
          url.searchParams.delete('max-results');
          return send({ ...call, url });
        },
        listOperations(tools),
      ),
  },
  {
    name: 'tokens-forever',
    description: 'the last page still carries a NextToken, and so does every page after it (empty pages without end)',
    caughtBy: ['PAGE-BOUNDED-*'],
    build: (tools) => {
      let issued = 0;
      return onCalls(
        tools,
        async (call, send) => {
          const token = call.url.searchParams.get('next-token');
          const reply: Reply =
            token?.startsWith('forever-') === true
              ? { status: 200, headers: { 'content-type': 'application/json' }, body: { Items: [] } }
              : await send(call);
          if (isSuccess({ reply: reply }) && reply.body && reply.body.NextToken === undefined) reply.body.NextToken = `forever-${++issued}`;
          return reply;
        },
        listOperations(tools),
      );
    },
  },
  {
    name: 'accepts-out-of-range-max-results',
    description: 'MaxResults outside 1..100 is accepted (treated as absent) instead of a BadRequestException',
    caughtBy: ['PAGE-RANGE-*'],
    build: (tools) =>
      onCalls(
        tools,
        (call, send) => {
          const raw = call.url.searchParams.get('max-results');
          if (raw === null || (Number(raw) >= 1 && Number(raw) <= 100)) return send(call);
          const url = new URL(call.url);
          url.searchParams.delete('max-results');
          return send({ ...call, url });
        },
        listOperations(tools),
      ),
  },
  {
    name: 'accepts-forged-token',
    description: 'a NextToken the implementation did not issue restarts the listing instead of a BadRequestException',
    caughtBy: ['PAGE-TOKEN-*'],
    build: (tools) =>
      onCalls(
        tools,
        async (call, send) => {
          const reply = await send(call);
          if (reply.status !== 400 || !call.url.searchParams.has('next-token')) return reply;
          const url = new URL(call.url);
          url.searchParams.delete('next-token');
          return send({ ...call, url });
        },
        listOperations(tools),
      ),
  },
  {
    name: 'unstable-order',
    description: 'every second full listing returns the items of each page in reverse order',
    caughtBy: ['PAGE-STABLE-*'],
    build: (tools) => {
      const iterations = new Map<string, number>();
      return onCalls(
        tools,
        async (call, send) => {
          const key = call.url.pathname;
          if (!call.url.searchParams.has('next-token')) iterations.set(key, (iterations.get(key) ?? 0) + 1);
          const reply = await send(call);
          const list = reply.body && items(reply.body);
          if (isSuccess({ reply: reply }) && list && (iterations.get(key) ?? 0) % 2 === 0) list.reverse();
          return reply;
        },
        listOperations(tools),
      );
    },
  },
  // --- layouts -----------------------------------------------------------------------------------------------
  {
    name: 'is-default-ignored',
    description: 'IsDefault sent on create or update is ignored (layouts are never default)',
    caughtBy: ['LAYOUT-CREATE-01'],
    build: (tools) =>
      onRequest(tools, ['CreateDomainLayout', 'UpdateDomainLayout'], (body) => {
        delete body.IsDefault;
      }),
  },
  {
    name: 'is-default-omitted-true',
    description: 'a layout created without IsDefault becomes the default (the model says false)',
    caughtBy: ['LAYOUT-DEFAULT-01'],
    build: (tools) =>
      onRequest(tools, ['CreateDomainLayout'], (body) => {
        if (body.IsDefault === undefined) body.IsDefault = true;
      }),
  },
  {
    name: 'second-default-kept',
    description: 'setting a second layout as default leaves the first one default too (secondDefaultClearsFirst off)',
    caughtBy: ['LAYOUT-DEFAULT-02'],
    build: () => ({ mockOptions: { secondDefaultClearsFirst: false } }),
  },
  {
    name: 'version-never-changes',
    description: 'every layout response carries Version "1", whatever the updates',
    caughtBy: ['LAYOUT-VERSION-02'],
    build: (tools) =>
      onSuccess(tools, LAYOUT_OPS, (body) => {
        if (body.Version !== undefined) body.Version = '1';
      }),
  },
  {
    name: 'created-at-moves',
    description: 'CreatedAt reported by Update and Get is one second later than the one Create reported',
    caughtBy: ['LAYOUT-TIMESTAMPS-01'],
    build: (tools) =>
      onSuccess(tools, ['UpdateDomainLayout', 'GetDomainLayout'], (body) => {
        if (typeof body.CreatedAt === 'number') body.CreatedAt += 1;
      }),
  },
  {
    name: 'last-updated-goes-back',
    description: 'LastUpdatedAt reported by Update is a day before CreatedAt',
    caughtBy: ['LAYOUT-TIMESTAMPS-02'],
    build: (tools) =>
      onSuccess(tools, ['UpdateDomainLayout'], (body) => {
        if (typeof body.CreatedAt === 'number') body.LastUpdatedAt = body.CreatedAt - 86_400;
      }),
  },
  {
    name: 'update-resets-omitted-fields',
    description: 'an update that omits Description resets it to a placeholder instead of keeping it',
    caughtBy: ['LAYOUT-UPDATE-01'],
    build: (tools) =>
      onRequest(tools, ['UpdateDomainLayout'], (body) => {
        if (body.Description === undefined) body.Description = 'reset by update';
      }),
  },
  {
    name: 'update-ignores-is-default',
    description: 'IsDefault sent on UpdateDomainLayout is ignored (the layout keeps its default flag)',
    caughtBy: ['LAYOUT-UPDATE-02'],
    build: (tools) =>
      onRequest(tools, ['UpdateDomainLayout'], (body) => {
        delete body.IsDefault;
      }),
  },
  {
    name: 'tags-dropped',
    description: 'Tags given on CreateDomainLayout are not stored',
    caughtBy: ['LAYOUT-TAGS-01'],
    build: (tools) =>
      onRequest(tools, ['CreateDomainLayout'], (body) => {
        delete body.Tags;
      }),
  },
  {
    name: 'delete-does-nothing',
    description: 'DeleteDomainLayout answers with a Message but deletes nothing',
    caughtBy: ['LAYOUT-DELETE-01'],
    build: (tools) =>
      onCalls(tools, async () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: { Message: 'Deleted' } }), ['DeleteDomainLayout']),
  },
  {
    name: 'duplicate-create-overwrites',
    description: 'creating a layout whose name exists overwrites the existing one instead of failing',
    caughtBy: ['LAYOUT-DUPLICATE-01'],
    build: (tools) =>
      onCalls(
        tools,
        async (call, send) => {
          const reply = await send(call);
          if (reply.status < 400 || reply.status >= 500) return reply;
          const existing = await send({ ...call, method: 'GET', body: undefined });
          if (!isSuccess({ reply: existing })) return reply;
          const { Tags: _ignored, ...update } = call.body ?? {};
          return send({ ...call, method: 'PUT', body: update });
        },
        ['CreateDomainLayout'],
      ),
  },
  {
    name: 'layout-truncated',
    description: 'a Layout longer than 1,000,000 characters comes back truncated to 1,000,000',
    caughtBy: ['LAYOUT-SIZE-01'],
    build: (tools) =>
      onSuccess(tools, LAYOUT_OPS, (body) => {
        if (typeof body.Layout === 'string' && body.Layout.length > 1_000_000) body.Layout = body.Layout.slice(0, 1_000_000);
      }),
  },
  {
    name: 'accepts-oversize-layout',
    description: 'a Layout over 2,000,000 characters is silently cut to 2,000,000 instead of a BadRequestException',
    caughtBy: ['LAYOUT-SIZE-02'],
    build: (tools) =>
      onRequest(tools, ['CreateDomainLayout', 'UpdateDomainLayout'], (body) => {
        if (typeof body.Layout === 'string' && body.Layout.length > 2_000_000) body.Layout = body.Layout.slice(0, 2_000_000);
      }),
  },
  // --- object types ------------------------------------------------------------------------------------------
  {
    name: 'keys-identifiers-dropped',
    description: 'T&H standard identifiers in Keys are not stored (the other identifiers are)',
    caughtBy: ['OBJTYPE-KEYS-01'],
    build: (tools) =>
      onRequest(tools, ['PutProfileObjectType'], (body) => {
        for (const keyList of Object.values((body.Keys ?? {}) as Record<string, Json[]>)) {
          for (const key of keyList) {
            if (!Array.isArray(key.StandardIdentifiers)) continue;
            const kept = (key.StandardIdentifiers as string[]).filter((id) => !TH_IDENTIFIERS.test(id));
            if (kept.length > 0) key.StandardIdentifiers = kept;
            else delete key.StandardIdentifiers;
          }
        }
      }),
  },
  {
    name: 'other-identifiers-dropped',
    description: 'standard identifiers other than PROFILE, UNIQUE and the T&H ones (ASSET, CASE, SECONDARY, NEW_ONLY, ...) are not stored in Keys',
    caughtBy: ['OBJTYPE-KEYS-02'],
    build: (tools) =>
      onRequest(tools, ['PutProfileObjectType'], (body) => {
        for (const keyList of Object.values((body.Keys ?? {}) as Record<string, Json[]>)) {
          for (const key of keyList) {
            if (!Array.isArray(key.StandardIdentifiers)) continue;
            const kept = (key.StandardIdentifiers as string[]).filter((id) => TH_IDENTIFIERS.test(id) || id === 'PROFILE' || id === 'UNIQUE');
            if (kept.length > 0) key.StandardIdentifiers = kept;
            else delete key.StandardIdentifiers;
          }
        }
      }),
  },
  {
    name: 'object-type-tags-dropped',
    description: 'Tags given on PutProfileObjectType are not stored',
    caughtBy: ['OBJTYPE-TAGS-01'],
    build: (tools) =>
      onRequest(tools, ['PutProfileObjectType'], (body) => {
        delete body.Tags;
      }),
  },
  {
    name: 'source-priority-dropped',
    description: 'SourcePriority given on PutProfileObjectType is not stored (Put and Get leave it out)',
    caughtBy: ['OBJTYPE-PRIORITY-01'],
    build: (tools) =>
      onRequest(tools, ['PutProfileObjectType'], (body) => {
        delete body.SourcePriority;
      }),
  },
  {
    name: 'encryption-key-dropped',
    description: 'EncryptionKey given on PutProfileObjectType is not stored (Put and Get leave it out)',
    caughtBy: ['OBJTYPE-ENCRYPTION-01'],
    build: (tools) =>
      onRequest(tools, ['PutProfileObjectType'], (body) => {
        delete body.EncryptionKey;
      }),
  },
  {
    name: 'max-count-above-available',
    description: 'MaxProfileObjectCount is reported one above MaxAvailableProfileObjectCount',
    caughtBy: ['OBJTYPE-COUNT-01'],
    build: (tools) =>
      onSuccess(tools, ['PutProfileObjectType', 'GetProfileObjectType'], (body) => {
        if (typeof body.MaxAvailableProfileObjectCount === 'number') body.MaxProfileObjectCount = body.MaxAvailableProfileObjectCount + 1;
      }),
  },
  {
    name: 'template-with-fields-accepted',
    description: 'PutProfileObjectType with a TemplateId and Fields/Keys succeeds (Fields and Keys silently dropped)',
    caughtBy: ['OBJTYPE-TEMPLATE-01'],
    build: (tools) =>
      onRequest(tools, ['PutProfileObjectType'], (body) => {
        if (body.TemplateId === undefined) return;
        delete body.Fields;
        delete body.Keys;
      }),
  },
  {
    name: 'template-renamed',
    description: 'GetProfileObjectTypeTemplate answers with a TemplateId other than the one asked for',
    caughtBy: ['OBJTYPE-TEMPLATE-02'],
    build: (tools) =>
      onSuccess(tools, ['GetProfileObjectTypeTemplate'], (body) => {
        if (typeof body.TemplateId === 'string') body.TemplateId = `${body.TemplateId}-v2`;
      }),
  },
  {
    name: 'documented-templates-unknown',
    description:
      'only the mock\'s own Mock-* templates exist: GetProfileObjectTypeTemplate of a documented id (CTR-NoInferred, Salesforce-Account, …) is ' +
      'ResourceNotFoundException and PutProfileObjectType with one is BadRequestException',
    caughtBy: ['OBJTYPE-TEMPLATE-04', 'OBJTYPE-TEMPLATE-05', 'OBJTYPE-TEMPLATE-06'],
    build: (tools) =>
      onCalls(
        tools,
        async (call, send) => {
          const own = (id: unknown) => typeof id === 'string' && id.startsWith('Mock-');
          if (call.operation === 'PutProfileObjectType' && call.body?.TemplateId !== undefined && !own(call.body.TemplateId)) {
            return errorReply({ code: 'BadRequestException', status: 400, message: `TemplateId ${String(call.body.TemplateId)} is not a known template` });
          }
          if (call.operation === 'GetProfileObjectTypeTemplate') {
            const id = decodeURIComponent(call.url.pathname.split('/').pop() ?? '');
            if (!own(id)) return errorReply({ code: 'ResourceNotFoundException', status: 404, message: `Template ${id} does not exist` });
          }
          const reply = await send(call);
          if (call.operation === 'ListProfileObjectTypeTemplates' && isSuccess({ reply }) && reply.body && Array.isArray(reply.body.Items)) {
            reply.body.Items = reply.body.Items.filter((item) => own((item as Json).TemplateId));
          }
          return reply;
        },
        ['PutProfileObjectType', 'GetProfileObjectTypeTemplate', 'ListProfileObjectTypeTemplates'],
      ),
  },
  {
    name: 'template-source-refused',
    description: 'PutProfileObjectType refuses a field Source that is a {{_source.<path>}} template (BadRequestException), as the mock once did',
    caughtBy: ['OBJTYPE-MAPPING-01'],
    build: (tools) =>
      onCalls(
        tools,
        async (call, send) => {
          const fields = (call.body?.Fields ?? {}) as Record<string, Json>;
          const templated = Object.entries(fields).find(([, field]) => typeof field?.Source === 'string' && field.Source.includes('{{'));
          if (templated) return errorReply({ code: 'BadRequestException', status: 400, message: `Fields.${templated[0]}.Source must name a field of the object as _source.<field>` });
          return send(call);
        },
        ['PutProfileObjectType'],
      ),
  },
  {
    name: 'timestamp-format-dropped',
    description: 'PutProfileObjectType and GetProfileObjectType answer without the SourceLastUpdatedTimestampFormat the type was put with',
    caughtBy: ['OBJTYPE-TIMESTAMP-01'],
    build: (tools) =>
      onSuccess(tools, ['PutProfileObjectType', 'GetProfileObjectType'], (body) => {
        delete body.SourceLastUpdatedTimestampFormat;
      }),
  },
  {
    name: 'detect-invents-source',
    description: 'DetectProfileObjectType maps a Source field that is not in the input objects',
    caughtBy: ['OBJTYPE-DETECT-01'],
    build: (tools) =>
      onSuccess(tools, ['DetectProfileObjectType'], (body) => {
        for (const mapping of detectedMappings(body)) {
          const fields = (mapping.Fields ?? {}) as Record<string, Json>;
          fields.cpctInvented = { Source: '_source.NotInTheInput', Target: '_profile.Attributes.invented', ContentType: 'STRING' };
          mapping.Fields = fields;
        }
      }),
  },
  {
    name: 'detect-two-mappings',
    description: 'DetectProfileObjectType returns two mappings (the model supports at most one)',
    caughtBy: ['OBJTYPE-DETECT-01'],
    build: (tools) =>
      onSuccess(tools, ['DetectProfileObjectType'], (body) => {
        const mappings = detectedMappings(body);
        if (mappings.length > 0) body.DetectedProfileObjectTypes = [mappings[0], structuredClone(mappings[0])];
      }),
  },
  {
    name: 'detect-identifier-outside-enum',
    description: 'DetectProfileObjectType returns a key with standard identifier AIR_TICKET, outside the model\'s enum',
    caughtBy: ['OBJTYPE-DETECT-01'],
    build: (tools) =>
      onSuccess(tools, ['DetectProfileObjectType'], (body) => {
        for (const mapping of detectedMappings(body)) {
          const keys = (mapping.Keys ?? {}) as Record<string, Json[]>;
          keys.cpctTicket = [{ StandardIdentifiers: ['AIR_TICKET'], FieldNames: Object.keys((mapping.Fields ?? {}) as Json).slice(0, 1) }];
          mapping.Keys = keys;
        }
      }),
  },
  {
    name: 'detect-accepts-six',
    description: 'DetectProfileObjectType with more than 5 objects uses the first 5 instead of a BadRequestException',
    caughtBy: ['OBJTYPE-DETECT-02'],
    build: (tools) =>
      onRequest(tools, ['DetectProfileObjectType'], (body) => {
        if (Array.isArray(body.Objects) && body.Objects.length > 5) body.Objects = body.Objects.slice(0, 5);
      }),
  },
  // --- robustness: what a server must refuse -----------------------------------------------------------------
  {
    name: 'accepts-overlong-name',
    description: 'a name in the path longer than 64 characters is cut to 64 and the request goes ahead instead of a refusal',
    caughtBy: ['ROBUST-CreateDomainLayout-length-02'],
    build: (tools) =>
      onCalls(tools, (call, send) => {
        const url = new URL(call.url);
        url.pathname = url.pathname.split('/').map((seg) => (decodeURIComponent(seg).length > OVERLONG_NAME ? encodeURIComponent(decodeURIComponent(seg).slice(0, OVERLONG_NAME)) : seg)).join('/');
        return send({ ...call, url });
      }),
  },
  {
    name: 'accepts-unknown-enum',
    description: 'a LayoutType the model does not list is taken as PROFILE_EXPLORER instead of a refusal',
    caughtBy: ['ROBUST-CreateDomainLayout-enum-01'],
    build: (tools) =>
      onRequest(tools, ['CreateDomainLayout', 'UpdateDomainLayout'], (body) => {
        if (body.LayoutType !== undefined && body.LayoutType !== 'PROFILE_EXPLORER') body.LayoutType = 'PROFILE_EXPLORER';
      }),
  },
  {
    name: 'malformed-body-500',
    description: 'a body that is not a JSON object (truncated, an array) is answered with 500 InternalServerException instead of a 4xx',
    caughtBy: ['ROBUST-CreateDomainLayout-malformed-01', 'ROBUST-CreateDomainLayout-malformed-02'],
    build: () => ({
      wrapHandle: (handle) => async (request) => {
        if (request.method !== 'POST' && request.method !== 'PUT') return handle(request);
        const text = await request.clone().text();
        let object = text.length === 0;
        try {
          const parsed = JSON.parse(text) as unknown;
          object = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
        } catch {
          // Not JSON: not an object either.
        }
        if (object) return handle(request);
        const reply = errorReply({ code: 'InternalServerException', status: 500, message: 'Internal error' });
        return new Response(JSON.stringify(reply.body), { status: reply.status, headers: reply.headers });
      },
    }),
  },
  ...CALCULATED_FAULTS,
  // --- empty answers (run against every contract file) ------------------------------------------------------
  ...EMPTY_FAULTS,
];

/** Looks a fault up by name. */
export function faultByName({ name }: { name: string }): Fault | undefined {
  return FAULTS.find((f) => f.name === name);
}
