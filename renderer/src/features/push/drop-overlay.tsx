import { useEffect, useState } from 'react';
import { ArrowUpFromLine } from 'lucide-react';
import { useSifportStore } from '../../store/store.js';
import type { PaneTarget } from '../shell/view-slice.js';
import { pickFiles } from './pick-files.js';

/** True when a drag carries files (not text or a link from the page). */
function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/** The push target an element under the pointer stands for (`data-push-target`), if any. */
function targetAt(node: EventTarget | null): Partial<PaneTarget> | undefined {
  const element = node instanceof Element ? node.closest('[data-push-target]') : null;
  const value = element?.getAttribute('data-push-target');
  if (!value) return undefined;
  try {
    return JSON.parse(value) as Partial<PaneTarget>;
  } catch {
    return undefined;
  }
}

/** Drops are taken unless a dialog other than the push sheet is open (it would be replaced). */
function accepting(): boolean {
  const dialog = useSifportStore.getState().dialog;
  return !dialog || dialog.kind === 'push';
}

/**
 * S7: files dragged over the window show a scrim, a dashed accent inset and "Drop to push"
 * ("Push to genomics/bwa" over a repository row or pane). Visual only (`aria-hidden`): Ctrl+O
 * is the keyboard's way, and a drop is announced. Also gives the store the browser's file
 * chooser, since only the page can open one.
 */
export function DropOverlay() {
  const [depth, setDepth] = useState(0);
  const [target, setTarget] = useState<Partial<PaneTarget>>();
  const setPicker = useSifportStore((s) => s.setBrowserFilePicker);
  useEffect(() => {
    setPicker(pickFiles);
    return () => setPicker(undefined);
  }, [setPicker]);

  useEffect(() => {
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event) || !accepting()) return;
      event.preventDefault();
      setDepth((d) => d + 1);
    };
    const leave = (event: DragEvent) => {
      if (carriesFiles(event)) setDepth((d) => Math.max(0, d - 1));
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = accepting() ? 'copy' : 'none';
      const next = targetAt(event.target);
      setTarget((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      setDepth(0);
      setTarget(undefined);
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length && accepting()) {
        useSifportStore.getState().dropFiles(files, targetAt(event.target));
      }
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  if (depth === 0) return null;
  return (
    <div
      aria-hidden
      data-testid="drop-overlay"
      className="pointer-events-none fixed inset-0 z-50 bg-scrim p-2"
    >
      <div className="flex h-full items-center justify-center rounded-lg border-[3px] border-dashed border-accent">
        <div className="flex items-center gap-3 rounded-lg border border-line bg-raised px-6 py-4 text-lg font-semibold shadow-2xl">
          <ArrowUpFromLine size={20} className="text-accent" />
          {target?.repository ? (
            <span>
              Push to <span className="font-mono">{target.repository}</span>
            </span>
          ) : (
            'Drop to push'
          )}
        </div>
      </div>
    </div>
  );
}
