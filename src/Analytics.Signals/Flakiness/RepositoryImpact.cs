namespace Analytics.Signals.Flakiness;

/// <summary>What flaky failures cost one repository in a window.</summary>
/// <param name="Repository">The repository's full name.</param>
/// <param name="FlakyTests">Tests in <see cref="TestState.Flaky"/>.</param>
/// <param name="Impact">The cost; runs and attempts are counted once however many flaky tests failed them.</param>
public sealed record RepositoryImpact(string Repository, int FlakyTests, FlakyImpact Impact);
