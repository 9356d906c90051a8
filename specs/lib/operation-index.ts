/**
 * Builds the operation index (`specs/schemas/operations.json`): HTTP bindings, errors, pagination and
 * idempotency of every operation, in the shape of harness/operation-index.ts.
 */
import type { OperationEntry, OperationIndex } from '../../harness/operation-index.ts';
import { bindingOf, wireName } from './json-schema.ts';
import { T, UNIT, cmp, findService, getShape, hasTrait, serviceOperations, shortName, type SmithyModel } from './smithy.ts';

type Paginated = NonNullable<OperationEntry['paginated']>;

/** The members of an input or output structure, sorted into HTTP locations and body keys. */
function locations({ model, id }: { model: SmithyModel; id: string }) {
  const shape = getShape({ model, id });
  const out = {
    labels: {} as Record<string, string>,
    query: {} as Record<string, string>,
    headers: {} as Record<string, string>,
    body: {} as Record<string, string>,
    payload: null as string | null,
    responseCode: null as string | null,
    required: [] as string[],
  };
  for (const [name, member] of Object.entries(shape.members ?? {})) {
    if (hasTrait({ traits: member.traits, trait: T.required })) out.required.push(name);
    const binding = bindingOf({ name, member });
    if (binding === null) out.body[name] = wireName({ name, member });
    else if (binding.in === 'label') out.labels[name] = binding.name;
    else if (binding.in === 'query') out.query[name] = binding.name;
    else if (binding.in === 'header') out.headers[name] = binding.name;
    else if (binding.in === 'payload') out.payload = name;
    else if (binding.in === 'responseCode') out.responseCode = name;
    // @httpQueryParams and @httpPrefixHeaders have no slot in OperationIndex; they stay in x-http-bindings.
  }
  out.required.sort(cmp);
  return out;
}

/** The @paginated trait of an operation merged over the service's, or null when the operation is not paginated. */
export function mergedPagination({ service, operation }: { service: Record<string, unknown> | undefined; operation: Record<string, unknown> | undefined }): Paginated | null {
  if (operation === undefined) return null;
  const merged = { ...(service ?? {}), ...operation } as Partial<Paginated>;
  if (!merged.inputToken || !merged.outputToken) return null;
  const out: Paginated = { inputToken: merged.inputToken, outputToken: merged.outputToken };
  if (merged.items) out.items = merged.items;
  if (merged.pageSize) out.pageSize = merged.pageSize;
  return out;
}

/** Default status of an error without @httpError: 400 for client faults, 500 for server faults (restJson1). */
function errorStatus({ traits }: { traits: Record<string, unknown> | undefined }): number {
  const explicit = traits?.[T.httpError];
  if (typeof explicit === 'number') return explicit;
  return traits?.[T.error] === 'server' ? 500 : 400;
}

/** The whole operation index of the model's service. */
export function buildOperationIndex({ model }: { model: SmithyModel }): OperationIndex {
  const { id: serviceId, shape: service } = findService({ model });
  const awsService = (service.traits?.[T.awsService] ?? {}) as { sdkId?: string; endpointPrefix?: string };
  const sigv4 = (service.traits?.[T.sigv4] ?? {}) as { name?: string };
  const serviceErrors = (service.errors ?? []).map((e) => e.target);
  const errorIds = new Set<string>(serviceErrors);
  const operations: Record<string, OperationEntry> = {};
  for (const [opId, op] of serviceOperations({ model, serviceId })) {
    const http = op.traits?.[T.http] as { method: string; uri: string; code?: number } | undefined;
    if (!http) throw new Error(`specs/build-schemas: expected an @http trait on ${opId}; saw none; restJson1 needs one on every operation`);
    const input = locations({ model, id: op.input?.target ?? UNIT });
    const output = locations({ model, id: op.output?.target ?? UNIT });
    const opErrors = [...(op.errors ?? []).map((e) => e.target), ...serviceErrors];
    for (const e of opErrors) errorIds.add(e);
    operations[shortName({ id: opId })] = {
      http: { method: http.method, uri: http.uri, code: http.code ?? 200 },
      input: { labels: input.labels, query: input.query, headers: input.headers, body: input.body, payload: input.payload, required: input.required },
      output: { headers: output.headers, body: output.body, payload: output.payload, responseCode: output.responseCode, required: output.required },
      errors: [...new Set(opErrors.map((id) => shortName({ id })))].sort(cmp),
      paginated: mergedPagination({
        service: service.traits?.[T.paginated] as Record<string, unknown> | undefined,
        operation: op.traits?.[T.paginated] as Record<string, unknown> | undefined,
      }),
      idempotent: hasTrait({ traits: op.traits, trait: T.idempotent }),
      readonly: hasTrait({ traits: op.traits, trait: T.readonly }),
    };
  }
  const errors: OperationIndex['errors'] = {};
  for (const id of [...errorIds].sort(cmp)) {
    const shape = getShape({ model, id });
    errors[shortName({ id })] = { status: errorStatus({ traits: shape.traits }), fault: shape.traits?.[T.error] === 'server' ? 'server' : 'client' };
  }
  return {
    service: {
      shapeId: serviceId,
      version: service.version ?? '',
      sdkId: awsService.sdkId ?? shortName({ id: serviceId }),
      signingName: sigv4.name ?? awsService.endpointPrefix ?? '',
    },
    operations,
    errors,
  };
}
