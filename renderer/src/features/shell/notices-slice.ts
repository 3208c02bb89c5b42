import type { SliceOf } from '../../store/slice.js';

/** Something the bell keeps (UI.md S10: the last 50 events). */
export interface Notice {
  readonly id: number;
  readonly at: number;
  readonly tone: 'info' | 'success' | 'warning' | 'danger';
  readonly title: string;
  readonly body?: string;
  /** The transfer it is about, to focus its row when clicked. */
  readonly jobId?: string;
}

/** What the live regions say (UI.md §5): one polite, one assertive; never progress ticks. */
export interface Announcements {
  readonly polite: string;
  readonly assertive: string;
}

/** The notices slice: live-region announcements and the bell's history. */
export interface NoticesSlice {
  readonly announcements: Announcements;
  readonly notices: readonly Notice[];
  /** Notices not seen since the bell was last opened. */
  readonly unseenNotices: number;
  announce(text: string, level?: 'polite' | 'assertive'): void;
  notify(notice: Omit<Notice, 'id' | 'at'>): void;
  markNoticesSeen(): void;
}

const BELL_SIZE = 50;
let nextNotice = 1;

/**
 * Creates the notices slice. Announcing the same text twice in a row still speaks: the text
 * is cleared and set again on the next tick, as screen readers only read changes.
 */
export const createNoticesSlice: SliceOf<NoticesSlice> = () => (set, get) => ({
  announcements: { polite: '', assertive: '' },
  notices: [],
  unseenNotices: 0,
  announce(text, level = 'polite') {
    set({ announcements: { ...get().announcements, [level]: '' } });
    setTimeout(() => set({ announcements: { ...get().announcements, [level]: text } }), 50);
  },
  notify(notice) {
    const entry: Notice = { ...notice, id: nextNotice++, at: Date.now() };
    set({
      notices: [entry, ...get().notices].slice(0, BELL_SIZE),
      unseenNotices: Math.min(get().unseenNotices + 1, BELL_SIZE),
    });
  },
  markNoticesSeen: () => set({ unseenNotices: 0 }),
});
