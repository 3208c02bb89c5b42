/** Joins class names, dropping false, null and undefined (UI.md §7: no clsx). */
export function cx(...parts: readonly (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(' ');
}
