import { Download, Plus } from 'lucide-react';
import { useSifportStore } from '../../store/store.js';
import { Button } from '../../ui/button.js';

/** The two ways to get accounts (sidebar hint, home screen): add one, or import logins. */
export function AccountButtons({ addFirst = false }: { addFirst?: boolean }) {
  const openDialog = useSifportStore((s) => s.openDialog);
  const add = (
    <Button
      small
      variant={addFirst ? 'primary' : 'secondary'}
      onPress={() => openDialog({ kind: 'add-account' })}
    >
      <Plus size={12} aria-hidden />
      Add account
    </Button>
  );
  const importLogins = (
    <Button small onPress={() => openDialog({ kind: 'import-accounts' })}>
      <Download size={12} aria-hidden />
      Import logins…
    </Button>
  );
  return addFirst ? (
    <>
      {add}
      {importLogins}
    </>
  ) : (
    <>
      {importLogins}
      {add}
    </>
  );
}
