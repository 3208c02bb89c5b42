/**
 * "Save as…" for text the window holds (a definition file, an exported key): the browser's
 * download of a file made from the text, which Electron turns into its native save dialog.
 * No host channel is needed, and nothing is written without the user choosing where.
 */
export function saveText(fileName: string, text: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
