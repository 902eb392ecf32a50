namespace PiStream.Services.Detection;

/// <summary>One pixel format of a V4L2 capture node (<c>'YUYV' (YUYV 4:2:2)</c>) and the sizes it offers.</summary>
internal sealed record V4l2PixelFormat(string FourCc, string Description, IReadOnlyList<V4l2FrameSize> Sizes);
