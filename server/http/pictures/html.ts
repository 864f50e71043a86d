import { escapeMarkup } from '../../lib/escape-markup';

/** Escapes text for HTML (see {@link escapeMarkup}). */
export function escapeHtml(text: unknown): string {
  return escapeMarkup(text, 'html');
}

/** A plain, accessible page: a title, a skip link, and the content; no request to any other host. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · stelselgraph</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 70rem; padding: 1rem 1.5rem; color: #1a1a1a; }
  a { color: #0b5cad; } a:focus { outline: 3px solid #f2a900; }
  .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; }
  figure { margin: 1.5rem 0; } figcaption { font-size: .9rem; color: #444; }
  .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap: 1rem; }
  .note { border-left: 4px solid #ccc; padding-left: .75rem; } .discrepancy { border-left: 4px solid #c0392b; padding-left: .75rem; }
  nav.crumbs { font-size: .9rem; }
  svg { max-width: 100%; height: auto; }
</style>
</head>
<body>
<a class="skip" href="#main">Naar de inhoud</a>
<nav class="crumbs" aria-label="Kruimelpad"><a href="/explore">Alle voorzieningen</a> · <a href="/stelsel.svg">Het stelsel als plaat</a> · <a href="/">Playground</a></nav>
<main id="main">
${body}
</main>
</body>
</html>
`;
}
