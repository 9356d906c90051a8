import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatError } from '../errors.ts';
import { startMockServer, type MockServer } from './server.ts';

/**
 * `npm run mock -- [--port N] [--host H]`: the standalone reference server. Prints exactly one line,
 * `listening on http://HOST:PORT`, once it accepts connections; exits 0 on SIGINT/SIGTERM after closing;
 * exits 2 on a bad flag or when it cannot listen.
 */

const COMPONENT = 'mock';
const USAGE = 'run `npm run mock -- [--port N] [--host H]` with N an integer 0..65535 (0 picks a free port)';

/** What `--help` prints. */
export const HELP = `Usage: npm run mock -- [--port N] [--host H]
       npx cpct-mock [--port N] [--host H]      (from a project that installed this package)

The reference implementation of the Customer Profiles API as a standalone HTTP server (REST-JSON, in memory).
Point the suite or your own code at it: npm run conformance -- --endpoint http://127.0.0.1:N

  --port N     port to listen on, 0..65535 (default 0: a free port, printed on start)
  --host H     host name or address to bind (default 127.0.0.1)
  --help       this text

Prints exactly one line, "listening on http://H:N", once it accepts connections.
Exit codes: 0 stopped by SIGINT (Ctrl-C) or SIGTERM after closing; 2 a bad flag, or it cannot listen.
`;

interface CliArgs {
  port: number;
  host: string;
  help?: true;
}

/** Parses the command line; returns an error message for people instead of throwing. */
export function parseCliArgs({ argv }: { argv: string[] }): CliArgs | { error: string } {
  let values: { port?: string; host?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return {
      error: formatError({
        component: COMPONENT,
        expected: 'only the flags --port N, --host H and --help',
        seen: (error as Error).message.replace(/\s*\n\s*/g, ' '),
        action: USAGE,
      }),
    };
  }
  if (values.help) return { port: 0, host: '127.0.0.1', help: true };
  const portText = values.port ?? '0';
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 0 && port <= 65535)) {
    return { error: formatError({ component: COMPONENT, expected: 'a port number 0..65535', seen: `--port ${JSON.stringify(portText)}`, action: USAGE }) };
  }
  const host = values.host ?? '127.0.0.1';
  if (host.trim() === '') {
    return { error: formatError({ component: COMPONENT, expected: 'a host name or address', seen: 'an empty --host', action: USAGE }) };
  }
  return { port, host };
}

/** Runs the CLI until a signal arrives; resolves with the process exit code. */
export async function main({ argv }: { argv: string[] }): Promise<number> {
  const args = parseCliArgs({ argv });
  if ('error' in args) {
    process.stderr.write(`${args.error}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(HELP);
    return 0;
  }
  let server: MockServer;
  try {
    server = await startMockServer({ port: args.port, host: args.host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const action =
      code === 'EADDRINUSE'
        ? 'stop the process using that port or pick another with --port (0 picks a free one)'
        : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
          ? 'pass a host name or address of this machine with --host (default 127.0.0.1)'
          : code === 'EACCES'
            ? 'use a port above 1023 or run with the needed privileges'
            : USAGE;
    process.stderr.write(
      `${formatError({ component: COMPONENT, expected: `to listen on ${args.host}:${args.port}`, seen: `${code ?? 'error'}: ${(error as Error).message}`, action })}\n`,
    );
    return 2;
  }
  process.stdout.write(`listening on ${server.url}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await server.close();
  return 0;
}

// Run only when executed directly, so tests can import parseCliArgs without starting a server.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main({ argv: process.argv.slice(2) }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${formatError({ component: COMPONENT, expected: 'a clean run', seen: String(error), action: 'report this as a bug' })}\n`);
      process.exit(2);
    },
  );
}
