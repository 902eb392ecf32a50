namespace PiStream.Bench;

/// <summary>One JSMpeg renderer in headless Chromium: first picture after navigation (new page each time) and glass-to-glass latency.</summary>
internal sealed record RendererResult(string Query, string Renderer, double[] FirstPictureMs, Percentiles Latency, int FramesDecoded);
