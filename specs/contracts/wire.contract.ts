/**
 * The wire: each of the 16 core operations on its success path (modelled status, a response that passes the wire
 * validator), on unknown names (ResourceNotFoundException, 404) and on each kind of constraint violation its input can
 * carry (BadRequestException, 400). The violations are derived from specs/schemas (harness/contracts/violations.ts),
 * so they follow the model. Every other contract file ends with its own WIRE-EXCHANGES check.
 */
import * as sdk from '@aws-sdk/client-customer-profiles';
import { contractFile, describeWire } from '../../harness/contracts/contract.ts';
import type { Session } from '../../harness/contracts/session.ts';
import { check, ContractViolation } from '../../harness/contracts/violation.ts';
import { blankLabelMiddleware, violationCases } from '../../harness/contracts/violations.ts';
import { loadOperationIndex } from '../../harness/operation-index.ts';
import { createSchemaRegistry } from '../../harness/schemas.ts';
import { CORE_OPERATIONS } from '../../harness/scope.ts';
import { CASES, makeFixture, makeLayout, NEEDS_LAYOUT, PLACEHOLDER, PLACEHOLDER_FRESH, freshNames, type Input, type Missing } from './core-inputs.ts';

const { contract, wireContract, fixture } = contractFile({ area: 'wire' });

const fixtureOf = fixture(makeFixture);
/** The fixture's layout, created only for the operations that read it, so a target without layouts fails only those. */
const layoutOf = fixture(async (session) => makeLayout({ session, fx: await fixtureOf() }));

type AnyCommand = Parameters<Session['client']['send']>[0] & { middlewareStack: { add(m: unknown, o: unknown): void } };

/** Sends `input` to `operation` with the SDK's own command class; `emptyLabel` blanks the marked label in the path. */
function send({ session, operation, input, emptyLabel = false }: { session: Session; operation: string; input: Input; emptyLabel?: boolean }): Promise<unknown> {
  const Command = (sdk as unknown as Record<string, new (input: Input) => AnyCommand>)[`${operation}Command`];
  const command = new Command(input);
  if (emptyLabel) {
    const { middleware, options } = blankLabelMiddleware();
    command.middlewareStack.add(middleware, options);
    // With options the client resolves this command's own middleware instead of a handler cached for its class
    // (cacheMiddleware), and caches nothing that would blank the label of later commands of that class.
    return session.client.send(command, {});
  }
  return session.client.send(command);
}

/**
 * Operations for which an answer without any member is a valid answer to the valid input: DetectProfileObjectType may
 * detect nothing (the model bounds the mappings at one, not below), so its WIRE-OK checks the status and the shapes
 * only (whether a mapping is detected is OBJTYPE-DETECT-01's assumed subject).
 */
const MAY_ANSWER_EMPTY = new Set<string>(['DetectProfileObjectType']);

/** Names that exist nowhere in this run: a domain, a resource name and a profile id. */
function missingNames(session: Session): Missing {
  return { domain: `cpct-${session.config.runId}-no-such-domain`, name: `cpct_no_such_name_${session.config.runId}`, profileId: 'f'.repeat(32) };
}

/** Expects ResourceNotFoundException for each input, naming the unknown members in the failure. */
async function expectNotFound({ session, operation, inputs }: { session: Session; operation: string; inputs: Input[] }): Promise<void> {
  const missing = Object.values(missingNames(session));
  for (const input of inputs) {
    const named = Object.entries(input).filter(([, v]) => typeof v === 'string' && missing.includes(v)).map(([k]) => k);
    await session.errors.expect({ what: `${operation} with unknown ${named.join(', ')}`, code: 'ResourceNotFoundException', call: () => send({ session, operation, input }) });
  }
}
/** Where the model says templates exist, so an empty catalogue is a failure rather than a missing precondition. */
const TEMPLATES_EXIST = 'the model\'s GetProfileObjectTypeTemplate documentation names "Salesforce-Account" and "Salesforce-Contact" as templates';

/** Declares the contracts of every core operation; the violation kinds come from the schemas, read once here. */
function declareOperationContracts(): void {
  const schemaRegistry = createSchemaRegistry();
  const operationIndex = loadOperationIndex({ dir: schemaRegistry.dir });
  for (const operation of CORE_OPERATIONS) {
    const cases = CASES[operation];
    const entry = operationIndex.operations[operation];

    contract(
      {
        id: `WIRE-OK-${operation}`,
        title: `${operation} succeeds with HTTP ${entry.http.code} and a response that passes the wire validator`,
        operations: [operation],
        level: 'must',
        evidence: [`M-${operation}-HTTP`, `M-${operation}-OUTPUT`, 'M-WIRE-PROTOCOL', ...(operation === 'GetProfileObjectTypeTemplate' ? ['M-TEMPLATES-EXIST'] : [])],
        ...(MAY_ANSWER_EMPTY.has(operation) ? { readsData: false as const } : {}),
      },
      async ({ session }) => {
        const fx = await fixtureOf();
        if (NEEDS_LAYOUT.has(operation)) await layoutOf();
        check({
          condition: operation !== 'GetProfileObjectTypeTemplate' || fx.templateId !== undefined,
          expected: `ListProfileObjectTypeTemplates to list a template to get (${TEMPLATES_EXIST})`,
          seen: 'no template on its first page',
        });
        const input = cases.valid({ fx, fresh: freshNames(session) });
        await cases.prepare?.({ fx, input, session });
        const mark = session.wire.count();
        const output = (await send({ session, operation, input })) as Record<string, unknown>;
        const exchange = session.wire.since({ index: mark })[0];
        check({ condition: exchange !== undefined, expected: `one ${operation} exchange to be captured`, seen: 'none' });
        check({ condition: exchange.response.status === entry.http.code, expected: `HTTP ${entry.http.code}`, seen: `HTTP ${exchange.response.status}` });
        // An empty body passes the validator whenever the output has no required member, and then validated nothing.
        const modelled = [...Object.keys(entry.output.body), ...Object.keys(entry.output.headers)];
        check({
          condition: MAY_ANSWER_EMPTY.has(operation) || modelled.some((member) => output[member] !== undefined),
          expected: `a ${operation} response carrying at least one of its output members (${modelled.join(', ')})`,
          seen: 'none of them: the validator would have compared nothing',
        });
        const errors = session.wire.violations().filter((v) => v.exchange >= mark && v.severity === 'error');
        if (errors.length > 0) {
          throw new ContractViolation({ expected: `a ${operation} response that passes the wire validator`, seen: errors.slice(0, 5).map(describeWire).join(' | ') });
        }
      },
    );

    contract(
      {
        id: `WIRE-404-${operation}`,
        title: `${operation} on unknown names is ResourceNotFoundException (HTTP 404)`,
        operations: [operation],
        level: 'must',
        evidence: [`M-${operation}-ERROR-ResourceNotFoundException`, 'M-ERRORS-NOTFOUND'],
        readsData: false,
      },
      async ({ session }) => {
        const fx = await fixtureOf();
        await expectNotFound({ session, operation, inputs: cases.unknown({ fx, missing: missingNames(session) }) });
      },
    );

    const unknownProfile = cases.unknownProfile;
    if (unknownProfile) {
      contract(
        {
          id: `WIRE-404-PROFILE-${operation}`,
          title: `${operation} for a profile id that does not exist is ResourceNotFoundException (HTTP 404)`,
          operations: [operation],
          level: 'assumed',
          evidence: [`M-${operation}-ERROR-ResourceNotFoundException`, 'A-CALC-R26-PROFILE'],
          readsData: false,
        },
        async ({ session }) => {
          const fx = await fixtureOf();
          await expectNotFound({ session, operation, inputs: unknownProfile({ fx, missing: missingNames(session) }) });
        },
      );
    }

    const declared = violationCases({ registry: schemaRegistry, index: operationIndex, operation, base: cases.valid({ fx: PLACEHOLDER, fresh: PLACEHOLDER_FRESH }) });
    for (const { kind, member, emptyLabel } of declared) {
      contract(
        {
          id: `WIRE-400-${kind.toUpperCase()}-${operation}`,
          title: `${operation} with a ${kind} violation (${member}${emptyLabel ? ', an empty label' : ''}) is BadRequestException (HTTP 400)`,
          operations: [operation],
          level: emptyLabel ? 'assumed' : 'must',
          evidence: [`M-${operation}-INPUT-${member}`, `M-${operation}-ERROR-BadRequestException`, 'M-ERRORS-BADREQUEST', ...(emptyLabel ? ['A-WIRE-EMPTY-LABEL'] : [])],
          readsData: false,
        },
        async ({ session }) => {
          const fx = await fixtureOf();
          if (NEEDS_LAYOUT.has(operation)) await layoutOf();
          const base = cases.valid({ fx, fresh: freshNames(session) });
          await cases.prepare?.({ fx, input: base, session });
          const found = violationCases({ registry: session.registry, index: session.index, operation, base }).find((c) => c.kind === kind);
          check({ condition: found !== undefined, expected: `a ${kind} case for ${operation}`, seen: 'none (the valid input changed shape)' });
          await session.errors.expect({ what: `${operation} where ${found!.description}`, code: 'BadRequestException', call: () => send({ session, operation, input: found!.input, emptyLabel: found!.emptyLabel }) });
        },
      );
    }
  }
}

declareOperationContracts();
wireContract();
