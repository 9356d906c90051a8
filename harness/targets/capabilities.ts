import type { TargetSpec } from './types.ts';

/** The five layout operations: the real service answers them only for the Connect admin website. */
export const LAYOUT_OPERATIONS: readonly string[] = ['ListDomainLayouts', 'GetDomainLayout', 'CreateDomainLayout', 'UpdateDomainLayout', 'DeleteDomainLayout'];

/**
 * Operations each kind of target may refuse without that being a failure. A refusal (AccessDeniedException or an
 * unknown-operation error) of an operation listed here makes the contract NA; of any other operation it is a FAIL,
 * so a broken implementation cannot hide failures behind NA. The real service refuses the layout operations outside
 * the Connect admin website (model documentation of each *DomainLayout operation), so the AWS target lists them.
 */
export const TARGET_CAPABILITIES: Record<string, { optional: readonly string[] }> = {
  embedded: { optional: [] },
  endpoint: { optional: [] },
  aws: { optional: LAYOUT_OPERATIONS },
  // A replay takes the table of the kind its tape recorded (see replay.ts); this is the fallback for unknown kinds.
  replay: { optional: [] },
};

/** The optional operations of a target: its kind's table plus what the user declared with `--optional`. */
export function optionalOperations({ spec, declared, recordedKind }: { spec: TargetSpec; declared: readonly string[]; recordedKind?: string }): ReadonlySet<string> {
  const kind = spec.kind === 'replay' && recordedKind !== undefined && recordedKind in TARGET_CAPABILITIES ? recordedKind : spec.kind;
  return new Set([...(TARGET_CAPABILITIES[kind]?.optional ?? []), ...declared]);
}

/** A short label for reports: `embedded`, `embedded fault:<name>`, `endpoint <url>`. */
export function targetLabel({ spec }: { spec: TargetSpec }): string {
  if (spec.kind === 'endpoint') return `endpoint ${spec.url}`;
  if (spec.kind === 'aws') return `aws ${spec.region}`;
  if (spec.kind === 'replay') return `replay ${spec.dir}/${spec.tapeKind}`;
  const parts = ['embedded'];
  if (spec.fault) parts.push(`fault:${spec.fault}`);
  if (spec.variation) parts.push(`variation:${spec.variation}`);
  return parts.join(' ');
}
