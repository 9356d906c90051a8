import type { MockService, OperationInput, OperationOutput } from '../../../harness/mock/models/types.ts';

/** A stand-in service for wire tests: records every call and answers from a per-operation script. */
export interface RecordingService extends MockService {
  readonly calls: { operation: string; input: OperationInput }[];
}

/** Builds a recording service that implements `operations`; `answer` gives the output or throws. */
export function recordingService({
  operations,
  answer = () => ({}),
}: {
  operations: readonly string[];
  answer?: (operation: string, input: OperationInput) => OperationOutput;
}): RecordingService {
  const calls: { operation: string; input: OperationInput }[] = [];
  return {
    operations,
    calls,
    call(operation, input) {
      calls.push({ operation, input });
      return answer(operation, input);
    },
  };
}

/** Sends a request through a Fetch handler and returns status, the headers the tests read, and the parsed body. */
export async function send({ handle, method, path, body, headers }: {
  handle: (request: Request) => Promise<Response>;
  method: string;
  path: string;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
}): Promise<{ status: number; errorType: string | null; requestId: string | null; contentType: string | null; json: Record<string, unknown> }> {
  const response = await handle(new Request(`http://mock.test${path}`, { method, body: body as BodyInit | undefined, headers }));
  const text = await response.text();
  return {
    status: response.status,
    errorType: response.headers.get('x-amzn-errortype'),
    requestId: response.headers.get('x-amzn-requestid'),
    contentType: response.headers.get('content-type'),
    json: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
  };
}
