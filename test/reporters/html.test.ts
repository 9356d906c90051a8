import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiCoverage } from '../../harness/reporters/api-coverage.ts';
import { buildHtml, htmlEscape, scriptJson, writeHtml } from '../../harness/reporters/html.ts';
import { MARKUP_WARNING, sampleExchanges, sampleReport, sampleResults, TAGS_WARNING } from './sample.ts';

const coverage: ApiCoverage = {
  operations: { covered: 15, total: 16, missing: ['GetDomainLayout'] },
  members: { covered: 70, total: 71, missing: ['ListDomainLayouts.NextToken'] },
  enumValues: { covered: 65, total: 65, missing: [] },
  errors: { covered: 30, total: 32, missing: ['GetDomainLayout:BadRequestException', 'GetDomainLayout:ResourceNotFoundException'] },
};

const html = buildHtml({ report: sampleReport(), results: sampleResults(), exchanges: sampleExchanges(), coverage });

describe('htmlEscape', () => {
  it('returns markup characters as entities', () => {
    expect(htmlEscape({ text: `<a href="x">'&'</a>` })).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('scriptJson', () => {
  it('returns JSON that cannot close its script element and parses back to the value', () => {
    const value = { t: '</script><script>alert(1)</script>', u: '\u2028' };
    const text = scriptJson({ value });
    expect(text).not.toMatch(/<\/script/i);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('buildHtml', () => {
  it('returns one page with inline style and script and nothing loaded from elsewhere', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]*\s(src|href)=/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });

  it('returns the target, SDK version, seed and counts', () => {
    expect(html).toContain('<dd id="target">endpoint http://127.0.0.1:4566</dd>');
    expect(html).toContain('@aws-sdk/client-customer-profiles 3.1019.0');
    expect(html).toContain('<dd id="seed">42</dd>');
    expect(html).toContain('<span id="count-fail">1</span>');
    expect(html).toContain('<span id="count-total">5</span>');
    expect(html).toContain('<span id="count-warnings">2</span>');
  });

  it('returns each grid row with its evidence ids, linked only when the citation is an http(s) URL, and its warning count', () => {
    expect(html).toContain('<th>level</th><th>evidence</th><th>warnings</th>');
    expect(html).toContain(
      '<td class="evidence"><a href="https://example.invalid/adminguide/layouts.html?a=1&amp;b=2" title="https://example.invalid/adminguide/layouts.html?a=1&amp;b=2 (Versions)">D-LAYOUT-VERSION</a> <small>aws-doc</small><br><span title="recordings/aws/layouts.contract.json (entry 12)">O-LAYOUT-VERSION</span> <small>observed</small></td>',
    );
    expect(html).toContain('<span title="javascript:alert(1) (not a link)">A-BAD-LINK</span>');
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain(`<td class="warnings warn" title="${htmlEscape({ text: TAGS_WARNING })}">1</td>`);
  });

  it('returns the failure with its evidence in full (URL linked, path as code) and its warnings escaped', () => {
    expect(html).toContain(
      '<dd class="evidence"><ul class="refs"><li><code>D-LAYOUT-VERSION</code> <small>aws-doc</small> <a href="https://example.invalid/adminguide/layouts.html?a=1&amp;b=2">https://example.invalid/adminguide/layouts.html?a=1&amp;b=2</a> (Versions)</li><li><code>O-LAYOUT-VERSION</code> <small>observed</small> <code>recordings/aws/layouts.contract.json</code> (entry 12)</li></ul></dd>',
    );
    expect(html).toContain(`<dd class="warnings"><ul class="refs"><li><code>${htmlEscape({ text: MARKUP_WARNING })}</code></li></ul></dd>`);
    expect(html).not.toContain('<script>x</script>');
  });

  it('returns a warnings table and each cited entry once with the contracts citing it', () => {
    expect(html).toContain('<h2>Response warnings (2)</h2>');
    expect(html).toContain(`<tr><td><code>LAYOUT-CREATE-01</code></td><td class="pass">pass</td><td><code>${htmlEscape({ text: TAGS_WARNING })}</code></td></tr>`);
    expect(html).toContain('<h2>Evidence cited (5)</h2>');
    expect(html).toContain('<td><code>LAYOUT-SIZE-01</code> <code>OBJTYPE-TEMPLATE-01</code></td>');
  });

  it('returns the failure expandable with expected, seen and the escaped exchange', () => {
    expect(html).toContain('<details class="failure" data-row data-id="LAYOUT-VERSION-01"');
    expect(html).toContain('<dd class="expected">2</dd>');
    expect(html).toContain('<dd class="seen">1</dd>');
    expect(html).toContain('&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;');
    expect(html).toContain('… (527 more characters)');
  });

  it('returns the API coverage table given coverage', () => {
    expect(html).toContain('<td>operations</td><td class="num">15</td><td class="num">16</td><td class="num">93.8%</td>');
  });

  it('returns the embedded data as parseable JSON', () => {
    const m = /<script type="application\/json" id="cpct-data">(.*?)<\/script>/s.exec(html);
    const data = JSON.parse(m?.[1] ?? 'null');
    expect(data.results.map((r: { id: string }) => r.id)).toEqual(['LAYOUT-CREATE-01', 'LAYOUT-SIZE-01', 'LAYOUT-VERSION-01', 'OBJTYPE-KEYS-01', 'OBJTYPE-TEMPLATE-01']);
    expect(data.seed).toBe(42);
  });
});

describe('writeHtml', () => {
  it('writes index.html into the directory', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cpct-html-'));
    try {
      const file = await writeHtml({ html: '<!doctype html>', dir });
      expect(file).toBe(path.join(dir, 'index.html'));
      expect(await readFile(file, 'utf8')).toBe('<!doctype html>');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

// The page in a real browser: Debian's chromium, headless, loads the file from disk, runs the page script with the
// filter in the URL hash and dumps the resulting DOM. Install with `apt-get install -y chromium` to run these.
const CHROMIUM = ['chromium', 'chromium-browser', 'google-chrome'].find((bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0);

describe.skipIf(!CHROMIUM)('index.html in headless chromium (skipped: no chromium on PATH; apt-get install -y chromium)', () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cpct-chromium-'));
    file = path.join(dir, 'index.html');
    await writeFile(file, html);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function dumpDom(hash: string): string {
    return execFileSync(
      CHROMIUM as string,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        `--user-data-dir=${path.join(dir, 'profile')}`,
        '--virtual-time-budget=2000',
        '--dump-dom',
        `${pathToFileURL(file).href}${hash}`,
      ],
      { encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'ignore'] },
    );
  }

  /** [data-id, hidden] of each filterable element, in document order. */
  function rows(dom: string): [string, boolean][] {
    return [...dom.matchAll(/<(?:tr|details)[^>]*\sdata-row=""[^>]*>/g)].map((m) => [/data-id="([^"]+)"/.exec(m[0])?.[1] ?? '', /\shidden=""/.test(m[0])]);
  }

  function shown(dom: string, id: string): string | undefined {
    return new RegExp(`<span id="${id}">(\\d+)</span>`).exec(dom)?.[1];
  }

  it('shows only failing rows and their counts given #status=fail', () => {
    const dom = dumpDom('#status=fail');
    // The script ran to its end: it records the filter it applied.
    expect(dom).toContain('data-filter="status=fail&amp;area=layouts,object-types"');
    const visible = rows(dom).filter(([, hidden]) => !hidden).map(([id]) => id);
    expect(visible).toEqual(['LAYOUT-VERSION-01', 'LAYOUT-VERSION-01']); // its grid row and its failure details
    expect(rows(dom)).toHaveLength(6);
    expect(shown(dom, 'shown')).toBe('1');
    expect([shown(dom, 'shown-pass'), shown(dom, 'shown-fail'), shown(dom, 'shown-na'), shown(dom, 'shown-skip')]).toEqual(['0', '1', '0', '0']);
  });

  it('shows passing and not-applicable rows of one area given #status=pass,na&area=object-types', () => {
    const dom = dumpDom('#status=pass,na&area=object-types');
    const visible = rows(dom).filter(([, hidden]) => !hidden).map(([id]) => id);
    expect(visible).toEqual(['OBJTYPE-KEYS-01', 'OBJTYPE-TEMPLATE-01']);
    expect(shown(dom, 'shown')).toBe('2');
    expect([shown(dom, 'shown-pass'), shown(dom, 'shown-na')]).toEqual(['1', '1']);
  });

  it('shows every row given no hash', () => {
    const dom = dumpDom('');
    expect(rows(dom).every(([, hidden]) => !hidden)).toBe(true);
    expect(shown(dom, 'shown')).toBe('5');
  });
});
