import type { ErrorCode } from './contract.ts';

/** An error the user can act on; its message is shown as it is. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
