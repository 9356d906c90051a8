import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isServiceError } from '../../../harness/mock/models/errors.ts';
import { contactType, domain, setup, type Caller } from './helpers.ts';

/**
 * MergeProfiles, DeleteProfileObject and UpdateProfile on random histories: whatever the order, the store and the
 * calculated attributes agree. After every step each profile's SUM, COUNT and MAXIMUM equal what its listed objects
 * give, with the running aggregates and with the scan-only path alike, and no object is lost or duplicated.
 */

const EMAILS = ['a@x.io', 'b@x.io', 'c@x.io', 'd@x.io'];

type Step =
  | { kind: 'put'; id: number; email: number; amount: number }
  | { kind: 'merge'; main: number; others: number[] }
  | { kind: 'delete'; profile: number; object: number }
  | { kind: 'update'; profile: number; email: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('put' as const), id: fc.integer({ min: 0, max: 12 }), email: fc.integer({ min: 0, max: 3 }), amount: fc.integer({ min: -50, max: 500 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('merge' as const), main: fc.nat(9), others: fc.array(fc.nat(9), { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), profile: fc.nat(9), object: fc.nat(9) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('update' as const), profile: fc.nat(9), email: fc.integer({ min: 0, max: 3 }) }) },
);

function service({ scanOnly }: { scanOnly: boolean }): Caller {
  const { call } = setup({ options: { calculatedAttributeScanOnly: scanOnly } });
  domain(call);
  contactType(call);
  for (const [name, Statistic] of [['sum', 'SUM'], ['count', 'COUNT'], ['max', 'MAXIMUM']] as const) {
    call('CreateCalculatedAttributeDefinition', {
      DomainName: 'dom', CalculatedAttributeName: name, Statistic, UseHistoricalData: true,
      AttributeDetails: { Attributes: [{ Name: 'amount' }], Expression: '{Contact.amount}' },
    });
  }
  return call;
}

const profileIds = (call: Caller): string[] =>
  call('SearchProfiles', { DomainName: 'dom', KeyName: '_email', Values: EMAILS }).Items.map((p: { ProfileId: string }) => p.ProfileId);
const objectsOf = (call: Caller, ProfileId: string): Array<{ key: string; amount: number; id: string }> =>
  call('ListProfileObjects', { DomainName: 'dom', ObjectTypeName: 'Contact', ProfileId }).Items.map((o: { ProfileObjectUniqueKey: string; Object: string }) => {
    const parsed = JSON.parse(o.Object) as { amount: number; id: string };
    return { key: o.ProfileObjectUniqueKey, amount: parsed.amount, id: parsed.id };
  });
const value = (call: Caller, name: string, ProfileId: string): string | undefined =>
  call('GetCalculatedAttributeForProfile', { DomainName: 'dom', CalculatedAttributeName: name, ProfileId }).Value;

/** Runs one step on a service; a ServiceError is an allowed answer (e.g. merging a profile into itself). */
function run(call: Caller, step: Step): void {
  const ids = profileIds(call);
  try {
    if (step.kind === 'put') {
      call('PutProfileObject', { DomainName: 'dom', ObjectTypeName: 'Contact', Object: JSON.stringify({ id: String(step.id), email: EMAILS[step.email], amount: step.amount }) });
    } else if (step.kind === 'merge' && ids.length > 0) {
      call('MergeProfiles', { DomainName: 'dom', MainProfileId: ids[step.main % ids.length], ProfileIdsToBeMerged: step.others.map((i) => ids[i % ids.length]) });
    } else if (step.kind === 'delete' && ids.length > 0) {
      const profile = ids[step.profile % ids.length];
      const objects = objectsOf(call, profile);
      if (objects.length > 0) {
        call('DeleteProfileObject', { DomainName: 'dom', ProfileId: profile, ObjectTypeName: 'Contact', ProfileObjectUniqueKey: objects[step.object % objects.length].key });
      }
    } else if (step.kind === 'update' && ids.length > 0) {
      call('UpdateProfile', { DomainName: 'dom', ProfileId: ids[step.profile % ids.length], EmailAddress: EMAILS[step.email] });
    }
  } catch (error) {
    if (!isServiceError(error)) throw error;
  }
}

describe('MergeProfiles, DeleteProfileObject and UpdateProfile (property)', () => {
  it('returns calculated values equal to each profile\'s listed objects, on both computation paths, after any history', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 30 }), (steps) => {
        const fast = service({ scanOnly: false });
        const scan = service({ scanOnly: true });
        for (const step of steps) {
          run(fast, step);
          run(scan, step);
        }
        const ids = profileIds(fast);
        expect(profileIds(scan)).toEqual(ids);
        const seen = new Set<string>();
        for (const id of ids) {
          const objects = objectsOf(fast, id);
          for (const o of objects) {
            expect(seen.has(o.id), `object ${o.id} listed twice`).toBe(false);
            seen.add(o.id);
          }
          const expected = objects.length === 0
            ? { sum: undefined, count: undefined, max: undefined }
            : { sum: String(objects.reduce((s, o) => s + o.amount, 0)), count: String(objects.length), max: String(Math.max(...objects.map((o) => o.amount))) };
          for (const call of [fast, scan]) {
            expect({ sum: value(call, 'sum', id), count: value(call, 'count', id), max: value(call, 'max', id) }).toEqual(expected);
          }
        }
        // Objects only leave through DeleteProfileObject: the domain holds exactly the listed ones.
        expect(fast('GetDomain', { DomainName: 'dom' }).Stats.ObjectCount).toBe(seen.size);
      }),
      { numRuns: 150, seed: 17 },
    );
  });
});
