namespace Analytics.Signals.Delivery;

/// <summary>What the work-in-progress signals use of a pull request (<see cref="OpenPullRequests"/>).</summary>
/// <param name="Source">The system it came from.</param>
/// <param name="Repository">The repository's full name.</param>
/// <param name="Author">The author's account in the source.</param>
/// <param name="CreatedAt">When it was opened.</param>
/// <param name="ClosedAt">When it was closed (<see cref="OpenPullRequests"/> says how that is told), or null while open.</param>
internal readonly record struct OpenPullRequest(string Source, string Repository, string Author, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt);
