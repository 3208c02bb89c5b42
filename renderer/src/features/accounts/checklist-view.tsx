import { Check, CircleDashed, LoaderCircle, Minus, X } from 'lucide-react';
import type { ReactNode } from 'react';
import { cx } from '../../ui/cx.js';
import type { CheckState, CheckStep } from './test-checklist.js';

const MARKS: Readonly<Record<CheckState, { icon: ReactNode; word: string; tone: string }>> = {
  ok: { icon: <Check size={14} />, word: 'passed', tone: 'text-success' },
  failed: { icon: <X size={14} />, word: 'failed', tone: 'text-danger' },
  unknown: {
    icon: <span className="font-semibold">?</span>,
    word: 'unknown',
    tone: 'text-warning',
  },
  skipped: { icon: <Minus size={14} />, word: 'not applicable', tone: 'text-muted' },
  running: {
    icon: <LoaderCircle size={14} className="animate-spin" />,
    word: 'checking',
    tone: 'text-muted',
  },
  idle: { icon: <CircleDashed size={14} />, word: 'not run', tone: 'text-muted' },
};

/**
 * The "Test and save" checklist (UI.md S2): one row per step with ✓/✗/?, what it found, the
 * consequence of a ✗, and under the failing step the action that answers it.
 */
export function ChecklistView({
  steps,
  actions,
  failedRun = false,
}: {
  steps: readonly CheckStep[];
  /** The test itself failed: its failing step stands out (a missing capability does not). */
  failedRun?: boolean;
  /** Shown under the failed step: the buttons that fix it. */
  actions?: ReactNode;
}) {
  return (
    <ol
      aria-label="Connection test"
      className="m-0 flex list-none flex-col rounded-lg border border-line p-0"
    >
      {steps.map((step) => {
        const mark = MARKS[step.state];
        return (
          <li
            key={step.id}
            aria-label={`${step.label}: ${mark.word}${step.detail ? `, ${step.detail}` : ''}`}
            className={cx(
              'flex flex-col gap-1 border-b border-line px-3 py-1.5 last:border-b-0',
              failedRun && step.state === 'failed' && 'bg-danger-soft',
            )}
          >
            <div className="flex items-center gap-2">
              <span aria-hidden className={cx('flex w-4 justify-center', mark.tone)}>
                {mark.icon}
              </span>
              <span className="w-28 shrink-0 font-medium">{step.label}</span>
              <span
                className={cx(
                  'min-w-0 flex-1 text-sm',
                  step.state === 'failed' ? 'text-text' : 'text-muted',
                )}
              >
                {step.detail}
                {step.consequence ? <span className="text-text"> → {step.consequence}</span> : null}
              </span>
            </div>
            {step.state === 'failed' && actions ? (
              <div className="flex flex-wrap gap-2 pl-6">{actions}</div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
