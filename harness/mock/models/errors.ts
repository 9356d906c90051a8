/**
 * Service errors of the reference implementation: one class per AWS error code, named exactly as the
 * model names it, so the wire layer can map `error.name` to `x-amzn-ErrorType` and the modelled status.
 * The pure service logic throws these; it never knows about HTTP.
 */
export abstract class ServiceError extends Error {
  /** The AWS error code, equal to the class name and to the model's error shape name. */
  abstract readonly code: ErrorCode;
  /** HTTP status from the model's `@httpError` trait; the wire layer checks it against the operation index. */
  abstract readonly status: number;
  constructor(message: string) {
    super(message);
  }
}

export class BadRequestException extends ServiceError {
  readonly code = 'BadRequestException' as const;
  readonly status = 400;
  override readonly name = 'BadRequestException';
}

export class AccessDeniedException extends ServiceError {
  readonly code = 'AccessDeniedException' as const;
  readonly status = 403;
  override readonly name = 'AccessDeniedException';
}

export class ResourceNotFoundException extends ServiceError {
  readonly code = 'ResourceNotFoundException' as const;
  readonly status = 404;
  override readonly name = 'ResourceNotFoundException';
}

export class ThrottlingException extends ServiceError {
  readonly code = 'ThrottlingException' as const;
  readonly status = 429;
  override readonly name = 'ThrottlingException';
}

export class InternalServerException extends ServiceError {
  readonly code = 'InternalServerException' as const;
  readonly status = 500;
  override readonly name = 'InternalServerException';
}

/** The five error codes the Customer Profiles model declares. */
export type ErrorCode =
  | 'BadRequestException'
  | 'AccessDeniedException'
  | 'ResourceNotFoundException'
  | 'ThrottlingException'
  | 'InternalServerException';

/** True when `value` is one of the service errors above (and not a programming error). */
export function isServiceError(value: unknown): value is ServiceError {
  return value instanceof ServiceError;
}
