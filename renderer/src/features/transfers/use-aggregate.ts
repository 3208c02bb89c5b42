import { useShallow } from 'zustand/react/shallow';
import { useSifportStore } from '../../store/store.js';
import { aggregateOf, type TransferAggregate } from './aggregate.js';

/** The running transfers summed; re-renders only when one of the sums changes. */
export function useTransferAggregate(): TransferAggregate {
  return useSifportStore(
    useShallow((s) =>
      aggregateOf(s.runningTransfers, s.transfers, s.transferProgress, s.transferCounts.queued),
    ),
  );
}
