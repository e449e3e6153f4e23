import { quickKeyProductIds, storeWithSettings, SyncError, type Product, type Store } from '../../../shared/src/index.js';
import { recordAudit, type AuditActor } from '../accounts/audit.js';
import { liveBodies, type Repository } from '../repository.js';

/**
 * Changes a store's settings as head office gives them (see storeWithSettings for what may be set
 * and how each is checked). Every problem is named by its setting, and one refuses the whole change.
 */
export async function changeStoreSettings(repository: Repository, storeId: string, settings: unknown, actor?: AuditActor): Promise<Store> {
  return repository.write(async (writer) => {
    const store = await writer.get<Store>('stores', storeId);
    if (!store) throw new SyncError('not_found', `no store "${storeId}"`, 404);
    // The products the quick keys name, looked up here so the shared check needs no storage.
    const products = liveBodies(await writer.tx.documents.getMany<Product>('products', quickKeyProductIds(settings)));
    const checked = storeWithSettings(store, settings, products);
    if ('problems' in checked) throw new SyncError('bad_request', 'the store settings were not changed', 400, [{ id: storeId, problems: checked.problems }]);
    await writer.put('stores', checked.store, store.id);
    await recordAudit(writer.tx, actor, repository.now().toISOString(), { action: 'store.settings', kind: 'store', subjectId: store.id, storeId: store.id, before: store, after: checked.store });
    return checked.store;
  });
}