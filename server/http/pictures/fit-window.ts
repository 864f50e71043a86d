/**
 * The zoom and pan of a standalone picture, inline (the service works offline: no outside script): the wheel
 * zooms around the pointer, dragging pans, `+`/`-` zoom, `0` shows the whole picture again. It moves the
 * SVG's viewBox only; links in the picture keep working (a drag is not a click).
 */
const ZOOM_AND_PAN = `
(function () {
  var svg = document.documentElement;
  var whole = svg.getAttribute('viewBox').split(/[\\s,]+/).map(Number);
  var box = whole.slice();
  function show() { svg.setAttribute('viewBox', box.join(' ')); }
  function point(event) {
    var r = svg.getBoundingClientRect();
    var scale = Math.max(box[2] / r.width, box[3] / r.height);
    var x = box[0] + (event.clientX - r.left - (r.width - box[2] / scale) / 2) * scale;
    var y = box[1] + (event.clientY - r.top - (r.height - box[3] / scale) / 2) * scale;
    return [x, y, scale];
  }
  function zoom(factor, x, y) {
    box = [x - (x - box[0]) * factor, y - (y - box[1]) * factor, box[2] * factor, box[3] * factor];
    show();
  }
  svg.addEventListener('wheel', function (event) {
    event.preventDefault();
    var p = point(event);
    zoom(event.deltaY < 0 ? 0.8 : 1.25, p[0], p[1]);
  }, { passive: false });
  var drag = null, moved = false;
  svg.addEventListener('pointerdown', function (event) { drag = point(event); moved = false; });
  svg.addEventListener('pointermove', function (event) {
    if (!drag) return;
    var r = svg.getBoundingClientRect();
    var dx = event.movementX * drag[2], dy = event.movementY * drag[2];
    if (Math.abs(event.movementX) + Math.abs(event.movementY) > 0) moved = true;
    box[0] -= dx; box[1] -= dy; show();
  });
  svg.addEventListener('pointerup', function () { drag = null; });
  svg.addEventListener('click', function (event) { if (moved) { event.preventDefault(); moved = false; } }, true);
  document.addEventListener('keydown', function (event) {
    var cx = box[0] + box[2] / 2, cy = box[1] + box[3] / 2;
    if (event.key === '+' || event.key === '=') zoom(0.8, cx, cy);
    else if (event.key === '-') zoom(1.25, cx, cy);
    else if (event.key === '0') { box = whole.slice(); show(); }
  });
})();
`;

/**
 * Makes a Graphviz SVG fit the window it is opened in: its width and height become 100% (the viewBox keeps the
 * drawing's proportions, centred), and it zooms and pans with {@link ZOOM_AND_PAN}. For the picture served on
 * its own (`/stelsel.svg`); the diagrams inside pages keep their size.
 */
export function fitWindow(svg: string): string {
  return svg
    .replace(
      /<svg width="[^"]*" height="[^"]*"/,
      '<svg width="100%" height="100%" preserveAspectRatio="xMidYMid meet" style="cursor: grab; touch-action: none"',
    )
    .replace(/<\/svg>\s*$/, `<script><![CDATA[${ZOOM_AND_PAN}]]></script>\n</svg>\n`);
}
