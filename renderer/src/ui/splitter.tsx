import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { cx } from './cx.js';

/**
 * A draggable divider between two panes (`role="separator"`, UI.md §7): drag it, or focus it
 * and use the arrow keys (Shift for bigger steps), Home and End. `size` is the pane's size in
 * pixels; `invert` when the pane lies after the divider (dragging towards it shrinks it).
 */
export function Splitter({
  label,
  orientation,
  size,
  min,
  max,
  invert = false,
  onResize,
  onResizeEnd,
}: {
  label: string;
  /** `vertical`: a vertical bar between side-by-side panes. */
  orientation: 'vertical' | 'horizontal';
  size: number;
  min: number;
  max: number;
  invert?: boolean;
  onResize: (size: number) => void;
  /** Called once the drag or key press is over, to persist the size. */
  onResizeEnd?: (size: number) => void;
}) {
  const start = useRef<{ at: number; size: number } | undefined>(undefined);
  const clamp = (value: number) => Math.round(Math.min(max, Math.max(min, value)));
  const position = (e: PointerEvent) => (orientation === 'vertical' ? e.clientX : e.clientY);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = { at: position(e), size };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!start.current) return;
    const delta = position(e) - start.current.at;
    onResize(clamp(start.current.size + (invert ? -delta : delta)));
  };
  const onPointerUp = () => {
    if (start.current) onResizeEnd?.(size);
    start.current = undefined;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 40 : 10;
    const grow = orientation === 'vertical' ? 'ArrowRight' : 'ArrowDown';
    const shrink = orientation === 'vertical' ? 'ArrowLeft' : 'ArrowUp';
    let next: number | undefined;
    if (e.key === grow) next = size + (invert ? -step : step);
    else if (e.key === shrink) next = size + (invert ? step : -step);
    else if (e.key === 'Home') next = min;
    else if (e.key === 'End') next = max;
    if (next === undefined) return;
    e.preventDefault();
    onResize(clamp(next));
    onResizeEnd?.(clamp(next));
  };

  return (
    <div
      role="separator"
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={size}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onKeyDown={onKeyDown}
      className={cx(
        'relative z-10 shrink-0 bg-line outline-none hover:bg-accent focus-visible:bg-accent',
        orientation === 'vertical' ? 'w-px cursor-col-resize' : 'h-px cursor-row-resize',
        // A wider invisible grip than the 1-px line.
        orientation === 'vertical'
          ? 'before:absolute before:inset-y-0 before:-left-1 before:w-2'
          : 'before:absolute before:inset-x-0 before:-top-1 before:h-2',
      )}
    />
  );
}
