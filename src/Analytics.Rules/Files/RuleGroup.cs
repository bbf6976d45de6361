using Analytics.Signals.Series;

namespace Analytics.Rules.Files;

/// <summary>A named group of rules evaluated together.</summary>
/// <param name="Name">Its name, unique across the loaded files.</param>
/// <param name="Interval">How often a scheduler should evaluate it (<c>analytics evaluate</c> evaluates every group each run).</param>
/// <param name="Granularity">The windows its signals are computed over (days or weeks).</param>
/// <param name="Rules">Its rules that loaded without errors.</param>
/// <param name="File">The file it came from.</param>
public sealed record RuleGroup(string Name, TimeSpan Interval, Granularity Granularity, IReadOnlyList<AlertRule> Rules, string File)
{
    /// <summary>The length of one window.</summary>
    public TimeSpan Window => Granularity == Granularity.Day ? TimeSpan.FromDays(1) : TimeSpan.FromDays(7);
}
