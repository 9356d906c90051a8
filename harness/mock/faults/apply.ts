import { HarnessError } from '../../errors.ts';
import { FAULTS, faultByName } from './catalogue.ts';
import { wireTools } from './http.ts';
import type { FaultPlan } from './types.ts';
import { VARIATIONS, variationByName } from './variations.ts';

/** Builds the plan for a named fault and/or variation (the variation wraps outside the fault). */
export function applyFault({ fault, variation }: { fault?: string; variation?: string }): FaultPlan {
  const tools = wireTools();
  const plans: FaultPlan[] = [];
  if (fault !== undefined) {
    const f = faultByName({ name: fault });
    if (!f) {
      throw new HarnessError({
        component: 'faults',
        expected: `a fault name (${FAULTS.map((x) => x.name).join(', ')})`,
        seen: JSON.stringify(fault),
        action: 'pick a name from harness/mock/faults/catalogue.ts',
      });
    }
    plans.push(f.build(tools));
  }
  if (variation !== undefined) {
    const v = variationByName({ name: variation });
    if (!v) {
      throw new HarnessError({
        component: 'faults',
        expected: `a variation name (${VARIATIONS.map((x) => x.name).join(', ')})`,
        seen: JSON.stringify(variation),
        action: 'pick a name from harness/mock/faults/variations.ts',
      });
    }
    plans.push(v.build(tools));
  }
  return plans.reduce<FaultPlan>(
    (acc, p) => ({
      mockOptions: { ...acc.mockOptions, ...p.mockOptions },
      wrapHandle: acc.wrapHandle && p.wrapHandle ? (h) => p.wrapHandle!(acc.wrapHandle!(h)) : (acc.wrapHandle ?? p.wrapHandle),
    }),
    {},
  );
}

export { FAULTS, faultByName } from './catalogue.ts';
export { VARIATIONS, variationByName } from './variations.ts';
export type { Fault, FaultPlan, Variation } from './types.ts';
