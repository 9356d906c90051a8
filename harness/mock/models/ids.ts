import { createHash } from 'node:crypto';

/**
 * Deterministic identifiers for one mock instance: a counter hashed with the instance seed. Two instances built
 * with the same options issue the same sequence, so a run is a function of its inputs (no Math.random).
 */
export class IdSource {
  private readonly seed: string;
  private counter = 0;
  constructor({ seed }: { seed: string }) {
    this.seed = seed;
  }

  /** 32 lowercase hex characters (the model's `uuid` pattern ^[a-f0-9]{32}$), unique within the instance. */
  hex32({ kind }: { kind: string }): string {
    this.counter += 1;
    return digest({ parts: [this.seed, kind, String(this.counter)] }).slice(0, 32);
  }

  /** A stable key for `parts`: the same parts always give the same key within instances of the same seed. */
  stable({ parts }: { parts: readonly string[] }): string {
    return Buffer.from(digest({ parts: [this.seed, ...parts] }), 'hex').toString('base64url').slice(0, 27);
  }
}

/** SHA-256 of the parts, NUL-separated, as hex. */
function digest({ parts }: { parts: readonly string[] }): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}
