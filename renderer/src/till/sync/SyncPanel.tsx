import { useEffect, useRef, useState } from 'react';
import type { Refusal, Sale } from '../../../../shared/src/index.js';
import { useSubmit } from '../../ui-kit/index.js';
import { pairAndKeep } from '../settings.js';
import { useServices } from '../context.js';
import { money, time } from '../format.js';
import { useOpenRefusals, useSyncStatus, useWaiting } from './use-sync.js';
import { Modal } from '../Modal.js';
import '../counter.css';

/** How long ago, in words a cashier reads at a glance. */
function age(iso: string | null): string {
  if (!iso) return '';
  const minutes = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60_000));
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ${minutes % 60} min` : `${Math.floor(hours / 24)} days`;
}

type Outcome = { kind: 'info' | 'error'; text: string } | null;

/** Where a Try now stands: under way, or what the server said (or did not). */
type Attempt = { kind: 'trying' } | { kind: 'answered'; online: boolean; lastContactAt: string | null; problem: string | null } | null;

/** A Try now's result in words: online, or still offline with why and when the server last answered. */
function attemptText(attempt: Exclude<Attempt, null>): string {
  if (attempt.kind === 'trying') return 'Trying…';
  if (attempt.online) return `Online: the server answered at ${time(attempt.lastContactAt)}.`;
  return `Still offline${attempt.problem ? ` (${attempt.problem})` : ''}; the server last answered ${attempt.lastContactAt ? `at ${time(attempt.lastContactAt)}` : 'never'}. Sales go on and wait on this till.`;
}

/**
 * Head office revoked this till (or the server does not know its credential): a new code pairs the
 * same till again and the till restarts with it. Its database, and every sale waiting in it, stays.
 */
function PairAgain({ reason }: { reason: string }) {
  const { settings } = useServices();
  const [code, setCode] = useState('');
  const pairing = useSubmit(
    async () => {
      await pairAndKeep(settings.serverUrl, code, settings);
      location.reload();
    },
    { clearOnRun: true },
  );
  return (
    <section className="notice notice--error" data-testid="sync-panel-access">
      <p>
        <strong>Nothing syncs:</strong> {reason}. Sales go on and are kept on this till until it is paired again.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void pairing.run();
        }}
      >
        <label htmlFor="repair-code">New pairing code </label>
        <input id="repair-code" value={code} onChange={(event) => setCode(event.target.value)} autoComplete="off" required />{' '}
        <button type="submit" disabled={pairing.busy}>
          Pair again
        </button>
      </form>
      {pairing.problem ? <p role="alert">{pairing.problem}</p> : null}
    </section>
  );
}

/**
 * Everything about this till's sync in one place: whether the server answers, what waits and since
 * when, and the sales the server refused, with the reasons and a way to send them again once the
 * cause is fixed (a refused sale stays on the till; its stock is not counted until it is taken).
 */
export function SyncPanel({ onClose }: { onClose: () => void }) {
  const { db, sync } = useServices();
  const status = useSyncStatus();
  const waiting = useWaiting();
  const refusals = useOpenRefusals();
  const [sales, setSales] = useState<Map<string, Sale>>(new Map());
  /** What the server said of the sales sent again; a failure to send them at all is `resending`'s problem. */
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [attempt, setAttempt] = useState<Attempt>(null);
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => close.current?.focus(), []);
  useEffect(() => {
    let cancelled = false;
    void db.sales
      .findByIds(refusals.map((refusal) => refusal.id))
      .exec()
      .then((found) => {
        if (!cancelled) setSales(new Map([...found].map(([id, document]) => [id, document.toJSON() as Sale])));
      });
    return () => {
      cancelled = true;
    };
  }, [db, refusals]);

  /** The till tries the server at once instead of waiting for its next retry. */
  const tryNow = async () => {
    if (attempt?.kind === 'trying') return;
    setAttempt({ kind: 'trying' });
    const answer = await sync.tryNow().catch((error: unknown) => ({ ...sync.status$.value, online: false, lastError: (error as Error).message }));
    setAttempt({ kind: 'answered', online: answer.online, lastContactAt: answer.lastContactAt, problem: answer.lastError });
  };

  const resending = useSubmit(
    async (chosen: readonly Refusal[]) => {
      if (chosen.length === 0) return;
      setOutcome(null);
      const again = await sync.resend(chosen.map((refusal) => refusal.id));
      const taken = chosen.length - again.length;
      setOutcome(
        again.length === 0
          ? { kind: 'info', text: `${taken} ${taken === 1 ? 'sale was' : 'sales were'} taken by the server.` }
          : { kind: 'error', text: `Refused again: ${again.map((refusal) => refusal.problems.join('; ')).join(' | ')}` },
      );
    },
    { clearOnRun: true, failure: (message) => `Not sent: ${message}. The sales stay on this till.` },
  );
  const said: Outcome = resending.problem ? { kind: 'error', text: resending.problem } : outcome;

  return (
    <Modal labelledBy="sync-panel-title" onClose={onClose} wide testId="sync-panel">
        <h2 id="sync-panel-title">Sync</h2>
        {status.accessRefused ? <PairAgain reason={status.accessRefused} /> : null}
        <dl className="sync-panel__facts">
          <dt>Server</dt>
          <dd data-testid="sync-panel-state">{status.online ? 'Online' : 'Offline'}</dd>
          <dt>Last successful sync</dt>
          <dd data-testid="sync-panel-last-contact">{time(status.lastContactAt)}</dd>
          <dt>Waiting to be sent</dt>
          <dd data-testid="sync-panel-waiting">
            {waiting.count === null ? 'counting…' : waiting.count === 0 ? 'nothing' : `${waiting.count} ${waiting.count === 1 ? 'sale' : 'sales'}, the oldest from ${time(waiting.oldestAt)} (${age(waiting.oldestAt)} ago)`}
          </dd>
          {status.sendingHeld ? (
            <>
              <dt>Sending</dt>
              <dd data-testid="sync-panel-held">Held: {status.sendingHeld}</dd>
            </>
          ) : null}
          {status.lastError ? (
            <>
              <dt>Last problem</dt>
              <dd>{status.lastError}</dd>
            </>
          ) : null}
        </dl>
        <div className="sync-panel__try">
          <button type="button" onClick={() => void tryNow()} disabled={attempt?.kind === 'trying'}>
            Try now
          </button>
          <p role="status" data-testid="sync-panel-try" data-online={attempt?.kind === 'answered' ? String(attempt.online) : undefined}>
            {attempt ? attemptText(attempt) : 'The till tries again by itself, less often the longer the server is away.'}
          </p>
        </div>

        <h3>Refused by the server</h3>
        {refusals.length === 0 ? (
          <p data-testid="sync-panel-no-refusals">None. Every sale the server has seen was taken.</p>
        ) : (
          <>
            <p>
              These sales stay on this till and are not counted in its stock until the server takes them. Ask head office to fix the cause, then send them again.
            </p>
            <ul className="sync-panel__refusals" data-testid="sync-panel-refusals">
              {refusals.map((refusal) => {
                const sale = sales.get(refusal.id);
                return (
                  <li key={refusal.id} data-testid="refused-sale">
                    <div>
                      <strong>{refusal.receiptNumber || refusal.id}</strong>
                      {sale ? ` · ${time(sale.completedAt)} · ${money(sale.totals.gross, sale.currency)}` : null}
                      {refusal.attempts > 1 ? ` · refused ${refusal.attempts} times` : null}
                    </div>
                    <ul data-testid="refused-reasons">
                      {refusal.problems.map((problem) => (
                        <li key={problem}>{problem}</li>
                      ))}
                    </ul>
                    <button type="button" disabled={resending.busy || !status.online} onClick={() => void resending.run([refusal])}>
                      Send again
                    </button>
                  </li>
                );
              })}
            </ul>
          </>
        )}
        {said ? (
          <p className={`notice notice--${said.kind}`} role={said.kind === 'error' ? 'alert' : 'status'} data-testid="sync-panel-outcome">
            {said.text}
          </p>
        ) : null}
        <div className="dialog__actions">
          <button type="button" ref={close} onClick={onClose}>
            Close (Esc)
          </button>
          {refusals.length > 1 ? (
            <button type="button" disabled={resending.busy || !status.online} onClick={() => void resending.run(refusals)}>
              Send all {refusals.length} again
            </button>
          ) : null}
        </div>
    </Modal>
  );
}
