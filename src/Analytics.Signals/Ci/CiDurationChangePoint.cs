using Analytics.Signals.ChangePoints;

namespace Analytics.Signals.Ci;

/// <summary>A lasting change in how long one workflow's successful runs take. Equality is by value.</summary>
/// <param name="Team">The team that owns the repository.</param>
/// <param name="Repository">The repository.</param>
/// <param name="Workflow">The workflow.</param>
/// <param name="Point">
/// The change point over the workflow's runs in time order: <see cref="ChangePoint.At"/> is when the first run after
/// the change was queued; means and medians are run durations in seconds.
/// </param>
public sealed record CiDurationChangePoint(string Team, string Repository, string Workflow, ChangePoint Point)
{
    /// <summary>When the first run after the change was queued.</summary>
    public DateTimeOffset At => Point.At!.Value;
}
