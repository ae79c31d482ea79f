/**
 * How much a clinician can type into a field: limits they will rarely meet, in one place, used
 * by the contract (zod `.max`) and by the forms (the counter that shows as a limit nears, and
 * the message past it). A field never cuts what is typed or pasted: past its limit the form
 * says so and the save is refused until the text is shortened.
 *
 * The worksheet designer keeps its own print-driven limits (shared/worksheet LIMITS): a title
 * must fit the printed page.
 */
export const TEXT_LIMITS = {
  /** A person's name, a preferred name. */
  name: 300,
  /** A one-line text: a goal's title, pronouns, a language, a short note. */
  line: 500,
  /** Anything written at length: concerns, descriptions, instructions, notes, rationale. */
  long: 50_000,
} as const;

/** The counter shows from this share of a limit on (the last 10 %). */
export const COUNTER_FROM = 0.9;

/** "1,234" in the same digits everywhere (the contract's messages and the forms'). */
export const formatCount = (n: number): string => n.toLocaleString('en');

/** The message past a limit, in the clinician's words. `what` is e.g. "the client’s name". */
export function tooLongMessage(what: string, max: number): string {
  return `${capital(what)} is too long (${formatCount(max)} characters at most).`;
}

/** What the counter under a field says, or null while the text is well within its limit. */
export function counterText(length: number, max: number): { text: string; over: boolean } | null {
  if (length > max) {
    const over = length - max;
    return {
      text: `${formatCount(over)} ${over === 1 ? 'character' : 'characters'} too many (${formatCount(max)} at most). Please shorten it; nothing has been cut.`,
      over: true,
    };
  }
  if (length < Math.ceil(max * COUNTER_FROM)) return null;
  return { text: `${formatCount(length)} of ${formatCount(max)} characters`, over: false };
}

function capital(s: string): string {
  return s.replace(/^(a |an |the )/, '').replace(/^./, (c) => c.toUpperCase());
}
