import { decodeCursor, type ConnectionName } from '../domain/cursor';
import { PAGE_SIZES } from './page-sizes';
import { checkRange, userInputError } from './user-input-error';

/** The pagination arguments of a connection, as the SDL declares them. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/**
 * A page asked for, checked: `size` rows from the start of the window (`forward`, for `first`) or from its end
 * (`backward`, for `last`); the window is the rows after `after` and before `before` (row ids; absent: open).
 */
export interface PageRequest {
  direction: 'forward' | 'backward';
  size: number;
  after?: number;
  before?: number;
}

/**
 * Reads a cursor argument: the row id it points at, or undefined when it is not given. Throws BAD_USER_INPUT
 * naming the argument when it is not a cursor of ours, or one of another connection or of another filter (a
 * cursor continues only the connection and filter it was returned for).
 */
export function readCursor(
  cursor: string | null | undefined,
  argumentName: 'after' | 'before',
  connection: ConnectionName,
  filter: string,
): number | undefined {
  if (cursor === null || cursor === undefined) return undefined;
  const position = decodeCursor(cursor);
  if (position === null) {
    const shown = cursor.length > 60 ? `${cursor.slice(0, 60)}…` : cursor;
    throw userInputError(
      `\`${argumentName}\` is not a cursor this API returned: ${JSON.stringify(shown)}.`,
      argumentName,
    );
  }
  if (position.connection !== connection) {
    throw userInputError(
      `\`${argumentName}\` is a cursor of \`${position.connection}\`, not of \`${connection}\`.`,
      argumentName,
    );
  }
  if (position.filter !== filter) {
    throw userInputError(
      `\`${argumentName}\` is a cursor of \`${connection}\` with another filter; a cursor continues only the filter it was returned for.`,
      argumentName,
    );
  }
  return position.id;
}

/**
 * Checks the pagination arguments of a connection (Relay's): `first` (with `after`, and optionally `before`)
 * pages forward, `last` (with `before`, and optionally `after`) backward; `last` without `before` is the last
 * page. `first` and `last` together are refused (BAD_USER_INPUT naming `last`), as is a size out of range
 * or a cursor that is not of this connection and filter. Neither `first` nor `last`: the connection's default
 * page from the start.
 */
export function pageRequest(args: PageArgs, connection: ConnectionName, filter: string): PageRequest {
  const { max, default: size } = PAGE_SIZES[connection];
  const hasFirst = args.first !== null && args.first !== undefined;
  const hasLast = args.last !== null && args.last !== undefined;
  if (hasFirst && hasLast) {
    throw userInputError('Pass `first` (to page forward) or `last` (to page backward), not both.', 'last');
  }
  if (hasFirst) checkRange('first', args.first!, 1, max);
  if (hasLast) checkRange('last', args.last!, 1, max);
  const after = readCursor(args.after, 'after', connection, filter);
  const before = readCursor(args.before, 'before', connection, filter);
  return {
    direction: hasLast ? 'backward' : 'forward',
    size: hasLast ? args.last! : hasFirst ? args.first! : size,
    ...(after === undefined ? {} : { after }),
    ...(before === undefined ? {} : { before }),
  };
}
