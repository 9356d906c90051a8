import { createHmac, timingSafeEqual } from 'node:crypto';
import { BadRequestException } from './errors.ts';

/**
 * Opaque, tamper-evident pagination tokens. A token carries the offset of the next item and a fingerprint of
 * the list it belongs to (operation and the non-token parameters), signed with the instance's secret. A token the
 * instance did not issue, a tampered one, or one reused for another list is a BadRequestException, never a 5xx.
 */
export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/** Signs and checks tokens for one mock instance. */
export class PageTokens {
  private readonly secret: string;
  constructor({ secret }: { secret: string }) {
    this.secret = secret;
  }

  /** Returns one page of `all` starting at the token's offset, and a token for the next page when there is one. */
  page<T>({ all, maxResults, nextToken, scope, defaultPageSize }: {
    all: readonly T[];
    maxResults?: number;
    nextToken?: string;
    /** Identifies the list (operation + parameters) so a token cannot be replayed against another list. */
    scope: string;
    defaultPageSize: number;
  }): Page<T> {
    const size = maxResults ?? defaultPageSize;
    // A page size below 1 would hand out the same offset forever: refuse it here too, whatever the caller checked.
    if (!Number.isInteger(size) || size < 1) throw new BadRequestException(`MaxResults must be an integer of at least 1; got ${String(size)}`);
    const start = nextToken === undefined ? 0 : this.decode({ token: nextToken, scope });
    const items = all.slice(start, start + size);
    const end = start + items.length;
    return end < all.length ? { items, nextToken: this.encode({ offset: end, scope }) } : { items };
  }

  /** Encodes an offset for `scope` as an opaque string. */
  encode({ offset, scope }: { offset: number; scope: string }): string {
    const body = Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
    return `${body}.${this.sign({ body, scope })}`;
  }

  /** Decodes a token issued for `scope`; throws BadRequestException otherwise. */
  decode({ token, scope }: { token: string; scope: string }): number {
    const bad = () => new BadRequestException('NextToken is invalid: it was not issued for this request or was modified');
    const dot = token.indexOf('.');
    if (dot <= 0) throw bad();
    const body = token.slice(0, dot);
    const sig = Buffer.from(token.slice(dot + 1));
    const want = Buffer.from(this.sign({ body, scope }));
    if (sig.length !== want.length || !timingSafeEqual(sig, want)) throw bad();
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      throw bad();
    }
    const offset = (parsed as { o?: unknown }).o;
    if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) throw bad();
    return offset;
  }

  private sign({ body, scope }: { body: string; scope: string }): string {
    return createHmac('sha256', this.secret).update(scope).update('\0').update(body).digest('base64url').slice(0, 22);
  }
}
