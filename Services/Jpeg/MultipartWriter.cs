using System.Buffers;
using System.Buffers.Text;
using System.IO.Pipelines;

namespace PiStream.Services.Jpeg;

/// <summary>
/// Writes an MJPEG stream as <c>multipart/x-mixed-replace</c> (what browsers' &lt;img&gt;, ffmpeg's mpjpeg
/// demuxer, VLC and Home Assistant read): the boundary is named in the response's Content-Type, and each part is
/// <c>--pistream-frame</c>, a <c>Content-Type: image/jpeg</c> and a <c>Content-Length</c> header, a blank line,
/// the JPEG, and CRLF.
/// </summary>
internal static class MultipartWriter
{
    public const string Boundary = "pistream-frame";
    public const string ContentType = "multipart/x-mixed-replace; boundary=" + Boundary;
    private const int MaxHeaderBytes = 96;

    /// <summary>The bytes that come before a JPEG of <paramref name="length"/> bytes; returns how many were written.</summary>
    public static int WritePartHeader(Span<byte> destination, int length)
    {
        var start = "--pistream-frame\r\nContent-Type: image/jpeg\r\nContent-Length: "u8;
        start.CopyTo(destination);
        var written = start.Length;
        Utf8Formatter.TryFormat(length, destination[written..], out var digits);
        written += digits;
        "\r\n\r\n"u8.CopyTo(destination[written..]);
        return written + 4;
    }

    /// <summary>Writes one whole part (header, picture, CRLF) and flushes it.</summary>
    public static async ValueTask<long> WritePartAsync(PipeWriter writer, ReadOnlyMemory<byte> jpeg, CancellationToken cancellationToken)
    {
        var header = writer.GetSpan(MaxHeaderBytes);
        var headerLength = WritePartHeader(header, jpeg.Length);
        writer.Advance(headerLength);
        writer.Write(jpeg.Span);
        writer.Write("\r\n"u8);
        var result = await writer.FlushAsync(cancellationToken);
        if (result.IsCanceled || result.IsCompleted)
        {
            throw new OperationCanceledException("The client stopped reading.");
        }

        return headerLength + jpeg.Length + 2;
    }
}
