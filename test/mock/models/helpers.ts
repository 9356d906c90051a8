import { expect } from 'vitest';
import { ManualClock } from '../../../harness/clock.ts';
import { isServiceError, type ErrorCode } from '../../../harness/mock/models/errors.ts';
import { createMockService } from '../../../harness/mock/models/service.ts';
import type { MockOptions, MockService, OperationInput } from '../../../harness/mock/models/types.ts';

/** 2024-01-01T00:00:00Z: the tests' reference time. */
export const T0 = Date.UTC(2024, 0, 1);

/** A fresh service on a manual clock. */
export function setup({ options }: { options?: MockOptions } = {}): { service: MockService; clock: ManualClock; call: Caller } {
  const clock = new ManualClock({ startMs: T0 });
  const service = createMockService({ clock, options });
  // Outputs are loosely typed; tests read them as `any` to keep assertions short.
  const call: Caller = (operation, input) => service.call(operation, input) as any;
  return { service, clock, call };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Caller = (operation: string, input: OperationInput) => any;

/** Runs `fn` and checks it throws a ServiceError with `code` (and a message containing `message`). */
export function expectError(fn: () => unknown, code: ErrorCode, message?: string | RegExp): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `expected ${code}`).toBeDefined();
  expect(isServiceError(thrown), `expected a ServiceError, saw ${String(thrown)}`).toBe(true);
  expect((thrown as { code: string }).code).toBe(code);
  if (message !== undefined) expect((thrown as Error).message).toMatch(message);
}

/** Creates domain `name` with 30 expiration days. */
export function domain(call: Caller, name = 'dom'): any {
  return call('CreateDomain', { DomainName: name, DefaultExpirationDays: 30 });
}

/**
 * A contact object type: `email` -> _profile.EmailAddress (PROFILE key `_email`), `first` -> _profile.FirstName,
 * `id` UNIQUE key `contactId`, `amount` kept with the object.
 */
export function contactType(call: Caller, { allowProfileCreation = true, name = 'Contact', extra = {} }: { allowProfileCreation?: boolean; name?: string; extra?: OperationInput } = {}): any {
  return call('PutProfileObjectType', {
    DomainName: 'dom',
    ObjectTypeName: name,
    Description: 'contacts',
    AllowProfileCreation: allowProfileCreation,
    Fields: {
      email: { Source: '_source.email', Target: '_profile.EmailAddress', ContentType: 'EMAIL_ADDRESS' },
      first: { Source: '_source.first', Target: '_profile.FirstName', ContentType: 'NAME' },
      id: { Source: '_source.id', Target: `${name}.id`, ContentType: 'STRING' },
      amount: { Source: '_source.amount', Target: `${name}.amount`, ContentType: 'NUMBER' },
    },
    Keys: {
      _email: [{ StandardIdentifiers: ['PROFILE'], FieldNames: ['email'] }],
      contactId: [{ StandardIdentifiers: ['UNIQUE'], FieldNames: ['id'] }],
    },
    ...extra,
  });
}

/** The ARN prefix of the default options. */
export const ARN = 'arn:aws:profile:us-east-1:000000000000:domains/';
