import { describe, expect, it } from 'vitest';
import { classifyRefusal, isRefusal } from '../../harness/contracts/contract.ts';
import { ContractViolation } from '../../harness/contracts/violation.ts';

function sdkError({ name, status, operation }: { name: string; status: number; operation?: string }): Error {
  const error = Object.assign(new Error(`${name} message`), { name, $metadata: { httpStatusCode: status } });
  if (operation) Object.defineProperty(error, '$cpctOperation', { value: operation });
  return error;
}

describe('isRefusal', () => {
  it.each([
    ['AccessDeniedException', 403, true],
    ['UnknownOperationException', 404, true],
    ['NotImplemented', 501, true],
    ['Whatever', 501, true],
    ['ResourceNotFoundException', 404, false],
    ['BadRequestException', 400, false],
    ['InternalServerException', 500, false],
  ])('returns %s for %s (HTTP %i) as %s', (name, status, expected) => {
    expect(isRefusal({ error: sdkError({ name, status }) })).toBe(expected);
  });
});

describe('classifyRefusal', () => {
  it('returns NA given a refusal of an operation declared optional', () => {
    const error = sdkError({ name: 'AccessDeniedException', status: 403, operation: 'CreateDomainLayout' });
    const outcome = classifyRefusal({ error, optional: new Set(['CreateDomainLayout']) });
    expect(outcome && 'na' in outcome && outcome.na).toContain('CreateDomainLayout is optional for this target');
  });

  it('returns a failure that names --optional given a refusal of an operation not declared optional', () => {
    const error = sdkError({ name: 'AccessDeniedException', status: 403, operation: 'CreateDomainLayout' });
    const outcome = classifyRefusal({ error, optional: new Set(['ListDomainLayouts']) });
    expect(outcome && 'fail' in outcome).toBe(true);
    const fail = (outcome as { fail: ContractViolation }).fail;
    expect(fail.message).toContain('pass --optional CreateDomainLayout');
  });

  it('returns undefined given an error that is not a refusal, even of an optional operation', () => {
    const error = sdkError({ name: 'BadRequestException', status: 400, operation: 'CreateDomainLayout' });
    expect(classifyRefusal({ error, optional: new Set(['CreateDomainLayout']) })).toBeUndefined();
  });
});
