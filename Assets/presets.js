// Preset positions as buttons: GET /api/presets lists them, a button sends POST /api/presets/NAME/go, "Save"
// stores the current position under a name (PUT), "×" deletes one. Shown with a pan-tilt device; changes are
// hidden on a read-only server. Every open page reloads the list on the {"type":"presets"} event.
const panel = document.createElement('details');
panel.id = 'presets';
panel.className = 'panel';
panel.hidden = true;
panel.open = true;
panel.innerHTML = `
  <summary>Presets</summary>
  <div class="panel-body">
    <span id="preset-list"></span>
    <form id="preset-save">
      <input id="preset-name" name="name" placeholder="name" aria-label="New preset name" maxlength="32" pattern="[A-Za-z0-9_\\-]{1,32}" required>
      <button type="submit">Save</button>
    </form>
    <span id="preset-message" role="status"></span>
  </div>`;
(document.getElementById('controls') || document.body).appendChild(panel);

const list = panel.querySelector('#preset-list');
const form = panel.querySelector('#preset-save');
const name = panel.querySelector('#preset-name');
const message = panel.querySelector('#preset-message');
let readOnly = false;
let loaded = false;

function say(text) { message.textContent = text; }

function load() {
  return fetch('/api/presets', { cache: 'no-store' })
    .then((response) => response.json())
    .then((presets) => {
      list.replaceChildren(...presets.map((preset) => {
        const item = document.createElement('span');
        item.className = 'preset';
        const go = document.createElement('button');
        go.type = 'button';
        go.textContent = preset.name;
        go.title = `pan ${preset.pan}, tilt ${preset.tilt}`;
        go.disabled = readOnly;
        go.addEventListener('click', () => request('POST', `/api/presets/${encodeURIComponent(preset.name)}/go`));
        item.append(go);
        if (!readOnly) {
          const remove = document.createElement('button');
          remove.type = 'button';
          remove.className = 'remove';
          remove.textContent = '×';
          remove.setAttribute('aria-label', `Delete preset ${preset.name}`);
          remove.addEventListener('click', () => request('DELETE', `/api/presets/${encodeURIComponent(preset.name)}`).then(load));
          item.append(remove);
        }
        return item;
      }));
    })
    .catch(() => {});
}

function request(method, url) {
  return fetch(url, { method, cache: 'no-store' })
    .then((response) => (response.ok ? say('') : response.text().then((text) => say(text))))
    .catch(() => say('server unreachable'));
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  request('PUT', `/api/presets/${encodeURIComponent(name.value)}`).then(() => { name.value = ''; return load(); });
});

function onStatus(status) {
  panel.hidden = !status.panTilt;
  if (!status.panTilt) { return; }
  const nextReadOnly = !!status.readOnly;
  form.hidden = nextReadOnly;
  if (!loaded || nextReadOnly !== readOnly) {
    readOnly = nextReadOnly;
    loaded = true;
    load();
  }
}

window.addEventListener('pistream:status', (event) => onStatus(event.detail));
window.addEventListener('pistream:event', (event) => { if (event.detail.type === 'presets') { load(); } });
if (window.pistream && window.pistream.status) { onStatus(window.pistream.status); }
