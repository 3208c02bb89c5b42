import type { ReactNode } from 'react';
import {
  Tab as AriaTab,
  TabList as AriaTabList,
  TabPanel as AriaTabPanel,
  type TabPanelProps,
  type TabProps,
} from 'react-aria-components';
import { cx } from './cx.js';

export { Tabs } from 'react-aria-components';

/** A row of tabs with an underline under the selected one. */
export function TabList({
  label,
  children,
  className,
}: {
  label: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <AriaTabList
      aria-label={label}
      className={cx('flex flex-wrap gap-x-1 border-b border-line px-2', className)}
    >
      {children}
    </AriaTabList>
  );
}

/** One tab. */
export function Tab({ className, ...props }: TabProps & { className?: string }) {
  return (
    <AriaTab
      {...props}
      className={cx(
        '-mb-px flex h-8 cursor-default items-center gap-1.5 border-b-2 border-transparent px-2 whitespace-nowrap text-muted outline-none',
        'hover:text-text selected:border-accent selected:text-text data-[disabled]:opacity-40',
        'data-[focus-visible]:outline-2 data-[focus-visible]:-outline-offset-2 data-[focus-visible]:outline-accent',
        className,
      )}
    />
  );
}

/** The panel of one tab. */
export function TabPanel({ className, ...props }: TabPanelProps & { className?: string }) {
  return <AriaTabPanel {...props} className={cx('min-h-0 flex-1 outline-none', className)} />;
}
