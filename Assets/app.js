// pistream page: plays the live MPEG-1 stream with JSMpeg, shows the status line, and drives the
// pan-tilt sliders. window.pistream exposes counters the browser tests and benchmarks read.
(function () {
  'use strict';

  var params = new URLSearchParams(location.search);
  var canvas = document.getElementById('video');
  var connection = document.getElementById('connection');
  var viewersLabel = document.getElementById('viewers');
  var fpsLabel = document.getElementById('fps');
  var state = window.pistream = {
    framesDecoded: 0,
    width: 0,
    height: 0,
    connection: 'connecting',
    latencies: [],
    firstFrameMs: null,
    openedAt: null
  };

  function setConnection(name, text) {
    state.connection = name;
    connection.dataset.state = name;
    connection.textContent = text;
  }

  // A JSMpeg source for pistream's WebSocket: consumes the 8-byte "jsmp" header (width, height),
  // passes video to the demuxer, hands text messages (events) to the page, decodes each frame the
  // moment it arrives (not at the next animation frame), and reconnects with backoff.
  function PiStreamSource(url, options) {
    this.url = url;
    this.options = options;
    this.streaming = true;
    this.established = false;
    this.completed = false;
    this.progress = 0;
    this.destination = null;
    this.player = null;
    this.socket = null;
    this.retryDelay = 500;
    this.retryTimer = 0;
    this.stopped = false;
  }

  PiStreamSource.prototype.connect = function (destination) { this.destination = destination; };
  PiStreamSource.prototype.resume = function () {};

  PiStreamSource.prototype.start = function () {
    var self = this;
    this.socket = new WebSocket(this.url);
    this.socket.binaryType = 'arraybuffer';
    this.socket.onopen = function () {
      self.progress = 1;
      self.retryDelay = 500;
      state.openedAt = performance.now();
      setConnection('live', 'live');
    };
    this.socket.onmessage = function (event) { self.onMessage(event.data); };
    this.socket.onclose = function () { self.onClose(); };
  };

  PiStreamSource.prototype.onMessage = function (data) {
    if (typeof data === 'string') {
      handleEvent(data);
      return;
    }
    var bytes = new Uint8Array(data);
    if (bytes.length === 8 && bytes[0] === 0x6a && bytes[1] === 0x73 && bytes[2] === 0x6d && bytes[3] === 0x70) {
      state.width = bytes[4] << 8 | bytes[5];
      state.height = bytes[6] << 8 | bytes[7];
      canvas.width = state.width;
      canvas.height = state.height;
      return;
    }
    if (!this.established) {
      this.established = true;
      if (this.options.hookOnEstablished) { this.options.hookOnEstablished(); }
    }
    this.destination.write(data);
    var video = this.player && this.player.video;
    if (video) {
      while (video.decode()) { /* show the newest frame now */ }
    }
  };

  PiStreamSource.prototype.onClose = function () {
    if (this.stopped) { return; }
    setConnection('reconnecting', 'reconnecting…');
    var self = this;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(function () { self.start(); }, this.retryDelay);
    this.retryDelay = Math.min(this.retryDelay * 2, 5000);
  };

  PiStreamSource.prototype.destroy = function () {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    if (this.socket) { this.socket.close(); }
  };

  // Reads the capture time the test pattern stamps into each frame (docs/frame-stamp.md).
  var probe = params.has('measure') ? document.createElement('canvas') : null;
  function readStamp() {
    var width = canvas.width;
    var perRow = Math.max(1, Math.floor(width / 16));
    var rows = Math.ceil(48 / perRow);
    probe.width = width;
    probe.height = rows * 16;
    var context = probe.getContext('2d', { willReadFrequently: true });
    context.drawImage(canvas, 0, 0, width, rows * 16, 0, 0, width, rows * 16);
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
    if (state.firstFrameMs === null && state.openedAt !== null) {
      state.firstFrameMs = performance.now() - state.openedAt;
    }
    if (probe) {
      var stamp = readStamp();
      if (stamp !== null) {
        var now = Date.now() % 1099511627776;
        state.latencies.push(now - stamp);
      }
    }
  }

  var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/stream';
  var player = new JSMpeg.Player(url, {
    canvas: canvas,
    source: PiStreamSource,
    audio: false,
    pauseWhenHidden: false,
    disableGl: params.has('canvas2d'),
    preserveDrawingBuffer: !!probe,
    videoBufferSize: 2 * 1024 * 1024,
    onVideoDecode: onDecode
  });
  player.source.player = player;
  state.player = player;

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
