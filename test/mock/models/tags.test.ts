import { describe, expect, it } from 'vitest';
import { ARN, contactType, domain, expectError, setup, type Caller } from './helpers.ts';

function base(options = {}) {
  const ctx = setup({ options });
  domain(ctx.call);
  contactType(ctx.call);
  ctx.call('CreateDomainLayout', { DomainName: 'dom', LayoutDefinitionName: 'main', Description: 'd', DisplayName: 'Main', LayoutType: 'PROFILE_EXPLORER', Layout: '{}' });
  ctx.call('CreateCalculatedAttributeDefinition', {
    DomainName: 'dom', CalculatedAttributeName: 'total', Statistic: 'SUM', Tags: { from: 'create' },
    AttributeDetails: { Attributes: [{ Name: 'amount' }], Expression: '{Contact.amount}' },
  });
  return ctx;
}
const list = (call: Caller, arn: string) => call('ListTagsForResource', { resourceArn: arn }).tags;

describe('TagResource', () => {
  it.each([
    ['a domain', `${ARN}dom`],
    ['an object type', `${ARN}dom/object-types/Contact`],
    ['a layout', `${ARN}dom/layouts/main`],
    ['a calculated attribute definition', `${ARN}dom/calculated-attributes/total`],
  ])('adds tags to %s', (_, arn) => {
    const { call } = base();
    expect(call('TagResource', { resourceArn: arn, tags: { team: 'x' } })).toEqual({});
    expect(list(call, arn)).toMatchObject({ team: 'x' });
  });

  it('replaces the value of an existing key and keeps the others', () => {
    const { call } = base();
    const arn = `${ARN}dom`;
    call('TagResource', { resourceArn: arn, tags: { a: '1', b: '2' } });
    call('TagResource', { resourceArn: arn, tags: { b: '3' } });
    expect(list(call, arn)).toEqual({ a: '1', b: '3' });
    expect(call('GetDomain', { DomainName: 'dom' }).Tags).toEqual({ a: '1', b: '3' });
  });

  it('shows tags added later in the calculated attribute definition outputs', () => {
    const { call } = base();
    call('TagResource', { resourceArn: `${ARN}dom/calculated-attributes/total`, tags: { later: 'y' } });
    expect(call('GetCalculatedAttributeDefinition', { DomainName: 'dom', CalculatedAttributeName: 'total' }).Tags).toEqual({ from: 'create', later: 'y' });
    expect(call('ListCalculatedAttributeDefinitions', { DomainName: 'dom' }).Items[0].Tags).toEqual({ from: 'create', later: 'y' });
  });

  it('throws BadRequestException given more than 50 tags in all', () => {
    const { call } = base();
    const arn = `${ARN}dom`;
    call('TagResource', { resourceArn: arn, tags: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v'])) });
    expectError(() => call('TagResource', { resourceArn: arn, tags: { extra: 'v' } }), 'BadRequestException', /50/);
    expect(Object.keys(list(call, arn))).toHaveLength(50);
  });

  it.each([
    ['an unknown domain', `${ARN}nope`],
    ['an unknown layout', `${ARN}dom/layouts/nope`],
    ['an unknown object type', `${ARN}dom/object-types/Nope`],
    ['an unknown calculated attribute', `${ARN}dom/calculated-attributes/nope`],
    ['another account', 'arn:aws:profile:us-east-1:111111111111:domains/dom'],
    ['another region', 'arn:aws:profile:eu-west-1:000000000000:domains/dom'],
    ['an unknown resource kind', `${ARN}dom/integrations/x`],
  ])('throws ResourceNotFoundException given the ARN of %s', (_, arn) => {
    const { call } = base();
    expectError(() => call('TagResource', { resourceArn: arn, tags: { a: 'b' } }), 'ResourceNotFoundException');
  });

  it('throws BadRequestException given a resourceArn that is not an ARN', () => {
    const { call } = base();
    expectError(() => call('TagResource', { resourceArn: 'domains/dom', tags: { a: 'b' } }), 'BadRequestException', /resourceArn/);
  });

  it('uses the configured account and region', () => {
    const { call } = base({ accountId: '123412341234', region: 'eu-central-1' });
    call('TagResource', { resourceArn: 'arn:aws:profile:eu-central-1:123412341234:domains/dom', tags: { a: 'b' } });
    expect(call('GetDomain', { DomainName: 'dom' }).Tags).toEqual({ a: 'b' });
    expectError(() => call('TagResource', { resourceArn: `${ARN}dom`, tags: { a: 'b' } }), 'ResourceNotFoundException');
  });
});

describe('UntagResource', () => {
  it('removes the given keys and ignores absent ones', () => {
    const { call } = base();
    const arn = `${ARN}dom/layouts/main`;
    call('TagResource', { resourceArn: arn, tags: { a: '1', b: '2' } });
    expect(call('UntagResource', { resourceArn: arn, tagKeys: ['a', 'zzz'] })).toEqual({});
    expect(list(call, arn)).toEqual({ b: '2' });
    expect(call('GetDomainLayout', { DomainName: 'dom', LayoutDefinitionName: 'main' }).Tags).toEqual({ b: '2' });
  });

  it('throws BadRequestException naming tagKeys given an empty list', () => {
    const { call } = base();
    expectError(() => call('UntagResource', { resourceArn: `${ARN}dom`, tagKeys: [] }), 'BadRequestException', /tagKeys/);
  });

  it('throws ResourceNotFoundException given an unknown resource', () => {
    const { call } = base();
    expectError(() => call('UntagResource', { resourceArn: `${ARN}zz`, tagKeys: ['a'] }), 'ResourceNotFoundException');
  });
});

describe('ListTagsForResource', () => {
  it('returns an empty tag map given a resource without tags (as AWS documents "Tags": {})', () => {
    const { call } = base();
    expect(call('ListTagsForResource', { resourceArn: `${ARN}dom/object-types/Contact` })).toEqual({ tags: {} });
    expect(call('GetProfileObjectType', { DomainName: 'dom', ObjectTypeName: 'Contact' }).Tags).toEqual({});
    expect(call('GetDomain', { DomainName: 'dom' }).Tags).toEqual({});
  });

  it('forgets the tags of a deleted calculated attribute definition', () => {
    const { call } = base();
    call('DeleteCalculatedAttributeDefinition', { DomainName: 'dom', CalculatedAttributeName: 'total' });
    expectError(() => list(call, `${ARN}dom/calculated-attributes/total`), 'ResourceNotFoundException');
    call('CreateCalculatedAttributeDefinition', {
      DomainName: 'dom', CalculatedAttributeName: 'total', Statistic: 'SUM',
      AttributeDetails: { Attributes: [{ Name: 'amount' }], Expression: '{Contact.amount}' },
    });
    expect(list(call, `${ARN}dom/calculated-attributes/total`)).toEqual({});
  });

  it('throws ResourceNotFoundException given an unknown resource', () => {
    const { call } = base();
    expectError(() => list(call, `${ARN}dom/layouts/zz`), 'ResourceNotFoundException');
  });
});
