import type { TransferView } from './transfers-slice.js';
import { useSifportStore } from '../../store/store.js';

function percent(t: TransferView): number {
  return t.progress
    ? Math.round((100 * t.progress.bytesDone) / Math.max(1, t.progress.bytesTotal))
    : 0;
}

/** One transfer: progress while it runs, then its digest or what went wrong. */
function TransferItem({ transfer }: { readonly transfer: TransferView }) {
  const ended = transfer.state === 'done' || transfer.state === 'failed';
  return (
    <li>
      <span>{transfer.label}</span> <span>{transfer.reference}</span>{' '}
      {!ended ? (
        <>
          <progress
            max={100}
            value={percent(transfer)}
            aria-label={`progress of ${transfer.label}`}
          />{' '}
          {transfer.progress
            ? `${percent(transfer)} % (${transfer.progress.phase})`
            : transfer.state}
        </>
      ) : transfer.state === 'done' ? (
        <span>
          done{transfer.result?.summary ? ` (${transfer.result.summary})` : ''}{' '}
          <code>{transfer.result?.digest ?? transfer.result?.path ?? ''}</code>
        </span>
      ) : (
        <span role="alert">failed: {transfer.error?.message ?? 'unknown error'}</span>
      )}
    </li>
  );
}

/** Every transfer of this session, newest last. */
export function TransferList() {
  const transfers = useSifportStore((s) => s.transfers);
  return (
    <section aria-labelledby="transfers-heading">
      <h2 id="transfers-heading">Transfers</h2>
      <ul aria-label="transfers">
        {Object.values(transfers).map((t) => (
          <TransferItem key={t.id} transfer={t} />
        ))}
      </ul>
    </section>
  );
}
