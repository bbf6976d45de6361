namespace Analytics.Signals.Wins;

/// <summary>A successful production deployment in the week.</summary>
/// <param name="Repository">The repository deployed.</param>
/// <param name="Service">The service, when known.</param>
/// <param name="Ref">The branch or tag, when known.</param>
/// <param name="At">When it finished.</param>
public sealed record ReleaseHighlight(string Repository, string? Service, string? Ref, DateTimeOffset At);
