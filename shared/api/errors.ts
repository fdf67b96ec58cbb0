/**
 * The closed set of error codes that cross the contract. The renderer maps every code to
 * fi/sv/en text (`errors.<code>` in shared/i18n); a test checks that each has a message.
 */
export const ERROR_CODES = [
  'invalid_input',
  'unauthorized',
  'forbidden',
  'not_found',
  'no_store',
  'store_exists',
  'locked',
  'wrong_password',
  'wrong_recovery_key',
  'password_change_required',
  'not_a_store',
  'store_damaged',
  'store_truncated',
  'keyring_missing',
  'keyring_damaged',
  'keyring_mismatch',
  'store_newer_than_app',
  'store_in_use',
  'last_administrator',
  'invalid_identity_code',
  'duplicate_client',
  'possible_duplicate',
  'open_case_exists',
  'invalid_status_change',
  'not_ready',
  'wrong_passphrase',
  'not_a_case_file',
  'case_file_damaged',
  'case_file_newer',
  'identity_code_clash',
  'already_imported',
  'meeting_started',
  'meeting_not_started',
  'meeting_finished',
  'no_one_present',
  'already_on_agenda',
  'not_eligible',
  'consent_reason_required',
  'unknown_icf_code',
  'invalid_qualifier',
  'assessment_incomplete',
  'carry_over_required',
  'plan_not_draft',
  'plan_not_frozen',
  'plan_locked',
  'plan_superseded',
  'plan_incomplete',
  'plan_draft_exists',
  'quorum_reason_required',
  'already_signed',
  'not_present',
  'not_chair',
  'too_many_attempts',
  'handover_note_required',
  'coordinator_inactive',
  'seal_not_pkcs12',
  'seal_wrong_passphrase',
  'seal_no_key',
  'seal_key_mismatch',
  'seal_unsupported_key',
  'seal_expired',
  'signature_image_invalid',
  'disk_full',
  'read_only',
  'internal',
  /** Raised by the renderer's client when the transport itself fails (backend gone). */
  'unreachable',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** An error with a code from the closed union; the only error type that crosses a transport. */
export class AppError extends Error implements AppErrorShape {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (details !== undefined) this.details = details;
  }

  toJSON(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(error: AppErrorShape): Result<never> {
  return { ok: false, error };
}
