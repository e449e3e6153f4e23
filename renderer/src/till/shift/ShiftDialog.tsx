import { useCallback, useEffect, useState } from 'react';
import { dec, isDecimalString, toFixedString, type ShiftEvent, type ShiftReport } from '../../../../shared/src/index.js';
import { shiftReportHtml } from '../../../../shared/src/shift-receipt.js';
import { useSubmit } from '../../ui-kit/index.js';
import { useCart } from '../checkout/cart.js';
import { useSession } from './session.js';
import { CashCount, countRows, countTotal, type CountEntries } from './CashCount.js';
import { useDataVersion, useServices } from '../context.js';
import { money, time } from '../format.js';
import { printReceipt } from '../receipts/print.js';
import { Difference, ShiftReportView } from './ShiftReportView.js';
import { Modal } from '../Modal.js';
import { useShiftDialog, useShiftState } from './use-shift.js';
import './shift.css';

/** Reasons offered for cash put in or taken out; the cashier may type any other. */
export const CASH_REASONS = { 'cash-in': ['Change float top-up'], 'cash-out': ['Bank deposit', 'Supplier payment', 'Change float top-up'] } as const;

function normalise(text: string): string {
  return text.trim().replace(',', '.');
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The store's currency and decimals, once the till has its store from head office. */
function useCurrency(): { currency: string | undefined; decimals: number } {
  const { catalog } = useServices();
  useDataVersion();
  return { currency: catalog.store?.currency, decimals: catalog.store?.pricing.currencyDecimals ?? 2 };
}

/**
 * The store's blind close: the cashier counts the drawer without being told first what it should
 * hold, so the count is what is there, not what is expected. Until the count is confirmed at the
 * close, no screen of the open shift shows the expected cash.
 */
function useBlindClose(): boolean {
  const { catalog } = useServices();
  useDataVersion();
  return catalog.store?.blindClose === true;
}

/** Said where the expected cash would be, while a blind close keeps it back. */
const BLIND_NOTE = 'Blind close: the cash the drawer should hold is shown once it has been counted at the close.';

/**
 * Shifts at the till: asks for the float when no shift is open (selling needs one), and the Shift
 * dialog (F3). Both are modal: while either is up, nothing is rung up behind it.
 */
export function ShiftDesk() {
  const state = useShiftState();
  const cashier = useSession((session) => session.cashier);
  const shown = useShiftDialog((dialog) => dialog.shown);
  const gate = state.loaded && state.open === null && cashier !== null && !shown;

  if (shown) return <ShiftDialog />;
  if (gate) return <OpenShiftDialog />;
  return null;
}

/** The float counted into the drawer, by denomination or as one amount; opens the shift. */
export function OpenShiftDialog() {
  const { shifts, settings } = useServices();
  const cashier = useSession((session) => session.cashier);
  const signOut = useSession((session) => session.signOut);
  const { currency, decimals } = useCurrency();
  const [entries, setEntries] = useState<CountEntries>({});
  // Typed straight into "Float": the count is left out and this amount is the float.
  const [typedFloat, setTypedFloat] = useState<string | null>(null);

  const counted = currency ? countTotal(currency, entries, decimals) : '0';
  const floatText = typedFloat ?? counted;
  const float = normalise(floatText);
  const valid = isDecimalString(float) && !dec(float).isNegative();

  const opening = useSubmit(
    async () => {
      if (!cashier || !currency || !valid) return;
      await shifts.open({
        // As typed: the shift book refuses more decimals than the currency has rather than round them.
        float,
        ...(typedFloat === null ? { counted: countRows(currency, entries) } : {}),
        cashier,
        storeId: settings.storeId,
        tillId: settings.tillId,
        currency,
      });
    },
    { clearOnRun: true },
  );

  return (
    <Modal labelledBy="open-shift-title" escapeHint="Selling needs an open shift: count the float and open it, or sign out." wide className="shift-dialog" testId="open-shift-dialog">
        <h2 id="open-shift-title">Open shift</h2>
        {!currency ? (
          <>
            <p role="status">This till has not received its store from head office yet: it needs to reach the sync server once before the first shift.</p>
            <div className="dialog__actions">
              <button type="button" onClick={signOut}>
                Sign out
              </button>
            </div>
          </>
        ) : (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void opening.run();
            }}
          >
            <p>
              {cashier?.name}, count the cash in the drawer to start a shift on till {settings.tillCode}: note by note, or type the total as the float.
            </p>
            <CashCount
              currency={currency}
              decimals={decimals}
              entries={entries}
              idPrefix="open-count"
              autoFocus
              caption="Float counted by note and coin"
              onChange={(next) => {
                setEntries(next);
                setTypedFloat(null);
              }}
            />
            <label htmlFor="open-shift-float" className="shift-dialog__float-label">
              Float
            </label>
            <input
              id="open-shift-float"
              className="shift-dialog__amount"
              inputMode="decimal"
              autoComplete="off"
              value={floatText}
              aria-describedby="open-shift-float-help"
              onChange={(event) => {
                setTypedFloat(event.target.value);
                setEntries({});
              }}
              onFocus={(event) => event.target.select()}
            />
            <p id="open-shift-float-help" className="shift-dialog__help">
              The total of the count above; typing an amount here replaces the count.
            </p>
            {!valid ? <p className="dialog__short">Enter the float as an amount, such as 150.00.</p> : null}
            {opening.problem ? (
              <p role="alert" className="dialog__short">
                {opening.problem}
              </p>
            ) : null}
            <div className="dialog__actions">
              <button type="button" onClick={signOut}>
                Sign out
              </button>
              <button type="submit" className="dialog__complete" disabled={opening.busy || !valid}>
                Open shift
              </button>
            </div>
          </form>
        )}
    </Modal>
  );
}

type Panel = 'menu' | 'cash-in' | 'cash-out' | 'x-report' | 'close' | 'z-report';

/**
 * F3: the open shift's cash in and out, its X report, and closing it with the drawer counted (then
 * its Z report). Escape closes the dialog wherever the focus is.
 */
export function ShiftDialog() {
  const { settings } = useServices();
  const hide = useShiftDialog((dialog) => dialog.hide);
  const open = useShiftState().open;
  const [panel, setPanel] = useState<Panel>('menu');
  const [done, setDone] = useState<string | null>(null);
  const [zReport, setZReport] = useState<ShiftReport | null>(null);

  const back = useCallback((outcome?: string) => {
    setDone(outcome ?? null);
    setPanel('menu');
  }, []);

  return (
    <Modal labelledBy="shift-title" onClose={hide} wide className="shift-dialog" testId="shift-dialog">
        <h2 id="shift-title">Shift</h2>
        {panel === 'z-report' && zReport ? (
          <ReportPanel report={zReport} tillCode={settings.tillCode} onDone={hide} doneLabel="Done (Esc)" />
        ) : !open ? (
          <>
            <p role="status">No shift is open on this till.</p>
            <div className="dialog__actions">
              <button type="button" onClick={hide} autoFocus>
                Close (Esc)
              </button>
            </div>
          </>
        ) : panel === 'menu' ? (
          <ShiftMenu shift={open} done={done} onChoose={(next) => {
              setDone(null);
              setPanel(next);
            }} onClose={hide} />
        ) : panel === 'cash-in' || panel === 'cash-out' ? (
          <CashMovementPanel kind={panel} shift={open} onDone={back} />
        ) : panel === 'x-report' ? (
          <XReportPanel shiftId={open.id} tillCode={settings.tillCode} onBack={() => back()} />
        ) : panel === 'close' ? (
          <CloseShiftPanel
            shift={open}
            onBack={() => back()}
            onClosed={(report) => {
              setZReport(report);
              setPanel('z-report');
            }}
          />
        ) : null}
    </Modal>
  );
}

function ShiftMenu({ shift, done, onChoose, onClose }: { shift: ShiftEvent; done: string | null; onChoose: (panel: Panel) => void; onClose: () => void }) {
  return (
    <>
      <p data-testid="shift-summary">
        Opened {time(shift.at)} by {shift.cashier.name} with a float of {money(shift.amount ?? '0', shift.currency)}.
      </p>
      {done ? (
        <p role="status" className="shift-dialog__done" data-testid="shift-done">
          {done}
        </p>
      ) : null}
      <div className="shift-dialog__menu">
        <button type="button" onClick={() => onChoose('cash-in')} autoFocus>
          Cash in
        </button>
        <button type="button" onClick={() => onChoose('cash-out')}>
          Cash out
        </button>
        <button type="button" onClick={() => onChoose('x-report')}>
          X report
        </button>
        <button type="button" onClick={() => onChoose('close')}>
          Close shift
        </button>
      </div>
      <div className="dialog__actions">
        <button type="button" onClick={onClose}>
          Close (Esc)
        </button>
      </div>
    </>
  );
}

/** The X report of the open shift, or undefined while it is computed. */
function useReport(shiftId: string): { report: ShiftReport | undefined; problem: string | null } {
  const { shifts } = useServices();
  const [report, setReport] = useState<ShiftReport | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    shifts.report(shiftId).then(
      (found) => !cancelled && setReport(found),
      (error: unknown) => !cancelled && setProblem(message(error)),
    );
    return () => {
      cancelled = true;
    };
  }, [shifts, shiftId]);
  return { report, problem };
}

function CashMovementPanel({ kind, shift, onDone }: { kind: 'cash-in' | 'cash-out'; shift: ShiftEvent; onDone: (outcome?: string) => void }) {
  const { shifts } = useServices();
  const cashier = useSession((session) => session.cashier);
  const { report } = useReport(shift.id);
  const blind = useBlindClose();
  const [amountText, setAmountText] = useState('');
  const [reason, setReason] = useState('');
  const title = kind === 'cash-in' ? 'Cash in' : 'Cash out';
  const amount = normalise(amountText);
  const valid = isDecimalString(amount) && dec(amount).gt(0) && reason.trim().length > 0;

  const recording = useSubmit(
    async () => {
      if (!valid || !cashier) return;
      // As typed: the shift book refuses more decimals than the currency has rather than round them.
      const event = await (kind === 'cash-in' ? shifts.cashIn(amount, reason, cashier) : shifts.cashOut(amount, reason, cashier));
      const fixed = event.amount ?? amount;
      onDone(`${title} of ${money(fixed, shift.currency)} recorded: ${reason.trim()}.`);
    },
    { clearOnRun: true },
  );

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void recording.run();
      }}
      aria-labelledby="cash-movement-title"
    >
      <h3 id="cash-movement-title">{title}</h3>
      {blind ? (
        <p className="shift-dialog__hidden" data-testid="drawer-expected-hidden">
          {BLIND_NOTE}
        </p>
      ) : report ? (
        <p data-testid="drawer-expected">
          The drawer should hold {money(report.expectedCash, shift.currency)}.
        </p>
      ) : null}
      <label htmlFor="cash-movement-amount">Amount</label>
      <input
        id="cash-movement-amount"
        className="shift-dialog__amount"
        inputMode="decimal"
        autoComplete="off"
        value={amountText}
        onChange={(event) => setAmountText(event.target.value)}
        autoFocus
        required
      />
      <label htmlFor="cash-movement-reason">Reason</label>
      <input id="cash-movement-reason" className="shift-dialog__reason" list="cash-movement-reasons" autoComplete="off" maxLength={200} value={reason} onChange={(event) => setReason(event.target.value)} required />
      <datalist id="cash-movement-reasons">
        {CASH_REASONS[kind].map((suggestion) => (
          <option key={suggestion} value={suggestion} />
        ))}
      </datalist>
      <div className="shift-dialog__reasons" role="group" aria-label="Usual reasons">
        {CASH_REASONS[kind].map((suggestion) => (
          <button key={suggestion} type="button" aria-pressed={reason === suggestion} onClick={() => setReason(suggestion)}>
            {suggestion}
          </button>
        ))}
      </div>
      {recording.problem ? (
        <p role="alert" className="dialog__short">
          {recording.problem}
        </p>
      ) : null}
      <div className="dialog__actions">
        <button type="button" onClick={() => onDone()}>
          Back
        </button>
        <button type="submit" className="dialog__complete" disabled={recording.busy || !valid}>
          Record {kind === 'cash-in' ? 'cash in' : 'cash out'}
        </button>
      </div>
    </form>
  );
}

function XReportPanel({ shiftId, tillCode, onBack }: { shiftId: string; tillCode: string; onBack: () => void }) {
  const { report, problem } = useReport(shiftId);
  if (problem) {
    return (
      <>
        <p role="alert">{problem}</p>
        <div className="dialog__actions">
          <button type="button" onClick={onBack} autoFocus>
            Back
          </button>
        </div>
      </>
    );
  }
  if (!report) return <p aria-busy="true">Adding up the shift…</p>;
  return <ReportPanel report={report} tillCode={tillCode} onDone={onBack} doneLabel="Back" />;
}

/** A report on screen, with its Print button (the same paper as a reprint later: see shift-receipt.ts). */
function ReportPanel({ report, tillCode, onDone, doneLabel }: { report: ShiftReport; tillCode: string; onDone: () => void; doneLabel: string }) {
  const { catalog } = useServices();
  const { decimals } = useCurrency();
  const [outcome, setOutcome] = useState<{ kind: 'done' | 'failed'; text: string } | null>(null);
  const title = report.closedAt === undefined ? 'X report' : 'Z report';
  // An open shift's report under a blind close keeps the drawer's figures back, on screen and on
  // paper (the printed X report shows them); the Z report shows everything.
  const withheld = useBlindClose() && report.closedAt === undefined;

  const print = async () => {
    setOutcome(null);
    try {
      await printReceipt(shiftReportHtml(report, { storeName: catalog.store?.name ?? 'Kassa', store: catalog.store, tillCode, printedAt: new Date().toISOString(), currencyDecimals: decimals }));
      setOutcome({ kind: 'done', text: `${title} sent to the printer.` });
    } catch (error) {
      setOutcome({ kind: 'failed', text: `The ${title} was not printed: ${message(error)}` });
    }
  };

  return (
    <>
      <ShiftReportView report={report} tillCode={tillCode} hideExpectedCash={withheld} />
      {outcome ? (
        <p role={outcome.kind === 'failed' ? 'alert' : 'status'} className={outcome.kind === 'failed' ? 'dialog__short' : 'shift-dialog__done'} data-testid="shift-print-outcome">
          {outcome.text}
        </p>
      ) : null}
      <div className="dialog__actions">
        <button type="button" onClick={onDone} autoFocus={withheld}>
          {doneLabel}
        </button>
        {withheld ? null : (
          <button type="button" className="dialog__complete" onClick={() => void print()} autoFocus>
            Print {title}
          </button>
        )}
      </div>
    </>
  );
}

function CloseShiftPanel({ shift, onBack, onClosed }: { shift: ShiftEvent; onBack: () => void; onClosed: (report: ShiftReport) => void }) {
  const { shifts } = useServices();
  const cashier = useSession((session) => session.cashier);
  const { decimals } = useCurrency();
  const { report, problem: reportProblem } = useReport(shift.id);
  const [entries, setEntries] = useState<CountEntries>({});
  const blind = useBlindClose();
  // Blind: the count is confirmed (and then fixed) before the expected cash and the difference show.
  const [confirmed, setConfirmed] = useState(false);
  const withheld = blind && !confirmed;
  // A cart rung up but not paid would be sold in no shift: finish, park or void it first.
  const cartWaiting = useCart((cart) => cart.lines.length > 0);
  const counted = countTotal(shift.currency, entries, decimals);
  const difference = report ? toFixedString(dec(counted).minus(dec(report.expectedCash)), decimals) : null;

  const closing = useSubmit(
    async () => {
      if (!cashier || !report || cartWaiting) return;
      onClosed(await shifts.close({ counted: countRows(shift.currency, entries), cashier }));
    },
    { clearOnRun: true },
  );
  const close = () => {
    if (!withheld) void closing.run();
    else if (cashier && report && !cartWaiting) setConfirmed(true);
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        close();
      }}
      aria-labelledby="close-shift-title"
    >
      <h3 id="close-shift-title">Close shift</h3>
      <p>Count all the cash in the drawer, note by note and coin by coin.</p>
      {blind ? (
        <p className="shift-dialog__help" data-testid="close-blind">
          {confirmed
            ? 'The count is confirmed and can no longer be changed.'
            : 'This store closes blind: what the drawer should hold is shown once you confirm your count, and the count cannot be changed after that.'}
        </p>
      ) : null}
      {cartWaiting ? (
        <p role="alert" className="dialog__short">
          A cart is rung up but not paid: finish, park (F4) or void it before closing the shift.
        </p>
      ) : null}
      <CashCount currency={shift.currency} decimals={decimals} entries={entries} onChange={setEntries} idPrefix="close-count" autoFocus caption="Drawer counted by note and coin" locked={blind && confirmed} />
      <dl className="shift-dialog__balance" aria-live="polite">
        <dt>Expected in the drawer</dt>
        <dd data-testid="close-expected">
          {withheld ? <span className="shift-dialog__hidden">shown once the count is confirmed</span> : report ? money(report.expectedCash, shift.currency) : 'adding up…'}
        </dd>
        <dt>Counted</dt>
        <dd data-testid="close-counted">{money(counted, shift.currency)}</dd>
        <dt>Difference</dt>
        <dd>
          {withheld ? (
            <span className="shift-dialog__hidden">shown once the count is confirmed</span>
          ) : difference !== null ? (
            <Difference difference={difference} currency={shift.currency} testId="close-difference" />
          ) : (
            '…'
          )}
        </dd>
      </dl>
      {reportProblem || closing.problem ? (
        <p role="alert" className="dialog__short">
          {reportProblem ?? closing.problem}
        </p>
      ) : null}
      <div className="dialog__actions">
        <button type="button" onClick={onBack}>
          Back
        </button>
        <button type="submit" className="dialog__complete" disabled={closing.busy || !report || cartWaiting}>
          {withheld ? 'Confirm count' : 'Close shift'}
        </button>
      </div>
    </form>
  );
}
