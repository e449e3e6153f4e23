import type { ReportCompleteness, Store, TillBehind } from '../../../../shared/src/index.js';
import { ago, formatterOf } from '../format.js';
import { useNow } from '../use-loaded.js';

/**
 * Whether a report holds everything its period made: complete up to when, or which tills have not
 * sent everything yet and since when. Sales that arrive later are added to the day they were made,
 * so the owner knows a figure may still grow.
 */
export function CompletenessBanner(props: { completeness: ReportCompleteness; stores: readonly Store[] }) {
  const { completeness, stores } = props;
  const now = useNow();
  const format = formatterOf(stores[0]);
  if (completeness.complete) {
    return (
      <p className="completeness complete" data-testid="completeness">
        <strong>Complete</strong>: every till has sent everything it made up to {format.dateTime(completeness.completeUpTo ?? completeness.periodEnd, { seconds: false })}.
      </p>
    );
  }
  const storeName = (till: TillBehind) => (stores.length > 1 ? ` (${stores.find((store) => store.id === till.storeId)?.name ?? till.storeId})` : '');
  const count = completeness.behind.length === 1 ? '1 till has' : `${completeness.behind.length} tills have`;
  return (
    <div className="completeness behind" data-testid="completeness">
      <p>
        <strong>Not complete yet</strong>
        {completeness.completeUpTo ? `: complete up to ${format.dateTime(completeness.completeUpTo, { seconds: false })}` : ''}. {count} not sent everything; what they send later is added to the day
        it was made.
      </p>
      <ul>
        {completeness.behind.map((till) => {
          const tillFormat = formatterOf(stores.find((store) => store.id === till.storeId));
          return (
            <li key={till.tillId} data-till-behind={till.tillId}>
              <strong>
                {till.tillName}
                {storeName(till)}
              </strong>
              : {till.syncedUpTo ? `everything sent up to ${tillFormat.dateTime(till.syncedUpTo, { seconds: false })}` : 'not known to have sent everything'}; {till.lastContactAt ? `last contact ${ago(tillFormat, till.lastContactAt, now)}` : 'never in contact'}
              {till.waiting === null ? '' : `, ${till.waiting === 1 ? '1 document' : `${till.waiting} documents`} waiting then`}.
            </li>
          );
        })}
      </ul>
    </div>
  );
}
