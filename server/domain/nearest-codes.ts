import { editDistance } from './edit-distance';
import { foldCode, type KnownCode } from './known-code';

/** The most suggestions an unknown code gets. */
export const MAX_SUGGESTIONS = 3;

/** The longest guess that gets suggestions: far longer than any code or name (and the work stays small). */
export const MAX_GUESS_LENGTH = 100;

/** The letters of a name's words that start with a capital (`Basisregistratie Adressen en Gebouwen` → `bag`). */
function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0]!)
    .join('')
    .toLowerCase();
}

/**
 * The forms a known code may be guessed by, folded: the code, the abbreviation, the name, the name's first words
 * as many as the guess has (`mijnoverheid berichtenbox` for `MijnOverheid Berichtenbox …`), and the name's initials.
 */
function formsOf(known: KnownCode, words: number): string[] {
  const forms = [known.code];
  if (known.abbreviation) forms.push(foldCode(known.abbreviation));
  if (known.name) {
    const name = foldCode(known.name);
    forms.push(name, name.split('-').slice(0, words).join('-'));
    const letters = initials(known.name);
    if (letters.length >= 2) forms.push(letters);
  }
  return forms;
}

/**
 * How far a guess is from a known code: the smallest edit distance to any of its forms, where a form that starts
 * with the guess (at least 3 characters) counts 1: `digi` is near `digid`, `berichten` near `berichtenbox`.
 */
export function codeDistance(known: KnownCode, input: string): number {
  const guess = foldCode(input);
  const words = guess.split('-').length;
  let best = Infinity;
  for (const form of formsOf(known, words)) {
    best = Math.min(best, editDistance(guess, form));
    if (guess.length >= 3 && form.startsWith(guess)) best = Math.min(best, 1);
  }
  return best;
}

/**
 * The known codes nearest to an unknown one, at most {@link MAX_SUGGESTIONS} (or `limit`): those whose distance
 * ({@link codeDistance}) is at most a third of the guess's length and at least 1 (for a guess of one or two
 * characters: 0 or 1). Ties are broken in a fixed
 * order: the nearer first, then in alphabetical order of the code. Empty when nothing is near, or the guess is longer than
 * {@link MAX_GUESS_LENGTH}.
 */
export function nearestCodes(known: readonly KnownCode[], input: string, limit = MAX_SUGGESTIONS): string[] {
  const guess = foldCode(input);
  if (guess === '' || guess.length > MAX_GUESS_LENGTH) return [];
  const within = guess.length < 3 ? guess.length - 1 : Math.max(1, Math.floor(guess.length / 3));
  return known
    .map((entry) => ({ code: entry.code, distance: codeDistance(entry, guess) }))
    .filter((entry) => entry.distance <= within)
    .sort((a, b) => a.distance - b.distance || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .slice(0, limit)
    .map((entry) => entry.code);
}
