/**
 * The sanitizer's and the scanner's cost on a set of tapes (the committed recordings/mock, about 10 MB): each round
 * times, over every tape, `sanitizeTape` (with the strings the run sent as its allow-list, as the recorder passes
 * them), `scanFile` (read, parse, scan: what `npm test` does over recordings/) and, as a floor, JSON.parse of the file
 * text and JSON.stringify back (what reading and writing a tape costs anyway). The order rotates per round. Bounded
 * by a round count and a wall-clock budget; reads files, writes nothing.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { collectStrings } from './record.ts';
import { sanitizeTape } from './sanitize.ts';
import { scanFile } from './scan.ts';
import { tapeFiles, type Tape } from './tape.ts';

export interface SanitizeBenchResult {
  files: number;
  bytes: number;
  interactions: number;
  /** ms per pass over all tapes, per round. */
  rounds: { sanitize: number; scan: number; floor: number }[];
  /** Interactions the sanitizer changed (0 when the tapes were written by this sanitizer). */
  changed: number;
  /** Findings the scanner reported (0 for clean tapes). */
  findings: number;
}

/** Every string a request of the tape carries (bodies, JSON inside them, query values): the recorder's allow-list. */
function sentStrings(tape: Tape): Set<string> {
  const out = new Set<string>();
  for (const i of tape.interactions) {
    collectStrings({ value: i.body, into: out });
    const q = i.path.indexOf('?');
    if (q >= 0) for (const [, value] of new URLSearchParams(i.path.slice(q + 1))) out.add(value);
  }
  return out;
}

/** Runs up to `rounds` rounds (at least one) within `budgetMs` over the tapes under `dir`. */
export function runSanitizeBench({ dir, rounds = 5, budgetMs = 60_000, key = 'bench-key' }: { dir: string; rounds?: number; budgetMs?: number; key?: string }): SanitizeBenchResult {
  const began = performance.now();
  const files = tapeFiles({ dir });
  const texts = files.map((file) => readFileSync(file, 'utf8'));
  const tapes = texts.map((text) => JSON.parse(text) as Tape);
  const allows = tapes.map(sentStrings);
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  let sanitized: Tape[] = [];
  let findings = 0;
  const passes = {
    sanitize: () => {
      sanitized = tapes.map((tape, i) => sanitizeTape({ tape, options: { key, allow: allows[i] } }));
    },
    scan: () => {
      findings = files.reduce((n, file) => n + scanFile({ file }).length, 0);
    },
    floor: () => {
      for (const text of texts) JSON.stringify(JSON.parse(text));
    },
  };
  const order = ['sanitize', 'scan', 'floor'] as const;
  const results: SanitizeBenchResult['rounds'] = [];
  for (let r = 0; r < rounds && (r === 0 || performance.now() - began < budgetMs); r++) {
    const round = { sanitize: 0, scan: 0, floor: 0 };
    for (let k = 0; k < order.length; k++) {
      const name = order[(k + r) % order.length];
      const start = performance.now();
      passes[name]();
      round[name] = performance.now() - start;
    }
    results.push(round);
  }
  const changed = sanitized.reduce((n, out, i) => n + out.interactions.filter((x, k) => !isDeepStrictEqual(x, tapes[i].interactions[k])).length, 0);
  return { files: files.length, bytes, interactions: tapes.reduce((n, t) => n + t.interactions.length, 0), rounds: results, changed, findings };
}
