/**
 * Live progress of a conformance run on stderr: a bar on a terminal, a line per finished contract file when stderr is
 * a file or a pipe, nothing in CI (`CI=true`: the summary on stdout is what a CI log needs). The totals grow while
 * vitest collects the files (a file's contracts are known once it loads), so the bar shows files as well as contracts.
 */
import cliProgress from 'cli-progress';

/** How progress is shown: decided once at the CLI from the environment and the stream. */
export type ProgressMode = 'bar' | 'lines' | 'off';

/** What the collector reports while a run goes on. */
export interface ProgressListener {
  /** The run starts `files` contract files. */
  start(args: { files: number }): void;
  /** A file loaded and declared `tests` contracts. */
  collected(args: { tests: number }): void;
  /** One contract of `area` finished; `ran` false when it was skipped (after an interrupt: not run). */
  testDone(args: { area: string; ran?: boolean }): void;
  /** The user interrupted the run: from now on skipped contracts are not counted as done, and files say so. */
  interrupted?(): void;
  /** Every contract of `area` finished. */
  fileDone(args: { area: string }): void;
  /** The run ended (or was stopped): remove the bar before anything else is printed. */
  stop(): void;
}

/** Off in CI (CI set to anything but "" / "0" / "false"), a bar on a TTY, else lines. */
export function progressModeOf({ env, isTTY }: { env: Readonly<Record<string, string | undefined>>; isTTY?: boolean }): ProgressMode {
  const ci = env.CI;
  if (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') return 'off';
  return isTTY ? 'bar' : 'lines';
}

/** A listener that does nothing (mode `off`, and the self-test, which prints its own progress). */
export const SILENT_PROGRESS: ProgressListener = { start() {}, collected() {}, testDone() {}, fileDone() {}, interrupted() {}, stop() {} };

/** Progress for one run, written to `stream` in the given mode. */
export function createProgress({ mode, stream }: { mode: ProgressMode; stream: { write(text: string): unknown } }): ProgressListener {
  if (mode === 'off') return SILENT_PROGRESS;
  let files = 0;
  let filesDone = 0;
  let total = 0;
  let done = 0;
  let area = '';
  let stopped = false;
  const counts = (args: { ran?: boolean }) => !stopped || args.ran !== false;
  if (mode === 'lines') {
    return {
      start: (args) => {
        files = args.files;
      },
      collected: (args) => {
        total += args.tests;
      },
      testDone: (args) => {
        if (counts(args)) done += 1;
      },
      fileDone: (args) => {
        filesDone += 1;
        stream.write(`cpct: ${args.area} ${stopped ? 'stopped (interrupted)' : 'done'}; ${done}/${total} contracts${stopped ? ' run' : ''}, ${filesDone}/${files} files\n`);
      },
      interrupted: () => {
        stopped = true;
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: 'cpct [{bar}] {value}/{total} contracts | files {filesDone}/{files} | {area}',
      hideCursor: true,
      clearOnComplete: true,
      // The summary follows on stdout; a finished bar would only repeat it.
      stopOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const payload = () => ({ filesDone, files, area });
  return {
    start: (args) => {
      files = args.files;
      // A total of 0 would draw a full bar until the first file is collected.
      bar.start(1, 0, payload());
      started = true;
    },
    collected: (args) => {
      total += args.tests;
      bar.setTotal(total);
      bar.update(done, payload());
    },
    testDone: (args) => {
      if (counts(args)) done += 1;
      area = args.area;
      bar.update(done, payload());
    },
    interrupted: () => {
      stopped = true;
      area = 'interrupted';
      bar.update(done, payload());
    },
    fileDone: (args) => {
      filesDone += 1;
      area = stopped ? 'interrupted' : args.area;
      bar.update(done, payload());
    },
    stop: () => {
      if (started) bar.stop();
      started = false;
    },
  };
}
