/**
 * The evidence register: every claim a contract makes, with the kind of source that states it, where it is written
 * and a short quote. Contracts cite entries by id; a contract's level follows from the weakest entry it cites, so a
 * reader of a FAIL can judge it from the register without reading code. The entries are data
 * (`specs/evidence/*.json`); this module reads, checks and resolves them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HarnessError } from '../errors.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import type { ContractLevel } from '../contracts/meta.ts';

/** The release date of the Smithy model below. */
export const MODEL_RELEASE = '2026-04-16';

/**
 * The public copy of the Smithy model the schemas and the model entries come from (release 2026-04-16); a `model`
 * entry without `where` cites it.
 */
export const MODEL_SOURCE =
  'https://github.com/aws/api-models-aws/blob/8c6967fb97edd4f5f6ce8b16476ec72daf246956/models/customer-profiles/service/2020-08-15/customer-profiles-2020-08-15.json';

/** Where the register's files live in the package. */
export const EVIDENCE_DIR = path.join(PACKAGE_ROOT, 'specs', 'evidence');

/**
 * `model`: a trait or documentation string of the Smithy model; `api-reference`: the API Reference pages;
 * `aws-doc`: the admin guide or another AWS page; `aws-sample`: code or data AWS published; `observed`: a recorded
 * exchange with the real service; `assumed`: the project's own choice, plausible but unconfirmed.
 */
export type EvidenceKind = 'model' | 'api-reference' | 'aws-doc' | 'aws-sample' | 'observed' | 'assumed';
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['model', 'api-reference', 'aws-doc', 'aws-sample', 'observed', 'assumed'];

/** One claim of the register. */
export interface EvidenceEntry {
  /** Stable id, e.g. `M-LAYOUT-ISDEFAULT`; contracts cite it. */
  id: string;
  /** The claim in one sentence. */
  claim: string;
  kind: EvidenceKind;
  /** Where it is written: a URL (for the model, the public model file), or a path in this repository for assumptions. */
  where: string;
  /** The place inside `where`: a shape id and trait, a section heading, a JSON location. */
  at?: string;
  /** A short quote of the source (for `assumed`, the rule as this project states it). */
  quote: string;
  /** Sources that say otherwise: another entry id or a citation, and how they differ. */
  conflicts?: { with: string; note: string }[];
  /** Anything a reader needs besides the quote (what is inferred, what the source does not say). */
  note?: string;
}

/** How a cited entry appears in a contract's report line. */
export interface EvidenceRef {
  id: string;
  kind: EvidenceKind;
  where: string;
}

/** The register, by id. */
export interface Register {
  readonly entries: ReadonlyMap<string, EvidenceEntry>;
  /** The file each entry came from, for error messages. */
  readonly fileOf: ReadonlyMap<string, string>;
}

const COMPONENT = 'evidence';
const LEVEL_OF_KIND: Record<EvidenceKind, ContractLevel> = {
  model: 'must',
  'api-reference': 'must',
  'aws-doc': 'should',
  'aws-sample': 'should',
  observed: 'should',
  assumed: 'assumed',
};
const LEVEL_RANK: Record<ContractLevel, number> = { must: 2, should: 1, assumed: 0 };

/** The highest level an entry of `kind` supports on its own. */
export function levelOfKind({ kind }: { kind: EvidenceKind }): ContractLevel {
  return LEVEL_OF_KIND[kind];
}

/** The level a set of cited kinds supports: the weakest one (a verdict is as strong as the weakest claim it rests on). */
export function levelOfEvidence({ kinds }: { kinds: readonly EvidenceKind[] }): ContractLevel | undefined {
  let level: ContractLevel | undefined;
  for (const kind of kinds) {
    const l = LEVEL_OF_KIND[kind];
    if (level === undefined || LEVEL_RANK[l] < LEVEL_RANK[level]) level = l;
  }
  return level;
}

/** True when `a` claims more than `b` (must > should > assumed). */
export function levelAbove({ a, b }: { a: ContractLevel; b: ContractLevel }): boolean {
  return LEVEL_RANK[a] > LEVEL_RANK[b];
}

/**
 * Reads every `*.json` file of `dir` (each `{ "entries": [...] }`; sub-folders are not read) into one register; a
 * repeated id is an error. A `model` entry without `where` cites MODEL_SOURCE.
 */
export function loadRegister({ dir = EVIDENCE_DIR }: { dir?: string } = {}): Register {
  const entries = new Map<string, EvidenceEntry>();
  const fileOf = new Map<string, string>();
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort();
  for (const file of files) {
    let parsed: { entries?: EvidenceEntry[] };
    try {
      parsed = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { entries?: EvidenceEntry[] };
    } catch (error) {
      throw new HarnessError({ component: COMPONENT, expected: `${file} to be JSON`, seen: (error as Error).message, action: 'fix the file' });
    }
    if (!Array.isArray(parsed.entries)) {
      throw new HarnessError({ component: COMPONENT, expected: `${file} to hold { "entries": [...] }`, seen: `keys ${Object.keys(parsed).join(', ') || '(none)'}`, action: 'fix the file' });
    }
    for (const raw of parsed.entries) {
      const entry = raw.kind === 'model' && !raw.where ? { ...raw, where: MODEL_SOURCE } : raw;
      const previous = fileOf.get(entry.id);
      if (previous) {
        throw new HarnessError({ component: COMPONENT, expected: `evidence id ${entry.id} once in the register`, seen: `it in ${previous} and in ${file}`, action: 'rename one of them' });
      }
      entries.set(entry.id, entry);
      fileOf.set(entry.id, file);
    }
  }
  return { entries, fileOf };
}

/** `where` and `at` as one citation: the URL or path first, so a reporter can link it. */
export function citation({ entry }: { entry: Pick<EvidenceEntry, 'where' | 'at'> }): string {
  return entry.at ? `${entry.where} (${entry.at})` : entry.where;
}

/** The report refs of `ids`; an unknown id is an error naming the contract. */
export function resolveEvidence({ register, ids, contract }: { register: Register; ids: readonly string[]; contract: string }): EvidenceRef[] {
  return ids.map((id) => {
    const entry = register.entries.get(id);
    if (!entry) {
      throw new HarnessError({ component: COMPONENT, expected: `evidence id ${id} (cited by ${contract}) in specs/evidence`, seen: 'no such entry', action: 'add the entry to the register or fix the id' });
    }
    return { id, kind: entry.kind, where: citation({ entry }) };
  });
}
