import { afterAll, beforeAll, inject, it, type TestContext } from 'vitest';
import { loadRegister, resolveEvidence, type Register } from '../evidence/register.ts';
import { RUN_CONFIG_KEY } from '../run/config.ts';
import { optionalOperations } from '../targets/capabilities.ts';
import type { ContractLevel, ContractMeta, ContractOutcomeMeta } from './meta.ts';
import { operationOfError, seenError } from './service-errors.ts';
import { openSession, type Session } from './session.ts';
import { ContractViolation } from './violation.ts';

/** What a contract file declares about each contract (the area comes from the file). */
export interface ContractSpec {
  id: string;
  title: string;
  operations: string[];
  level: ContractLevel;
  /** Ids of the register entries (specs/evidence) the verdict rests on; the level may not claim more than they support. */
  evidence: string[];
  /** False for a contract that only checks an error answer (see ContractMeta.readsData). */
  readsData?: false;
}

/** What a contract body gets: the file's session plus ways to end the contract as NA or SKIP, and to leave notes. */
export interface ContractContext {
  session: Session;
  /** Adds a non-failing observation to the contract's report line. */
  note(text: string): void;
  /** Ends the contract as SKIP (a precondition outside the contract's subject is missing). */
  skip(reason: string): never;
}

export type ContractBody = (ctx: ContractContext) => Promise<void>;

/** Thrown by `ctx.skip` and turned into vitest's skip by the contract wrapper. */
class SkipContract extends Error {}

/** Error names meaning "this server does not have that operation". */
const UNKNOWN_OPERATION_ERRORS = new Set(['UnknownOperationException', 'UnknownOperation', 'InvalidAction', 'NotImplemented', 'NotImplementedException']);

/** True when `error` is the target refusing the operation itself (not a modelled answer about the input). */
export function isRefusal({ error }: { error: unknown }): boolean {
  const seen = seenError({ error });
  return seen.name === 'AccessDeniedException' || UNKNOWN_OPERATION_ERRORS.has(seen.name) || seen.status === 501;
}

/**
 * Decides what a refusal means: NA when the operation is declared optional for the target, otherwise a failure that
 * says how to declare it. Returns undefined when `error` is not a refusal.
 */
export function classifyRefusal({ error, optional }: { error: unknown; optional: ReadonlySet<string> }): { na: string } | { fail: ContractViolation } | undefined {
  if (!isRefusal({ error })) return undefined;
  const seen = seenError({ error });
  const operation = operationOfError({ error }) ?? 'an operation';
  if (optional.has(operation)) return { na: `${operation} is optional for this target and was refused: ${seen.name}: ${seen.message.slice(0, 160)}` };
  return {
    fail: new ContractViolation({
      expected: `${operation} to be answered (it is not declared optional for this target)`,
      seen: `${seen.name} (HTTP ${seen.status ?? 'none'}): ${seen.message.slice(0, 160)}; if the target does not offer ${operation}, pass --optional ${operation}`,
    }),
  };
}

/** One file of contracts: registers the session hooks and returns the functions that declare contracts. */
export function contractFile({ area }: { area: string }): {
  /** Declares one contract. */
  contract(spec: ContractSpec, body: ContractBody): void;
  /** Declares the file's wire contract (WIRE-EXCHANGES-<AREA>); call it last so it sees every exchange of the file. */
  wireContract(): void;
  /** A value made once per file on first use (e.g. n layouts for pagination); a failure is seen by every user. */
  fixture<T>(make: (session: Session) => Promise<T>): () => Promise<T>;
} {
  let session: Session | undefined;
  let setupError: unknown;
  let register: Register | undefined;

  beforeAll(async () => {
    try {
      session = await openSession({ config: inject(RUN_CONFIG_KEY), area });
    } catch (error) {
      setupError = error;
    }
  });
  afterAll(async () => {
    await session?.close();
  });

  /** Exchange index ranges [from, to) made inside contract bodies; the rest (session setup) belong to the wire contract. */
  const bodies: [number, number][] = [];

  /** Response warnings of the exchanges in [from, to), or (for the wire contract) of every exchange outside any body. */
  const warningsOf = ({ s, from, to, unattributed }: { s: Session; from: number; to: number; unattributed: boolean }): string[] =>
    s.wire
      .violations()
      .filter((v) => v.severity === 'warning' && (unattributed ? !bodies.some(([a, b]) => v.exchange >= a && v.exchange < b) : v.exchange >= from && v.exchange < to))
      .map(describeWire);

  const declare = (spec: ContractSpec, body: ContractBody, { unattributed }: { unattributed: boolean }): void => {
    register ??= loadRegister();
    const evidence = resolveEvidence({ register, ids: spec.evidence, contract: spec.id });
    // The line for people: the claims the contract rests on, each with its kind.
    const source = spec.evidence.map((id) => `${register!.entries.get(id)!.kind}: ${register!.entries.get(id)!.claim}`).join('; ');
    const meta: ContractMeta = { id: spec.id, title: spec.title, operations: spec.operations, level: spec.level, source, evidence, readsData: spec.readsData ?? true, area };
    it(`${spec.id} ${spec.title}`, { meta: { contract: meta } }, async (test: TestContext) => {
      const outcome: ContractOutcomeMeta = {};
      test.task.meta.outcome = outcome;
      const s = session;
      if (!s) {
        const config = inject(RUN_CONFIG_KEY);
        const refusal = classifyRefusal({ error: setupError, optional: optionalOperations({ spec: config.target, declared: config.optional }) });
        if (refusal && 'na' in refusal) {
          outcome.na = `setup: ${refusal.na}`;
          test.skip(outcome.na);
        }
        throw new ContractViolation({ expected: `the ${area} contracts' setup (target, client, domain) to succeed`, seen: seenError({ error: setupError }).message });
      }
      const ctx: ContractContext = {
        session: s,
        note: (text) => {
          (outcome.notes ??= []).push(text);
        },
        skip: (reason) => {
          throw new SkipContract(reason);
        },
      };
      const from = s.wire.count();
      try {
        await body(ctx);
      } catch (error) {
        if (error instanceof SkipContract) test.skip(error.message);
        const refusal = classifyRefusal({ error, optional: s.target.optional });
        if (refusal && 'na' in refusal) {
          outcome.na = refusal.na;
          test.skip(refusal.na);
        }
        if (refusal && 'fail' in refusal) throw refusal.fail;
        throw error;
      } finally {
        // Warnings are the contract's whatever its outcome, so a failure or a skip still shows what its answers broke.
        const to = s.wire.count();
        bodies.push([from, to]);
        const warnings = warningsOf({ s, from, to, unattributed });
        if (warnings.length > 0) outcome.warnings = warnings;
      }
      if (s.config.strictOutput && outcome.warnings) throw strictOutputViolation({ warnings: outcome.warnings });
    });
  };

  const contract = (spec: ContractSpec, body: ContractBody): void => declare(spec, body, { unattributed: false });

  const wireContract = (): void => {
    const AREA = area.toUpperCase();
    declare(
      {
        id: `WIRE-EXCHANGES-${AREA}`,
        title: `every response the ${area} contracts received passes the wire validator`,
        operations: [],
        level: 'must',
        evidence: ['M-WIRE-PROTOCOL'],
      },
      async ({ session: s, note }) => {
        const all = s.wire.violations();
        const errors = all.filter((v) => v.severity === 'error');
        const warnings = all.filter((v) => v.severity === 'warning');
        if (warnings.length > 0) {
          const own = warnings.filter((v) => !bodies.some(([a, b]) => v.exchange >= a && v.exchange < b)).length;
          note(`${warnings.length} response warning(s) in this file's exchanges: ${warnings.length - own} reported on the contracts that received them, ${own} on this contract (session setup)`);
        }
        if (errors.length > 0) {
          throw new ContractViolation({
            expected: `no error-severity violation in ${s.wire.count()} exchanges`,
            seen: `${errors.length} violation(s): ${errors.slice(0, 5).map(describeWire).join(' | ')}`,
          });
        }
      },
      { unattributed: true },
    );
  };

  const fixture = <T>(make: (session: Session) => Promise<T>): (() => Promise<T>) => {
    let made: Promise<T> | undefined;
    return () => {
      if (!session) return Promise.reject(setupError ?? new Error('contracts: expected the session to be open; saw none; use fixtures inside contracts'));
      made ??= make(session);
      return made;
    };
  };

  return { contract, wireContract, fixture };
}

/** Warnings shown in a strict-output failure; the report row lists them all. */
const SHOWN_WARNINGS = 3;

/** The failure --strict-output makes of a contract whose responses carried warnings. */
export function strictOutputViolation({ warnings }: { warnings: readonly string[] }): ContractViolation {
  const more = warnings.length > SHOWN_WARNINGS ? ` | … and ${warnings.length - SHOWN_WARNINGS} more (see the report's warnings)` : '';
  return new ContractViolation({
    expected: 'responses without warnings (--strict-output)',
    seen: `${warnings.length} response warning(s): ${warnings.slice(0, SHOWN_WARNINGS).join(' | ')}${more}`,
  });
}

/** One wire violation as a short sentence. */
export function describeWire(v: { operation: string; part: string; pointer: string; expected: string; seen: string }): string {
  return `${v.operation} ${v.part}${v.pointer ? ` ${v.pointer}` : ''}: expected ${v.expected}; saw ${v.seen}`;
}
