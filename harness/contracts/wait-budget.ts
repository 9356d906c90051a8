import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureDirSync } from '../fs-dirs.ts';

/**
 * The run's budget for waiting on eventual consistency (`--converge-ms`), shared by every contract file of the run.
 * Contract files run in worker threads that share only the file system, so each file's session keeps its own total in
 * a ledger file of the run's outbox, and the run's total is the sum of those files.
 */
export interface WaitBudget {
  /** The run's budget (ms). */
  readonly budgetMs: number;
  /** Waiting time the whole run has spent so far (ms): this session's and, with a ledger, the other sessions'. */
  spentMs(): number;
  /** Adds the waiting time of a finished wait (0 for a wait whose first answer was the expected one). */
  spend(args: { ms: number }): void;
  /** This session's own waiting: total time and the number of waits that waited at all. */
  own(): { waitedMs: number; waits: number };
}

/** A ledger file: one session's running total. */
interface LedgerEntry {
  waitedMs: number;
  waits: number;
}

/**
 * Creates a session's view of the run's budget; with `ledger` (a folder of the run's outbox and this session's name)
 * the other sessions' spending counts too.
 */
export function createWaitBudget({ budgetMs, ledger }: { budgetMs: number; ledger?: { dir: string; name: string } }): WaitBudget {
  const own: LedgerEntry = { waitedMs: 0, waits: 0 };
  const file = ledger ? path.join(ledger.dir, `${ledger.name}.json`) : undefined;
  if (ledger) ensureDirSync({ dir: ledger.dir });
  const others = (): number => {
    if (!ledger) return 0;
    let sum = 0;
    for (const name of readdirSync(ledger.dir)) {
      if (!name.endsWith('.json') || path.join(ledger.dir, name) === file) continue;
      sum += readLedger({ file: path.join(ledger.dir, name) }).waitedMs;
    }
    return sum;
  };
  return {
    budgetMs,
    spentMs: () => own.waitedMs + others(),
    spend({ ms }) {
      if (!(ms > 0)) return;
      own.waitedMs += Math.round(ms);
      own.waits += 1;
      if (file) writeFileSync(file, JSON.stringify(own));
    },
    own: () => ({ ...own }),
  };
}

/** One ledger file's total; a file caught mid-write (or unreadable) counts as nothing rather than failing a contract. */
function readLedger({ file }: { file: string }): LedgerEntry {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LedgerEntry>;
    return { waitedMs: Number(parsed.waitedMs) || 0, waits: Number(parsed.waits) || 0 };
  } catch {
    return { waitedMs: 0, waits: 0 };
  }
}
