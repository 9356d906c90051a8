import type {} from '@vitest/runner';
import type { EvidenceRef } from '../evidence/register.ts';

/**
 * What a contract is, as the reporter sees it. Contract files attach this to each vitest task through `task.meta`,
 * so the collecting reporter in the main process can build the report without importing the contract files.
 */

/** How sure we are that the real service behaves as the contract says. */
export type ContractLevel = 'must' | 'should' | 'assumed';

/** The four outcomes of a contract in the report. */
export type ContractStatus = 'pass' | 'fail' | 'na' | 'skip';

/** The static description of one contract. */
export interface ContractMeta {
  /** Stable id, e.g. `LAYOUT-LIFECYCLE-03`: upper-case area prefix, words and a two-digit number or an operation name. */
  id: string;
  title: string;
  /** Operations the contract calls (the first ones are those it is about). */
  operations: string[];
  /**
   * `must`: stated by the model or the API reference; `should`: observed on the real service; `assumed`: plausible
   * but unconfirmed (a failure is reported but changes the exit code only with --strict).
   */
  level: ContractLevel;
  /** Where the expectation comes from, for people: the claims of the evidence it cites, in one line. */
  source: string;
  /** The register entries the contract rests on (specs/evidence), resolved to kind and citation. */
  evidence: EvidenceRef[];
  /**
   * Whether the verdict depends on data the target returns (items, values, members). Contracts that only check an
   * error answer say false; every other one must be caught by an empty-answer fault in the self-test.
   */
  readsData: boolean;
  /** The contract file's area (wire, pagination, layouts, object-types, ...). */
  area: string;
}

/** Set by a contract at run time when the target does not offer an operation it needs. */
export interface ContractOutcomeMeta {
  /** Reason the contract is not applicable; the reporter turns a skipped task carrying it into status "na". */
  na?: string;
  /** Non-failing observations worth reporting. */
  notes?: string[];
  /** Response warnings (values breaking an input constraint, unknown members or enum values) of this contract's exchanges. */
  warnings?: string[];
}

declare module '@vitest/runner' {
  interface TaskMeta {
    contract?: ContractMeta;
    outcome?: ContractOutcomeMeta;
  }
}

/** Matches a contract id: upper-case words joined by dashes, optionally followed by a mixed-case operation name. */
export const CONTRACT_ID_PATTERN = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*(-[A-Z][A-Za-z0-9]+)?$/;
