namespace Analytics.Signals.Flakiness;

/// <summary>
/// What the <c>tests.*</c> series take from one test's verdict in one window: the parts of <see cref="TestHealth"/> they
/// show, in 24 bytes. A year of weekly verdicts for thousands of tests is held for the whole request, so the full
/// record (branches, evidence times, interval) is built only where one instant is asked for.
/// </summary>
/// <param name="State">The verdict.</param>
/// <param name="Executions">Passed, failed and errored executions in the window (retries included).</param>
/// <param name="Commits">Commits on which it passed, failed or errored.</param>
/// <param name="Evidence">Commits with pass-and-fail evidence, of any kind.</param>
/// <param name="Score">The share of <paramref name="Commits"/> with evidence (<see cref="ProportionInterval.Estimate"/>).</param>
internal readonly record struct WindowVerdict(TestState State, int Executions, int Commits, int Evidence, double Score);
