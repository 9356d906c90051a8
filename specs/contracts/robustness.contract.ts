/**
 * Robustness: every core operation, sent requests that each break exactly one constraint of the model (a missing
 * required member, a length, pattern, range, enum or size bound, a wrong JSON type, a malformed body), must be
 * refused with a 4xx error the operation declares, carrying a message. The cases come from specs/schemas and
 * operations.json (harness/contracts/robustness.ts): each member's boundary case always, then `--fuzz` generated ones
 * per operation, seeded by --seed and shrunk by fast-check to the smallest failing request, which the failure prints.
 * The valid request is serialised by the SDK and broken after serialisation, before signing, so it travels through
 * the target's own transport (and is recorded and replayed like any other request).
 */
import * as sdk from '@aws-sdk/client-customer-profiles';
import fc from 'fast-check';
import { contractFile } from '../../harness/contracts/contract.ts';
import {
  applyCase,
  describeRequest,
  familyArbitrary,
  generatedRuns,
  judgeAnswer,
  robustnessFamilies,
  robustnessId,
  shapeDefs,
  type Answer,
  type Family,
  type Param,
  type RawRequest,
  type Verdict,
} from '../../harness/contracts/robustness.ts';
import type { Session } from '../../harness/contracts/session.ts';
import { ContractViolation } from '../../harness/contracts/violation.ts';
import { loadRegister } from '../../harness/evidence/register.ts';
import { loadOperationIndex } from '../../harness/operation-index.ts';
import { DEFAULT_FUZZ } from '../../harness/run/config.ts';
import { createSchemaRegistry } from '../../harness/schemas.ts';
import { CORE_OPERATIONS } from '../../harness/scope.ts';
import type { WireExchange } from '../../harness/wire-validation/validate.ts';
import { CASES, freshNames, makeFixture, makeLayout, NEEDS_LAYOUT, type Fixture, type Input } from './core-inputs.ts';

const { contract, wireContract, fixture } = contractFile({ area: 'robustness' });

const fixtureOf = fixture(makeFixture);
const layoutOf = fixture(async (session) => makeLayout({ session, fx: await fixtureOf() }));
/**
 * Outcomes of the boundary cases already sent in this file, by contract id and slot: the message contract reads the
 * refusal its family's contract received instead of sending the same request again (it sends it when run alone).
 */
const sentBoundaries = fixture(async () => new Map<string, Outcome>());

/** A case that gets no answer within this time fails as a timeout (live targets; the embedded one answers at once). */
const CASE_TIMEOUT_MS = 15_000;
/** Bound of one family's fast-check run, shrinking included (live targets; a replay or the embedded one takes ms). */
const FAMILY_TIME_LIMIT_MS = 120_000;

/** Operations whose accepted request creates a resource, and the operation that deletes it (same labels). */
const DELETE_OF: Record<string, string> = {
  CreateDomainLayout: 'DeleteDomainLayout',
  CreateCalculatedAttributeDefinition: 'DeleteCalculatedAttributeDefinition',
  PutProfileObjectType: 'DeleteProfileObjectType',
};

type AnyCommand = Parameters<Session['client']['send']>[0] & { middlewareStack: { add(m: unknown, o: unknown): void } };

interface Outcome {
  /** Undefined when the valid request could not carry the case (nothing was sent). */
  exchange?: WireExchange;
  request?: RawRequest;
  verdict: Verdict;
}

/** The HTTP request the SDK built, as plain data. */
function rawOf(request: { method: string; path: string; query?: Record<string, unknown>; headers: Record<string, string>; body?: unknown }): RawRequest {
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(request.query ?? {})) if (typeof v === 'string' || Array.isArray(v)) query[k] = v as string | string[];
  return { method: request.method, path: request.path, query, headers: { ...request.headers }, body: typeof request.body === 'string' ? request.body : request.body instanceof Uint8Array ? new TextDecoder().decode(request.body) : undefined };
}

/**
 * Sends `input` to `operation`, broken by `family` and `p` after serialisation (before signing). Returns what came
 * back, or no request when the valid request cannot carry the case.
 */
async function sendCase({ session, operation, input, family, p }: { session: Session; operation: string; input: Input; family: Family; p: Param }): Promise<Outcome> {
  const Command = (sdk as unknown as Record<string, new (input: Input) => AnyCommand>)[`${operation}Command`];
  const command = new Command(input);
  const uri = session.index.operations[operation].http.uri;
  const defs = shapeDefs({ registry: session.registry });
  let sent: RawRequest | undefined;
  command.middlewareStack.add(
    (next: (args: { request: unknown }) => Promise<unknown>) => async (args: { request: unknown }) => {
      const request = args.request as Parameters<typeof rawOf>[0];
      const broken = applyCase({ family, request: rawOf(request), p, uri, defs });
      if (!broken) throw new CaseNotApplicable();
      request.path = broken.path;
      request.query = broken.query;
      request.headers = broken.headers;
      // Bytes, as the SDK's own serialiser hands them on: every request handler takes them.
      request.body = broken.body === undefined ? undefined : new TextEncoder().encode(broken.body);
      for (const k of Object.keys(request.headers)) if (k.toLowerCase() === 'content-length') delete request.headers[k];
      if (broken.body !== undefined) request.headers['content-length'] = String(Buffer.byteLength(broken.body));
      sent = broken;
      return next(args);
    },
    { step: 'build', name: 'cpctRobustnessCase' },
  );
  const mark = session.wire.count();
  let failure: unknown;
  try {
    await session.client.send(command, { abortSignal: AbortSignal.timeout(CASE_TIMEOUT_MS) });
  } catch (error) {
    if (error instanceof CaseNotApplicable) return { verdict: { ok: true, code: 'none', message: 'not applicable' } };
    failure = error;
  }
  const exchange = session.wire.since({ index: mark }).find((e) => e.operation === operation);
  const answer: Answer = exchange
    ? { status: exchange.response.status, headers: exchange.response.headers, body: new TextDecoder().decode(exchange.response.body) }
    : { error: (failure as Error | undefined)?.message ?? 'no exchange was captured' };
  return { exchange, request: sent, verdict: judgeAnswer({ answer, operation, index: session.index }) };
}

/** Thrown by the case middleware when the request cannot carry the case; nothing is sent. */
class CaseNotApplicable extends Error {}

/** A valid input of `operation` with names nothing else uses, its preconditions made. */
async function validInput({ session, operation, fx }: { session: Session; operation: string; fx: Fixture }): Promise<Input> {
  const cases = CASES[operation as keyof typeof CASES];
  const input = cases.valid({ fx, fresh: freshNames(session) });
  await cases.prepare?.({ fx, input, session });
  return input;
}

/** Deletes what a target created when it accepted a case by mistake (the domain's deletion would take it too). */
async function deleteAccepted({ session, operation, exchanges }: { session: Session; operation: string; exchanges: WireExchange[] }): Promise<string[]> {
  const remover = DELETE_OF[operation];
  if (!remover) return [];
  const template = session.index.operations[operation].http.uri.split('/');
  const done: string[] = [];
  for (const exchange of exchanges) {
    const segments = exchange.request.path.split('/');
    const input: Input = {};
    template.forEach((seg, i) => {
      const label = /^\{(\w+)\}$/.exec(seg)?.[1];
      if (label && segments[i] !== undefined) input[label] = decodeURIComponent(segments[i]);
    });
    const Command = (sdk as unknown as Record<string, new (input: Input) => AnyCommand>)[`${remover}Command`];
    const result = await session.client.send(new Command(input)).then(() => 'deleted', (error: Error) => `not deleted (${error.name}); the run's domain deletion removes it`);
    done.push(`${exchange.request.path}: ${result}`);
  }
  return done;
}

/** A 32-bit seed per contract from the run's seed, so a family's cases do not change when others are added. */
function caseSeed({ seed, id }: { seed: number; id: string }): number {
  let h = seed | 0;
  for (const c of id) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h;
}

/** Runs one family: boundary examples, then the generated cases; fails with the smallest failing request. */
async function runFamily({ session, operation, family, runs, note }: { session: Session; operation: string; family: Family; runs: number; note(text: string): void }): Promise<void> {
  const fx = await fixtureOf();
  if (NEEDS_LAYOUT.has(operation)) await layoutOf();
  const id = robustnessId({ operation, family });
  const outcomes = new Map<string, Outcome>();
  const accepted: WireExchange[] = [];
  let sentCount = 0;
  // A create needs fresh names per case (an accepted case must not turn the next into a duplicate); any other
  // operation reuses one valid input, its preconditions made once (DeleteDomainLayout's layout).
  const shared = DELETE_OF[operation] ? undefined : await validInput({ session, operation, fx });
  const property = fc.asyncProperty(familyArbitrary({ family }), async (p) => {
    const input = shared ?? (await validInput({ session, operation, fx }));
    const outcome = await sendCase({ session, operation, input, family, p });
    fc.pre(outcome.request !== undefined);
    sentCount++;
    outcomes.set(JSON.stringify(p), outcome);
    if (JSON.stringify(p) === JSON.stringify(family.examples[0])) (await sentBoundaries()).set(id, outcome);
    if (outcome.exchange && outcome.exchange.response.status < 300 && outcome.exchange.response.status >= 200) accepted.push(outcome.exchange);
    return outcome.verdict.ok;
  });
  const seed = caseSeed({ seed: session.config.seed, id });
  const details = await fc.check(property, {
    seed,
    // fast-check counts the examples among numRuns: the boundary cases, then `runs` generated ones.
    numRuns: family.examples.length + runs,
    examples: family.examples.map((e) => [e] as [Param]),
    interruptAfterTimeLimit: FAMILY_TIME_LIMIT_MS,
    markInterruptAsFailure: true,
    maxSkipsPerRun: 10,
  });
  const deleted = await deleteAccepted({ session, operation, exchanges: accepted });
  note(`${sentCount} case(s) sent (${family.examples.length} boundary, the rest generated with fast-check seed ${seed})`);
  if (details.failed) {
    const counterexample = details.counterexample?.[0];
    const outcome = counterexample ? outcomes.get(JSON.stringify(counterexample)) : undefined;
    const verdict = outcome?.verdict;
    const seen = verdict && !verdict.ok ? verdict.seen : details.errorInstance ? String((details.errorInstance as Error).message ?? details.errorInstance) : 'the run was interrupted';
    const request = outcome?.exchange ? describeRequest({ request: outcome.exchange.request }) : outcome?.request ? describeRequest({ request: outcome.request }) : 'none';
    throw new ContractViolation({
      expected: `${operation} with ${family.what} to be refused with a 4xx error it declares, carrying a message`,
      seen: `${seen}; smallest failing request (after ${details.numShrinks} shrink step(s)): ${request}${deleted.length > 0 ? `; accepted by mistake and cleaned up: ${deleted.join(', ')}` : ''}`,
    });
  }
  if (sentCount === 0) throw new ContractViolation({ expected: `at least one ${family.what} case of ${operation} to be sent`, seen: 'none: the valid request carried none of the members the family breaks' });
}

/** Register ids the verdict of `family` rests on: the broken members' constraints and the protocol's error rules. */
function evidenceOf({ operation, family, known }: { operation: string; family: Family; known: ReadonlySet<string> }): string[] {
  const members = [...new Set(family.slots.map((s) => `M-${operation}-INPUT-${s.member}`))].filter((id) => known.has(id));
  return [...(family.assumed ? [family.assumed] : members), 'M-WIRE-PROTOCOL', 'M-ERRORS-BADREQUEST'];
}

/** Declares one contract per operation and family, and one (assumed) on the message naming the member. */
function declareRobustnessContracts(): void {
  const registry = createSchemaRegistry();
  const index = loadOperationIndex({ dir: registry.dir });
  const known = new Set(loadRegister().entries.keys());
  for (const operation of CORE_OPERATIONS) {
    const families = robustnessFamilies({ registry, index, operation });
    families.forEach((family, i) => {
      const members = family.slots.map((s) => s.member);
      contract(
        {
          id: robustnessId({ operation, family }),
          title: `${operation} with ${family.what}${members.length > 0 ? ` (${members.join(', ')})` : ''} is refused with a declared 4xx error and a message`,
          operations: [operation],
          level: family.assumed ? 'assumed' : 'must',
          evidence: evidenceOf({ operation, family, known }),
          readsData: false,
        },
        async ({ session, note }) => {
          const fuzz = session.config.fuzz ?? DEFAULT_FUZZ;
          const runs = generatedRuns({ fuzz, families: families.length })[i];
          // The families are rebuilt from the session's registry: the same schemas the wire validator reads.
          const current = robustnessFamilies({ registry: session.registry, index: session.index, operation }).find((f) => f.kind === family.kind && f.nn === family.nn)!;
          await runFamily({ session, operation, family: current, runs, note });
        },
      );
    });
    const named = families.find((f) => !f.assumed && f.slots.length > 0);
    if (!named) continue;
    contract(
      {
        id: `ROBUST-${operation}-message-01`,
        title: `${operation}'s refusal of ${named.what} (${named.slots[0].member}) names the member in its message`,
        operations: [operation],
        level: 'assumed',
        evidence: ['A-ROBUST-MESSAGE-NAMES-MEMBER', 'M-WIRE-PROTOCOL'],
        readsData: false,
      },
      async ({ session }) => {
        const fx = await fixtureOf();
        if (NEEDS_LAYOUT.has(operation)) await layoutOf();
        const family = robustnessFamilies({ registry: session.registry, index: session.index, operation }).find((f) => f.kind === named.kind && f.nn === named.nn)!;
        const slot = family.slots[0];
        const outcome = (await sentBoundaries()).get(robustnessId({ operation, family })) ?? (await sendCase({ session, operation, input: await validInput({ session, operation, fx }), family, p: family.examples[0] }));
        const request = outcome.request ? describeRequest({ request: outcome.request }) : 'none (the valid request could not carry the case)';
        if (!outcome.verdict.ok) throw new ContractViolation({ expected: `${operation} with ${family.what} to be refused with a declared 4xx error and a message`, seen: `${outcome.verdict.seen}; request: ${request}` });
        const names = [slot.member, slot.wire].map((n) => n.toLowerCase());
        if (!names.some((n) => outcome.verdict.ok && outcome.verdict.message.toLowerCase().includes(n))) {
          throw new ContractViolation({ expected: `the message of the refusal to name ${slot.member}`, seen: `${JSON.stringify(outcome.verdict.ok ? outcome.verdict.message : '')}; request: ${request}` });
        }
      },
    );
  }
}

declareRobustnessContracts();
wireContract();
