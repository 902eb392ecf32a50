using System.CommandLine;
using PiStream.Commands;
using PiStream.Tests.Support;

namespace PiStream.Tests.Commands;

/// <summary>
/// Every option of every command, found by walking the command tree (so a new option is covered without touching
/// this file), given malformed values: exit 2 with one line naming the option, never a crash or a stack trace.
/// </summary>
public sealed class MalformedValueTests
{
    private static readonly string[] Malformed = ["abc", "1e999", "", "-1e999", "99999999999999999999", "0x", "NaN", " "];

    /// <summary>Positional arguments a command needs before its options are even looked at.</summary>
    private static readonly Dictionary<string, string[]> RequiredArguments = new() { ["record"] = ["clip.mp4"] };

    public static TheoryData<string, string> Options()
    {
        var data = new TheoryData<string, string>();
        foreach (var command in PiStreamCommandLine.Create().Subcommands)
        {
            foreach (var option in command.Options.Where(TakesAValue))
            {
                data.Add(command.Name, option.Name);
            }
        }

        return data;
    }

    [Fact]
    public void The_walk_finds_the_options_that_crashed_before()
    {
        var options = Options().Select(row => $"{row[0]} {row[1]}").ToList();
        Assert.Contains("serve --port", options);
        Assert.Contains("orient --pan", options);
        Assert.Contains("hash-password --iterations", options);
        Assert.True(options.Count >= 40, $"only {options.Count} options found");
    }

    [Theory]
    [MemberData(nameof(Options))]
    public async Task Malformed_values_exit_2_with_one_line_naming_the_option(string commandName, string optionName)
    {
        foreach (var value in Malformed)
        {
            var root = PiStreamCommandLine.Create();
            var command = root.Subcommands.Single(c => c.Name == commandName);
            var option = command.Options.Single(o => o.Name == optionName);
            string[] args = [commandName, .. RequiredArguments.GetValueOrDefault(commandName, []), optionName, value];

            var parsed = root.Parse(args);
            if (parsed.Errors.Count == 0)
            {
                // Only free text may take such a value (a folder named "abc" is a folder); never a number or a choice.
                Assert.True(IsFreeText(option), $"{commandName} {optionName} '{value}' was accepted");
                continue;
            }

            using var error = new StringWriter();
            var exitCode = await PiStreamCommandLine.RunAsync(root, args, error);
            var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

            Assert.True(exitCode == 2, $"{commandName} {optionName} '{value}': exit {exitCode}\n{error}");
            Assert.DoesNotContain("   at ", error.ToString());
            Assert.DoesNotContain("Exception", error.ToString());
            var errorLine = Assert.Single(lines, line => line.StartsWith("error: ", StringComparison.Ordinal));
            Assert.Contains(optionName, errorLine);
        }
    }

    [Fact]
    public async Task An_unexpected_failure_is_one_line_and_exit_1()
    {
        var root = new RootCommand { new Command("boom") };
        root.Subcommands[0].SetAction((ParseResult _) => (int)Explode());
        using var error = new StringWriter();

        var exitCode = await PiStreamCommandLine.RunAsync(root, ["boom"], error);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("the frobnicator broke", line);
        Assert.Contains("PISTREAM_DEBUG=1", line);
        Assert.DoesNotContain("   at ", error.ToString());
    }

    [Theory]
    [InlineData("orient", "--pan", "abc", "--pan 'abc' is not a number")]
    [InlineData("serve", "--port", "abc", "--port 'abc' is not a whole number: use a value from 0 to 65535.")]
    [InlineData("serve", "--keyframe-interval", "1e999", "--keyframe-interval '1e999' is not a whole number")]
    [InlineData("serve", "--width", "", "--width '' is not a whole number")]
    public async Task The_real_tool_says_what_is_wrong_without_a_stack_trace(string command, string option, string value, string expected)
    {
        var (exitCode, output, error) = await CliProcess.RunAsync(command, option, value);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains(expected, error);
        Assert.DoesNotContain("Unhandled exception", error);
        Assert.DoesNotContain("   at ", error);
    }

    private static object Explode() => throw new InvalidOperationException("the frobnicator\nbroke");

    private static bool TakesAValue(Option option) => option.Arity.MaximumNumberOfValues > 0 && !option.Hidden || option.Name == "--debug-delay-ms";

    /// <summary>Text, paths and host names (<c>--from abc</c> is the machine named abc, so is <c>--allowed-host abc</c>): any word may be valid.</summary>
    private static bool IsFreeText(Option option) => option.ValueType == typeof(string) || option.ValueType == typeof(string[]) || option.ValueType == typeof(Uri);
}
