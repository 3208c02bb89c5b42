/**
 * The browser mode's file chooser (`dialog:openFile` answers UNSUPPORTED there): a hidden
 * `<input type=file accept=".sif" multiple>` clicked at once, so it must be called from the
 * key or button press itself (Chromium opens a chooser only with a user activation). Resolves
 * with the files chosen, or none when the chooser is dismissed.
 */
export function pickFiles(): Promise<readonly File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.sif';
    input.multiple = true;
    input.hidden = true;
    const done = (files: readonly File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => done([...(input.files ?? [])]), { once: true });
    input.addEventListener('cancel', () => done([]), { once: true });
    document.body.append(input);
    input.click();
  });
}
