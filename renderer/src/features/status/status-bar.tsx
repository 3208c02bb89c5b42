/** S10: the status bar (placeholder until it is built). */
export function StatusBar() {
  return (
    <footer
      role="contentinfo"
      className="flex h-6 items-center border-t border-line bg-surface px-2 text-sm text-muted"
    >
      Sifport
    </footer>
  );
}
