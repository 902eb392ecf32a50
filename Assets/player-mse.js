// pistream player "mse": H.264 access units muxed into fragmented MP4 by jMuxer (npm, embedded as
// /jmuxer.js) and played by Media Source Extensions in a <video>. It keeps to the live edge: the video
// plays slightly fast when it lags a little and jumps to the newest picture when it lags a lot, so the
// delay never grows over time.
(function () {
  'use strict';

  var catchUpAbove = 0.12;  // seconds behind the newest buffered picture before playing faster
  var jumpAbove = 0.5;      // seconds behind before jumping to the newest picture

  function MsePlayer(video, stream, onFrame) {
    var self = this;
    this.video = video;
    this.frameMs = 1000 / (stream.framerate || 30);
    this.onFrame = onFrame;
    this.started = false;
    this.waiting = []; // jMuxer drops the stream's start if fed before its MediaSource is open
    this.muxer = new JMuxer({
      onReady: function () {
        var waiting = self.waiting;
        self.waiting = null;
        waiting.forEach(function (bytes) { self.feed(bytes); });
      },
      node: video,
      mode: 'video',
      flushingTime: 0,
      maxDelay: jumpAbove * 1000,
      fps: stream.framerate || 30,
      clearBuffer: true,
      debug: new URLSearchParams(location.search).has('debug')
    });
    this.countFrames();
    this.chase = setInterval(function () { self.keepLive(); }, 100);
  }

  MsePlayer.available = function () {
    var source = window.MediaSource || window.ManagedMediaSource;
    return !!source && source.isTypeSupported('video/mp4; codecs="avc1.42E01E"');
  };

  MsePlayer.needs = '/jmuxer.js';

  MsePlayer.prototype.countFrames = function () {
    var self = this;
    var video = this.video;
    if (typeof video.requestVideoFrameCallback === 'function') {
      var next = function () {
        if (self.destroyed) { return; }
        self.onFrame();
        video.requestVideoFrameCallback(next);
      };
      video.requestVideoFrameCallback(next);
    } else {
      video.addEventListener('timeupdate', function () { self.onFrame(); });
    }
  };

  MsePlayer.prototype.feed = function (bytes) {
    if (this.waiting) { this.waiting.push(bytes); return; }
    this.muxer.feed({ video: bytes, duration: this.frameMs, isLastVideoFrameComplete: true });
    if (!this.started && this.video.readyState >= 2) {
      this.started = true;
      this.video.play().catch(function () {});
    }
  };

  MsePlayer.prototype.keepLive = function () {
    var video = this.video;
    if (!video.buffered.length) { return; }
    var lag = video.buffered.end(video.buffered.length - 1) - video.currentTime;
    if (lag > jumpAbove) {
      video.currentTime = video.buffered.end(video.buffered.length - 1) - 0.02;
    }
    video.playbackRate = lag > catchUpAbove ? 1.1 : 1;
    if (video.paused && video.readyState >= 2) { video.play().catch(function () {}); }
  };

  MsePlayer.prototype.reset = function () {};

  MsePlayer.prototype.destroy = function () {
    this.destroyed = true;
    clearInterval(this.chase);
    this.muxer.destroy();
  };

  window.PiStreamPlayers = window.PiStreamPlayers || {};
  window.PiStreamPlayers.mse = MsePlayer;
})();
