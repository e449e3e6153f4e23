import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { SyncError, type DeviceStatus, type PairingCode, type PairResponse, type Store, type Till } from '../../../shared/src/index.js';
import type { Repository } from '../repository.js';

/** Letters and digits a person reads off a screen without mixing up (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 10;
export const PAIRING_CODE_MINUTES = 15;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A code as typed: spaces, dashes and case do not matter. */
export function normalizePairingCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

function newPairingCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  const letters = [...bytes].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');
  return `${letters.slice(0, 5)}-${letters.slice(5)}`;
}

/**
 * Who may talk to the server. Head office makes a one-time pairing code for a till; the till trades
 * it once for a device credential it keeps (encrypted by the desktop shell) and sends with every
 * request. A till can then read and write only its own store's documents; revoking it stops it at
 * the next request, and its open event stream is closed.
 */
export class Trust {
  private readonly statements: Record<string, Statement>;

  constructor(
    private readonly repository: Repository,
    private readonly now: () => Date = () => new Date(),
  ) {
    const prepare = (sql: string) => repository.db.prepare(sql);
    this.statements = {
      expireCodes: prepare(`UPDATE pairing_codes SET used_at = ? WHERE till_id = ? AND used_at IS NULL`),
      insertCode: prepare(`INSERT INTO pairing_codes (code_hash, till_id, created_at, expires_at) VALUES (?, ?, ?, ?)`),
      findCode: prepare(`SELECT till_id, expires_at, used_at FROM pairing_codes WHERE code_hash = ?`),
      useCode: prepare(`UPDATE pairing_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL`),
      revokeTill: prepare(`UPDATE devices SET revoked_at = ? WHERE till_id = ? AND revoked_at IS NULL`),
      insertDevice: prepare(`INSERT INTO devices (id, till_id, credential_hash, paired_at) VALUES (?, ?, ?, ?)`),
      findDevice: prepare(`SELECT id, till_id, revoked_at FROM devices WHERE credential_hash = ?`),
      devices: prepare(`SELECT till_id, MAX(paired_at) AS paired_at, MAX(revoked_at) AS revoked_at, SUM(revoked_at IS NULL) AS active FROM devices GROUP BY till_id`),
    };
  }

  /** A new one-time code for a till, valid for 15 minutes; any earlier unused code of the till stops working. */
  createPairingCode(tillId: string): PairingCode {
    const till = this.repository.sqlite.till(tillId);
    if (!till) throw new SyncError('not_found', `no till "${tillId}"`, 404);
    const code = newPairingCode();
    const now = this.now();
    const expiresAt = new Date(now.getTime() + PAIRING_CODE_MINUTES * 60_000).toISOString();
    this.repository.db.transaction(() => {
      this.statements.expireCodes.run(now.toISOString(), tillId);
      this.statements.insertCode.run(sha256(normalizePairingCode(code)), tillId, now.toISOString(), expiresAt);
    })();
    return { tillId, code, expiresAt };
  }

  /**
   * Trades a pairing code for a device credential, once. The till's earlier devices are revoked: a
   * till is one machine (a replaced PC is paired again).
   */
  pair(code: unknown): PairResponse {
    const refused = new SyncError('pairing_failed', 'this pairing code is unknown, already used or expired; ask head office for a new one', 401);
    if (typeof code !== 'string' || code.length > 64) throw refused;
    const hash = sha256(normalizePairingCode(code));
    return this.repository.db.transaction((): PairResponse => {
      const row = this.statements.findCode.get(hash) as { till_id: string; expires_at: string; used_at: string | null } | undefined;
      const now = this.now();
      if (!row || row.used_at || Date.parse(row.expires_at) <= now.getTime()) throw refused;
      const till = this.repository.sqlite.till(row.till_id);
      const store = till && this.repository.sqlite.getDocument<Store>('stores', till.storeId);
      if (!till || !store) throw refused;
      this.statements.useCode.run(now.toISOString(), hash);
      this.statements.revokeTill.run(now.toISOString(), till.id);
      const credential = randomBytes(32).toString('base64url');
      const deviceId = randomUUID();
      this.statements.insertDevice.run(deviceId, till.id, sha256(credential), now.toISOString());
      return {
        credential,
        deviceId,
        till: { id: till.id, code: till.code, name: till.name },
        store: { id: store.id, code: store.code, name: store.name },
      };
    })();
  }

  /** The till a credential belongs to, or a 401 saying why not. */
  authenticate(credential: string | undefined): { till: Till; deviceId: string } {
    if (!credential) throw new SyncError('unauthorized', 'this till is not paired: pair it with a code from head office', 401);
    const device = this.statements.findDevice.get(sha256(credential)) as { id: string; till_id: string; revoked_at: string | null } | undefined;
    if (!device) throw new SyncError('unauthorized', 'this till’s credential is not known to the server: pair it again with a code from head office', 401);
    if (device.revoked_at) throw new SyncError('revoked', 'head office revoked this till’s access: pair it again with a new code', 401);
    const till = this.repository.sqlite.till(device.till_id);
    if (!till) throw new SyncError('revoked', 'this till is no longer registered: pair it again with a new code', 401);
    return { till, deviceId: device.id };
  }

  /** Revokes every credential of a till; answers how many were active. */
  revoke(tillId: string): number {
    if (!this.repository.sqlite.till(tillId)) throw new SyncError('not_found', `no till "${tillId}"`, 404);
    return this.statements.revokeTill.run(this.now().toISOString(), tillId).changes;
  }

  /** Per till: whether a device holds a live credential, since when, and the last revocation. */
  deviceStatus(): Map<string, DeviceStatus> {
    const rows = this.statements.devices.all() as { till_id: string; paired_at: string; revoked_at: string | null; active: number }[];
    return new Map(rows.map((row) => [row.till_id, { paired: row.active > 0, pairedAt: row.paired_at, revokedAt: row.revoked_at }]));
  }
}
