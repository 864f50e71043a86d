import { foldText } from './fold-text';

/** A code a lookup may resolve to, with the other names it is known by. */
export interface KnownCode {
  /** The stable lowercase slug (`brp`, `gegevens-en-registreren`). */
  code: string;
  /** The abbreviation the monitor uses (`BRP`, `DigiD Machtigen`), if any. */
  abbreviation?: string | null;
  /** The Dutch name (`Basisregistratie Personen`), if any. */
  name?: string | null;
}

/**
 * Folds a code, an abbreviation or a name the way lookups compare them: accents stripped, lower case, the ends
 * trimmed, and every run of white space or underscores one hyphen (`BV BSN` → `bv-bsn`,
 * `Gegevens en registreren` → `gegevens-en-registreren`).
 */
export function foldCode(text: string): string {
  return foldText(text, 'search')
    .trim()
    .replace(/[\s_]+/g, '-');
}
