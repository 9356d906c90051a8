import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildJunit, writeJunit, xmlEscape } from '../../harness/reporters/junit.ts';
import { MARKUP_WARNING, sampleReport, sampleResults, TAGS_WARNING } from './sample.ts';

// An independent XML parser (Python's expat via minidom) reads the file back; the script prints what it found.
const PARSE = `
import json, sys, xml.dom.minidom as m
doc = m.parseString(sys.stdin.buffer.read())
root = doc.documentElement
def attrs(e): return {k: v for k, v in e.attributes.items()}
out = {'root': root.tagName, 'attrs': attrs(root), 'suites': []}
for s in root.getElementsByTagName('testsuite'):
    cases = []
    for c in s.getElementsByTagName('testcase'):
        kids = [{'tag': k.tagName, 'attrs': attrs(k), 'text': ''.join(t.data for t in k.childNodes if t.nodeType == t.TEXT_NODE)} for k in c.childNodes if k.nodeType == k.ELEMENT_NODE and k.tagName != 'properties']
        cprops = [[p.getAttribute('name'), p.getAttribute('value')] for k in c.childNodes if k.nodeType == k.ELEMENT_NODE and k.tagName == 'properties' for p in k.getElementsByTagName('property')]
        order = [k.tagName for k in c.childNodes if k.nodeType == k.ELEMENT_NODE]
        cases.append({'attrs': attrs(c), 'children': kids, 'properties': cprops, 'order': order})
    own = [k for k in s.childNodes if k.nodeType == k.ELEMENT_NODE and k.tagName == 'properties']
    props = {p.getAttribute('name'): p.getAttribute('value') for k in own for p in k.getElementsByTagName('property')}
    out['suites'].append({'attrs': attrs(s), 'cases': cases, 'properties': props})
print(json.dumps(out))
`;

const hasPython = spawnSync('python3', ['-c', 'import xml.dom.minidom'], { stdio: 'ignore' }).status === 0;

interface Parsed {
  root: string;
  attrs: Record<string, string>;
  suites: {
    attrs: Record<string, string>;
    properties: Record<string, string>;
    cases: { attrs: Record<string, string>; children: { tag: string; attrs: Record<string, string>; text: string }[]; properties: [string, string][]; order: string[] }[];
  }[];
}

function parse(xml: string): Parsed {
  return JSON.parse(execFileSync('python3', ['-c', PARSE], { input: xml, encoding: 'utf8', timeout: 10_000 })) as Parsed;
}

describe('xmlEscape', () => {
  it('returns markup escaped, control characters removed and unicode kept', () => {
    expect(xmlEscape({ text: `a<b>&"c'\u0000\u0007\u001Fé✓😀` })).toBe('a&lt;b&gt;&amp;&quot;c&apos;é✓😀');
  });

  it('returns line breaks and tabs as character references', () => {
    expect(xmlEscape({ text: 'a\nb\tc' })).toBe('a&#10;b&#9;c');
  });

  it('returns a lone surrogate removed', () => {
    expect(xmlEscape({ text: 'x\uD800y' })).toBe('xy');
  });
});

describe('buildJunit', () => {
  const xml = buildJunit({ report: sampleReport(), results: sampleResults() });

  it.skipIf(!hasPython)('returns well-formed XML with one testsuite per area and the counts of the common JUnit layout (skipped: python3 absent)', () => {
    const doc = parse(xml);
    expect(doc.root).toBe('testsuites');
    expect(doc.attrs).toMatchObject({ tests: '5', failures: '1', errors: '0', skipped: '2' });
    expect(doc.suites.map((s) => s.attrs.name)).toEqual(['layouts', 'object-types']);
    const layouts = doc.suites[0];
    // layouts: CREATE-01 pass, SIZE-01 skip, VERSION-01 fail; 12 + 12 + 1500 ms.
    expect(layouts.attrs).toMatchObject({ tests: '3', failures: '1', errors: '0', skipped: '1', time: '1.524', timestamp: '2025-06-09T10:11:12' });
    expect(layouts.properties).toEqual({ target: 'endpoint http://127.0.0.1:4566', sdkVersion: '3.1019.0', seed: '42' });
    expect(doc.suites[1].attrs).toMatchObject({ tests: '2', failures: '0', skipped: '1' });
  });

  it.skipIf(!hasPython)('returns an assumed FAIL as skipped with a "FAIL (not counted" message and a verdict property, and as a failure with --strict (skipped: python3 absent)', () => {
    const report = sampleReport();
    const assumed = { ...report, results: report.results.map((r) => (r.id === 'LAYOUT-VERSION-01' ? { ...r, level: 'assumed' as const } : r)) };
    const rows = sampleResults().map((r) => (r.id === 'LAYOUT-VERSION-01' ? { ...r, level: 'assumed' as const } : r));
    const lenient = parse(buildJunit({ report: assumed, results: rows }));
    expect(lenient.attrs).toMatchObject({ tests: '5', failures: '0', skipped: '3' });
    const version = lenient.suites.flatMap((s) => s.cases).find((c) => c.attrs.name.startsWith('LAYOUT-VERSION-01 '));
    expect(version?.children[0]?.tag).toBe('skipped');
    expect(version?.children[0]?.attrs.message).toMatch(/^FAIL \(not counted: level assumed; only --strict makes it fail the run\): expected Version/);
    expect(version?.properties).toContainEqual(['verdict', 'fail']);
    const strict = parse(buildJunit({ report: assumed, results: rows, counting: { strict: true, strictOutput: false } }));
    expect(strict.attrs).toMatchObject({ failures: '1', skipped: '2' });
  });

  it.skipIf(!hasPython)('returns a testcase per contract named "id title" with classname the area (skipped: python3 absent)', () => {
    const cases = parse(xml).suites.flatMap((s) => s.cases);
    expect(cases.map((c) => c.attrs.name)).toContain('LAYOUT-VERSION-01 UpdateDomainLayout bumps Version <& "quoted">');
    expect(cases.every((c) => c.attrs.classname === 'layouts' || c.attrs.classname === 'object-types')).toBe(true);
    expect(cases).toHaveLength(5);
  });

  it.skipIf(!hasPython)('returns a failure with the reason as message (control character dropped) and NA / SKIP as skipped (skipped: python3 absent)', () => {
    const cases = parse(xml).suites.flatMap((s) => s.cases);
    const byId = (id: string) => cases.find((c) => c.attrs.name.startsWith(`${id} `));
    const failure = byId('LAYOUT-VERSION-01')?.children[0];
    expect(failure?.tag).toBe('failure');
    expect(failure?.attrs.message).toBe('expected Version "2"; saw "1" | pipebell');
    expect(failure?.text).toContain('expected: 2\nseen: 1');
    expect(byId('OBJTYPE-TEMPLATE-01')?.children).toEqual([{ tag: 'skipped', attrs: { message: 'NA: the target does not offer GetProfileObjectTypeTemplate' }, text: '' }]);
    expect(byId('LAYOUT-SIZE-01')?.children).toEqual([{ tag: 'skipped', attrs: { message: 'SKIP: too slow on this target' }, text: '' }]);
    expect(byId('LAYOUT-CREATE-01')?.children).toEqual([]);
  });

  it.skipIf(!hasPython)('returns each testcase\'s level, evidence ("id kind where") and warnings as properties before its result (skipped: python3 absent)', () => {
    const cases = parse(xml).suites.flatMap((s) => s.cases);
    const byId = (id: string) => cases.find((c) => c.attrs.name.startsWith(`${id} `))!;
    expect(byId('LAYOUT-VERSION-01').properties).toEqual([
      ['level', 'should'],
      ['evidence', 'D-LAYOUT-VERSION aws-doc https://example.invalid/adminguide/layouts.html?a=1&b=2 (Versions)'],
      ['evidence', 'O-LAYOUT-VERSION observed recordings/aws/layouts.contract.json (entry 12)'],
      ['warning', MARKUP_WARNING],
    ]);
    expect(byId('LAYOUT-VERSION-01').order).toEqual(['properties', 'failure']);
    expect(byId('LAYOUT-CREATE-01').properties).toEqual([
      ['level', 'must'],
      ['evidence', 'M-LAYOUT-CREATE model https://example.invalid/model.json (com.amazonaws.customerprofiles#CreateDomainLayout, @http)'],
      ['warning', TAGS_WARNING],
    ]);
    expect(byId('OBJTYPE-TEMPLATE-01').order).toEqual(['properties', 'skipped']);
    expect(cases.every((c) => c.properties[0][0] === 'level')).toBe(true);
  });

  it('returns only the elements and attributes the JUnit schema knows', () => {
    const tags = new Set([...xml.matchAll(/<([a-z]+)[\s>/]/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(['failure', 'properties', 'property', 'skipped', 'testcase', 'testsuite', 'testsuites']);
  });
});

describe('writeJunit', () => {
  it('writes junit.xml into the directory', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cpct-junit-'));
    try {
      const file = await writeJunit({ xml: '<testsuites/>\n', dir });
      expect(file).toBe(path.join(dir, 'junit.xml'));
      expect(await readFile(file, 'utf8')).toBe('<testsuites/>\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
