namespace PiStream.Tests.Support;

/// <summary>
/// Stand-ins for the Pi's hardware H.264 paths, put first on PATH of a real <c>pistream serve</c> process: an
/// <c>rpicam-vid</c> that accepts only rpicam-vid's own options (and logs them) and, for <c>--codec h264 --inline
/// -o -</c>, writes Annex B H.264 made by the real ffmpeg/libx264 at the size, rate, keyframe interval and bitrate asked
/// for; an <c>ffmpeg</c> wrapper that runs the real ffmpeg with libx264 wherever <c>h264_v4l2m2m</c> is asked for (the
/// trial encode that checks the encoder opens, and the live encode), logging each such call.
/// </summary>
internal static class HardwareStandIns
{
    /// <summary>rpicam-vid options that take a value (rpicam-apps documentation); anything else unknown is refused as rpicam-vid would.</summary>
    private const string ValueOptions =
        "-t|-o|--camera|--width|--height|--framerate|--codec|--intra|--bitrate|--profile|--level|--shutter|--gain|--ev|--awb|--awbgains"
        + "|--brightness|--contrast|--saturation|--sharpness|--denoise|--metering|--exposure|--roi|--hdr|--autofocus-mode|--lens-position|--tuning-file";

    public static void AddRpicamVid(FakeToolDirectory tools, string realFfmpeg) => tools.Add("rpicam-vid", $$"""
        echo "$*" >> '{{tools.Path}}/rpicam-vid.calls'
        codec=; width=; height=; rate=; intra=60; bitrate=1000000; inline=; output=; timeout=
        while [ $# -gt 0 ]; do
          case "$1" in
            {{ValueOptions}})
              [ $# -ge 2 ] || { echo "rpicam-vid: $1 needs a value" >&2; exit 1; }
              case "$1" in
                --codec) codec=$2 ;; --width) width=$2 ;; --height) height=$2 ;; --framerate) rate=$2 ;;
                --intra) intra=$2 ;; --bitrate) bitrate=$2 ;; -o) output=$2 ;; -t) timeout=$2 ;;
              esac
              shift 2 ;;
            -n|--nopreview|--inline|--flush|--hflip|--vflip)
              [ "$1" = --inline ] && inline=yes
              shift ;;
            *) echo "rpicam-vid: unrecognised option '$1'" >&2; exit 1 ;;
          esac
        done
        if [ "$codec" != h264 ] || [ -z "$inline" ] || [ "$output" != - ] || [ "$timeout" != 0 ] || [ -z "$width" ] || [ -z "$height" ] || [ -z "$rate" ]; then
          echo "stand-in rpicam-vid: expected --codec h264 --inline -t 0 -o - with --width/--height/--framerate" >&2; exit 1
        fi
        exec '{{realFfmpeg}}' -hide_banner -loglevel error -nostdin -re -f lavfi -i "testsrc2=size=${width}x${height}:rate=${rate}" \
          -c:v libx264 -preset ultrafast -tune zerolatency -bf 0 -g "$intra" -b:v "$bitrate" -pix_fmt yuv420p -f h264 -
        """);

    public static void AddV4l2M2mFfmpeg(FakeToolDirectory tools, string realFfmpeg) => tools.Add("ffmpeg", $$"""
        case " $* " in *" h264_v4l2m2m "*) echo "$*" >> '{{tools.Path}}/h264_v4l2m2m.calls' ;; esac
        count=$#
        for argument in "$@"; do
          [ "$argument" = h264_v4l2m2m ] && argument=libx264
          set -- "$@" "$argument"
        done
        shift "$count"
        exec '{{realFfmpeg}}' "$@"
        """);
}
