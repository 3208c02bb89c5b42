import { createContext, useContext } from 'react';
import type { Formatters } from '../settings/use-formatters.js';
import type { PaneTarget } from '../shell/view-slice.js';
import type { TagColumn } from './tag-columns.js';

/** What every row of a pane shares: set once per pane, so rows take only their own props. */
export interface PaneContextValue {
  readonly pane: number;
  readonly target: PaneTarget;
  readonly repoKey: string;
  readonly columns: readonly TagColumn[];
  readonly rowHeight: number;
  /** Sizes and dates as the settings say, one object for every row of the pane. */
  readonly format: Formatters;
  /** Opens the row menu (⋮) of `tag` beside `anchor`. */
  openRowMenu(tag: string, anchor: HTMLElement): void;
}

/** The pane a row belongs to. */
export const PaneContext = createContext<PaneContextValue | undefined>(undefined);

/** The {@link PaneContextValue} of the pane around; rows outside a pane are a bug. */
export function usePane(): PaneContextValue {
  const pane = useContext(PaneContext);
  if (!pane) throw new Error('A tag row must be inside an explorer pane.');
  return pane;
}
