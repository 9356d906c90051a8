/**
 * `customer-profiles-conformance/mock`: the reference implementation in-process (SDK request handler, Fetch handler)
 * or on a port. One module for both, since server.ts builds on index.ts and cannot be re-exported from it.
 */
export { createMock, IN_PROCESS_ENDPOINT, MOCK_CREDENTIALS, type CreateMockParams, type Mock } from './index.ts';
export { startMockServer, type MockServer, type StartMockServerParams } from './server.ts';
export type { MockOptions, MockService } from './models/types.ts';
export { ManualClock, systemClock, type Clock } from '../clock.ts';
