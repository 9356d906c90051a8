import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeNdjson } from '../../generators/ndjson.ts';
import { generateRecords, type GeneratedRecord } from '../../generators/generate.ts';
import { REF_MS } from './helpers.ts';

/** A sink that takes each chunk asynchronously with a small buffer and records whether a write came while full. */
function slowSink(highWaterMark: number) {
  const chunks: string[] = [];
  let writesWhileFull = 0;
  const stream = new Writable({
    highWaterMark,
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      setImmediate(cb);
    },
  });
  const originalWrite = stream.write.bind(stream);
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (stream.writableNeedDrain) writesWhileFull++;
    return (originalWrite as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof stream.write;
  return { stream, chunks, writesWhileFull: () => writesWhileFull };
}

describe('writeNdjson', () => {
  it('returns every record as one JSON line with objectTypeName and object, and never writes while the sink is full', async () => {
    const records = [...generateRecords({ seed: 2, clockMs: REF_MS, profiles: 150 })];
    const sink = slowSink(1024);
    const result = await writeNdjson({ records, stream: sink.stream, chunkChars: 2048 });
    const text = sink.chunks.join('');
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(records.length);
    lines.forEach((line, i) => {
      const parsed = JSON.parse(line) as GeneratedRecord;
      expect(Object.keys(parsed)).toEqual(['objectTypeName', 'object']);
      expect(parsed).toEqual(records[i]);
    });
    expect(result).toEqual({ records: records.length, profiles: 150, chars: text.length });
    expect(sink.chunks.length).toBeGreaterThan(20);
    expect(sink.writesWhileFull()).toBe(0);
  });

  it('reports progress while streaming', async () => {
    const seen: number[] = [];
    await writeNdjson({
      records: generateRecords({ seed: 2, clockMs: REF_MS, profiles: 50 }),
      stream: slowSink(512).stream,
      chunkChars: 4096,
      onProgress: (p) => seen.push(p.profiles),
    });
    expect(seen.length).toBeGreaterThan(3);
    expect(seen[seen.length - 1]).toBe(50);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('rejects with the stream error when the sink fails part-way', async () => {
    let writes = 0;
    const failing = new Writable({
      highWaterMark: 256,
      write(_chunk, _enc, cb) {
        writes++;
        setImmediate(() => cb(writes >= 3 ? new Error('disk full') : null));
      },
    });
    await expect(writeNdjson({ records: generateRecords({ seed: 2, clockMs: REF_MS, profiles: 200 }), stream: failing, chunkChars: 1024 })).rejects.toThrow(
      /disk full/,
    );
  });
});
