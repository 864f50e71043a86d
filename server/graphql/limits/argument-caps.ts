import { userInputError } from '../user-input-error';

/** The most any argument value may hold, whatever the field. */
export interface ArgumentCaps {
  /** Longest string, in characters. */
  maxStringLength: number;
  /** Most items in a list. */
  maxListLength: number;
}

/**
 * The defaults: longer than any code, id, cursor or search text the API has use for (the longest global id
 * is about 40 characters), and a list longer than every enum it may hold (14 relation kinds).
 */
export const DEFAULT_ARGUMENT_CAPS: ArgumentCaps = { maxStringLength: 200, maxListLength: 100 };

/**
 * Checks the values of one field's arguments (coerced, nested input objects and lists included): every
 * string at most `maxStringLength` characters and without NUL characters, every list at most
 * `maxListLength` items. Throws BAD_USER_INPUT naming the field, the argument and the cap.
 */
export function checkArgumentValues(field: string, args: Record<string, unknown>, caps: ArgumentCaps): void {
  for (const [name, value] of Object.entries(args)) checkValue(field, name, value, caps);
}

function checkValue(field: string, name: string, value: unknown, caps: ArgumentCaps): void {
  if (typeof value === 'string') {
    if (value.length > caps.maxStringLength) {
      throw capError(
        `Argument \`${name}\` of \`${field}\` is ${value.length} characters long; at most ${caps.maxStringLength} are accepted.`,
        name,
        caps.maxStringLength,
        value.length,
      );
    }
    if (value.includes('\u0000')) {
      throw capError(
        `Argument \`${name}\` of \`${field}\` contains a NUL character, which no value of this API has.`,
        name,
      );
    }
  } else if (Array.isArray(value)) {
    if (value.length > caps.maxListLength) {
      throw capError(
        `Argument \`${name}\` of \`${field}\` has ${value.length} items; at most ${caps.maxListLength} are accepted.`,
        name,
        caps.maxListLength,
        value.length,
      );
    }
    for (const item of value) checkValue(field, name, item, caps);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) checkValue(field, `${name}.${key}`, inner, caps);
  }
}

function capError(message: string, argumentName: string, limit?: number, found?: number) {
  const error = userInputError(message, argumentName);
  Object.assign(error.extensions, {
    ...(limit === undefined ? {} : { limit, found }),
    http: { status: 400 },
  });
  return error;
}
