import type { TillView } from '../../../shared/src/index.js';
import type { ServerContext } from '../http/context.js';

const NEVER_PAIRED = { paired: false, pairedAt: null, revokedAt: null } as const;

/** A store's tills as head office sees them: each with its numbering, last contact and device. */
export async function tillsWithDevices({ repository, trust }: Pick<ServerContext, 'repository' | 'trust'>, storeId: string): Promise<TillView[]> {
  const devices = await trust.deviceStatus();
  return (await repository.tills(storeId)).map((till) => ({ ...till, ...(devices.get(till.id) ?? NEVER_PAIRED) }));
}
