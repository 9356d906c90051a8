import { describe, expect, it } from 'vitest';
import { CLIENT_OPERATIONS, SCOPED_OPERATIONS } from '../../../harness/scope.ts';
import { contactType, domain, expectError, setup, type Caller } from './helpers.ts';

const CALCULATED = [
  'CreateCalculatedAttributeDefinition', 'GetCalculatedAttributeDefinition', 'UpdateCalculatedAttributeDefinition',
  'DeleteCalculatedAttributeDefinition', 'ListCalculatedAttributeDefinitions', 'GetCalculatedAttributeForProfile',
  'ListCalculatedAttributesForProfile', 'BatchGetCalculatedAttributeForProfile',
];

function withSum() {
  const ctx = setup();
  domain(ctx.call);
  contactType(ctx.call);
  ctx.call('CreateCalculatedAttributeDefinition', {
    DomainName: 'dom', CalculatedAttributeName: 'total', Statistic: 'SUM',
    AttributeDetails: { Attributes: [{ Name: 'amount' }], Expression: '{Contact.amount}' },
  });
  return ctx;
}
const put = (call: Caller, object: object) => call('PutProfileObject', { DomainName: 'dom', ObjectTypeName: 'Contact', Object: JSON.stringify(object) });
const total = (call: Caller, ProfileId: string) => call('GetCalculatedAttributeForProfile', { DomainName: 'dom', CalculatedAttributeName: 'total', ProfileId }).Value;

describe('createMockService', () => {
  it('lists exactly the operations in scope and the client operations beyond it', () => {
    const { service } = setup();
    expect([...service.operations].sort()).toEqual([...SCOPED_OPERATIONS, ...CLIENT_OPERATIONS].sort());
  });

  it('throws BadRequestException starting UnknownOperation given an operation it does not implement', () => {
    const { call } = setup();
    expectError(() => call('GetSimilarProfiles', {}), 'BadRequestException', /^UnknownOperation: GetSimilarProfiles/);
    expectError(() => call('toString', {}), 'BadRequestException', /^UnknownOperation/);
  });

  it('keeps state per instance', () => {
    const a = setup();
    const b = setup();
    domain(a.call);
    expect(b.call('ListDomains', {}).Items).toEqual([]);
    expect(a.call('ListDomains', {}).Items).toHaveLength(1);
  });

  it('treats a non-object input as empty and reports the missing member', () => {
    const { service } = setup();
    expectError(() => service.call('GetDomain', null as never), 'BadRequestException', /DomainName is required/);
  });
});

describe('calculated-attribute delegation', () => {
  it.each(CALCULATED)('throws ResourceNotFoundException for %s given an unknown domain', (operation) => {
    const { call } = setup();
    expectError(() => call(operation, { DomainName: 'nope', CalculatedAttributeName: 'x', ProfileId: 'a'.repeat(32), ProfileIds: ['a'.repeat(32)] }), 'ResourceNotFoundException', /nope/);
  });

  it('feeds ingested objects to the statistics, replacing an object with the same UNIQUE value', () => {
    const { call } = withSum();
    put(call, { id: '1', email: 'a@x.io', amount: 10 });
    put(call, { id: '2', email: 'a@x.io', amount: 5 });
    const [{ ProfileId }] = call('SearchProfiles', { DomainName: 'dom', KeyName: '_email', Values: ['a@x.io'] }).Items;
    expect(total(call, ProfileId)).toBe('15');
    put(call, { id: '1', email: 'a@x.io', amount: 1 });
    expect(total(call, ProfileId)).toBe('6');
  });

  it('forgets a deleted profile: its values are then ResourceNotFoundException', () => {
    const { call } = withSum();
    put(call, { id: '1', email: 'a@x.io', amount: 10 });
    const [{ ProfileId }] = call('SearchProfiles', { DomainName: 'dom', KeyName: '_email', Values: ['a@x.io'] }).Items;
    call('DeleteProfile', { DomainName: 'dom', ProfileId });
    expectError(() => total(call, ProfileId), 'ResourceNotFoundException');
  });

  it('forgets the objects of a deleted object type', () => {
    const { call } = withSum();
    put(call, { id: '1', email: 'a@x.io', amount: 10 });
    const [{ ProfileId }] = call('SearchProfiles', { DomainName: 'dom', KeyName: '_email', Values: ['a@x.io'] }).Items;
    call('DeleteProfileObjectType', { DomainName: 'dom', ObjectTypeName: 'Contact' });
    // The profile stays; over no objects there is no value at all (semantics R12).
    expect(total(call, ProfileId)).toBeUndefined();
  });

  it('forgets a deleted domain with its definitions', () => {
    const { call } = withSum();
    call('DeleteDomain', { DomainName: 'dom' });
    domain(call);
    expect(call('ListCalculatedAttributeDefinitions', { DomainName: 'dom' }).Items ?? []).toEqual([]);
  });
});
