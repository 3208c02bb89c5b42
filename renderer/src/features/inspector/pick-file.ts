/**
 * The browser mode's "Inspect a local SIF…": a hidden `<input type=file accept=".sif">`
 * clicked while the key press or button press that asked is still being handled (browsers
 * open a file chooser only then). Resolves the chosen file, or undefined when cancelled.
 */
export function pickSifFile(): Promise<File | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.sif';
    input.hidden = true;
    const done = (file: File | undefined) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0]), { once: true });
    input.addEventListener('cancel', () => done(undefined), { once: true });
    document.body.append(input);
    input.click();
  });
}
