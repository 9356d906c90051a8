import * as sdk from '@aws-sdk/client-customer-profiles';
import { describe, expect, it } from 'vitest';
import { SCHEMAS_DIR } from '../../harness/operation-index.ts';
import { SCOPED_OPERATIONS } from '../../harness/scope.ts';
import { compareViews, formatMismatches, sdkView, specsView, type ApiView } from './sdk-view.ts';

const specs = specsView({ dir: SCHEMAS_DIR, operations: SCOPED_OPERATIONS });
const enumNames = (op: string) => Object.keys(specs[op]?.enums ?? {});
const client = sdkView({ sdk: sdk as Record<string, any>, operations: SCOPED_OPERATIONS, enumNames });

describe('specs/schemas against @aws-sdk/client-customer-profiles', () => {
  it.each([...SCOPED_OPERATIONS])('returns no difference in members, required-ness, bindings or enum values for %s', (op) => {
    const mismatches = compareViews({ specs, sdk: client, operations: [op] });
    expect(mismatches, formatMismatches({ mismatches })).toEqual([]);
  });

  it('reads both sides in full (GetDomainLayout as hand-checked against the model)', () => {
    const out = client.GetDomainLayout.structures.GetDomainLayoutResponse;
    expect(Object.keys(out).sort()).toEqual(
      ['CreatedAt', 'Description', 'DisplayName', 'IsDefault', 'LastUpdatedAt', 'Layout', 'LayoutDefinitionName', 'LayoutType', 'Tags', 'Version'].sort(),
    );
    expect(Object.values(out).filter((m) => m.required)).toHaveLength(8);
    expect(specs.GetDomainLayout.structures.GetDomainLayoutRequest.DomainName).toEqual({ location: 'label', wire: 'DomainName', required: true });
    expect(client.ListDomainLayouts.structures.ListDomainLayoutsRequest.NextToken).toEqual({ location: 'query', wire: 'next-token', required: false });
    expect(client.GetDomainLayout.enums).toEqual({ LayoutType: ['PROFILE_EXPLORER'] });
    expect(client.SearchProfiles.enums.logicalOperator).toEqual(['AND', 'OR']);
  });
});

describe('compareViews', () => {
  /** A deep copy of the SDK view for one operation, to plant differences in. */
  const doctored = (op: string): ApiView => JSON.parse(JSON.stringify({ [op]: client[op] }));

  it('returns nothing given two equal views', () => {
    expect(compareViews({ specs: doctored('GetDomainLayout'), sdk: doctored('GetDomainLayout'), operations: ['GetDomainLayout'] })).toEqual([]);
  });

  it('names the operation, member and both sides given planted differences', () => {
    const planted = doctored('GetDomainLayout');
    const response = planted.GetDomainLayout.structures.GetDomainLayoutResponse;
    delete response.Version;
    response.CreatedAt.required = false;
    planted.GetDomainLayout.enums.LayoutType = ['PROFILE_EXPLORER', 'EXTRA'];
    planted.GetDomainLayout.structures.GetDomainLayoutRequest.DomainName.location = 'query';
    planted.GetDomainLayout.http = 'PUT /domains/{DomainName}/layouts/{LayoutDefinitionName} 200';
    expect(compareViews({ specs: doctored('GetDomainLayout'), sdk: planted, operations: ['GetDomainLayout'] })).toEqual([
      {
        operation: 'GetDomainLayout',
        shape: '(operation)',
        member: 'http',
        specs: 'GET /domains/{DomainName}/layouts/{LayoutDefinitionName} 200',
        sdk: 'PUT /domains/{DomainName}/layouts/{LayoutDefinitionName} 200',
      },
      { operation: 'GetDomainLayout', shape: 'GetDomainLayoutRequest', member: 'DomainName', specs: 'label "DomainName", required', sdk: 'query "DomainName", required' },
      { operation: 'GetDomainLayout', shape: 'GetDomainLayoutResponse', member: 'CreatedAt', specs: 'body "CreatedAt", required', sdk: 'body "CreatedAt", optional' },
      { operation: 'GetDomainLayout', shape: 'GetDomainLayoutResponse', member: 'Version', specs: 'body "Version", required', sdk: 'absent' },
      { operation: 'GetDomainLayout', shape: 'LayoutType', member: '(enum values)', specs: '"PROFILE_EXPLORER"', sdk: '"PROFILE_EXPLORER", "EXTRA"' },
    ]);
  });

  it('reports a structure or enum one side lacks, and an operation missing on one side', () => {
    const planted = doctored('ListDomainLayouts');
    delete planted.ListDomainLayouts.structures.LayoutItem;
    planted.ListDomainLayouts.enums.LayoutType = null;
    const found = compareViews({ specs: doctored('ListDomainLayouts'), sdk: planted, operations: ['ListDomainLayouts', 'NoSuchOperation'] });
    expect(found).toEqual([
      { operation: 'ListDomainLayouts', shape: 'LayoutItem', member: '', specs: 'structure present', sdk: 'absent' },
      { operation: 'ListDomainLayouts', shape: 'LayoutType', member: '(enum values)', specs: '"PROFILE_EXPLORER"', sdk: 'no such enum' },
      { operation: 'NoSuchOperation', shape: '(operation)', member: '', specs: 'absent', sdk: 'absent' },
    ]);
    expect(formatMismatches({ mismatches: found.slice(0, 1) })).toBe('ListDomainLayouts: LayoutItem: specs/schemas says structure present; SDK says absent');
  });
});
