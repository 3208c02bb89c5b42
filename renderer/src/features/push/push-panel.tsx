import { useState, type DragEvent, type FormEvent } from 'react';
import { api } from '../../api.js';
import { useSifportStore } from '../../store/store.js';

/**
 * Push form: a target reference, then a `.sif` dropped on the zone or a path typed in. A
 * browser gives a dropped file no path (only Electron's preload can), so the typed path is
 * the way in a plain browser; the loopback host runs on the same machine and reads it there.
 */
export function PushPanel() {
  const [target, setTarget] = useState('');
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | undefined>();

  async function push(file: string): Promise<void> {
    const host = api();
    if (!host) {
      setError('Not connected to a Sifport host.');
      return;
    }
    try {
      const { job } = await host.invoke('transfer:push', { file, reference: target });
      useSifportStore.getState().jobChanged(job);
      setError(undefined);
    } catch (err) {
      setError((err as Error).message);
    }
  }

  function onDrop(event: DragEvent<HTMLElement>): void {
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (!file) return;
    if (!file.name.endsWith('.sif')) {
      setError(`${file.name} is not a .sif file.`);
      return;
    }
    const host = api();
    const filePath = host?.pathForFile?.(file);
    if (filePath) {
      void push(filePath);
      return;
    }
    if (!host?.uploadFile) {
      setError(`This window cannot see where ${file.name} is on disk; type its path instead.`);
      return;
    }
    host.uploadFile(file).then(
      (copy) => push(copy),
      (err: unknown) => setError((err as Error).message),
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const file = path.trim();
    if (!file) {
      setError('Type the path of a .sif file on this machine.');
      return;
    }
    void push(file);
  }

  return (
    <section aria-labelledby="push-heading">
      <h2 id="push-heading">Push</h2>
      <form onSubmit={onSubmit}>
        <label>
          Push to{' '}
          <input
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            placeholder="oras://registry/repo:tag"
          />
        </label>
        <div aria-label="drop zone" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
          Drop a .sif file here
        </div>
        <label>
          File path{' '}
          <input
            value={path}
            onChange={(e) => setPath(e.target.value)}
            placeholder="/path/to/image.sif"
          />
        </label>{' '}
        <button type="submit">Push</button>
      </form>
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
