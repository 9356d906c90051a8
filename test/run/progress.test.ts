import { describe, expect, it } from 'vitest';
import { createProgress, progressModeOf } from '../../harness/run/progress.ts';

describe('progressModeOf', () => {
  it.each([
    [{ CI: 'true' }, true, 'off'],
    [{ CI: '1' }, false, 'off'],
    [{ CI: 'false' }, true, 'bar'],
    [{ CI: '' }, false, 'lines'],
    [{}, true, 'bar'],
    [{}, undefined, 'lines'],
  ] as const)('returns the mode given env %j and isTTY %s', (env, isTTY, mode) => {
    expect(progressModeOf({ env, isTTY })).toBe(mode);
  });
});

describe('createProgress', () => {
  it('returns a listener that writes one line per finished file with contracts and files done, given mode lines', () => {
    let out = '';
    const p = createProgress({ mode: 'lines', stream: { write: (t: string) => (out += t) } });
    p.start({ files: 2 });
    p.collected({ tests: 3 });
    p.testDone({ area: 'layouts' });
    p.testDone({ area: 'layouts' });
    p.testDone({ area: 'layouts' });
    p.fileDone({ area: 'layouts' });
    p.collected({ tests: 1 });
    p.testDone({ area: 'wire' });
    p.fileDone({ area: 'wire' });
    p.stop();
    expect(out).toBe('cpct: layouts done; 3/3 contracts, 1/2 files\ncpct: wire done; 4/4 contracts, 2/2 files\n');
  });

  it('returns lines that say "stopped (interrupted)" and count only contracts that ran, once interrupted', () => {
    let out = '';
    const p = createProgress({ mode: 'lines', stream: { write: (t: string) => (out += t) } });
    p.start({ files: 1 });
    p.collected({ tests: 3 });
    p.testDone({ area: 'layouts', ran: true });
    p.interrupted?.();
    p.testDone({ area: 'layouts', ran: false });
    p.testDone({ area: 'layouts', ran: false });
    p.fileDone({ area: 'layouts' });
    expect(out).toBe('cpct: layouts stopped (interrupted); 1/3 contracts run, 1/1 files\n');
  });

  it('returns a listener that writes nothing given mode off', () => {
    let out = '';
    const p = createProgress({ mode: 'off', stream: { write: (t: string) => (out += t) } });
    p.start({ files: 1 });
    p.collected({ tests: 1 });
    p.testDone({ area: 'a' });
    p.fileDone({ area: 'a' });
    p.stop();
    expect(out).toBe('');
  });

  it('returns a bar that shows contracts, files and the area on a terminal, and clears itself on stop', () => {
    let out = '';
    const stream = { isTTY: true, columns: 120, write: (t: string) => ((out += t), true), cursorTo: () => true, clearLine: () => true, moveCursor: () => true, on: () => stream, removeListener: () => stream };
    const p = createProgress({ mode: 'bar', stream });
    p.start({ files: 2 });
    p.collected({ tests: 4 });
    p.testDone({ area: 'layouts' });
    p.stop();
    expect(out).toContain('1/4 contracts | files 0/2 | layouts');
  });
});
