using System.Globalization;
using System.Text;

namespace PiStream.Bench;

/// <summary>Small helpers for writing Markdown tables with invariant numbers.</summary>
internal static class Markdown
{
    public static string N(double value, string format = "0.0") =>
        double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);

    public static void Table(StringBuilder text, string[] header, IEnumerable<string[]> rows)
    {
        text.Append("| ").AppendJoin(" | ", header).AppendLine(" |");
        text.Append('|').AppendJoin("", header.Select(_ => "---|")).AppendLine();
        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        }

        text.AppendLine();
    }

    public static string Verdict(bool met) => met ? "met" : "**missed**";
}
