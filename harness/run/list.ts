/**
 * Lists the contracts without running them: vitest collects the contract files (their top level declares every
 * contract with its metadata; nothing talks to a target, since sessions open in hooks that collection does not run).
 * The evidence checks and `--list` read the declarations from here.
 */
import { Writable } from 'node:stream';
import { createVitest } from 'vitest/node';
import type { ContractMeta } from '../contracts/meta.ts';
import { HarnessError } from '../errors.ts';
import { PACKAGE_ROOT, VITEST_CONFIG } from './paths.ts';

/** Every declared contract, in file then declaration order. A file that fails to load is an error naming it. */
export async function listContracts(): Promise<ContractMeta[]> {
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  const vitest = await createVitest(
    'test',
    { config: VITEST_CONFIG, root: PACKAGE_ROOT, project: ['contracts'], watch: false, pool: 'threads', isolate: false, maxWorkers: 2, reporters: [], experimental: { fsModuleCache: true } },
    {},
    { stdout: quiet, stderr: quiet },
  );
  try {
    const specs = await vitest.globTestSpecifications();
    const { testModules } = await vitest.collectTests(specs);
    const out: ContractMeta[] = [];
    for (const module of [...testModules].sort((a, b) => (a.moduleId < b.moduleId ? -1 : 1))) {
      const errors = module.errors();
      if (errors.length > 0) {
        throw new HarnessError({ component: 'cpct', expected: `contract file ${module.relativeModuleId} to load`, seen: errors[0].message ?? String(errors[0]), action: 'fix the file (run npm run conformance to see the full error)' });
      }
      for (const test of module.children.allTests()) {
        const meta = test.meta().contract;
        if (meta) out.push(meta);
      }
    }
    return out;
  } finally {
    await vitest.close();
  }
}
