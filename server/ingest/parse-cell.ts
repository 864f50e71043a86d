import { foldText } from '../domain/fold-text';
import type { Qualifier } from '../domain/vocabulary';

/** One quantity of a cell that holds several (`7 partners, 420 aansluitingen`). */
export interface CellPart {
  /** The word that names the part (`partners`). */
  label: string;
  value: number;
  /** The part exactly as printed (`7 partners`). */
  raw: string;
}

/** A printed cell read into a number and a qualifier; `raw` keeps the cell as printed. */
export interface ParsedCell {
  raw: string;
  /** The figure, or null where the cell has none. Percentages are in points: `62%` is 62. */
  value: number | null;
  qualifier: Qualifier;
  /** Whether the figure is a percentage. */
  percent: boolean;
  /** Number of decimals printed (`+2,5%` has 1): the precision of a printed change. */
  decimals: number;
  /** For a cell of several quantities, each of them. */
  parts?: CellPart[];
  /** For a SHARE, what it is a share of (`het aantal bevragingen`). */
  shareOf?: string;
}

const APPROXIMATE_WORDS = /^(ruim|bijna|circa|ca\.|ongeveer|een kleine|iets meer dan|iets minder dan)\s+/i;
const AT_LEAST_WORDS = /^(>\s*|meer dan\s+)/i;
const MULTIPLIERS: Record<string, number> = { duizend: 1e3, miljoen: 1e6, miljard: 1e9 };
const NUMBER = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$|^(\d+)\.(\d{1,2}|\d{4,})$/;
const COMPOUND_PART = /(\d[\d.]*(?:,\d+)?)\s+([A-Za-zÀ-ÿ]+)/g;

/**
 * Reads a Dutch number as the monitor prints it: `.` groups thousands and `,` is the decimal sign
 * (`3.501.672.000`, `2.979,6`); a `.` followed by other than three digits is a decimal point (`37.6`).
 * Returns the value and the number of decimals, or null when the text is not a number.
 */
export function parseDutchNumber(text: string): { value: number; decimals: number } | null {
  const match = NUMBER.exec(text);
  if (!match) return null;
  if (match[1] !== undefined) {
    const whole = Number(match[1].replace(/\./g, ''));
    const fraction = match[2] ?? '';
    return { value: whole + (fraction ? Number(`0.${fraction}`) : 0), decimals: fraction.length };
  }
  return { value: Number(`${match[3]}.${match[4]}`), decimals: match[4]!.length };
}

function parseCompound(text: string): CellPart[] | null {
  const parts: CellPart[] = [];
  let rest = text;
  for (const match of text.matchAll(COMPOUND_PART)) {
    const number = parseDutchNumber(match[1]!);
    if (!number) return null;
    parts.push({ label: match[2]!.toLowerCase(), value: number.value, raw: match[0] });
    rest = rest.replace(match[0], '');
  }
  return parts.length >= 2 && /^[\s,]*$/.test(rest) ? parts : null;
}

/**
 * Parses one printed cell into value and qualifier. Handles every form the monitor prints: thousands dots,
 * decimal commas, `%`, `+`/`-` signs (also `- 3,7%`), `>5.000`, `99,5 % van het aantal bevragingen`, `-`,
 * `nieuw`, `37.6%`, `5.3 miljard`, `ruim 18.000` and `7 partners, 420 aansluitingen`.
 */
export function parseCell(printed: string): ParsedCell {
  const raw = foldText(printed, 'whitespace');
  const base = { raw, percent: false, decimals: 0 };
  if (/^[-–—−]$/.test(raw)) return { ...base, value: null, qualifier: 'NOT_AVAILABLE' };
  if (/^nieuw$/i.test(raw)) return { ...base, value: null, qualifier: 'NEW' };

  let text = raw;
  let qualifier: Qualifier = 'EXACT';
  const approximate = APPROXIMATE_WORDS.exec(text);
  const atLeast = AT_LEAST_WORDS.exec(text);
  if (approximate) {
    qualifier = 'APPROXIMATE';
    text = text.slice(approximate[0].length);
  } else if (atLeast) {
    qualifier = 'AT_LEAST';
    text = text.slice(atLeast[0].length);
  }

  let sign = 1;
  const signMatch = /^([+\-−])\s*/.exec(text);
  if (signMatch) {
    sign = signMatch[1] === '+' ? 1 : -1;
    text = text.slice(signMatch[0].length);
  }

  const percentMatch = /^(.+?)\s*%(?:\s+van\s+(.+))?$/.exec(text);
  let shareOf: string | undefined;
  let percent = false;
  if (percentMatch) {
    percent = true;
    text = percentMatch[1]!;
    if (percentMatch[2]) {
      shareOf = percentMatch[2];
      qualifier = 'SHARE';
    }
  }

  let multiplier = 1;
  const multiplierMatch = /^(.+?)\s+(duizend|miljoen|miljard)$/i.exec(text);
  if (multiplierMatch && !percent) {
    multiplier = MULTIPLIERS[multiplierMatch[2]!.toLowerCase()]!;
    text = multiplierMatch[1]!;
    if (qualifier === 'EXACT') qualifier = 'APPROXIMATE';
  }

  const number = parseDutchNumber(text);
  if (number) {
    const value = sign * number.value * multiplier;
    return {
      raw,
      value: Number(value.toPrecision(15)),
      qualifier,
      percent,
      decimals: number.decimals,
      shareOf,
    };
  }
  const parts = parseCompound(raw);
  if (parts) return { ...base, value: null, qualifier: 'TEXT', parts };
  return { ...base, value: null, qualifier: 'TEXT' };
}
