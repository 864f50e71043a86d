import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PROJECT_ROOT } from '../lib/project-paths';

/** The GraphiQL bundle of `@graphql-yoga/render-graphiql`: GraphiQL with its editor and workers, self-contained. */
interface GraphiQLBundle {
  js: string;
  css: string;
  favicon: string;
  editorWorkerService: string;
  jsonWorker: string;
  graphqlWorker: string;
}

/** A static file of the playground, with a gzipped copy made on first use. */
export interface PlaygroundAsset {
  contentType: string;
  body: Buffer;
  gzipped: () => Buffer;
}

/** The folder of the example operations the playground opens with, one tab per file. */
const EXAMPLES_DIR = join(PROJECT_ROOT, 'server/http/examples');

function loadBundle(): GraphiQLBundle {
  const main = require.resolve('@graphql-yoga/render-graphiql');
  // The package exports only its HTML renderer; the bundle beside it is read directly, to serve it as files.
  const file = join(dirname(main), 'graphiql.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bundle = { ...(require(file) as GraphiQLBundle) };
  delete require.cache[file]; // keep only what is served, not the module
  return bundle;
}

function asset(contentType: string, text: string): PlaygroundAsset {
  const body = Buffer.from(text);
  let gzipped: Buffer | undefined;
  return { contentType, body, gzipped: () => (gzipped ??= gzipSync(body, { level: 6 })) };
}

/** The example operations: one tab each, titled by the file's first comment line. */
export function readExamples(dir = EXAMPLES_DIR): { title: string; query: string }[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => {
      const query = readFileSync(join(dir, name), 'utf8');
      return { title: /^#\s*(.+)$/m.exec(query)?.[1] ?? name, query };
    });
}

const escapeForScript = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** Where the playground's editor workers are served. */
const PLAYGROUND_WORKERS = {
  editorWorkerService: '/playground/editor.worker.js',
  json: '/playground/json.worker.js',
  graphql: '/playground/graphql.worker.js',
} as const;

/** The paths of the files the playground page loads: its script, its style and its editor workers. */
export const PLAYGROUND_ASSET_PATHS = [
  '/playground/graphiql.js',
  '/playground/graphiql.css',
  PLAYGROUND_WORKERS.editorWorkerService,
  PLAYGROUND_WORKERS.json,
  PLAYGROUND_WORKERS.graphql,
] as const;

/** The playground: its page, the files it loads by path, and the example operations it opens with. */
export type Playground = ReturnType<typeof createPlayground>;

/**
 * The playground: GraphiQL served from this server only (no CDN), opening with a tab per example query, and
 * first a tab with the query of a link's `?query=` (the explorer pages link theirs).
 * `page` is the HTML at `/`; `assets` are the script, style and editor workers it loads.
 */
export function createPlayground(options: { graphqlPath: string; title: string }) {
  const bundle = loadBundle();
  const examples = readExamples();
  const workers = PLAYGROUND_WORKERS;
  const settings = {
    endpoint: options.graphqlPath,
    title: options.title,
    defaultQuery: examples[0]?.query ?? '',
    defaultTabs: examples.map((example) => ({ query: example.query })),
    defaultEditorToolsVisibility: false,
  };
  const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${options.title}</title>
    <link rel="icon" href="${bundle.favicon}" />
    <link rel="stylesheet" href="/playground/graphiql.css" />
    <style>html, body, #root { height: 100%; margin: 0; }</style>
  </head>
  <body>
    <noscript>The playground needs JavaScript. The API itself answers at ${options.graphqlPath}.</noscript>
    <div id="root"></div>
    <nav aria-label="Exports" style="position: fixed; right: 12px; bottom: 8px; z-index: 10; font: 12px system-ui, sans-serif; background: rgba(255,255,255,.9); padding: 4px 8px; border-radius: 6px">
      Exports: <a href="/export/observations.csv">observations.csv</a> · <a href="/export/relations.csv">relations.csv</a> ·
      <a href="/export/stelsel.graphml">stelsel.graphml</a> · <a href="/export/stelsel.json">stelsel.json</a>
    </nav>
    <script>
      self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (moduleId, label) => (${escapeForScript(workers)})[label] };
    </script>
    <script src="/playground/graphiql.js"></script>
    <script>
      var settings = ${escapeForScript(settings)};
      // a link's ?query= opens as the first tab, before the examples (GraphiQL itself adds it only to stored tabs)
      var linked = new URLSearchParams(location.search).get('query');
      if (linked) settings.defaultTabs = [{ query: linked }].concat(settings.defaultTabs);
      YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), settings);
    </script>
  </body>
</html>
`;
  const assets = new Map<string, PlaygroundAsset>([
    [PLAYGROUND_ASSET_PATHS[0], asset('text/javascript; charset=utf-8', bundle.js)],
    [PLAYGROUND_ASSET_PATHS[1], asset('text/css; charset=utf-8', bundle.css)],
    [workers.editorWorkerService, asset('text/javascript; charset=utf-8', bundle.editorWorkerService)],
    [workers.json, asset('text/javascript; charset=utf-8', bundle.jsonWorker)],
    [workers.graphql, asset('text/javascript; charset=utf-8', bundle.graphqlWorker)],
  ]);
  return { page: asset('text/html; charset=utf-8', page), assets, examples };
}
