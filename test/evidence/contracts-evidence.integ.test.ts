import { describe, expect, it } from 'vitest';
import { levelOfEvidence } from '../../harness/evidence/register.ts';
import { listContracts } from '../../harness/run/list.ts';

describe('listContracts (every declared contract against the register)', async () => {
  const contracts = await listContracts();

  it('returns contracts, each citing at least one register entry', () => {
    expect(contracts.length).toBeGreaterThan(150);
    expect(contracts.filter((c) => c.evidence.length === 0).map((c) => c.id)).toEqual([]);
  });

  it('returns no contract whose level differs from the weakest kind of the evidence it cites', () => {
    const wrong = contracts
      .map((c) => ({ c, earned: levelOfEvidence({ kinds: c.evidence.map((e) => e.kind) }) }))
      .filter(({ c, earned }) => earned !== undefined && c.level !== earned)
      .map(({ c, earned }) => `${c.id}: claims ${c.level}, its evidence (${c.evidence.map((e) => `${e.id} ${e.kind}`).join(', ')}) supports ${earned}`);
    expect(wrong).toEqual([]);
  });

  it('returns unique contract ids', () => {
    const ids = contracts.map((c) => c.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});
