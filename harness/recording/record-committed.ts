/**
 * Re-records the committed tapes, `recordings/mock/`: starts this project's standalone reference server on a free
 * loopback port, runs the whole suite against it over real HTTP with `--record`, and replaces recordings/mock/ with
 * the new tapes only when the recording is clean. Run: `npx tsx harness/recording/record-committed.ts`.
 * The tapes are recordings of the reference implementation, not of AWS.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startMockServer } from '../mock/server.ts';
import { runCli } from '../run/main.ts';
import { PACKAGE_ROOT } from '../run/paths.ts';

/** Records the full suite against a fresh standalone server into `<recordings>/mock`; returns the CLI's exit code. */
export async function recordCommitted({ recordings = path.join(PACKAGE_ROOT, 'recordings'), stdout = process.stdout, stderr = process.stderr }: {
  recordings?: string;
  stdout?: { write(text: string): unknown };
  stderr?: { write(text: string): unknown };
} = {}): Promise<number> {
  const server = await startMockServer({ port: 0 });
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'cpct-record-'));
  try {
    const code = await runCli({
      argv: ['--record', '--endpoint', server.url, '--recordings', tmp, '--reports', path.join(tmp, 'reports')],
      env: {},
      cwd: PACKAGE_ROOT,
      stdout,
      stderr,
      onInterrupt: () => () => undefined,
      exitNow: () => undefined,
    });
    // Exit 1 may only mean a contract failed (the reference implementation fails an `assumed` one by design); the
    // tapes are unusable only when the recording itself failed, which recording.json says.
    const recording = JSON.parse(await readFile(path.join(tmp, 'reports', 'recording.json'), 'utf8').catch(() => '{"ok":false}')) as { ok: boolean };
    if (code === 2 || !recording.ok) {
      stderr.write('record-committed: the recording failed; recordings/mock was left as it was\n');
      return code === 0 ? 1 : code;
    }
    const target = path.join(recordings, 'mock');
    await rm(target, { recursive: true, force: true });
    // A copy, not a rename: the temporary directory may be on another file system.
    await cp(path.join(tmp, 'endpoint'), target, { recursive: true });
    stderr.write(`record-committed: wrote ${target}\n`);
    return code;
  } finally {
    await server.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const code = await recordCommitted();
  process.exit(code);
}
