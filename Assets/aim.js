// Click-to-point: a click on the picture turns the camera so that spot becomes the centre. The page sends where
// it was clicked as fractions of the picture (/do_orient?x=0.75&y=0.25); the server knows the camera's field of
// view and turns by that much. With the picture focused, the arrow keys nudge the camera (2 degrees, 10 with Shift).
const canvas = document.getElementById('video');
let enabled = false;

function orient(query) { fetch(`/do_orient?${query}`, { cache: 'no-store' }).catch(() => {}); }

canvas.addEventListener('click', (event) => {
  if (!enabled) { return; }
  const box = canvas.getBoundingClientRect();
  const x = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
  const y = Math.min(1, Math.max(0, (event.clientY - box.top) / box.height));
  orient(`x=${x.toFixed(4)}&y=${y.toFixed(4)}`);
});

const nudges = { ArrowLeft: ['pan_by', -1], ArrowRight: ['pan_by', 1], ArrowUp: ['tilt_by', 1], ArrowDown: ['tilt_by', -1] };
canvas.addEventListener('keydown', (event) => {
  const nudge = nudges[event.key];
  if (!enabled || !nudge) { return; }
  event.preventDefault();
  orient(`${nudge[0]}=${nudge[1] * (event.shiftKey ? 10 : 2)}`);
});

function onStatus(status) {
  enabled = !!status.panTilt && !status.readOnly;
  canvas.classList.toggle('aimable', enabled);
  if (enabled) {
    canvas.tabIndex = 0;
    canvas.title = 'Click a spot to turn the camera there; arrow keys nudge it';
  } else {
    canvas.removeAttribute('tabindex');
    canvas.title = '';
  }
}

window.addEventListener('pistream:status', (event) => onStatus(event.detail));
if (window.pistream && window.pistream.status) { onStatus(window.pistream.status); }
