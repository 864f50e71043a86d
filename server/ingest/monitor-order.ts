import type { BuildContext } from './build-context';
import type { VoorzieningFile } from './load-seeds';
import { foldText } from '../domain/fold-text';
import { findToken } from './source-text';

/**
 * Sorts voorziening files into the order the monitor reports them: by the position of their section in the
 * text, then by where their first table row stands in it (a voorziening without rows after those with).
 * Ids and positions follow this order, so every list the API returns reads like the monitor.
 */
export function monitorOrder(context: BuildContext, files: VoorzieningFile[]): VoorzieningFile[] {
  const key = ({ seed }: VoorzieningFile): [number, number, string] => {
    const section = context.sections.get(seed.section);
    const first = seed.indicators[0];
    const where = first ? context.sections.get(first.section ?? seed.section) : undefined;
    const offset = first && where ? findToken(where.located.text, foldText(first.label, 'source')) : -1;
    return [
      section?.row.position ?? Number.MAX_SAFE_INTEGER,
      offset === -1 ? Number.MAX_SAFE_INTEGER : offset,
      seed.code,
    ];
  };
  const keyed = files.map((file) => ({ file, key: key(file) }));
  keyed.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2].localeCompare(b.key[2]));
  return keyed.map(({ file }) => file);
}
