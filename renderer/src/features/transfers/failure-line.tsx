import { useSifportStore } from '../../store/store.js';
import type { TransferView } from '../../store/domain.js';
import { Button } from '../../ui/button.js';
import { failureAction, type FailureAction } from './failure-action.js';
import { clockTime } from './transfer-text.js';

/** Does what a failure's action says; every kind ends in a visible change. */
function useRunAction(job: TransferView): (action: FailureAction) => void {
  const s = useSifportStore.getState;
  return (action) => {
    switch (action.kind) {
      case 'renew':
        void s()
          .renewAccount(action.accountId)
          .then((ok) => {
            if (ok) void s().actOnTransfer(job.id, 'retry');
          });
        return;
      case 'login':
        return s().openDialog({ kind: 'add-account', input: action.registry });
      case 'settings':
        return s().navigate({ kind: 'settings', section: action.section });
      case 'resume':
        return void s().actOnTransfer(job.id, 'resume');
      case 'retry': {
        const wait = (action.at ?? 0) - Date.now();
        if (wait <= 0) return void s().actOnTransfer(job.id, 'retry');
        s().announce(`Retrying at ${clockTime(action.at!)}`);
        setTimeout(() => void useSifportStore.getState().actOnTransfer(job.id, 'retry'), wait);
        return;
      }
      case 'explain':
        return;
    }
  };
}

/**
 * A failed, cancelled or interrupted transfer's second line: what happened, in the engine's
 * words, and the one action that answers its error code (or what to do, in words).
 */
export function FailureLine({ job }: { job: TransferView }) {
  const accounts = useSifportStore((s) => s.accounts);
  const run = useRunAction(job);
  const action = failureAction(job, accounts, clockTime);
  const message =
    job.state === 'interrupted'
      ? 'Sifport quit while this ran. Resume continues where it stopped.'
      : job.state === 'cancelled'
        ? 'Cancelled before it finished; nothing was tagged.'
        : (job.error?.message ?? 'It failed without a reason.');
  const explained = action?.kind === 'explain' ? `${message} ${action.text}` : message;
  return (
    <div className="flex min-w-0 items-center gap-2 text-sm">
      <span
        className={
          job.state === 'failed'
            ? 'min-w-0 flex-1 truncate text-danger'
            : 'min-w-0 flex-1 truncate text-muted'
        }
        title={explained}
      >
        {explained}
      </span>
      {action && action.kind !== 'explain' ? (
        <Button small onPress={() => run(action)}>
          {action.label}
        </Button>
      ) : null}
    </div>
  );
}
