/** S9: the transfers drawer (placeholder until it is built). */
export function TransfersDrawer(_props: { height: number }) {
  return (
    <section data-landmark aria-label="Transfers" className="flex-1 p-4 text-muted">
      Transfers are not built yet.
    </section>
  );
}
