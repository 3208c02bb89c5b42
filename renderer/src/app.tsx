import { useEffect, useState, type DragEvent } from 'react';
import { api } from './api.js';
import { useTransfers } from './transfers-store.js';

/** The window: a drop zone for `.sif` files and the list of transfers. */
export function App() {
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string | undefined>();
  const transfers = useTransfers((s) => s.transfers);

  useEffect(() => {
    const host = api();
    if (!host) return undefined;
    const offProgress = host.on('transfer:progress', (e) => useTransfers.getState().progressed(e));
    const offFinished = host.on('transfer:finished', (e) => useTransfers.getState().finished(e));
    return () => {
      offProgress();
      offFinished();
    };
  }, []);

  async function onDrop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    const host = api();
    const file = event.dataTransfer.files[0] as (File & { path?: string }) | undefined;
    if (!host || !file?.path) return;
    if (!file.name.endsWith('.sif')) {
      setError(`${file.name} is not a .sif file.`);
      return;
    }
    try {
      const { jobId } = await host.invoke('transfer:push', { file: file.path, reference: target });
      useTransfers.getState().started(jobId, `${file.name} → ${target}`);
      setError(undefined);
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <main>
      <h1>Sifport</h1>
      <label>
        Push to{' '}
        <input
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          placeholder="oras://registry/repo:tag"
        />
      </label>
      <section
        aria-label="drop zone"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => void onDrop(e)}
      >
        Drop a .sif file here
      </section>
      {error ? <p role="alert">{error}</p> : null}
      <ul aria-label="transfers">
        {Object.values(transfers).map((t) => (
          <li key={t.jobId}>
            {t.label}:{' '}
            {t.finished
              ? t.finished.ok
                ? `done ${t.finished.digest ?? ''}`
                : t.finished.error?.message
              : t.progress
                ? `${Math.round((100 * t.progress.bytesDone) / Math.max(1, t.progress.bytesTotal))} %`
                : 'starting'}
          </li>
        ))}
      </ul>
    </main>
  );
}
