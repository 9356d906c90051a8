/**
 * A loopback HTTP proxy in front of a server that plants values into its responses, as a service handing back
 * personal data and AWS identifiers would: in new members at any depth, appended to existing members, inside JSON
 * held in a string, in member names, in a NextToken (which the client then sends back in a query string) and in a
 * response header. It keeps every exchange as it left the proxy, so a test can scan what the sanitizer never saw.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Where in a response a planting goes. */
export type Place = 'member' | 'existing' | 'json-string' | 'member-name' | 'next-token' | 'header';
export const PLACES: readonly Place[] = ['member', 'existing', 'json-string', 'member-name', 'next-token', 'header'];

/** Texts to put at one place of one response. */
export interface Planting {
  /** Index of the response (in the order the proxy answers; taken modulo the number of responses of the run). */
  response: number;
  place: Place;
  /** Member names leading to the planted member (its depth); a `[]` entry wraps the level in an array. */
  path: readonly string[];
  texts: readonly string[];
}

/** One exchange as the client received it. */
export interface RawExchange {
  method: string;
  path: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

function nest(path: readonly string[], leaf: unknown): unknown {
  let value: unknown = leaf;
  for (let i = path.length - 1; i >= 0; i--) value = path[i] === '[]' ? [value] : { [path[i]]: value };
  return value;
}

/** The response after the plantings aimed at it (pure: a new body and new headers). */
export function plantResponse({ body, headers, plantings }: { body: Record<string, unknown>; headers: Record<string, string>; plantings: readonly Planting[] }): {
  body: Record<string, unknown>;
  headers: Record<string, string>;
} {
  const out = structuredClone(body);
  const outHeaders = { ...headers };
  // Plantings at the same place add up (numbered members, appended text), so none hides another.
  plantings.forEach(({ place, path, texts }, i) => {
    const text = `leak ${texts.join(' and ')} end`;
    const member = path.find((p) => p !== '[]') ?? 'Note';
    const append = (old: unknown) => (typeof old === 'string' ? `${old} ${text}` : text);
    switch (place) {
      case 'member':
        out[`Leak${i}${member}`] = nest(path, text);
        break;
      case 'existing': {
        const key = Object.keys(out).find((k) => typeof out[k] === 'string');
        out[key ?? `Leak${i}Note`] = append(key ? out[key] : undefined);
        break;
      }
      case 'json-string':
        out[`Leak${i}Blob`] = JSON.stringify(nest(path, text));
        break;
      case 'member-name':
        out[text] = nest(path, 'x');
        break;
      case 'next-token':
        out.NextToken = append(out.NextToken);
        break;
      case 'header':
        outHeaders['x-amzn-leak'] = append(outHeaders['x-amzn-leak']);
        break;
    }
  });
  return { body: out, headers: outHeaders };
}

export interface PlantingProxy {
  url: string;
  /** Starts a new run: the plantings to apply and an empty list of exchanges. */
  reset(args: { plantings: readonly Planting[]; responses: number }): void;
  /** The exchanges of the current run, as the client received them. */
  exchanges(): RawExchange[];
  close(): Promise<void>;
}

/** Starts the proxy on 127.0.0.1 in front of `upstream` (an http:// URL). */
export async function startPlantingProxy({ upstream }: { upstream: string }): Promise<PlantingProxy> {
  let plantings: readonly Planting[] = [];
  let responses = 1;
  let seen: RawExchange[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const index = seen.length;
      seen.push({ method: req.method ?? 'GET', path: req.url ?? '/', status: 0, headers: {}, body: '' });
      const upstreamReq = http.request(`${upstream}${req.url}`, { method: req.method, headers: req.headers }, (up) => {
        const body: Buffer[] = [];
        up.on('data', (c: Buffer) => body.push(c));
        up.on('end', () => {
          let text = Buffer.concat(body).toString('utf8');
          let headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(up.headers)) if (typeof v === 'string') headers[k] = v;
          const mine = plantings.filter((p) => p.response % responses === index % responses);
          if (text.startsWith('{') && mine.length > 0) {
            const planted = plantResponse({ body: JSON.parse(text) as Record<string, unknown>, headers, plantings: mine });
            text = JSON.stringify(planted.body);
            headers = planted.headers;
          }
          headers['content-length'] = String(Buffer.byteLength(text));
          seen[index] = { ...seen[index], status: up.statusCode ?? 500, headers, body: text };
          res.writeHead(up.statusCode ?? 500, headers);
          res.end(text);
        });
      });
      upstreamReq.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      upstreamReq.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    reset(args) {
      plantings = args.plantings;
      responses = Math.max(1, args.responses);
      seen = [];
    },
    exchanges: () => seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
