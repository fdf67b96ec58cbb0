/**
 * The one place through which client data is read or written (Act 703/2023: every access is
 * logged). The event and the access share one transaction: no access without its log entry, and
 * no log entry for a write that did not happen.
 */
import { appendAudit } from '../../db/audit.js';
import type { OpenStore } from '../../db/store.js';

/** Why the data was accessed: the purpose a client is told when they ask who looked at their data. */
export type AccessBasis = 'case_preparation' | 'team_meeting' | 'administration' | 'client_request' | 'session';

export interface Access {
  action: string;
  basis: AccessBasis;
  clientId?: string | null;
  entity?: string | null;
  details?: Record<string, unknown> | null;
}

/** Runs `fn` and logs the access in one transaction; `access` may depend on the result (a new id). */
export function withAccess<T>(s: OpenStore, access: Access | ((result: T) => Access), fn: () => T): T {
  return s.db.transaction(() => {
    const result = fn();
    appendAudit(s.db, { actorId: s.user.id, ...(typeof access === 'function' ? access(result) : access) });
    return result;
  })();
}

/** An event with no data access of its own (sign-in, lock, a verification run). */
export function record(s: OpenStore, access: Access): void {
  appendAudit(s.db, { actorId: s.user.id, ...access });
}
