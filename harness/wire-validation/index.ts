/** Wire validation: capture raw HTTP exchanges of an SDK client and check them against specs/schemas. */
export { attachWireValidation, readBody, MIDDLEWARE_NAME, SESSION_RETAINED_EXCHANGES, type ClientWithStack, type WireValidation } from './capture.ts';
export { validateExchange, errorCodeOf, headerValue, type WireExchange, type WireViolation } from './validate.ts';
