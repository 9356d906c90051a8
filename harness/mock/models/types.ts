import type { Clock } from '../../clock.ts';

/**
 * Input of one operation as the pure service sees it: member names of the model's input structure (not wire
 * names), with labels, query values, headers and body members merged, already validated against the input
 * schema by the wire layer. Strings stay strings, numbers numbers; nested structures are plain objects.
 */
export type OperationInput = Record<string, unknown>;

/**
 * Output of one operation: member names of the model's output structure. Timestamp members are `Date` objects;
 * the wire layer serialises them as epoch seconds. Members that are undefined are omitted on the wire.
 */
export type OperationOutput = Record<string, unknown>;

/** Behaviour switches of the reference implementation for semantics the model leaves open. */
export interface MockOptions {
  /** When a layout is created or updated with IsDefault true, clear IsDefault on the domain's other layouts. Default false (the model does not say). */
  secondDefaultClearsFirst?: boolean;
  /** Page size used when a List call gives no MaxResults. Default 100 (the model's upper bound of MaxResults). */
  defaultPageSize?: number;
  /** Secret used to sign pagination tokens; fixed by default so runs are reproducible. */
  tokenSecret?: string;
  /** Account id used in the ARNs the mock issues; a documentation-style fake by default. */
  accountId?: string;
  /** Region used in ARNs. */
  region?: string;
  /** Calculated attribute definitions stay IN_PROGRESS (values partial) for this long after create; 0 by default. */
  calculatedAttributeReadyAfterMs?: number;
  /** Turn off the running totals so every calculated-attribute read scans (a consistency check in tests). */
  calculatedAttributeScanOnly?: boolean;
  /** Accept calculated attributes over object types the domain does not have (a self-test fault, never the default). */
  calculatedAttributeAnyObjectType?: boolean;
  /** Read calculated-attribute references as source paths only, ignoring Fields (a self-test fault, never the default). */
  calculatedAttributeSourcePathsOnly?: boolean;
}

/** What a service instance is built from: a clock and options. One instance holds one in-memory state. */
export interface MockServiceParams {
  clock: Clock;
  options?: MockOptions;
}

/** The pure service: dispatches an operation by name; throws ServiceError subclasses for modelled errors. */
export interface MockService {
  /** Runs `operation` on `input` and returns its output, or throws a ServiceError. */
  call(operation: string, input: OperationInput): OperationOutput;
  /** Operation names this service implements. */
  readonly operations: readonly string[];
}
