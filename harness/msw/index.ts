/**
 * `customer-profiles-conformance/msw`: msw request handlers backed by the reference implementation or by tapes.
 */
export { customerProfilesHandlers, endpointPatterns, type CustomerProfilesHandlersParams } from './handlers.ts';
export { createMock, type Mock, type CreateMockParams } from '../mock/index.ts';
