// Prints what `npm run codegen` would write, as JSON [{ filename, content }], without writing anything.
// Run with tsx from the project root (graphql-codegen's CLI package is ESM-only, which jest cannot load).
import { generate } from '@graphql-codegen/cli';
import config from '../../codegen';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { withBanner } = require('../../sdk/codegen/banner.cjs') as {
  withBanner: (file: string, content: string) => string;
};

void (async () => {
  const outputs = (await generate({ ...config, hooks: {}, silent: true }, false)) as {
    filename: string;
    content: string;
  }[];
  process.stdout.write(
    JSON.stringify(
      outputs.map(({ filename, content }) => ({ filename, content: withBanner(filename, content) })),
    ),
  );
})();
