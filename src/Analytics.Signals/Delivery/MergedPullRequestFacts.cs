namespace Analytics.Signals.Delivery;

/// <summary>What the merged pull-request signals measure of a pull request (<see cref="MergedByPeople"/>).</summary>
/// <param name="CreatedAt">When it was opened.</param>
/// <param name="MergedAt">When it was merged.</param>
/// <param name="ChangedLines">Lines added plus lines deleted.</param>
internal readonly record struct MergedPullRequestFacts(DateTimeOffset CreatedAt, DateTimeOffset MergedAt, int ChangedLines);
