import { useState } from 'react';
import {
  Button as AriaButton,
  Dialog,
  DialogTrigger,
  Heading,
  Popover,
} from 'react-aria-components';
import { AlertTriangle, Bell, CheckCircle2, Info, XCircle } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { useSifportStore } from '../../store/store.js';
import { cx } from '../../ui/cx.js';
import { formatAbsolute } from '../../ui/format.js';
import { useFormatters } from '../settings/use-formatters.js';
import type { Notice } from '../shell/notices-slice.js';

const ICONS = {
  info: <Info size={14} className="text-accent" />,
  success: <CheckCircle2 size={14} className="text-success" />,
  warning: <AlertTriangle size={14} className="text-warning" />,
  danger: <XCircle size={14} className="text-danger" />,
} as const;

/** One notice; a transfer's notice is a button that shows its row in the drawer. */
function NoticeItem({ notice, onShow }: { notice: Notice; onShow: (jobId: string) => void }) {
  const { time } = useFormatters();
  const body = (
    <>
      <span aria-hidden className="mt-0.5 shrink-0">
        {ICONS[notice.tone]}
      </span>
      <span className="min-w-0 flex-1">
        <span className="block break-words">{notice.title}</span>
        {notice.body ? (
          <span className="block text-sm break-words text-muted">{notice.body}</span>
        ) : null}
        <span className="block text-sm text-muted" title={formatAbsolute(notice.at)}>
          {time(notice.at)}
        </span>
      </span>
    </>
  );
  const row = 'flex w-full gap-2 rounded px-2 py-1.5 text-left';
  return (
    <li>
      {notice.jobId ? (
        <AriaButton
          onPress={() => onShow(notice.jobId!)}
          className={cx(
            row,
            'outline-none hover:bg-hover focus-visible:outline-2 focus-visible:outline-accent',
          )}
        >
          {body}
        </AriaButton>
      ) : (
        <div className={row}>{body}</div>
      )}
    </li>
  );
}

/**
 * The bell (UI.md S10): how many notices arrived since it was last opened, and a popover with
 * the last 50 (transfers that started, ended or failed; renewals…). Opening it marks them seen.
 */
export function NoticeBell() {
  const { notices, unseen, markSeen, select } = useSifportStore(
    useShallow((s) => ({
      notices: s.notices,
      unseen: s.unseenNotices,
      markSeen: s.markNoticesSeen,
      select: s.selectTransfer,
    })),
  );
  const [open, setOpen] = useState(false);
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next) markSeen();
  };
  return (
    <DialogTrigger isOpen={open} onOpenChange={onOpenChange}>
      <AriaButton
        aria-label={unseen ? `Notifications, ${unseen} new` : 'Notifications'}
        className="flex h-6 items-center gap-1 rounded px-1.5 text-muted outline-none hover:bg-hover focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent"
      >
        <Bell size={12} aria-hidden />
        {unseen ? (
          <span className="rounded-full bg-accent px-1 text-xs leading-4 font-medium text-on-accent tabular-nums">
            {unseen}
          </span>
        ) : null}
      </AriaButton>
      <Popover
        placement="top end"
        className="w-96 overflow-hidden rounded-md border border-line bg-raised shadow-lg"
      >
        <Dialog aria-label="Notifications" className="flex max-h-96 flex-col outline-none">
          <Heading
            slot="title"
            className="m-0 border-b border-line px-3 py-2 text-base font-semibold"
          >
            Notifications
          </Heading>
          {notices.length ? (
            <ul className="m-0 min-h-0 flex-1 list-none overflow-auto p-1">
              {notices.map((notice) => (
                <NoticeItem
                  key={notice.id}
                  notice={notice}
                  onShow={(jobId) => {
                    setOpen(false);
                    select(jobId);
                  }}
                />
              ))}
            </ul>
          ) : (
            <p className="m-0 px-3 py-4 text-muted">
              Nothing yet. Transfers that start, end or fail are listed here.
            </p>
          )}
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}
