import { CreateDomainCommand, GetDomainCommand, type CustomerProfilesClient } from '@aws-sdk/client-customer-profiles';
import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorExpectations, operationOfError, seenError } from '../../harness/contracts/service-errors.ts';
import { ContractViolation } from '../../harness/contracts/violation.ts';
import { createMock } from '../../harness/mock/index.ts';

describe('seenError', () => {
  it('returns name, HTTP status and message of an SDK error', () => {
    const error = Object.assign(new Error('gone'), { name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 404 } });
    expect(seenError({ error })).toEqual({ name: 'ResourceNotFoundException', status: 404, message: 'gone' });
  });

  it('returns the type and the text given something thrown that is not an error', () => {
    expect(seenError({ error: 'boom' })).toEqual({ name: 'string', status: undefined, message: 'boom' });
    expect(seenError({ error: undefined })).toEqual({ name: 'undefined', status: undefined, message: 'undefined' });
  });
});

describe('operationOfError', () => {
  it('returns the operation tagged on the error, or undefined given an untagged one', () => {
    const tagged = Object.defineProperty(new Error('x'), '$cpctOperation', { value: 'GetDomainLayout' });
    expect(operationOfError({ error: tagged })).toBe('GetDomainLayout');
    expect(operationOfError({ error: new Error('x') })).toBeUndefined();
    expect(operationOfError({ error: undefined })).toBeUndefined();
  });
});

describe('ErrorExpectations', () => {
  const errors = new ErrorExpectations();
  let client: CustomerProfilesClient;
  beforeAll(async () => {
    client = createMock().client();
    await client.send(new CreateDomainCommand({ DomainName: 'known', DefaultExpirationDays: 1 }));
  });

  it('returns the modelled status of each error code (the model: @httpError)', () => {
    expect(errors.statusOf({ code: 'BadRequestException' })).toBe(400);
    expect(errors.statusOf({ code: 'AccessDeniedException' })).toBe(403);
    expect(errors.statusOf({ code: 'ResourceNotFoundException' })).toBe(404);
    expect(errors.statusOf({ code: 'ThrottlingException' })).toBe(429);
    expect(errors.statusOf({ code: 'InternalServerException' })).toBe(500);
  });

  it('throws naming the code given one the model does not declare', () => {
    expect(() => errors.statusOf({ code: 'ValidationException' })).toThrow('contracts: expected an error code the model declares; saw ValidationException; fix the contract');
  });

  it('returns what was seen given a call that fails with the expected code and status', async () => {
    const seen = await errors.expect({ what: 'GetDomain of an unknown name', code: 'ResourceNotFoundException', call: () => client.send(new GetDomainCommand({ DomainName: 'unknown' })) });
    expect(seen).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
  });

  it('throws a ContractViolation naming both errors given a call that fails otherwise', async () => {
    const error = await errors.expect({ what: 'GetDomain of an unknown name', code: 'BadRequestException', call: () => client.send(new GetDomainCommand({ DomainName: 'unknown' })) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractViolation);
    expect((error as Error).message).toMatch(/^expected GetDomain of an unknown name to fail with BadRequestException \(HTTP 400\); saw ResourceNotFoundException \(HTTP 404\): /);
  });

  it('throws a ContractViolation showing the answer given a call that succeeds', async () => {
    const error = await errors.expect({ what: 'GetDomain known', code: 'ResourceNotFoundException', call: () => client.send(new GetDomainCommand({ DomainName: 'known' })) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractViolation);
    expect((error as ContractViolation).expected).toBe('GetDomain known to fail with ResourceNotFoundException (HTTP 404)');
    expect((error as ContractViolation).actual).toMatch(/^success: \{.*"DomainName":"known"/);
  });
});
