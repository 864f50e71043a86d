import { foldCode, type KnownCode } from './known-code';
import { nearestCodes } from './nearest-codes';

/** What a code resolves to: the known code, or the unknown input with the nearest known codes. */
export type CodeResolution = { code: string } | { unknown: string; suggestions: string[] };

/**
 * Resolves a code or an abbreviation the way every lookup of the API does (GraphQL arguments, paths, export
 * filters): case- and accent-insensitively, white space read as hyphens, the code first, then an abbreviation
 * (`BRP`, `brp`, `Brp` → `brp`; `DigiD Machtigen` → `digid-machtigen`). An unknown input gets the nearest
 * known codes as suggestions ({@link nearestCodes}).
 */
export function resolveCode(known: readonly KnownCode[], input: string): CodeResolution {
  const folded = foldCode(input);
  const byCode = known.find((entry) => entry.code === folded);
  if (byCode) return { code: byCode.code };
  const byAbbreviation = known.find((entry) => entry.abbreviation && foldCode(entry.abbreviation) === folded);
  if (byAbbreviation) return { code: byAbbreviation.code };
  return { unknown: input, suggestions: nearestCodes(known, input) };
}

/** The sentence that offers suggestions: `Did you mean brp, bri or brt?`; empty when there are none. */
export function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  const list =
    suggestions.length === 1
      ? suggestions[0]!
      : `${suggestions.slice(0, -1).join(', ')} or ${suggestions.at(-1)!}`;
  return `Did you mean ${list}?`;
}
