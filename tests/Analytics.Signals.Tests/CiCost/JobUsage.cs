namespace Analytics.Signals.Tests.CiCost;

/// <summary>
/// One CI job's billable use of a runner, as the former per-signal reads made them (the equivalence tests' reference;
/// the signals now hold jobs column-wise in <see cref="Analytics.Signals.CiCost.CiJobSet"/>).
/// </summary>
/// <param name="Team">The team owning the repository.</param>
/// <param name="Repository">The repository's full name.</param>
/// <param name="Workflow">The workflow of the job's run (<c>unknown</c> when the store has no such run).</param>
/// <param name="StartedAt">When a runner picked the job up; the job counts in the window containing it.</param>
/// <param name="Minutes">Its run time rounded up to the whole minute.</param>
/// <param name="Cost">Minutes times the runner's price; 0 when unpriced.</param>
/// <param name="Waste">Why its minutes were wasted (<c>flaky</c>, <c>failed</c>, <c>rerun</c>), or null.</param>
internal sealed record JobUsage(string Team, string Repository, string Workflow, DateTimeOffset StartedAt, int Minutes, decimal Cost, string? Waste);
