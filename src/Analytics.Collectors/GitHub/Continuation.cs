namespace Analytics.Collectors.GitHub;

/// <summary>One nested connection of a pull request still to be read on from its cursor, in a batched follow-up query.</summary>
/// <param name="Pending">The pull request it belongs to (its page's nodes, and where the follow-up nodes go).</param>
/// <param name="Connection">The nested connection (<c>labels</c>, <c>reviews</c>, <c>reviewThreads</c>, <c>commits</c>, <c>files</c>), or <c>comments</c> for a review thread.</param>
/// <param name="Thread">The review thread's node id when the comments of one thread are read on; null for a connection of the pull request.</param>
/// <param name="After">The cursor to read on from.</param>
internal sealed record Continuation(PendingPullRequest Pending, string Connection, string? Thread, string After);
