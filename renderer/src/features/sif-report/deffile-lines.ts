/**
 * A definition file split into coloured pieces for the Definition tab (UI.md §7: "deffile
 * needs ~10 regex lines", no highlighter library). Pure, so it is tested in Node.
 */

/** What a piece of a line is: a `%section` header, a header keyword, a comment, a variable. */
export type DeffileTokenKind = 'section' | 'keyword' | 'comment' | 'variable' | 'text';

/** One coloured piece of a line. */
export interface DeffileToken {
  readonly kind: DeffileTokenKind;
  readonly text: string;
}

/** `%post`, `%apprun foo`: a section header and its arguments. */
const SECTION = /^(\s*)(%[A-Za-z][\w-]*)(.*)$/;
/** `Bootstrap: docker` and the other header lines before the first section. */
const KEYWORD = /^(\s*)([A-Za-z][\w-]*:)(.*)$/;
const COMMENT = /^(\s*)(#.*)$/;
/** `$HOME`, `${APPTAINER_ROOTFS}`. */
const VARIABLE = /(\$\{[^}\s]+\}|\$[A-Za-z_][A-Za-z0-9_]*)/;

/** Splits `text` on shell variables, keeping them as their own tokens. */
function withVariables(text: string): DeffileToken[] {
  return text
    .split(VARIABLE)
    .filter((part) => part !== '')
    .map((part) => ({ kind: VARIABLE.test(part) ? 'variable' : 'text', text: part }));
}

/**
 * The tokens of one line. `inHeader` is true before the first `%section`, where `Key: value`
 * lines are header keywords; inside sections a colon is just shell text.
 */
export function tokenizeDeffileLine(line: string, inHeader: boolean): readonly DeffileToken[] {
  const lead = (space: string): DeffileToken[] => (space ? [{ kind: 'text', text: space }] : []);
  const section = SECTION.exec(line);
  if (section) {
    const [, space = '', name = '', rest = ''] = section;
    return [...lead(space), { kind: 'section', text: name }, ...withVariables(rest)];
  }
  const comment = COMMENT.exec(line);
  if (comment) return [...lead(comment[1] ?? ''), { kind: 'comment', text: comment[2] ?? '' }];
  const keyword = inHeader ? KEYWORD.exec(line) : null;
  if (keyword) {
    const [, space = '', key = '', rest = ''] = keyword;
    return [...lead(space), { kind: 'keyword', text: key }, ...withVariables(rest)];
  }
  return withVariables(line);
}

/** Every line of a definition file with its tokens, numbered from 1. */
export function tokenizeDeffile(
  text: string,
): readonly { readonly n: number; readonly tokens: readonly DeffileToken[] }[] {
  let inHeader = true;
  return text
    .replace(/\n$/, '')
    .split(/\r?\n/)
    .map((line, i) => {
      if (SECTION.test(line)) inHeader = false;
      return { n: i + 1, tokens: tokenizeDeffileLine(line, inHeader) };
    });
}
