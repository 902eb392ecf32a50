// pistream page: connects to /stream, picks the player for the stream's codec (WebCodecs, MSE or JSMpeg;
// ?player= forces one), shows the status line, and drives the pan-tilt sliders. A browser that decodes no
// H.264 (or ?player=jsmpeg) connects to /stream/mpeg1 instead, which is MPEG-1 whatever the live codec.
// window.pistream exposes counters the browser tests and benchmarks read (framesDecoded, playerKind, latencies).
(function () {
  'use strict';

  var params = new URLSearchParams(location.search);
  var connection = document.getElementById('connection');
  var playerLabel = document.getElementById('player');
  var viewersLabel = document.getElementById('viewers');
  var fpsLabel = document.getElementById('fps');
  var state = window.pistream = {
    framesDecoded: 0,
    width: 0,
    height: 0,
    codec: null,
    playerKind: null,
    connection: 'connecting',
    latencies: [],
    firstFrameMs: null,
    firstFrameAt: null,
    openedAt: null
  };
  var player = null;
  var measure = params.has('measure');
  var decodesH264 = window.PiStreamPlayers.webcodecs.available() || window.PiStreamPlayers.mse.available();
  var mpeg1Only = !decodesH264 || params.get('player') === 'jsmpeg';
  state.streamPath = mpeg1Only ? '/stream/mpeg1' : '/stream';

  // Option names in the text (--max-viewers) are kept on one line: a phone would otherwise break them at a hyphen.
  function setConnection(name, text) {
    state.connection = name;
    connection.dataset.state = name;
    connection.textContent = '';
    text.split(/(--[a-z0-9-]+)/).forEach(function (part, i) {
      if (i % 2 === 0) {
        connection.appendChild(document.createTextNode(part));
      } else {
        var option = document.createElement('span');
        option.className = 'option';
        option.textContent = part;
        connection.appendChild(option);
      }
    });
  }

  // The first message of each connection says what follows: "jsmp" + width + height (MPEG-1 in MPEG-TS),
  // or "h264" + width + height + frames per second (one H.264 access unit per message). docs/stream.md.
  function readHeader(bytes) {
    var magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
    if (magic === 'jsmp' && bytes.length === 8) {
      return { codec: 'mpeg1', width: bytes[4] << 8 | bytes[5], height: bytes[6] << 8 | bytes[7], framerate: 0 };
    }
    if (magic === 'h264' && bytes.length === 10) {
      return { codec: 'h264', width: bytes[4] << 8 | bytes[5], height: bytes[6] << 8 | bytes[7], framerate: bytes[8] << 8 | bytes[9] };
    }
    return null;
  }

  // The best player this browser has for the codec, or the one ?player= asks for when it can play it.
  function chooseKind(codec) {
    var players = window.PiStreamPlayers;
    var forced = params.get('player');
    var candidates = codec === 'h264' ? ['webcodecs', 'mse'] : ['jsmpeg'];
    if (forced && candidates.indexOf(forced) >= 0) { return forced; }
    for (var i = 0; i < candidates.length; i++) {
      if (players[candidates[i]].available()) { return candidates[i]; }
    }
    return null;
  }

  // A new picture element for each player: a canvas keeps the first context type it was given (2D or WebGL).
  function pictureElement(kind, stream) {
    var old = document.getElementById('video');
    var element = document.createElement(kind === 'mse' ? 'video' : 'canvas');
    element.id = 'video';
    element.setAttribute('aria-label', 'Live camera picture');
    if (kind === 'mse') {
      element.muted = true;
      element.playsInline = true;
      element.autoplay = true;
      element.disablePictureInPicture = true;
    } else {
      element.width = stream.width;
      element.height = stream.height;
    }
    old.replaceWith(element);
    state.picture = element;
    window.dispatchEvent(new CustomEvent('pistream:picture', { detail: element }));
    return element;
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      if (!src || document.querySelector('script[src="' + src + '"]')) { resolve(); return; }
      var script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  var starting = null;
  function startPlayer(stream) {
    if (player && state.codec === stream.codec && state.width === stream.width && state.height === stream.height) {
      player.reset();
      return Promise.resolve();
    }
    if (player) { player.destroy(); player = null; }
    state.codec = stream.codec;
    state.width = stream.width;
    state.height = stream.height;
    var kind = chooseKind(stream.codec);
    if (!kind) {
      state.playerKind = null;
      playerLabel.textContent = 'this browser cannot play this stream';
      return Promise.resolve();
    }
    var Player = window.PiStreamPlayers[kind];
    return loadScript(Player.needs).then(function () {
      var element = pictureElement(kind, stream);
      player = new Player(element, stream, onDecode, { measure: measure, canvas2d: params.has('canvas2d'), webgl: params.has('webgl') });
      state.player = player;
      state.playerKind = kind;
      playerLabel.textContent = (stream.codec === 'h264' ? 'H.264' : 'MPEG-1') + ' · ' + { webcodecs: 'WebCodecs', mse: 'MSE', jsmpeg: 'JSMpeg' }[kind]
        + (decodesH264 ? '' : ' (this browser decodes no H.264)');
    });
  }

  // One WebSocket at a time; reconnects with backoff (0.5 s doubling to 5 s). Messages that arrive while
  // a player's script is still loading wait for it, in order.
  var retryDelay = 500;
  function connect() {
    var socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + state.streamPath);
    socket.binaryType = 'arraybuffer';
    var headerSeen = false;
    socket.onopen = function () {
      retryDelay = 500;
      state.openedAt = performance.now();
      setConnection('live', 'live');
    };
    socket.onmessage = function (event) {
      if (typeof event.data === 'string') { handleEvent(event.data); return; }
      var bytes = new Uint8Array(event.data);
      if (!headerSeen) {
        var stream = readHeader(bytes);
        if (stream) {
          headerSeen = true;
          starting = startPlayer(stream);
          return;
        }
      }
      (starting || Promise.resolve()).then(function () { if (player) { player.feed(bytes); } });
    };
    socket.onclose = function (event) {
      if (event.code === 1013) {
        // The server is full (--max-viewers, --max-viewers-per-address): say why, ask again in 10 s (docs/security.md).
        setConnection('refused', event.reason || 'Viewer limit reached: try again later.');
        setTimeout(connect, 10000);
        return;
      }
      setConnection('reconnecting', 'reconnecting…');
      setTimeout(connect, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 5000);
    };
  }

  // Reads the capture time the test pattern stamps into each frame (docs/frame-stamp.md).
  var probe = measure ? document.createElement('canvas') : null;
  function readStamp() {
    var width = state.width;
    var perRow = Math.max(1, Math.floor(width / 16));
    var rows = Math.ceil(48 / perRow);
    probe.width = width;
    probe.height = rows * 16;
    var context = probe.getContext('2d', { willReadFrequently: true });
    context.drawImage(state.picture, 0, 0, width, rows * 16, 0, 0, width, rows * 16);
    var pixels = context.getImageData(0, 0, width, rows * 16).data;
    var value = 0;
    var bytes = [];
    for (var bit = 0; bit < 48; bit++) {
      var x = bit % perRow * 16 + 8;
      var y = Math.floor(bit / perRow) * 16 + 8;
      var i = (y * width + x) * 4;
      var luma = 0.299 * pixels[i] + 0.587 * pixels[i + 1] + 0.114 * pixels[i + 2];
      value = value * 2 + (luma >= 128 ? 1 : 0);
      if (bit % 8 === 7) { bytes.push(value % 256); }
    }
    var check = bytes[0] ^ bytes[1] ^ bytes[2] ^ bytes[3] ^ bytes[4] ^ 0xa5;
    if (check !== bytes[5]) { return null; }
    return Math.floor(value / 256);
  }

  function onDecode() {
    state.framesDecoded++;
    if (state.firstFrameAt === null) { state.firstFrameAt = performance.now(); } // ms since navigation
    if (state.firstFrameMs === null && state.openedAt !== null) {
      state.firstFrameMs = performance.now() - state.openedAt;
    }
    if (probe) {
      var stamp = readStamp();
      if (stamp !== null) {
        state.lastStamp = stamp;
        state.latencies.push(Date.now() % 1099511627776 - stamp);
      }
    }
  }

  connect();

  // Pan-tilt sliders: shown when the server has a device; a move is sent as /do_orient.
  var pan = document.getElementById('pan');
  var tilt = document.getElementById('tilt');
  var panTiltLabel = document.getElementById('pantilt');
  function orient(axis, value) {
    fetch('/do_orient?' + axis + '=' + encodeURIComponent(value)).catch(function () {});
  }
  pan.addEventListener('input', function () { orient('pan', pan.value); });
  tilt.addEventListener('input', function () { orient('tilt', tilt.value); });

  function handleEvent(text) {
    var message;
    try { message = JSON.parse(text); } catch (e) { return; }
    if (message.type === 'orientation') { showOrientation(message); }
    window.dispatchEvent(new CustomEvent('pistream:event', { detail: message }));
  }

  function showOrientation(orientation) {
    if (document.activeElement !== pan && typeof orientation.pan === 'number') { pan.value = orientation.pan; }
    if (document.activeElement !== tilt && typeof orientation.tilt === 'number') { tilt.value = orientation.tilt; }
  }

  function refreshStatus() {
    fetch('/api/status', { cache: 'no-store' })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        state.status = status;
        viewersLabel.textContent = status.viewers + (status.viewers === 1 ? ' viewer' : ' viewers');
        fpsLabel.textContent = status.fps.toFixed(1) + ' fps';
        var hasPanTilt = !!status.panTilt;
        pan.hidden = !hasPanTilt;
        tilt.hidden = !hasPanTilt;
        pan.disabled = tilt.disabled = !!status.readOnly;
        pan.title = tilt.title = status.readOnly ? 'This camera is read-only (serve --read-only)' : '';
        panTiltLabel.textContent = hasPanTilt && status.panTilt.simulated ? 'pan-tilt: simulated' : '';
        if (hasPanTilt && status.panTilt.orientation) { showOrientation(status.panTilt.orientation); }
        window.dispatchEvent(new CustomEvent('pistream:status', { detail: status }));
      })
      .catch(function () {
        viewersLabel.textContent = '';
        fpsLabel.textContent = '';
        if (state.connection !== 'live') { setConnection('offline', 'server unreachable, retrying…'); }
      });
  }
  refreshStatus();
  setInterval(refreshStatus, 2000);
})();
