// pistream player "jsmpeg": MPEG-1 in MPEG-TS decoded by JSMpeg (npm, embedded as /jsmpg.js). The page's
// connection feeds it; each frame is decoded the moment it arrives, not at the next animation frame.
(function () {
  'use strict';

  // A JSMpeg "source" that does not connect anywhere: the page's connection hands it the bytes. JSMpeg
  // starts it once its WebAssembly decoder is loaded; bytes that come earlier wait.
  function FedSource() {
    this.started = false;
    this.streaming = true;
    this.established = true;
    this.completed = false;
    this.progress = 1;
    this.destination = null;
  }
  FedSource.prototype.connect = function (destination) { this.destination = destination; };
  FedSource.prototype.start = function () { this.started = true; };
  FedSource.prototype.resume = function () {};
  FedSource.prototype.destroy = function () {};

  // WebGL only where a GPU draws it. Software WebGL (SwiftShader, llvmpipe) showed the first picture about twice as
  // late and had a worse p99 than Canvas2D (docs/benchmarks.md, "Performance at the limit"). A context that the
  // browser itself calls slow is refused (failIfMajorPerformanceCaveat); Chromium's SwiftShader is not, so the
  // renderer's name decides. No shader is compiled here. ?webgl and ?canvas2d force one.
  function hardwareWebGl() {
    try {
      var gl = document.createElement('canvas').getContext('webgl', { failIfMajorPerformanceCaveat: true });
      if (!gl) { return false; }
      var info = gl.getExtension('WEBGL_debug_renderer_info');
      var name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
      var lose = gl.getExtension('WEBGL_lose_context');
      if (lose) { lose.loseContext(); }
      return !/swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);
    } catch (e) {
      return false;
    }
  }

  function JsmpegPlayer(canvas, stream, onFrame, options) {
    this.player = new JSMpeg.Player('pistream', {
      canvas: canvas,
      source: FedSource,
      audio: false,
      pauseWhenHidden: false,
      disableGl: !!options.canvas2d || (!options.webgl && !hardwareWebGl()),
      preserveDrawingBuffer: !!options.measure,
      videoBufferSize: 2 * 1024 * 1024,
      onVideoDecode: onFrame
    });
    this.renderer = this.player.renderer;
    this.waiting = [];
  }

  JsmpegPlayer.available = function () { return true; }; // plain JavaScript: any browser

  JsmpegPlayer.needs = '/jsmpg.js';

  JsmpegPlayer.prototype.feed = function (bytes) {
    var source = this.player.source;
    if (!source.started) {
      this.waiting.push(bytes);
      return;
    }
    while (this.waiting.length) { source.destination.write(this.waiting.shift().buffer); }
    source.destination.write(bytes.buffer);
    var video = this.player.video;
    while (video && video.decode()) { /* show the newest frame now */ }
  };

  JsmpegPlayer.prototype.reset = function () {};

  JsmpegPlayer.prototype.destroy = function () { this.player.destroy(); };

  window.PiStreamPlayers = window.PiStreamPlayers || {};
  window.PiStreamPlayers.jsmpeg = JsmpegPlayer;
})();
