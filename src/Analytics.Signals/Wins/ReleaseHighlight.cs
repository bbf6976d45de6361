namespace Analytics.Signals.Wins;

/// <summary>A successful production deployment in the week.</summary>
/// <param name="Repository">The repository deployed.</param>
/// <param name="Service">The service, when known.</param>
/// <param name="Ref">The branch or tag, when known.</param>
/// <param name="At">When it finished.</param>
/// <param name="Environment">The environment it went to (one of the production environments).</param>
/// <param name="CommitSha">The commit deployed.</param>
public sealed record ReleaseHighlight(string Repository, string? Service, string? Ref, DateTimeOffset At, string Environment, string CommitSha);
