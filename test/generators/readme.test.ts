import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../../generators/fields.ts';

const README = readFileSync(resolve(import.meta.dirname, '../../generators/README.md'), 'utf8');

describe('generators/README.md', () => {
  it.each(Object.values(KINDS).map((k) => [k.kind, k] as const))('lists the documented and own fields of %s in its row', (kind, spec) => {
    const row = README.split('\n').find((l) => l.startsWith(`| \`${kind}\` |`));
    expect(row, kind).toBeDefined();
    const cells = row!.split(' | ');
    expect(cells[3].split(', ').filter((f) => f !== '— (none documented)')).toEqual([...spec.documented]);
    expect(cells[4].split(', ')).toEqual([...spec.ours]);
    expect(cells[6].replace(/ \|$/, '').split(', ').filter((f) => f !== '—')).toEqual([...(spec.namedBySample ?? [])]);
  });

  it('points at the oracle semantics document', () => {
    expect(README).toContain('oracle/SEMANTICS.md');
  });
});
