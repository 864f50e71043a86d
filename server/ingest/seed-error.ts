/**
 * An error in the seeds: names the file, the path inside it, and what is wrong.
 *
 * ```
 * seeds/voorzieningen/brp.yaml: indicators.1.values.2019: raw "381.526.695" does not occur in section 2.1.1
 * ```
 */
export class SeedError extends Error {
  override readonly name = 'SeedError';

  constructor(
    /** The seed file, relative to the working directory. */
    readonly file: string,
    /** The path inside the file (`indicators.1.values.2019`), or '' for the file as a whole. */
    readonly path: string,
    /** What is wrong. */
    readonly problem: string,
  ) {
    super(`${file}: ${path ? `${path}: ` : ''}${problem}`);
  }
}

/** Several seed errors found in one pass, reported together. */
export class SeedErrors extends Error {
  override readonly name = 'SeedErrors';

  constructor(readonly errors: SeedError[]) {
    super(
      errors.length === 1
        ? errors[0]!.message
        : `${errors.length} problems in the seeds:\n${errors.map((e) => `  - ${e.message}`).join('\n')}`,
    );
  }
}
