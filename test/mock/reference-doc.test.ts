import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../harness/clock.ts';
import { createMockService } from '../../harness/mock/models/service.ts';
import { loadOperationIndex } from '../../harness/operation-index.ts';
import { CLIENT_OPERATIONS } from '../../harness/scope.ts';

/** The reference-implementation page's operation lists, read back, so the page cannot drift from the service. */

const page = readFileSync(new URL('../../docs/reference-implementation.md', import.meta.url), 'utf8');
const operationsIn = (text: string) => new Set(text.match(/\b[A-Z][A-Za-z]+\b/g) ?? []);

function section(heading: string): string {
  const start = page.indexOf(`## ${heading}`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const end = page.indexOf('\n## ', start + 3);
  return page.slice(start, end < 0 ? undefined : end);
}

describe('docs/reference-implementation.md', () => {
  const index = loadOperationIndex();
  const service = createMockService({ clock: new ManualClock({ startMs: 0 }) });
  const model = Object.keys(index.operations);

  it('lists under "Not implemented" exactly the model operations the service does not answer, with their count', () => {
    // The list is the section's first paragraph; the bullets after it speak of implemented operations.
    const text = section('Not implemented').split('\n\n')[0];
    const listed = model.filter((op) => operationsIn(text).has(op)).sort();
    const missing = model.filter((op) => !service.operations.includes(op)).sort();
    expect(listed).toEqual(missing);
    expect(text).toContain(`(${missing.length} of the model's ${model.length}; the ${service.operations.length} implemented`);
  });

  it('names every client operation under "Operations for code under test"', () => {
    const named = operationsIn(section('Operations for code under test'));
    expect(CLIENT_OPERATIONS.filter((op) => !named.has(op))).toEqual([]);
  });
});
