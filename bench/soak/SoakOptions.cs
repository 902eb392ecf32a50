using System.Globalization;

namespace PiStream.Soak;

/// <summary>What a soak run does: how long, how many viewers, how often ffmpeg is killed, whether pan-tilt moves are sent.</summary>
internal sealed record SoakOptions(double Minutes, int Viewers, double KillEveryMinutes, bool PanTilt, int SampleSeconds, string Output)
{
    public static SoakOptions Parse(string[] args)
    {
        var options = new SoakOptions(30, 20, 5, false, 30, "docs/soak.md");
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--minutes" => options with { Minutes = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--viewers" => options with { Viewers = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--kill-every" => options with { KillEveryMinutes = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--pantilt" => options with { PanTilt = true },
                "--sample-seconds" => options with { SampleSeconds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--out" => options with { Output = Next() },
                _ => throw new ArgumentException($"unknown option {args[i]}: use --minutes N, --viewers N, --kill-every MINUTES, --pantilt, --sample-seconds N, --out FILE"),
            };
        }

        return options;
    }
}
