using Analytics.Domain.Testing;

namespace Analytics.Collectors.Simulation;

/// <summary>A test while the simulation runs, with its planted behaviour.</summary>
/// <param name="Case">The test.</param>
/// <param name="MedianSeconds">Its median duration.</param>
/// <param name="FlakyRate">Its chance of failing for no reason, 0 for a healthy test.</param>
/// <param name="AlwaysSkipped">Whether it is disabled.</param>
internal sealed record SimTest(TestCase Case, double MedianSeconds, double FlakyRate, bool AlwaysSkipped);
