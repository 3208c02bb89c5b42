import { useState, type FormEvent } from 'react';
import { useSifportStore } from '../../store/store.js';

/** Lists the tags of one repository (`oras://registry/repo`) through `registry:tags`. */
export function TagsExplorer() {
  const [repository, setRepository] = useState('');
  const explorer = useSifportStore((s) => s.explorer);
  const listTags = useSifportStore((s) => s.listTags);

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    void listTags(repository.trim());
  }

  return (
    <section aria-labelledby="tags-heading">
      <h2 id="tags-heading">Tags</h2>
      <form onSubmit={onSubmit}>
        <label>
          Repository{' '}
          <input
            value={repository}
            onChange={(e) => setRepository(e.target.value)}
            placeholder="oras://registry/repo"
          />
        </label>{' '}
        <button type="submit" disabled={explorer.status === 'loading'}>
          List tags
        </button>
      </form>
      {explorer.status === 'loading' ? <p role="status">Listing {explorer.repository}…</p> : null}
      {explorer.status === 'failed' ? <p role="alert">{explorer.error}</p> : null}
      {explorer.status === 'done' && explorer.tags.length === 0 ? <p>No tags.</p> : null}
      <ul aria-label="tags">
        {explorer.tags.map((tag) => (
          <li key={tag}>{tag}</li>
        ))}
      </ul>
    </section>
  );
}
