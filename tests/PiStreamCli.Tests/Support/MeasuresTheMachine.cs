namespace PiStream.Tests.Support;

/// <summary>
/// Tests that compare a rate with and without a load they make themselves (a login flood, say): they run alone,
/// after the parallel tests, so what they measure is their own load and not the neighbours'.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuresTheMachine
{
    public const string Name = "Measures the machine: runs alone";
}
