import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAjv } from '../../harness/schemas.ts';
import { citation, EVIDENCE_DIR, levelAbove, levelOfEvidence, loadRegister, MODEL_SOURCE, resolveEvidence, type EvidenceEntry } from '../../harness/evidence/register.ts';
import { modelEvidenceText } from '../../specs/build-evidence.ts';
import { readModel } from '../../specs/lib/build.ts';
import { verifyModelQuote } from '../../specs/lib/evidence.ts';
import { PROJECT_ROOT, REFERENCE_MODEL } from '../specs/fixture.ts';

const hasModel = existsSync(REFERENCE_MODEL);
const PREFIX_OF_KIND: Record<EvidenceEntry['kind'], string> = { model: 'M', 'api-reference': 'R', 'aws-doc': 'D', 'aws-sample': 'S', observed: 'O', assumed: 'A' };
const GENERATED = 'model.json';

const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'cpct-evidence-'));
  temps.push(d);
  return d;
};

describe('the committed register', () => {
  const register = loadRegister();
  const entries = [...register.entries.values()];

  it('returns files that each pass register.schema.json', () => {
    const ajv = createAjv();
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(EVIDENCE_DIR, 'register.schema.json'), 'utf8')));
    const files = readdirSync(EVIDENCE_DIR).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) {
      const ok = validate(JSON.parse(readFileSync(path.join(EVIDENCE_DIR, file), 'utf8')));
      expect(ok ? [] : validate.errors, `${file} against register.schema.json`).toEqual([]);
    }
  });

  it('returns ids whose prefix names their kind (M model, R api-reference, D aws-doc, S aws-sample, O observed, A assumed)', () => {
    const wrong = entries.filter((e) => !e.id.startsWith(`${PREFIX_OF_KIND[e.kind]}-`)).map((e) => `${e.id} (${e.kind})`);
    expect(wrong).toEqual([]);
  });

  it('returns citations inside the repository or public URLs, never a path outside the repository', () => {
    const bad: string[] = [];
    for (const e of entries) {
      if (/^https:\/\/\S+$/.test(e.where)) continue;
      const file = e.where.split('#')[0];
      if (e.where.includes('..') || path.isAbsolute(file) || !existsSync(path.join(PROJECT_ROOT, file))) bad.push(`${e.id}: ${e.where}`);
    }
    expect(bad).toEqual([]);
  });

  it('returns conflicts that name another entry or a source in words', () => {
    const bad = entries.flatMap((e) => (e.conflicts ?? []).filter((c) => /^[MRDSOA]-/.test(c.with) && !register.entries.has(c.with)).map((c) => `${e.id} -> ${c.with}`));
    expect(bad).toEqual([]);
  });

  it('returns model entries citing the public model file by default', () => {
    for (const e of entries.filter((x) => x.kind === 'model')) expect(e.where, e.id).toBe(MODEL_SOURCE);
  });

  it.skipIf(!hasModel)(
    hasModel ? 'returns hand-written model quotes that the model says at the place each names' : `returns hand-written model quotes the model says (skipped: ${REFERENCE_MODEL} is absent)`,
    () => {
      const model = readModel({ file: REFERENCE_MODEL });
      const problems: string[] = [];
      for (const e of entries) {
        if (e.kind !== 'model' || register.fileOf.get(e.id) === GENERATED) continue;
        for (const p of verifyModelQuote({ model, at: e.at ?? '', quote: e.quote })) problems.push(`${e.id}: ${p}`);
      }
      expect(problems).toEqual([]);
    },
  );

  it.skipIf(!hasModel)(
    hasModel
      ? 'returns a model.json byte-identical to a rebuild from the reference model'
      : `returns a model.json identical to a rebuild (skipped: ${REFERENCE_MODEL} is absent)`,
    () => {
      const rebuilt = modelEvidenceText({ model: readModel({ file: REFERENCE_MODEL }) });
      expect(readFileSync(path.join(EVIDENCE_DIR, GENERATED), 'utf8'), 'specs/evidence/model.json is stale: run `npm run specs:evidence -- --model <the model>`').toBe(rebuilt);
    },
  );
});

describe('loadRegister', () => {
  it('returns an error naming both files given an id in two files', () => {
    const dir = tempDir();
    const entry = { id: 'A-TWICE', claim: 'a claim of ten chars', kind: 'assumed', where: 'x', quote: 'q' };
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify({ entries: [entry] }));
    writeFileSync(path.join(dir, 'b.json'), JSON.stringify({ entries: [entry] }));
    expect(() => loadRegister({ dir })).toThrow(/A-TWICE once in the register; saw it in a\.json and in b\.json/);
  });

  it('returns an error naming the file given a file without entries', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify({ items: [] }));
    expect(() => loadRegister({ dir })).toThrow(/a\.json to hold \{ "entries": \[\.\.\.\] \}; saw keys items/);
  });

  it('returns model entries with the model source filled in and reads no sub-folder', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify({ entries: [{ id: 'M-X', claim: 'a claim of ten chars', kind: 'model', at: 'ns#X', quote: 'q' }] }));
    const register = loadRegister({ dir });
    expect(register.entries.get('M-X')?.where).toBe(MODEL_SOURCE);
    expect(citation({ entry: register.entries.get('M-X')! })).toBe(`${MODEL_SOURCE} (ns#X)`);
  });
});

describe('resolveEvidence', () => {
  it('returns an error naming the contract given an unknown id', () => {
    expect(() => resolveEvidence({ register: { entries: new Map(), fileOf: new Map() }, ids: ['M-NOPE'], contract: 'X-01' })).toThrow(/M-NOPE \(cited by X-01\)/);
  });
});

describe('levelOfEvidence', () => {
  it('returns the weakest level of the cited kinds', () => {
    expect(levelOfEvidence({ kinds: ['model', 'api-reference'] })).toBe('must');
    expect(levelOfEvidence({ kinds: ['model', 'aws-doc'] })).toBe('should');
    expect(levelOfEvidence({ kinds: ['observed', 'aws-sample'] })).toBe('should');
    expect(levelOfEvidence({ kinds: ['model', 'assumed', 'aws-doc'] })).toBe('assumed');
    expect(levelOfEvidence({ kinds: [] })).toBeUndefined();
  });
});

describe('levelAbove', () => {
  it('returns true only when the first level claims more', () => {
    expect(levelAbove({ a: 'must', b: 'should' })).toBe(true);
    expect(levelAbove({ a: 'should', b: 'assumed' })).toBe(true);
    expect(levelAbove({ a: 'assumed', b: 'must' })).toBe(false);
    expect(levelAbove({ a: 'should', b: 'should' })).toBe(false);
  });
});

describe('verifyModelQuote', () => {
  const model = {
    smithy: '2.0',
    shapes: {
      'ns#S': { type: 'structure', traits: { 'smithy.api#documentation': '<p>A shape.</p>' }, members: { m: { target: 'ns#T', traits: { 'smithy.api#required': {}, 'smithy.api#documentation': '<p>The member’s \\"words\\".</p>' } } } },
      'ns#T': { type: 'string', traits: { 'smithy.api#length': { min: 1, max: 5 } } },
    },
  };
  it('returns no problem given fragments said at the place, curly and escaped quotes made plain', () => {
    expect(verifyModelQuote({ model, at: 'ns#S$m', quote: 'The member\'s "words". … @required, @length(min: 1, max: 5)' })).toEqual([]);
  });
  it('returns the fragment not said and the unknown place', () => {
    expect(verifyModelQuote({ model, at: 'ns#S$m; ns#Nope', quote: 'other words' })).toEqual(['no shape or member ns#Nope in the model', '"other words" is not said at ns#S$m; ns#Nope']);
  });
});
