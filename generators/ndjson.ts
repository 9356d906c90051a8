/**
 * Streams generated records as NDJSON with bounded memory: lines are joined into chunks of about `chunkChars`
 * characters, and the writer waits for 'drain' whenever the stream's buffer is full (backpressure).
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { PROFILE_RECORD_TYPE } from './fields.ts';
import { ndjsonLine, type GeneratedRecord } from './generate.ts';

/** Counts reported while streaming and at the end. */
export interface NdjsonProgress {
  records: number;
  profiles: number;
  chars: number;
}

/** Writes every record as one NDJSON line to `stream`, honouring backpressure; resolves with the counts. */
export async function writeNdjson({
  records,
  stream,
  chunkChars = 64 * 1024,
  onProgress,
}: {
  records: Iterable<GeneratedRecord>;
  stream: Writable;
  chunkChars?: number;
  onProgress?: (progress: NdjsonProgress) => void;
}): Promise<NdjsonProgress> {
  const progress: NdjsonProgress = { records: 0, profiles: 0, chars: 0 };
  let failure: Error | undefined;
  const onError = (err: Error): void => {
    failure = err;
  };
  stream.on('error', onError);
  try {
    let chunk = '';
    for (const record of records) {
      if (failure) throw failure;
      const line = ndjsonLine({ record });
      chunk += line;
      progress.records++;
      progress.chars += line.length;
      if (record.objectTypeName === PROFILE_RECORD_TYPE) progress.profiles++;
      if (chunk.length >= chunkChars) {
        const ok = stream.write(chunk);
        chunk = '';
        onProgress?.(progress);
        if (!ok) await drained(stream, () => failure);
      }
    }
    if (chunk.length > 0 && !stream.write(chunk)) await drained(stream, () => failure);
    if (failure) throw failure;
    onProgress?.(progress);
    return progress;
  } finally {
    stream.off('error', onError);
  }
}

/** Waits for 'drain', failing fast if the stream errored, errors meanwhile, or closes before draining. */
async function drained(stream: Writable, failed: () => Error | undefined): Promise<void> {
  const err = failed();
  if (err) throw err;
  if (stream.destroyed) throw new Error('ndjson: expected a writable stream; saw it closed; check the output target');
  const ac = new AbortController();
  try {
    await Promise.race([
      once(stream, 'drain', { signal: ac.signal }),
      once(stream, 'close', { signal: ac.signal }).then(() => {
        throw failed() ?? new Error('ndjson: expected the stream to drain; saw it close; check the output target');
      }),
    ]);
  } finally {
    ac.abort();
  }
}
