// pistream player "webcodecs": each H.264 access unit (one WebSocket message) goes straight into a
// WebCodecs VideoDecoder configured for latency, and each decoded frame is drawn on the canvas the
// moment it comes out. Only in secure contexts (https, localhost, 127.0.0.1).
(function () {
  'use strict';

  function hex(byte) { return (byte < 16 ? '0' : '') + byte.toString(16).toUpperCase(); }

  // Each message is Annex B; a keyframe message starts with SPS (type 7), PPS (8), then the IDR slice (5).
  function nalTypes(bytes) {
    var types = [];
    for (var i = 0; i + 3 < bytes.length; i++) {
      if (bytes[i] === 0 && bytes[i + 1] === 0 && bytes[i + 2] === 1) {
        types.push({ type: bytes[i + 3] & 0x1f, at: i + 3 });
        i += 2;
      }
    }
    return types;
  }

  function WebCodecsPlayer(canvas, stream, onFrame) {
    this.canvas = canvas;
    this.context = canvas.getContext('2d');
    this.frameMicros = Math.round(1e6 / (stream.framerate || 30));
    this.onFrame = onFrame;
    this.count = 0;
    this.waitingForKey = true;
    this.decoder = null;
  }

  WebCodecsPlayer.available = function () { return typeof window.VideoDecoder === 'function'; };

  WebCodecsPlayer.prototype.createDecoder = function (sps) {
    var self = this;
    var decoder = new VideoDecoder({
      output: function (frame) {
        self.context.drawImage(frame, 0, 0, self.canvas.width, self.canvas.height);
        frame.close();
        self.onFrame();
      },
      error: function () { self.decoder = null; self.waitingForKey = true; }
    });
    decoder.configure({
      codec: 'avc1.' + hex(sps[1]) + hex(sps[2]) + hex(sps[3]),
      optimizeForLatency: true,
      hardwareAcceleration: 'no-preference'
    });
    return decoder;
  };

  WebCodecsPlayer.prototype.feed = function (bytes) {
    var types = nalTypes(bytes);
    var key = types.some(function (nal) { return nal.type === 5; });
    if (this.waitingForKey && !key) { return; }
    if (key && (!this.decoder || this.decoder.state === 'closed')) {
      var sps = types.filter(function (nal) { return nal.type === 7; })[0];
      if (!sps) { return; }
      this.decoder = this.createDecoder(bytes.subarray(sps.at));
    }
    if (this.decoder.decodeQueueSize > 30 && !key) { this.waitingForKey = true; return; } // far behind: skip to the next keyframe
    this.waitingForKey = false;
    this.decoder.decode(new EncodedVideoChunk({ type: key ? 'key' : 'delta', timestamp: this.count++ * this.frameMicros, data: bytes }));
  };

  WebCodecsPlayer.prototype.reset = function () { this.waitingForKey = true; };

  WebCodecsPlayer.prototype.destroy = function () {
    if (this.decoder && this.decoder.state !== 'closed') { this.decoder.close(); }
    this.decoder = null;
  };

  window.PiStreamPlayers = window.PiStreamPlayers || {};
  window.PiStreamPlayers.webcodecs = WebCodecsPlayer;
})();
