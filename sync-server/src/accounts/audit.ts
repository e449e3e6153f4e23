import type { AuditEntry } from '../../../shared/src/index.js';
import type { StorageTransaction } from '../storage/port.js';

/** Who made an office change, as the audit log names them: an account, or a script with the office key. */
export interface AuditActor {
  /** The account's id; null for the office key. */
  id: string | null;
  label: string;
}

export const OFFICE_KEY_ACTOR: AuditActor = { id: null, label: 'office key' };

/** What an office write changed: the audit entry but who and when. */
export type AuditChange = Pick<AuditEntry, 'action' | 'kind' | 'subjectId' | 'storeId' | 'before' | 'after'>;

/**
 * Records an office write in the audit log, in the transaction that makes it, so the change and its
 * entry commit together or not at all. Without an actor (seeding, the server's own writes) nothing
 * is recorded: the log is head office's.
 */
export async function recordAudit(tx: StorageTransaction, actor: AuditActor | undefined, at: string, change: AuditChange): Promise<void> {
  if (!actor) return;
  await tx.audit.record({ at, actorId: actor.id, actorLabel: actor.label, ...change });
}
