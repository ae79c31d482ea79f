/**
 * Characters Stepwise has no font for print as an empty box: said here, in plain words, so that
 * a box on the paper is never a surprise (issue 11).
 */
export function UnprintableNote({ chars }: { chars: readonly string[] | undefined }) {
  if (!chars?.length) return null;
  const list = chars.map((c) => `${c} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
  return (
    <p className="notice unprintable-note" role="status">
      Stepwise has no font for {chars.length === 1 ? 'this character' : 'these characters'}: {list}.{' '}
      {chars.length === 1 ? 'It prints' : 'They print'} as an empty box. Write {chars.length === 1 ? 'it' : 'them'} in by hand on
      the paper, or use another spelling.
    </p>
  );
}
