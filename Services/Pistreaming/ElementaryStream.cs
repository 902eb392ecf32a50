using PiStream.Services.Broadcast;

namespace PiStream.Services.Pistreaming;

/// <summary>
/// Unwraps one MPEG-TS message of the live encoder (table packets, then the TS packets of one video PES packet, as
/// <c>TsFrameAssembler</c> cuts them) into the raw MPEG-1 video elementary stream pistreaming's clients read: the
/// payload of every packet on the video PID, without the PES header. Table packets, adaptation fields and stuffing
/// are dropped. No allocation: the bytes are appended to a pooled message.
/// </summary>
internal static class ElementaryStream
{
    private const int PacketSize = 188;
    private const byte SyncByte = 0x47;

    /// <summary>Appends the elementary stream bytes of <paramref name="transportStream"/> to <paramref name="destination"/>.</summary>
    public static void Extract(ReadOnlySpan<byte> transportStream, StreamMessage destination)
    {
        var videoPid = -1;
        for (var offset = 0; offset + PacketSize <= transportStream.Length; offset += PacketSize)
        {
            var packet = transportStream.Slice(offset, PacketSize);
            if (packet[0] != SyncByte)
            {
                continue;
            }

            var pid = (packet[1] & 0x1F) << 8 | packet[2];
            var unitStart = (packet[1] & 0x40) != 0;
            var payload = Payload(packet);
            if (unitStart && IsVideoPesStart(payload))
            {
                videoPid = pid;
                var headerLength = 9 + payload[8];
                payload = headerLength <= payload.Length ? payload[headerLength..] : [];
            }
            else if (pid != videoPid)
            {
                continue;
            }

            destination.Append(payload);
        }
    }

    /// <summary>True when <paramref name="elementary"/> begins with an MPEG-1 sequence header (<c>00 00 01 B3</c>): a place a pistreaming client can start.</summary>
    public static bool StartsWithSequenceHeader(ReadOnlySpan<byte> elementary) =>
        elementary.Length >= 4 && elementary[0] == 0 && elementary[1] == 0 && elementary[2] == 1 && elementary[3] == 0xB3;

    private static ReadOnlySpan<byte> Payload(ReadOnlySpan<byte> packet)
    {
        var adaptation = packet[3] >> 4 & 0x3;
        if ((adaptation & 1) == 0)
        {
            return [];
        }

        var start = 4 + (adaptation == 3 ? 1 + packet[4] : 0);
        return start < PacketSize ? packet[start..] : [];
    }

    private static bool IsVideoPesStart(ReadOnlySpan<byte> payload) =>
        payload.Length >= 9 && payload[0] == 0 && payload[1] == 0 && payload[2] == 1 && (payload[3] & 0xF0) == 0xE0;
}
