import { createRequire } from 'node:module';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-root.ts';

/** The package's root directory, found from this file so an installed copy finds its own contracts and config. */
export { PACKAGE_ROOT };

/** The vitest config that defines the "contracts" project. */
export const VITEST_CONFIG = path.join(PACKAGE_ROOT, 'vitest.config.ts');

/** Version of the installed official client, for the report (read from its package.json). */
export function readSdkVersion(): string {
  const require = createRequire(import.meta.url);
  const pkg = require('@aws-sdk/client-customer-profiles/package.json') as { version: string };
  return pkg.version;
}
