/** S7: the drop overlay (placeholder until it is built). */
export function DropOverlay() {
  return null;
}
