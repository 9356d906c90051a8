/**
 * `npm run conformance` / `npx cpct`: the command-line entry. The only module that reads the process (argv, env,
 * cwd, signals), once, at startup; everything else receives what it needs as arguments.
 */
import { runCli } from './run/main.ts';

// The SDK warns on Node < 22 through process.emitWarning; @aws-sdk/core honours this flag. Set before any client
// exists, it also reaches the vitest workers, which inherit the environment.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const code = await runCli({
  argv: process.argv.slice(2),
  env: { ...process.env },
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  onInterrupt: (handler) => {
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    };
  },
  exitNow: (exitCode) => process.exit(exitCode),
});
// Flush stdout before leaving: vitest may keep handles open that would otherwise delay the exit.
process.stdout.write('', () => process.exit(code));
