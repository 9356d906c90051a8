import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runGenerateCli } from '../../generators/cli.ts';
import { generateRecords, ndjsonLine } from '../../generators/generate.ts';

/** runGenerateCli in this process with in-memory streams (cli.test.ts also runs it as a process). */

const tmp = mkdtempSync(join(tmpdir(), 'cpct-generate-run-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function sink() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d) => (text += String(d)));
  return { stream, text: () => text };
}

describe('runGenerateCli', () => {
  it('returns 2 and writes the message and the usage to stderr, nothing to stdout, given a bad flag value', async () => {
    const out = sink();
    const err = sink();
    expect(await runGenerateCli({ argv: ['--seed', 'x', '--profiles', '1'], stdout: out.stream, stderr: err.stream })).toBe(2);
    expect(err.text()).toMatch(/^generate: expected --seed to be an integer; saw "x"; run with --help for usage\nusage: npm run generate -- --seed N --profiles N/);
    expect(out.text()).toBe('');
  });

  it('returns 0 and writes to --out what the generator makes for that seed and --clock (offset applied)', async () => {
    const file = join(tmp, 'out.ndjson');
    const out = sink();
    const err = sink();
    expect(await runGenerateCli({ argv: ['--seed', '5', '--profiles', '3', '--clock', '2024-03-01T02:00:00+02:00', '--out', file], stdout: out.stream, stderr: err.stream })).toBe(0);
    let expected = '';
    // 02:00 at +02:00 is midnight UTC.
    for (const record of generateRecords({ seed: 5, clockMs: Date.UTC(2024, 2, 1), profiles: 3 })) expected += ndjsonLine({ record });
    expect(readFileSync(file, 'utf8')).toBe(expected);
    expect(out.text()).toBe('');
    const lines = expected.trimEnd().split('\n');
    expect(err.text()).toBe(`generate: 3 profiles, ${lines.length} records, ${Buffer.byteLength(expected)} bytes written to ${file}\n`);
  });

  it('returns 1 naming the path and the error given --out in a folder that does not exist', async () => {
    const err = sink();
    const file = join(tmp, 'missing', 'out.ndjson');
    expect(await runGenerateCli({ argv: ['--seed', '1', '--profiles', '2', '--out', file], stdout: sink().stream, stderr: err.stream })).toBe(1);
    expect(err.text()).toMatch(new RegExp(`^generate: expected to write NDJSON to ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}; saw ENOENT.*; check the --out path and free space\\n$`));
  });

  it('returns 0 quietly given a stdout whose reader went away (EPIPE, as in `| head`)', async () => {
    const err = sink();
    const closed = new Writable({
      highWaterMark: 1,
      write(_chunk, _encoding, done) {
        done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    expect(await runGenerateCli({ argv: ['--seed', '1', '--profiles', '3'], stdout: closed, stderr: err.stream })).toBe(0);
    expect(err.text()).toBe('');
  });
});
