// Click-to-point: a click on the picture turns the camera so that spot becomes the centre. The page sends where
// it was clicked as fractions of the picture (/do_orient?x=0.75&y=0.25); the server knows the camera's field of
// view and turns by that much. With the picture focused, the arrow keys nudge the camera (2 degrees, 10 with Shift).
// Without a field of view (a camera with an interchangeable lens, a webcam: status.aim.clickToPoint is false) a click
// says how to give one (serve --hfov/--vfov) instead of turning to the wrong spot; the arrow keys still nudge.
// The picture element is replaced when the page picks its player (canvas or <video>): listen on its container.
const view = document.getElementById('view');
const picture = () => document.getElementById('video');
const hint = document.createElement('p');
hint.id = 'aim-message';
hint.setAttribute('role', 'status');
hint.hidden = true;
(document.getElementById('controls') || document.body).appendChild(hint);
let enabled = false;
let pointable = false;
let lastStatus = null;

function say(text) { hint.textContent = text; hint.hidden = !text; }

function orient(query) {
  fetch(`/do_orient?${query}`, { cache: 'no-store' })
    .then((response) => (response.ok ? say('') : response.text().then(say)))
    .catch(() => {});
}

view.addEventListener('click', (event) => {
  if (!enabled || event.target !== picture()) { return; }
  if (!pointable) {
    say(`Click-to-point is off: ${lastStatus && lastStatus.aim ? lastStatus.aim.source : 'no field of view'}.`);
    return;
  }
  const box = picture().getBoundingClientRect();
  const x = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
  const y = Math.min(1, Math.max(0, (event.clientY - box.top) / box.height));
  orient(`x=${x.toFixed(4)}&y=${y.toFixed(4)}`);
});

const nudges = { ArrowLeft: ['pan_by', -1], ArrowRight: ['pan_by', 1], ArrowUp: ['tilt_by', 1], ArrowDown: ['tilt_by', -1] };
view.addEventListener('keydown', (event) => {
  const nudge = nudges[event.key];
  if (!enabled || !nudge || event.target !== picture()) { return; }
  event.preventDefault();
  orient(`${nudge[0]}=${nudge[1] * (event.shiftKey ? 10 : 2)}`);
});

function onStatus(status) {
  lastStatus = status;
  const canvas = picture();
  enabled = !!status.panTilt && !status.readOnly;
  pointable = enabled && !!status.aim && status.aim.clickToPoint;
  canvas.classList.toggle('aimable', pointable);
  if (enabled) {
    canvas.tabIndex = 0;
    canvas.title = pointable
      ? 'Click a spot to turn the camera there; arrow keys nudge it'
      : 'Arrow keys nudge the camera; click-to-point needs serve --hfov and --vfov';
  } else {
    canvas.removeAttribute('tabindex');
    canvas.title = '';
  }
}

window.addEventListener('pistream:status', (event) => onStatus(event.detail));
window.addEventListener('pistream:picture', () => { if (lastStatus) { onStatus(lastStatus); } });
if (window.pistream && window.pistream.status) { onStatus(window.pistream.status); }
