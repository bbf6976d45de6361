namespace Analytics.Collectors.Simulation;

/// <summary>
/// Generates a believable, seeded engineering organisation: four teams in four time zones, seven repositories, two
/// dependency bots, a year of pull requests, reviews, commits, CI runs, test results, deployments, tickets and incidents,
/// with planted facts (flaky tests, a broken test, a CI slowdown, an overloaded reviewer, a knowledge silo, a leaver, a
/// rise in incidents) that signals should find. Used by <c>analytics demo</c> and by benchmarks.
/// </summary>
public static class OrganisationSimulator
{
    /// <summary>Generates the organisation. Deterministic: equal options give equal organisations.</summary>
    /// <param name="options">What to simulate.</param>
    /// <returns>Every record, and the facts planted in them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its documented range.</exception>
    public static SimulatedOrganisation Generate(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return WorkPlanter.Plant(new SimulationRun(options).Run());
    }
}
