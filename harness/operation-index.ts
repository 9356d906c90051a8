import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from './package-root.ts';

/**
 * The operation index: HTTP bindings, errors and pagination of every operation, derived from the Smithy model
 * by `specs/build-schemas.ts` and committed as `specs/schemas/operations.json`. The mock's wire layer, the wire
 * validator and the coverage reporter read this instead of hand-copied routes.
 */
export interface OperationIndex {
  service: { shapeId: string; version: string; sdkId: string; signingName: string };
  operations: Record<string, OperationEntry>;
  /** Error code -> status and fault, from `@error` and `@httpError`. */
  errors: Record<string, { status: number; fault: 'client' | 'server' }>;
}

export interface OperationEntry {
  http: { method: string; uri: string; code: number };
  input: {
    /** member name -> label name in the URI template. */
    labels: Record<string, string>;
    /** member name -> query parameter name. */
    query: Record<string, string>;
    /** member name -> header name (lower case). */
    headers: Record<string, string>;
    /** member name -> JSON key on the wire (jsonName or member name). */
    body: Record<string, string>;
    /** member bound with @httpPayload, if any. */
    payload: string | null;
    /** members marked @required. */
    required: string[];
  };
  output: {
    headers: Record<string, string>;
    body: Record<string, string>;
    payload: string | null;
    responseCode: string | null;
    required: string[];
  };
  /** Error codes the operation declares. */
  errors: string[];
  paginated: { inputToken: string; outputToken: string; items?: string; pageSize?: string } | null;
  idempotent: boolean;
  readonly: boolean;
}

/** Directory of the committed schemas, resolved from this file so it works from an installed package too. */
export const SCHEMAS_DIR = path.join(PACKAGE_ROOT, 'specs', 'schemas');

/** Reads `operations.json` from `dir` (default: the committed schemas). */
export function loadOperationIndex({ dir = SCHEMAS_DIR }: { dir?: string } = {}): OperationIndex {
  return JSON.parse(readFileSync(path.join(dir, 'operations.json'), 'utf8')) as OperationIndex;
}
