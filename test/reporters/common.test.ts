import { describe, expect, it } from 'vitest';
import { areaFromId, citationParts, evidenceLine, exchangeView, operationAreaMatrix, reportRows, truncate } from '../../harness/reporters/common.ts';
import { sampleExchanges, sampleReport, sampleResults } from './sample.ts';

describe('truncate', () => {
  it('returns the text unchanged given at most the limit', () => {
    expect(truncate({ text: 'abcd', limit: 4 })).toBe('abcd');
  });

  it('returns the first characters and the count left out given a longer text', () => {
    expect(truncate({ text: 'abcdefghij', limit: 4 })).toBe('abcd… (6 more characters)');
  });
});

describe('citationParts', () => {
  it('returns the URL as target and link and the location given "URL (location)"', () => {
    expect(citationParts({ where: 'https://docs.aws.amazon.com/x.html (Request Syntax)' })).toEqual({ target: 'https://docs.aws.amazon.com/x.html', location: 'Request Syntax', href: 'https://docs.aws.amazon.com/x.html' });
  });

  it('returns a repository path without a link, and no link for a scheme other than http(s)', () => {
    expect(citationParts({ where: 'docs/calculated-attribute-semantics.md' })).toEqual({ target: 'docs/calculated-attribute-semantics.md' });
    expect(citationParts({ where: 'javascript:alert(1) (x)' })).toEqual({ target: 'javascript:alert(1)', location: 'x' });
  });

  it('returns the whole text as target given a citation of another form', () => {
    expect(citationParts({ where: 'two words' })).toEqual({ target: 'two words' });
  });
});

describe('evidenceLine', () => {
  it('returns id, kind and citation separated by spaces', () => {
    expect(evidenceLine({ ref: { id: 'M-A', kind: 'model', where: 'https://x.invalid/m.json (Shape)' } })).toBe('M-A model https://x.invalid/m.json (Shape)');
  });
});

describe('reportRows', () => {
  it('returns the collector areas and expected / seen joined by id', () => {
    const rows = reportRows({ report: sampleReport(), results: sampleResults() });
    const failed = rows.find((r) => r.id === 'LAYOUT-VERSION-01');
    expect(failed).toMatchObject({ area: 'layouts', expected: '2', seen: '1' });
  });

  it('returns the id prefix as area given a report read back from disk', () => {
    const rows = reportRows({ report: sampleReport() });
    expect(rows.map((r) => r.area)).toEqual(['layout', 'layout', 'layout', 'objtype', 'objtype']);
    expect(areaFromId({ id: 'CALC-DEF-01' })).toBe('calc');
  });
});

describe('exchangeView', () => {
  it('returns the request line with its query and the response cut at 2,000 characters', () => {
    const view = exchangeView({ exchange: sampleExchanges()['LAYOUT-VERSION-01'][1] });
    expect(view.requestLine).toBe('PUT /domains/cpct-1/layouts/main?x-id=a+b');
    // Body: 25 characters of prefix + 2,500 y + 2 closing = 2,527; 527 left out.
    expect(view.responseBody.endsWith('… (527 more characters)')).toBe(true);
    expect(view.responseBody.length).toBe(2000 + '… (527 more characters)'.length);
    expect(view.responseHeaders).toEqual({ 'content-type': 'application/json', 'x-amzn-requestid': 'r-1' });
  });
});

describe('operationAreaMatrix', () => {
  it('returns counts per operation and area, a contract counting under each operation it calls', () => {
    const m = operationAreaMatrix({ rows: reportRows({ report: sampleReport(), results: sampleResults() }) });
    expect(m.areas).toEqual(['layouts', 'object-types']);
    // Scope order: GetDomainLayout, CreateDomainLayout, UpdateDomainLayout, ..., GetProfileObjectType..., PutProfileObjectType, GetProfileObjectTypeTemplate.
    expect(m.operations).toEqual(['GetDomainLayout', 'CreateDomainLayout', 'UpdateDomainLayout', 'PutProfileObjectType', 'GetProfileObjectTypeTemplate']);
    expect(m.cells.CreateDomainLayout.layouts).toEqual({ pass: 1, fail: 0, na: 0, skip: 1 });
    expect(m.cells.GetDomainLayout.layouts).toEqual({ pass: 1, fail: 0, na: 0, skip: 0 });
    expect(m.cells.UpdateDomainLayout.layouts).toEqual({ pass: 0, fail: 1, na: 0, skip: 0 });
    expect(m.cells.GetProfileObjectTypeTemplate['object-types']).toEqual({ pass: 0, fail: 0, na: 1, skip: 0 });
  });
});
