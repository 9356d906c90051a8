import type { TargetSpec } from './types.ts';

/**
 * Operations each kind of target may refuse without that being a failure. A refusal (AccessDeniedException or an
 * unknown-operation error) of an operation listed here makes the contract NA; of any other operation it is a FAIL,
 * so a broken implementation cannot hide failures behind NA. The real service refuses the layout operations outside
 * the Connect admin website (model documentation of each *DomainLayout operation): the AWS target, when it comes,
 * lists them here.
 */
export const TARGET_CAPABILITIES: Record<TargetSpec['kind'], { optional: readonly string[] }> = {
  embedded: { optional: [] },
  endpoint: { optional: [] },
};

/** The optional operations of a target: its kind's table plus what the user declared with `--optional`. */
export function optionalOperations({ spec, declared }: { spec: TargetSpec; declared: readonly string[] }): ReadonlySet<string> {
  return new Set([...TARGET_CAPABILITIES[spec.kind].optional, ...declared]);
}

/** A short label for reports: `embedded`, `embedded fault:<name>`, `endpoint <url>`. */
export function targetLabel({ spec }: { spec: TargetSpec }): string {
  if (spec.kind === 'endpoint') return `endpoint ${spec.url}`;
  const parts = ['embedded'];
  if (spec.fault) parts.push(`fault:${spec.fault}`);
  if (spec.variation) parts.push(`variation:${spec.variation}`);
  return parts.join(' ');
}
