// Light panel for the Pan-Tilt HAT's pixels: colour and white level for all pixels or one, sent as pistreaming's
// /do_light?N=R,G,B,W. Shown only when the server has a HAT (status.lights), disabled when it is read-only; every
// open page follows changes through the {"type":"lights"} event.
const panel = document.createElement('details');
panel.id = 'lights';
panel.className = 'panel';
panel.hidden = true;
panel.innerHTML = `
  <summary>Lights</summary>
  <div class="panel-body">
    <label>Pixel <select id="light-index"><option value="-1">All</option></select></label>
    <label>Colour <input id="light-colour" type="color" value="#000000"></label>
    <label>White <input id="light-white" type="range" min="0" max="255" step="1" value="0"></label>
    <button id="light-off" type="button">Off</button>
    <span id="light-pixels" aria-label="What each pixel shows"></span>
  </div>`;
(document.getElementById('controls') || document.body).appendChild(panel);

const index = panel.querySelector('#light-index');
const colour = panel.querySelector('#light-colour');
const white = panel.querySelector('#light-white');
const off = panel.querySelector('#light-off');
const swatches = panel.querySelector('#light-pixels');
let pixels = [];
let count = 0;

function hex(value) { return value.toString(16).padStart(2, '0'); }

function send(pixel, r, g, b, w) {
  return fetch(`/do_light?${pixel}=${r},${g},${b},${w}`, { cache: 'no-store' })
    .then((response) => (response.ok ? response.json() : null))
    .then((body) => { if (body && body.pixels) { show(body.pixels); } })
    .catch(() => {});
}

function sendCurrent() {
  const value = colour.value;
  send(index.value, parseInt(value.slice(1, 3), 16), parseInt(value.slice(3, 5), 16), parseInt(value.slice(5, 7), 16), white.value);
}

function show(next) {
  pixels = next;
  swatches.replaceChildren(...pixels.map((p, i) => {
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.title = `pixel ${i}: ${p.join(',')}`;
    swatch.style.background = `rgb(${Math.min(255, p[0] + p[3])},${Math.min(255, p[1] + p[3])},${Math.min(255, p[2] + p[3])})`;
    return swatch;
  }));
  pickUp();
}

// The controls show the chosen pixel's colour (pixel 0's for "All"), unless the user is using them.
function pickUp() {
  const p = pixels[Math.max(0, Number(index.value))];
  if (!p || panel.contains(document.activeElement) && document.activeElement !== index) { return; }
  colour.value = `#${hex(p[0])}${hex(p[1])}${hex(p[2])}`;
  white.value = p[3];
}

colour.addEventListener('input', sendCurrent);
white.addEventListener('input', sendCurrent);
index.addEventListener('change', pickUp);
off.addEventListener('click', () => send(-1, 0, 0, 0, 0));

function onStatus(status) {
  const lights = status.lights;
  panel.hidden = !lights;
  if (!lights) { return; }
  if (lights.count !== count) {
    count = lights.count;
    index.replaceChildren(new Option('All', '-1'), ...Array.from({ length: count }, (_, i) => new Option(String(i), String(i))));
    fetch('/api/lights', { cache: 'no-store' }).then((r) => r.json()).then((body) => show(body.pixels)).catch(() => {});
  }
  const readOnly = !!status.readOnly;
  for (const control of [index, colour, white, off]) { control.disabled = readOnly; }
  panel.title = readOnly ? 'This camera is read-only (serve --read-only)' : '';
}

window.addEventListener('pistream:status', (event) => onStatus(event.detail));
window.addEventListener('pistream:event', (event) => { if (event.detail.type === 'lights') { show(event.detail.pixels); } });
if (window.pistream && window.pistream.status) { onStatus(window.pistream.status); }
