import { loadOperationIndex, type OperationIndex } from '../operation-index.ts';
import { describeForPeople } from './describe.ts';
import { ContractViolation } from './violation.ts';

/** What a contract saw of a service error: the SDK's error name and the HTTP status. */
export interface SeenError {
  name: string;
  status: number | undefined;
  message: string;
}

/** Reads name and status from an SDK error (or anything thrown). */
export function seenError({ error }: { error: unknown }): SeenError {
  const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  return { name: e?.name ?? typeof error, status: e?.$metadata?.httpStatusCode, message: e?.message ?? String(error) };
}

/** The operation the SDK was running when `error` was thrown (tagged by the session's middleware). */
export function operationOfError({ error }: { error: unknown }): string | undefined {
  return (error as { $cpctOperation?: string } | undefined)?.$cpctOperation;
}

/** Checks service errors against the modelled status of each code (from the operation index, never from the target). */
export class ErrorExpectations {
  private readonly index: OperationIndex;
  constructor({ index = loadOperationIndex() }: { index?: OperationIndex } = {}) {
    this.index = index;
  }

  /** The modelled HTTP status of an error code. */
  statusOf({ code }: { code: string }): number {
    const entry = this.index.errors[code];
    if (!entry) throw new Error(`contracts: expected an error code the model declares; saw ${code}; fix the contract`);
    return entry.status;
  }

  /**
   * Runs `call` and fails the contract unless it throws the service error `code` with its modelled status.
   * Returns what was seen, for further checks.
   */
  async expect({ call, code, what }: { call: () => Promise<unknown>; code: string; what: string }): Promise<SeenError> {
    const status = this.statusOf({ code });
    let result: unknown;
    try {
      result = await call();
    } catch (error) {
      const seen = seenError({ error });
      if (seen.name !== code || seen.status !== status) {
        throw new ContractViolation({
          expected: `${what} to fail with ${code} (HTTP ${status})`,
          seen: `${seen.name} (HTTP ${seen.status ?? 'none'}): ${seen.message.slice(0, 200)}`,
        });
      }
      return seen;
    }
    throw new ContractViolation({ expected: `${what} to fail with ${code} (HTTP ${status})`, seen: `success: ${describeForPeople({ value: result })}` });
  }
}
