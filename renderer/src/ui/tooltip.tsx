import type { ReactElement } from 'react';
import { Tooltip, TooltipTrigger } from 'react-aria-components';

/**
 * A tooltip on hover and keyboard focus, after a short delay. The trigger must be a React
 * Aria focusable (Button, Link) so the tooltip is reachable without a mouse.
 */
export function Tip({ text, children }: { text: string; children: ReactElement }) {
  return (
    <TooltipTrigger delay={500} closeDelay={0}>
      {children}
      <Tooltip
        offset={6}
        className="z-50 max-w-xs rounded-md bg-text px-2 py-1 text-sm text-bg shadow-md"
      >
        {text}
      </Tooltip>
    </TooltipTrigger>
  );
}
