namespace Analytics.Collectors.Simulation;

/// <summary>A commit (or a push of one) planned on a pull request's branch.</summary>
/// <param name="Sha">Its hash.</param>
/// <param name="At">When it was authored (or pushed).</param>
internal sealed record CommitPlan(string Sha, DateTimeOffset At);
