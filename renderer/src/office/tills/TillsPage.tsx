import { useState } from 'react';
import type { PairingCode, TillView } from '../../../../shared/src/index.js';
import { ConfirmDialog, DataTable, useSubmit, type Column } from '../../ui-kit/index.js';
import type { StorePageProps } from '../App.js';
import { office } from '../api.js';
import { ago, formatterOf } from '../format.js';
import { useSession } from '../session.js';
import { useLoaded, useNow } from '../use-loaded.js';
import { AddTill, RenameTill } from './TillForms.js';

/** The store's tills: when each last synced, what waits on it, what was refused; pairing and revoking. */
export function TillsPage({ store, version }: StorePageProps) {
  const { may } = useSession();
  const format = formatterOf(store);
  const now = useNow();
  const tills = useLoaded(() => office.get('/api/office/tills', { query: { store: store.id } }), `${store.id}:${version}`);
  const [pairing, setPairing] = useState<{ till: TillView; code: PairingCode } | null>(null);
  const [revoking, setRevoking] = useState<TillView | null>(null);
  const [result, setResult] = useState('');
  const pair = useSubmit(async (till: TillView) => {
    const code = await office.post('/api/office/tills/:till/pairing-code', { params: { till: till.id } });
    setPairing({ till, code });
    setResult('');
  });
  const revoke = useSubmit(async (till: TillView) => {
    await office.post('/api/office/tills/:till/revoke', { params: { till: till.id } });
    setRevoking(null);
    setPairing(null);
    setResult(`Till ${till.code} revoked.`);
    await tills.reload();
  });
  const mayPair = may('POST /api/office/tills/:till/pairing-code');
  const mayRevoke = may('POST /api/office/tills/:till/revoke');
  const mayRename = may('PUT /api/office/tills/:till');

  const columns: Column<TillView>[] = [
    { id: 'code', header: 'Till', cell: (row) => row.code },
    { id: 'name', header: 'Name', cell: (row) => row.name },
    {
      id: 'lastSynced',
      header: 'Last synced',
      className: 'last-synced',
      cell: (row) => <span title={row.lastContactAt ?? ''}>{ago(format, row.lastContactAt, now)}</span>,
    },
    { id: 'lastNumber', header: 'Last sale no.', numeric: true, cell: (row) => row.lastNumber },
    {
      id: 'waiting',
      header: 'Waiting on till',
      numeric: true, className: 'waiting',
      cell: (row) => <span title={`as the till reported ${row.waitingReportedAt ? ago(format, row.waitingReportedAt, now) : 'never'}`}>{row.waiting ?? '?'}</span>,
    },
    {
      id: 'refused',
      header: 'Refused',
      numeric: true, className: 'refused-count',
      cell: (row) => <span className={row.refused > 0 ? 'refused' : undefined}>{row.refused}</span>,
    },
    {
      id: 'device',
      header: 'Device',
      className: 'device',
      cell: (row) => (row.paired ? `paired ${ago(format, row.pairedAt, now)}` : row.revokedAt ? `revoked ${ago(format, row.revokedAt, now)}` : 'not paired'),
    },
    {
      id: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      cell: (row) => (
        <span className="actions">
          {mayPair ? (
            <button type="button" onClick={() => void pair.run(row)} disabled={pair.busy}>
              Pair a device
            </button>
          ) : null}
          {mayRevoke && row.paired ? (
            <button type="button" className="danger" onClick={() => {
                revoke.clear();
                setRevoking(row);
              }}>
              Revoke
            </button>
          ) : null}
          {mayRename ? <RenameTill till={row} onRenamed={() => tills.reload()} /> : null}
        </span>
      ),
    },
  ];

  return (
    <section aria-labelledby="tills-heading">
      <h2 id="tills-heading">Tills</h2>
      {tills.problem ? <p className="problem" role="alert">{tills.problem}</p> : null}
      <DataTable label="Tills" columns={columns} rows={tills.value} rowId={(till) => till.id} rowProps={(till) => ({ 'data-till': till.id })} empty={<p className="muted">This store has no tills yet.</p>} />
      {may('POST /api/office/tills') ? <AddTill storeId={store.id} onAdded={() => tills.reload()} /> : null}
      <div id="pairing" role="status">
        {pairing ? (
          <p>
            Pairing code for till {pairing.till.code}:{' '}
            <span className="code" data-testid="pairing-code">
              {pairing.code.code}
            </span>{' '}
            (enter it on the till with this server’s address; it works once, until {format.time(pairing.code.expiresAt)}). Pairing a new device revokes the one before.
          </p>
        ) : null}
        {result ? <p>{result}</p> : null}
        {pair.problem ? <p className="problem">Not paired: {pair.problem}</p> : null}
      </div>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke till ${revoking?.code ?? ''}?`}
        confirmLabel="Revoke"
        busy={revoke.busy}
        problem={revoke.problem}
        onCancel={() => setRevoking(null)}
        onConfirm={() => revoking && void revoke.run(revoking)}
      >
        <p>It stops syncing at once; its sales stay on it until it is paired again.</p>
      </ConfirmDialog>
    </section>
  );
}
