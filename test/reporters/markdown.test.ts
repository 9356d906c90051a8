import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMarkdown, mdCell, mdCodeCell, mdFence, writeMarkdown } from '../../harness/reporters/markdown.ts';
import { MARKUP_WARNING, sampleExchanges, sampleReport, sampleResults, TAGS_WARNING } from './sample.ts';

describe('buildMarkdown', () => {
  const md = buildMarkdown({ report: sampleReport(), results: sampleResults(), exchanges: sampleExchanges() });

  it('returns the target, SDK version, seed and the summary counts', () => {
    expect(md).toContain('- target: endpoint http://127.0.0.1:4566');
    expect(md).toContain('- SDK: @aws-sdk/client-customer-profiles 3.1019.0');
    expect(md).toContain('- seed: 42');
    expect(md).toContain('| pass | fail | na | skip | total | warnings |');
    expect(md).toContain('| 2 | 1 | 1 | 1 | 5 | 2 |');
  });

  it('returns the failure\'s evidence, one line per entry with id, kind and citation, and its warnings as code', () => {
    expect(md).toContain(
      [
        '- evidence:',
        '  - `D-LAYOUT-VERSION` aws-doc: https://example.invalid/adminguide/layouts.html?a=1&b=2 (Versions)',
        '  - `O-LAYOUT-VERSION` observed: recordings/aws/layouts.contract.json (entry 12)',
        '- response warnings (1):',
        `  - \`${MARKUP_WARNING}\``,
      ].join('\n'),
    );
  });

  it('returns a warnings section with one row per warning, markup inside code and pipes escaped', () => {
    expect(md).toContain('## Response warnings (2)');
    expect(md).toContain('--strict-output');
    expect(md).toContain(`| LAYOUT-CREATE-01 | pass | \`${TAGS_WARNING}\` |`);
    expect(md).toContain('| LAYOUT-VERSION-01 | fail | `UpdateDomainLayout body /DisplayName: expected string matching /^[a-z\\|]+$/; saw string "</td><script>x</script>"` |');
  });

  it('returns every contract with status, level, its evidence and its warning count', () => {
    expect(md).toContain('| id | status | level | evidence | warnings |');
    expect(md).toContain('| OBJTYPE-KEYS-01 | pass | must | `A-BAD-LINK` assumed: javascript:alert(1) (not a link) | 0 |');
    expect(md).toContain(
      '| LAYOUT-VERSION-01 | fail | should | `D-LAYOUT-VERSION` aws-doc: https://example.invalid/adminguide/layouts.html?a=1&b=2 (Versions)<br>`O-LAYOUT-VERSION` observed: recordings/aws/layouts.contract.json (entry 12) | 1 |',
    );
  });

  it('returns "none cited" and "None." given a contract without evidence and a run without warnings', () => {
    const report = sampleReport();
    report.results = report.results.map((r) => ({ ...r, evidence: [], warnings: [] }));
    report.summary = { ...report.summary, warnings: 0 };
    const plain = buildMarkdown({ report });
    expect(plain).toContain('- evidence: none cited');
    expect(plain).toContain('## Response warnings (0)');
    expect(plain).toMatch(/## Response warnings \(0\)\n\n.*\n\nNone\./);
    expect(plain).toContain('| LAYOUT-CREATE-01 | pass | must | none cited | 0 |');
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
    report.summary = { pass: 2, fail: 0, na: 1, skip: 1, warnings: 1 };
    expect(buildMarkdown({ report })).toContain('## Failures (0)\n\nNone.');
  });
});

describe('mdCell', () => {
  it('returns pipes escaped and line breaks flattened', () => {
    expect(mdCell({ text: 'a|b\nc' })).toBe('a\\|b c');
  });
});

describe('mdCodeCell', () => {
  it('returns inline code with pipes escaped, backslashes kept and a fence longer than any backtick run', () => {
    expect(mdCodeCell({ text: 'a|b\\d' })).toBe('`a\\|b\\d`');
    expect(mdCodeCell({ text: 'x `y` z' })).toBe('``x `y` z``');
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
