import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMarkdown, mdCell, mdFence, writeMarkdown } from '../../harness/reporters/markdown.ts';
import { sampleExchanges, sampleReport, sampleResults } from './sample.ts';

describe('buildMarkdown', () => {
  const md = buildMarkdown({ report: sampleReport(), results: sampleResults(), exchanges: sampleExchanges() });

  it('returns the target, SDK version, seed and the summary counts', () => {
    expect(md).toContain('- target: endpoint http://127.0.0.1:4566');
    expect(md).toContain('- SDK: @aws-sdk/client-customer-profiles 3.1019.0');
    expect(md).toContain('- seed: 42');
    expect(md).toContain('| 2 | 1 | 1 | 1 | 5 |');
  });

  it('returns an operation x area row per operation with its counts', () => {
    expect(md).toContain('| operation | layouts | object-types |');
    expect(md).toContain('| CreateDomainLayout | 1 pass, 1 skip |  |');
    expect(md).toContain('| UpdateDomainLayout | 1 fail |  |');
    expect(md).toContain('| GetProfileObjectTypeTemplate |  | 1 na |');
  });

  it('returns each failure with id, expected, seen and the last exchange, bodies truncated', () => {
    expect(md).toContain('## Failures (1)');
    expect(md).toContain('### LAYOUT-VERSION-01 UpdateDomainLayout bumps Version <& "quoted">');
    expect(md).toContain('- expected: 2');
    expect(md).toContain('- seen: 1');
    expect(md).toContain('Last exchange (UpdateDomainLayout):');
    expect(md).toContain('PUT /domains/cpct-1/layouts/main?x-id=a+b');
    expect(md).toContain('HTTP 200\ncontent-type: application/json');
    expect(md).toContain('… (527 more characters)');
    expect(md).not.toContain('y'.repeat(2001));
  });

  it('returns NA and SKIP rows with their reasons', () => {
    expect(md).toContain('| OBJTYPE-TEMPLATE-01 | na | the target does not offer GetProfileObjectTypeTemplate |');
    expect(md).toContain('| LAYOUT-SIZE-01 | skip | too slow on this target |');
  });

  it('returns "None." under failures given a run without failures', () => {
    const report = sampleReport();
    report.results = report.results.filter((r) => r.status !== 'fail');
    report.summary = { pass: 2, fail: 0, na: 1, skip: 1, warnings: 0 };
    expect(buildMarkdown({ report })).toContain('## Failures (0)\n\nNone.');
  });
});

describe('mdCell', () => {
  it('returns pipes escaped and line breaks flattened', () => {
    expect(mdCell({ text: 'a|b\nc' })).toBe('a\\|b c');
  });
});

describe('mdFence', () => {
  it('returns a fence longer than any backtick run in the text', () => {
    expect(mdFence({ text: 'x ```` y' })).toBe('`````\nx ```` y\n`````');
  });
});

describe('writeMarkdown', () => {
  it('writes conformance.md into the directory', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cpct-md-'));
    try {
      const file = await writeMarkdown({ markdown: '# x\n', dir });
      expect(file).toBe(path.join(dir, 'conformance.md'));
      expect(await readFile(file, 'utf8')).toBe('# x\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
