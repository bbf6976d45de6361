using Analytics.Collectors.Simulation;

namespace Analytics.Collectors.Tests.Simulation;

/// <summary>One generation shared by the read-only tests of a class (generating takes a second or two).</summary>
public sealed class SimulatedOrganisationFixture
{
    public static readonly DateTimeOffset End = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);

    public SimulatedOrganisation Organisation { get; } = OrganisationSimulator.Generate(new SimulationOptions { End = End });
}
