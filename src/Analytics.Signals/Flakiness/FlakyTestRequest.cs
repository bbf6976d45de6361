using Analytics.Storage;

namespace Analytics.Signals.Flakiness;

/// <summary>What to analyse: the tests of a store (or of some repositories) at one instant.</summary>
/// <param name="Store">Where the test results and workflow runs are.</param>
/// <param name="AsOf">The instant of the verdict; results from <see cref="FlakinessOptions.Window"/> before it up to it (excluded) count.</param>
public sealed record FlakyTestRequest(IStore Store, DateTimeOffset AsOf)
{
    /// <summary>The thresholds. Default <see cref="FlakinessOptions.Default"/>.</summary>
    public FlakinessOptions Options { get; init; } = FlakinessOptions.Default;

    /// <summary>Only these repositories (full names, case-insensitive); empty for every repository. Default empty.</summary>
    public IReadOnlyList<string> Repositories { get; init; } = [];
}
