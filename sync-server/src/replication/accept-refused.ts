import { SyncError } from '../../../shared/src/index.js';
import { recordAudit, type AuditActor } from '../accounts/audit.js';
import type { Repository } from '../repository.js';
import { Shifts, type ShiftPushOutcome } from '../shifts/shifts.js';
import { Sales, type PushOutcome } from '../sales/sales.js';

/**
 * Head office takes a refused sale or shift event as it is, with a reason (a manager's approval
 * given by phone, a limit meant for another shop): it is stored (a sale counted in stock) as if the
 * till had sent it again, the store's rules waived for it alone, and its refusal closes. What it
 * is, whose it is and what it sells are still checked: a sale that is not one, or a close of a
 * shift that was never opened, cannot be taken. A refused customer is fixed by editing the
 * customer, so it is not taken as it is. The audit log records who took it and why.
 */
export async function acceptRefused(repository: Repository, refusalId: string, reason: unknown, actor: AuditActor | undefined): Promise<PushOutcome | ShiftPushOutcome> {
  const why = typeof reason === 'string' ? reason.trim() : '';
  if (why.length < 3 || why.length > 500) throw new SyncError('bad_request', 'the refused document was not taken', 400, [{ id: refusalId, problems: ['reason: why it is taken as it is, 3 to 500 characters'] }]);
  const refusal = await repository.storage.refusals.get(refusalId);
  if (!refusal || refusal.collection === 'customers') throw new SyncError('not_found', `no refused sale or shift event "${refusalId}"`, 404);
  if (refusal.acceptedAt) throw new SyncError('conflict', `the refused document "${refusalId}" was taken already (${refusal.acceptedAt})`, 409);
  const rows = [{ newDocumentState: refusal.document }];
  const outcome =
    refusal.collection === 'sales'
      ? await new Sales(repository).push(refusal.tillId, rows, undefined, { waiveRulesFor: refusalId })
      : await new Shifts(repository).push(refusal.tillId, rows, undefined, { waiveRulesFor: refusalId });
  if (outcome.stored !== 1) {
    const problems = outcome.refused.flatMap((refused) => refused.problems);
    throw new SyncError('invalid_document', 'the refused document cannot be taken as it is: what is wrong with it is not a rule head office may waive', 422, [{ id: refusalId, problems }]);
  }
  await repository.write(async (writer) => {
    const { document: _document, ...kept } = refusal;
    await recordAudit(writer.tx, actor, repository.now().toISOString(), { action: 'refusal.accept', kind: 'refusal', subjectId: refusalId, storeId: refusal.storeId, before: kept, after: { reason: why, stored: true } });
  }, 1);
  return outcome;
}