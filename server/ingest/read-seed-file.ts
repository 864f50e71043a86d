import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { SeedError } from './seed-error';

/** Formats a zod issue path as `indicators.1.values.2019`. */
function formatPath(path: PropertyKey[]): string {
  return path.map(String).join('.');
}

/**
 * Reads one YAML seed file and validates it with a zod schema. Malformed YAML and every schema violation
 * become a {@link SeedError} naming the file, the path inside it and what is wrong (the first problem).
 */
export function readSeedFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  const name = relative(process.cwd(), file) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SeedError(name, '', `cannot read the file (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  const yamlError = document.errors[0];
  if (yamlError) {
    const where = lineCounter.linePos(yamlError.pos[0]);
    const at = ` at line ${where.line}, column ${where.col}`;
    throw new SeedError(name, '', `malformed YAML${at}: ${yamlError.message.split('\n')[0]}`);
  }
  const parsed = schema.safeParse(document.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = formatPath(issue.path);
    const missing = issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
    throw new SeedError(name, path, missing ? 'is required but missing' : issue.message);
  }
  return parsed.data;
}
