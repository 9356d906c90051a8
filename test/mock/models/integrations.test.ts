import { describe, expect, it } from 'vitest';
import { T0, contactType, domain, expectError, setup } from './helpers.ts';

const URI = 'arn:aws:connect:us-east-1:000000000000:instance/11111111-2222-3333-4444-555555555555';
const STREAM = 'arn:aws:kinesis:us-east-1:000000000000:stream/profiles';

function base() {
  const ctx = setup();
  domain(ctx.call);
  contactType(ctx.call);
  return ctx;
}

describe('UpdateDomain', () => {
  it('changes the members given, keeps the rest, clears DeadLetterQueueUrl given "" and stamps LastUpdatedAt', () => {
    const { call, clock } = setup();
    call('CreateDomain', { DomainName: 'dom', DefaultExpirationDays: 30, DeadLetterQueueUrl: 'https://sqs.example/q', Tags: { a: '1' } });
    clock.advance({ ms: 1000 });
    const out = call('UpdateDomain', { DomainName: 'dom', DefaultExpirationDays: 90, DeadLetterQueueUrl: '', Matching: { Enabled: true }, Tags: { b: '2' } });
    expect(out).toMatchObject({ DomainName: 'dom', DefaultExpirationDays: 90, Matching: { Enabled: true }, Tags: { a: '1', b: '2' } });
    expect(out.DeadLetterQueueUrl).toBeUndefined();
    expect([out.CreatedAt.getTime(), out.LastUpdatedAt.getTime()]).toEqual([T0, T0 + 1000]);
    expect(call('GetDomain', { DomainName: 'dom' })).toMatchObject({ DefaultExpirationDays: 90, Matching: { Enabled: true } });
  });

  it('throws ResourceNotFoundException given an unknown domain and BadRequestException given a value the model forbids', () => {
    const { call } = base();
    expectError(() => call('UpdateDomain', { DomainName: 'nope', DefaultExpirationDays: 5 }), 'ResourceNotFoundException', /nope/);
    expectError(() => call('UpdateDomain', { DomainName: 'dom', DefaultExpirationDays: 0 }), 'BadRequestException', /DefaultExpirationDays/);
    expectError(() => call('UpdateDomain', { DomainName: 'dom', Matching: {} }), 'BadRequestException', /Matching.Enabled/);
    expect(call('GetDomain', { DomainName: 'dom' }).DefaultExpirationDays).toBe(30);
  });
});

describe('PutIntegration / GetIntegration / ListIntegrations / DeleteIntegration', () => {
  it('stores an integration, returns it as put, replaces it on a second put and deletes it', () => {
    const { call, clock } = base();
    const put = call('PutIntegration', { DomainName: 'dom', Uri: URI, ObjectTypeName: 'Contact', Tags: { t: 'v' } });
    expect(put).toMatchObject({ DomainName: 'dom', Uri: URI, ObjectTypeName: 'Contact', Tags: { t: 'v' }, Scope: 'PROFILE' });
    clock.advance({ ms: 5000 });
    const again = call('PutIntegration', { DomainName: 'dom', Uri: URI, ObjectTypeNames: { 'Segment.Identify': 'Contact' }, Scope: 'DOMAIN' });
    expect(again).toMatchObject({ ObjectTypeNames: { 'Segment.Identify': 'Contact' }, Scope: 'DOMAIN', Tags: { t: 'v' } });
    expect(again.ObjectTypeName).toBeUndefined();
    expect([again.CreatedAt.getTime(), again.LastUpdatedAt.getTime()]).toEqual([T0, T0 + 5000]);
    expect(call('GetIntegration', { DomainName: 'dom', Uri: URI })).toEqual(again);
    expect(call('ListIntegrations', { DomainName: 'dom' }).Items).toEqual([again]);
    expect(call('ListAccountIntegrations', { Uri: URI }).Items).toEqual([again]);
    expect(call('DeleteIntegration', { DomainName: 'dom', Uri: URI }).Message).toMatch(URI);
    expectError(() => call('GetIntegration', { DomainName: 'dom', Uri: URI }), 'ResourceNotFoundException', URI);
    expect(call('ListAccountIntegrations', { Uri: URI }).Items).toEqual([]);
  });

  it('uses an AppFlow flow ARN as the Uri given a FlowDefinition without one', () => {
    const { call } = base();
    const out = call('PutIntegration', { DomainName: 'dom', ObjectTypeName: 'Contact', FlowDefinition: { FlowName: 'sf-flow', KmsArn: 'k', SourceFlowConfig: {}, Tasks: [], TriggerConfig: {} } });
    expect(out.Uri).toBe('arn:aws:appflow:us-east-1:000000000000:flow/sf-flow');
  });

  it('throws BadRequestException given no object type, no Uri, or a Uri another domain holds; ResourceNotFoundException given an unknown type', () => {
    const { call } = base();
    domain(call, 'other');
    call('PutProfileObjectType', { DomainName: 'other', ObjectTypeName: 'Contact', Description: 'd', Fields: { e: { Source: '_source.e', Target: '_profile.EmailAddress' } } });
    call('PutIntegration', { DomainName: 'dom', Uri: URI, ObjectTypeName: 'Contact' });
    expectError(() => call('PutIntegration', { DomainName: 'other', Uri: URI, ObjectTypeName: 'Contact' }), 'BadRequestException', /another domain/);
    expectError(() => call('PutIntegration', { DomainName: 'dom', Uri: 'u2' }), 'BadRequestException', /ObjectTypeName/);
    expectError(() => call('PutIntegration', { DomainName: 'dom', ObjectTypeName: 'Contact' }), 'BadRequestException', /Uri/);
    expectError(() => call('PutIntegration', { DomainName: 'dom', Uri: 'u2', ObjectTypeName: 'Nope' }), 'ResourceNotFoundException', /Nope/);
    expectError(() => call('PutIntegration', { DomainName: 'dom', Uri: 'u2', ObjectTypeName: 'Contact', RoleArn: 'not-an-arn' }), 'BadRequestException', /RoleArn/);
    expect(call('ListIntegrations', { DomainName: 'dom' }).Items).toHaveLength(1);
  });

  it('throws ResourceNotFoundException given an unknown Uri or domain', () => {
    const { call } = base();
    expectError(() => call('DeleteIntegration', { DomainName: 'dom', Uri: 'nope' }), 'ResourceNotFoundException', /nope/);
    expectError(() => call('ListIntegrations', { DomainName: 'nope' }), 'ResourceNotFoundException', /nope/);
  });

  it('pages ListIntegrations in the order the integrations were first put', () => {
    const { call } = base();
    for (const uri of ['c', 'a', 'b']) call('PutIntegration', { DomainName: 'dom', Uri: uri, ObjectTypeName: 'Contact' });
    const first = call('ListIntegrations', { DomainName: 'dom', MaxResults: 2 });
    const rest = call('ListIntegrations', { DomainName: 'dom', NextToken: first.NextToken });
    expect([...first.Items, ...rest.Items].map((i: { Uri: string }) => i.Uri)).toEqual(['c', 'a', 'b']);
  });
});

describe('CreateEventStream / GetEventStream / ListEventStreams / DeleteEventStream', () => {
  it('stores a stream and returns it RUNNING with a HEALTHY destination until deleted', () => {
    const { call } = base();
    const made = call('CreateEventStream', { DomainName: 'dom', EventStreamName: 'changes', Uri: STREAM, Tags: { t: 'v' } });
    const arn = 'arn:aws:profile:us-east-1:000000000000:domains/dom/event-streams/changes';
    expect(made).toEqual({ EventStreamArn: arn, Tags: { t: 'v' } });
    expect(call('GetEventStream', { DomainName: 'dom', EventStreamName: 'changes' })).toEqual({
      DomainName: 'dom', EventStreamArn: arn, CreatedAt: new Date(T0), State: 'RUNNING', DestinationDetails: { Uri: STREAM, Status: 'HEALTHY' }, Tags: { t: 'v' },
    });
    expect(call('ListEventStreams', { DomainName: 'dom' }).Items).toEqual([{
      DomainName: 'dom', EventStreamName: 'changes', EventStreamArn: arn, State: 'RUNNING', DestinationSummary: { Uri: STREAM, Status: 'HEALTHY' }, Tags: { t: 'v' },
    }]);
    expect(call('DeleteEventStream', { DomainName: 'dom', EventStreamName: 'changes' })).toEqual({});
    expectError(() => call('GetEventStream', { DomainName: 'dom', EventStreamName: 'changes' }), 'ResourceNotFoundException', /changes/);
    expect(call('ListEventStreams', { DomainName: 'dom' }).Items).toEqual([]);
  });

  it('throws BadRequestException given a name in use or an invalid name, ResourceNotFoundException given an unknown stream', () => {
    const { call } = base();
    call('CreateEventStream', { DomainName: 'dom', EventStreamName: 'changes', Uri: STREAM });
    expectError(() => call('CreateEventStream', { DomainName: 'dom', EventStreamName: 'changes', Uri: STREAM }), 'BadRequestException', /already exists/);
    expectError(() => call('CreateEventStream', { DomainName: 'dom', EventStreamName: 'bad name', Uri: STREAM }), 'BadRequestException', /EventStreamName/);
    expectError(() => call('DeleteEventStream', { DomainName: 'dom', EventStreamName: 'nope' }), 'ResourceNotFoundException', /nope/);
  });
});
