/**
 * `cpct evidence --from DIR`: what a recorded session of the real service teaches the suite. From the session's
 * tapes and its conformance.json, it proposes an `observed` register entry for every `assumed` entry whose contracts
 * all passed there (pointing at the tape, file and interaction), and lists first every contract that failed there,
 * with its evidence and the exchange, as a candidate correction of the suite or the reference implementation. The
 * output is a proposal for a person to review (`evidence-proposal.json`, shaped as a register file, and `.md`): the
 * register itself is never edited.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.ts';
import type { EvidenceEntry } from '../evidence/register.ts';
import type { Tape } from '../recording/tape.ts';
import { writeJsonAndMarkdown } from '../report-files.ts';
import type { ConformanceReport, ResultRow } from '../run/report.ts';
import { loadTapeSet } from './tape-set.ts';

const COMPONENT = 'evidence';
/** How much of a response body a proposed quote or a listed exchange keeps. */
const EXCERPT_CHARS = 300;

/** An exchange of the recorded session, as the proposal cites it. */
export interface CitedExchange {
  /** The tape, relative to the working directory. */
  file: string;
  contractFile: string;
  interaction: number;
  operation: string;
  request: string;
  status: number;
  response: string;
}

export interface FailedThere {
  id: string;
  title: string;
  level: string;
  reason: string;
  evidence: ResultRow['evidence'];
  exchange?: CitedExchange;
}

export interface EvidenceProposal {
  about: string;
  target: string;
  /** Contracts that failed on the recorded target: candidates for correcting the suite or the reference implementation. */
  failed: FailedThere[];
  /** Which assumed entry each proposed entry would replace, and the contracts that passed on it. */
  replaces: { proposed: string; assumed: string; contracts: string[] }[];
  /** Assumed entries not proposed, and why (a citing contract failed, or none ran). */
  notProposed: { assumed: string; why: string }[];
  /** The proposed entries, in the register's format: after review, they can become a file of specs/evidence/. */
  entries: EvidenceEntry[];
}

/** The exchange a contract is cited by: the first interaction of its first operation in its file's tape (one with schema violations first, for a failure). */
function exchangeOf({ result, tape, cwd, failed }: { result: ResultRow; tape?: { file: string; tape: Tape }; cwd: string; failed: boolean }): CitedExchange | undefined {
  if (!tape) return undefined;
  const all = tape.tape.interactions.map((interaction, index) => ({ interaction, index }));
  const ofOps = all.filter(({ interaction }) => interaction.operation !== undefined && result.operations.includes(interaction.operation));
  const pick =
    (failed ? ofOps.find(({ interaction }) => (interaction.violations?.length ?? 0) > 0) : undefined) ??
    ofOps.find(({ interaction }) => interaction.operation === result.operations[0]) ??
    ofOps[0];
  if (!pick) return undefined;
  const i = pick.interaction;
  const text = typeof i.response === 'string' ? i.response : JSON.stringify(i.response ?? '');
  return {
    file: path.relative(cwd, tape.file),
    contractFile: tape.tape.meta.contractFile,
    interaction: pick.index,
    operation: i.operation ?? '',
    request: `${i.method} ${i.path}`,
    status: i.status,
    response: text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text,
  };
}

/** The proposal (pure): results, register, where each contract lives, and the session's tapes by contract file. */
export function proposeEvidence({ report, register, areaOf, tapes, cwd }: {
  report: Pick<ConformanceReport, 'target' | 'startedAt' | 'results'>;
  register: ReadonlyMap<string, EvidenceEntry>;
  /** Contract id -> its contract file's area (`layouts` for layouts.contract.ts). */
  areaOf: ReadonlyMap<string, string>;
  /** Tapes by contract file name (`layouts.contract.ts`). */
  tapes: ReadonlyMap<string, { file: string; tape: Tape }>;
  cwd: string;
}): EvidenceProposal {
  const tapeFor = (r: ResultRow) => tapes.get(`${areaOf.get(r.id) ?? ''}.contract.ts`);
  const failed = report.results
    .filter((r) => r.status === 'fail')
    .map((r): FailedThere => {
      const exchange = exchangeOf({ result: r, tape: tapeFor(r), cwd, failed: true });
      return { id: r.id, title: r.title, level: r.level, reason: r.reason, evidence: r.evidence, ...(exchange ? { exchange } : {}) };
    });
  // Each assumed entry: the contracts citing it, by status.
  const citing = new Map<string, ResultRow[]>();
  for (const r of report.results) {
    for (const e of r.evidence) {
      if (register.get(e.id)?.kind !== 'assumed') continue;
      if (!citing.has(e.id)) citing.set(e.id, []);
      citing.get(e.id)!.push(r);
    }
  }
  const entries: EvidenceEntry[] = [];
  const replaces: EvidenceProposal['replaces'] = [];
  const notProposed: EvidenceProposal['notProposed'] = [];
  for (const [assumedId, rows] of [...citing].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const fails = rows.filter((r) => r.status === 'fail');
    const passes = rows.filter((r) => r.status === 'pass');
    if (fails.length > 0) {
      notProposed.push({ assumed: assumedId, why: `contracts citing it failed on ${report.target}: ${fails.map((r) => r.id).join(', ')} (see failed)` });
      continue;
    }
    const first = passes.map((r) => ({ r, ex: exchangeOf({ result: r, tape: tapeFor(r), cwd, failed: false }) })).find((p) => p.ex);
    if (!first?.ex) {
      notProposed.push({ assumed: assumedId, why: passes.length === 0 ? 'no contract citing it passed (not run, NA or skipped)' : 'no recorded exchange of the passing contracts was found in the tapes' });
      continue;
    }
    const assumed = register.get(assumedId)!;
    const id = `O-${assumedId.replace(/^A-/, '')}`;
    entries.push({
      id,
      claim: assumed.claim,
      kind: 'observed',
      where: first.ex.file,
      at: `${first.ex.contractFile}, interaction ${first.ex.interaction} (${first.ex.operation}: ${first.ex.request} -> ${first.ex.status})`,
      quote: first.ex.response,
      note: `Proposed by cpct evidence from a recording of ${report.target} started ${report.startedAt}: ${passes.map((r) => r.id).join(', ')} passed there. Review the exchange before adding it; then make these contracts cite ${id} instead of ${assumedId}.`,
    });
    replaces.push({ proposed: id, assumed: assumedId, contracts: passes.map((r) => r.id) });
  }
  return {
    about: `Proposed by \`cpct evidence\`: review each entry against its tape before adding it to specs/evidence/ (never applied automatically).`,
    target: report.target,
    failed,
    replaces,
    notProposed,
    entries,
  };
}

/** evidence-proposal.md: the failures first, then each proposed entry with what it replaces. */
export function formatEvidenceMarkdown({ proposal }: { proposal: EvidenceProposal }): string {
  const out = [`# Evidence proposal from ${proposal.target}`, '', proposal.about, '', `## Contracts that failed there (${proposal.failed.length})`, ''];
  for (const f of proposal.failed) {
    out.push(`### ${f.id} (${f.level}): ${f.title}`, '', `Reason: ${f.reason}`, '', `Evidence: ${f.evidence.map((e) => `${e.id} (${e.kind}, ${e.where})`).join('; ')}`, '');
    if (f.exchange) out.push(`Exchange: ${f.exchange.file} #${f.exchange.interaction} \`${f.exchange.request} -> ${f.exchange.status}\``, '', '```json', f.exchange.response, '```', '');
  }
  out.push(`## Proposed observed entries (${proposal.entries.length})`, '');
  for (const e of proposal.entries) {
    const r = proposal.replaces.find((x) => x.proposed === e.id)!;
    out.push(`- **${e.id}** replaces ${r.assumed} for ${r.contracts.join(', ')}: ${e.claim} (${e.where}, ${e.at})`);
  }
  if (proposal.notProposed.length > 0) {
    out.push('', '## Assumed entries not proposed', '');
    for (const n of proposal.notProposed) out.push(`- ${n.assumed}: ${n.why}`);
  }
  return `${out.join('\n')}\n`;
}

/** Reads the session's conformance.json: --report, else DIR/conformance.json, else reports/conformance.json under cwd. */
function readSessionReport({ from, report, cwd }: { from: string; report?: string; cwd: string }): ConformanceReport {
  const candidates = report ? [report] : [path.join(from, 'conformance.json'), path.join(cwd, 'reports', 'conformance.json')];
  const file = candidates.find((f) => existsSync(f));
  if (!file) throw new UsageError({ component: COMPONENT, expected: `the recorded run's conformance.json (${candidates.join(' or ')})`, seen: 'no such file', action: 'pass --report FILE with the conformance.json the recording run wrote' });
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as ConformanceReport;
    if (!Array.isArray(parsed.results)) throw new Error('no results array');
    return parsed;
  } catch (error) {
    throw new UsageError({ component: COMPONENT, expected: `${file} to be a conformance.json`, seen: (error as Error).message, action: 'pass --report FILE with the conformance.json the recording run wrote' });
  }
}

/** Runs the command: reads the session, proposes, writes evidence-proposal.json and .md; exit 1 when contracts failed there. */
export async function runEvidence({ from, report, reportsDir, cwd, stdout, areaOf }: {
  from: string;
  report?: string;
  reportsDir: string;
  cwd: string;
  stdout: { write(text: string): unknown };
  /** Contract id -> area; collected from the contract files when not given (a few seconds). */
  areaOf?: ReadonlyMap<string, string>;
}): Promise<number> {
  const set = loadTapeSet({ dir: from, label: path.relative(cwd, from), skip: ['conformance.json'] });
  const session = readSessionReport({ from, report, cwd });
  const { loadRegister } = await import('../evidence/register.ts');
  let areas = areaOf;
  if (!areas) {
    const { listContracts } = await import('../run/list.ts');
    areas = new Map((await listContracts()).map((c) => [c.id, c.area]));
  }
  const tapes = new Map(set.tapes.map((t) => [t.tape.meta.contractFile, t]));
  const proposal = proposeEvidence({ report: session, register: loadRegister().entries, areaOf: areas, tapes, cwd });
  const { json, md } = await writeJsonAndMarkdown({ dir: reportsDir, name: 'evidence-proposal', value: proposal, markdown: formatEvidenceMarkdown({ proposal }) });
  stdout.write(
    `evidence: ${session.target}: ${proposal.failed.length} contract(s) failed there${proposal.failed.length ? ` (${proposal.failed.map((f) => f.id).join(', ')})` : ''}; ` +
      `${proposal.entries.length} observed entr${proposal.entries.length === 1 ? 'y' : 'ies'} proposed; ${proposal.notProposed.length} assumed entr${proposal.notProposed.length === 1 ? 'y' : 'ies'} not proposed\n` +
      `Proposal (review it; the register was not changed): ${path.relative(cwd, json)}, ${path.relative(cwd, md)}\n`,
  );
  return proposal.failed.length > 0 ? 1 : 0;
}
