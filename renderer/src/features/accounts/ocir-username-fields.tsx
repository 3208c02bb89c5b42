import { useState } from 'react';
import { ocirUsername } from '../../../../shared/account-text.js';

/** Builds OCIR's `NAMESPACE/[oracleidentitycloudservice/]USER` from its parts. */
export function OcirUsernameFields({ onChange }: { readonly onChange: (name: string) => void }) {
  const [namespace, setNamespace] = useState('');
  const [user, setUser] = useState('');
  const [federated, setFederated] = useState(false);
  const update = (ns: string, u: string, f: boolean): void => {
    setNamespace(ns);
    setUser(u);
    setFederated(f);
    onChange(ocirUsername(ns, u, f));
  };
  return (
    <fieldset>
      <legend>OCIR user name</legend>
      <label>
        Object Storage namespace{' '}
        <input value={namespace} onChange={(e) => update(e.target.value, user, federated)} />
      </label>{' '}
      <label>
        User or email{' '}
        <input value={user} onChange={(e) => update(namespace, e.target.value, federated)} />
      </label>{' '}
      <label>
        <input
          type="checkbox"
          checked={federated}
          onChange={(e) => update(namespace, user, e.target.checked)}
        />{' '}
        Federated (Identity Cloud Service) user
      </label>
    </fieldset>
  );
}
