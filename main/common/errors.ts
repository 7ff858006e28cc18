/** An error meant for the user: `message` is Indonesian and says what to do. Crosses every door as data. */
export interface ApiErrorData {
  code: string;
  message: string;
  /** Optional details, e.g. the fields that failed validation. */
  details?: { field?: string; message: string }[];
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiErrorData };

export class AppError extends Error {
  readonly code: string;
  readonly details: ApiErrorData['details'];
  constructor(code: string, message: string, details?: ApiErrorData['details']) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toData(): ApiErrorData {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

