import { useEffect, useState } from 'react';
import { Check, Copy } from 'lucide-react';
import { IconButton } from './button.js';

/** Puts `text` on the clipboard; resolves false when the page may not (then say so). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A small Copy button that shows a tick for a moment once the text is on the clipboard. */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);
  const name = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label;
  return (
    <IconButton
      label={name}
      onPress={() => void copyText(text).then((ok) => setState(ok ? 'copied' : 'failed'))}
    >
      {state === 'copied' ? <Check size={14} className="text-success" /> : <Copy size={14} />}
    </IconButton>
  );
}

/** A command to copy and paste into a terminal, as Podman Desktop's empty screens show. */
export function CommandBlock({ command, label }: { command: string; label?: string }) {
  return (
    <div className="flex items-start gap-1 rounded-md border border-line bg-surface py-1 pr-1 pl-3 text-left">
      <code
        aria-label={label}
        className="min-w-0 flex-1 py-1 text-sm break-all whitespace-pre-wrap"
      >
        {command}
      </code>
      <CopyButton text={command} label={label ? `Copy ${label}` : 'Copy command'} />
    </div>
  );
}
