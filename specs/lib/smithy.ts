/**
 * A minimal view of the Smithy 2.0 JSON AST: enough to walk a service closure and read the traits that matter on
 * the wire. Nothing here knows about JSON Schema.
 */

export interface SmithyMemberRef {
  target: string;
  traits?: Record<string, unknown>;
}

export interface SmithyShape {
  type: string;
  traits?: Record<string, unknown>;
  members?: Record<string, SmithyMemberRef>;
  member?: SmithyMemberRef;
  key?: SmithyMemberRef;
  value?: SmithyMemberRef;
  input?: { target: string };
  output?: { target: string };
  errors?: { target: string }[];
  operations?: { target: string }[];
  resources?: { target: string }[];
  version?: string;
  [lifecycle: string]: unknown;
}

export interface SmithyModel {
  smithy: string;
  shapes: Record<string, SmithyShape>;
  metadata?: Record<string, unknown>;
}

/** Trait ids used by the mapping, in one place so a typo cannot hide a trait. */
export const T = {
  required: 'smithy.api#required',
  default: 'smithy.api#default',
  addedDefault: 'smithy.api#addedDefault',
  jsonName: 'smithy.api#jsonName',
  httpLabel: 'smithy.api#httpLabel',
  httpQuery: 'smithy.api#httpQuery',
  httpQueryParams: 'smithy.api#httpQueryParams',
  httpHeader: 'smithy.api#httpHeader',
  httpPrefixHeaders: 'smithy.api#httpPrefixHeaders',
  httpPayload: 'smithy.api#httpPayload',
  httpResponseCode: 'smithy.api#httpResponseCode',
  http: 'smithy.api#http',
  httpError: 'smithy.api#httpError',
  error: 'smithy.api#error',
  length: 'smithy.api#length',
  pattern: 'smithy.api#pattern',
  range: 'smithy.api#range',
  enumValue: 'smithy.api#enumValue',
  legacyEnum: 'smithy.api#enum',
  sensitive: 'smithy.api#sensitive',
  sparse: 'smithy.api#sparse',
  uniqueItems: 'smithy.api#uniqueItems',
  timestampFormat: 'smithy.api#timestampFormat',
  mediaType: 'smithy.api#mediaType',
  paginated: 'smithy.api#paginated',
  idempotent: 'smithy.api#idempotent',
  readonly: 'smithy.api#readonly',
  awsService: 'aws.api#service',
  sigv4: 'aws.auth#sigv4',
} as const;

/** Smithy prelude simple shapes, which are rendered inline instead of as shared definitions. */
const PRELUDE_TYPES: Record<string, string> = {
  'smithy.api#String': 'string',
  'smithy.api#Blob': 'blob',
  'smithy.api#Boolean': 'boolean',
  'smithy.api#PrimitiveBoolean': 'boolean',
  'smithy.api#Byte': 'byte',
  'smithy.api#PrimitiveByte': 'byte',
  'smithy.api#Short': 'short',
  'smithy.api#PrimitiveShort': 'short',
  'smithy.api#Integer': 'integer',
  'smithy.api#PrimitiveInteger': 'integer',
  'smithy.api#Long': 'long',
  'smithy.api#PrimitiveLong': 'long',
  'smithy.api#Float': 'float',
  'smithy.api#PrimitiveFloat': 'float',
  'smithy.api#Double': 'double',
  'smithy.api#PrimitiveDouble': 'double',
  'smithy.api#BigInteger': 'bigInteger',
  'smithy.api#BigDecimal': 'bigDecimal',
  'smithy.api#Timestamp': 'timestamp',
  'smithy.api#Document': 'document',
  'smithy.api#Unit': 'structure',
};

export const UNIT = 'smithy.api#Unit';

/** The short name of a shape id: `ns#Name` -> `Name`, `ns#Name$member` -> `Name`. */
export function shortName({ id }: { id: string }): string {
  const afterHash = id.includes('#') ? id.slice(id.indexOf('#') + 1) : id;
  return afterHash.split('$')[0];
}

/** Whether a trait is present on a shape or member. */
export function hasTrait({ traits, trait }: { traits: Record<string, unknown> | undefined; trait: string }): boolean {
  return traits !== undefined && Object.prototype.hasOwnProperty.call(traits, trait);
}

/** Resolves a shape id to its shape, including the prelude shapes the model does not spell out. */
export function getShape({ model, id }: { model: SmithyModel; id: string }): SmithyShape {
  const shape = model.shapes[id];
  if (shape) return shape;
  const prelude = PRELUDE_TYPES[id];
  if (prelude) {
    const traits: Record<string, unknown> = {};
    if (id.includes('Primitive')) traits[T.default] = prelude === 'boolean' ? false : 0;
    return prelude === 'structure' ? { type: 'structure', members: {}, traits: { 'smithy.api#unitType': {} } } : { type: prelude, traits };
  }
  throw new Error(`specs/build-schemas: expected shape ${id} in the model; saw no such shape; check the model file is complete`);
}

/** Whether an id names a prelude shape (rendered inline). */
export function isPrelude({ id }: { id: string }): boolean {
  return id.startsWith('smithy.api#');
}

/** The one service shape of the model. */
export function findService({ model }: { model: SmithyModel }): { id: string; shape: SmithyShape } {
  const services = Object.entries(model.shapes).filter(([, s]) => s.type === 'service');
  if (services.length !== 1) {
    throw new Error(
      `specs/build-schemas: expected exactly one service shape; saw ${services.length}; pass a model of a single service`,
    );
  }
  return { id: services[0][0], shape: services[0][1] };
}

/** Every operation bound to the service, directly or through resources, as [id, shape], sorted by short name. */
export function serviceOperations({ model, serviceId }: { model: SmithyModel; serviceId: string }): [string, SmithyShape][] {
  const seen = new Set<string>();
  const ops = new Set<string>();
  const visit = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    const shape = getShape({ model, id });
    if (shape.type === 'operation') {
      ops.add(id);
      return;
    }
    for (const ref of shape.operations ?? []) visit(ref.target);
    for (const ref of (shape as { collectionOperations?: { target: string }[] }).collectionOperations ?? []) visit(ref.target);
    for (const ref of shape.resources ?? []) visit(ref.target);
    for (const lifecycle of ['create', 'put', 'read', 'update', 'delete', 'list']) {
      const ref = shape[lifecycle] as { target?: string } | undefined;
      if (ref?.target) visit(ref.target);
    }
  };
  visit(serviceId);
  return [...ops].sort((a, b) => cmp(shortName({ id: a }), shortName({ id: b }))).map((id) => [id, getShape({ model, id })]);
}

/** Byte-order string comparison, independent of locale, so output is the same on every machine. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
