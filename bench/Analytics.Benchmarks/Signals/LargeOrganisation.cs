using System.Globalization;
using Analytics.Collectors.Simulation;
using Analytics.Domain.People;
using Analytics.Storage;

namespace Analytics.Benchmarks.Signals;

/// <summary>
/// The large organisation the signals benchmark computes over: copies of the simulated organisation
/// (<see cref="OrganisationSimulator"/>, its realistic distributions and planted problems), each under its own GitHub
/// owner (<c>org1</c>, <c>org2</c>, …) and seed, together sized so that scale 1.0 gives about 200,000 pull requests a year
/// (the simulator makes about 3,500 at its scale 1). Deterministic: equal scale and seed give equal stores.
/// </summary>
/// <remarks>
/// The copies share the simulator's fixed cast (about 20 people and 2 bots, the same logins in every copy) and service
/// names, so per-person and per-service groups are fewer than in a real organisation of this size; the record counts,
/// repositories, teams, tests and workflows do grow with the scale.
/// </remarks>
internal static class LargeOrganisation
{
    /// <summary>The instant every copy's year ends at (a Monday, so weeks are whole).</summary>
    public static readonly DateTimeOffset End = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// What the generated stores' names say about how they were made, so that a store kept from an earlier layout is not
    /// reused: empty for the first, <c>_v2</c> since each copy's services are its own, <c>_v3</c> since its sprints are
    /// too (<see cref="OrganisationCopy"/>; before, the copies overwrote one another's sprints, and their sprint changes
    /// named tickets of no copy).
    /// </summary>
    public const string Layout = "_v3";

    /// <summary>Pull requests a year at scale 1.0, the figure.</summary>
    private const double PullRequestsAtScaleOne = 200_000;

    /// <summary>Pull requests a year one simulator copy makes at its scale 1.</summary>
    private const double SimulatorPullRequests = 3_500;

    /// <summary>The largest simulator scale of one copy: bounds the memory of generating it (all of it is in memory).</summary>
    private const double LargestCopyScale = 5;

    /// <summary>The simulator options of every copy, in order.</summary>
    public static IReadOnlyList<SimulationOptions> Copies(double scale, int seed)
    {
        var simulatorScale = scale * PullRequestsAtScaleOne / SimulatorPullRequests;
        var copies = Math.Max(1, (int)Math.Ceiling(simulatorScale / LargestCopyScale));
        return Enumerable.Range(1, copies)
            .Select(k => new SimulationOptions { End = End, Days = 365, Scale = simulatorScale / copies, Seed = seed + k, Owner = Owner(k) })
            .ToList();
    }

    /// <summary>
    /// The new batch of the incremental measurement: one more copy (owner <c>orgnew</c>, or <c>orgnew&lt;N&gt;</c> for batch
    /// number N from 2) of the last 60 days, sized to about 1 % of the organisation's pull requests (and so of its CI runs
    /// and test results). Writing a batch twice changes nothing, so a kept store measures a new batch with a new number.
    /// </summary>
    public static SimulationOptions Batch(double scale, int seed, int number = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        var simulatorScale = scale * PullRequestsAtScaleOne / SimulatorPullRequests;
        var owner = number == 1 ? "orgnew" : string.Create(CultureInfo.InvariantCulture, $"orgnew{number}");
        return new SimulationOptions { End = End, Days = 60, Scale = Math.Max(0.01, simulatorScale * 0.01 * 365 / 60), Seed = seed + 1_000 + number - 1, Owner = owner };
    }

    /// <summary>The GitHub owner of copy <paramref name="k"/> (from 1).</summary>
    public static string Owner(int k) => string.Create(CultureInfo.InvariantCulture, $"org{k}");

    /// <summary>Generates each copy and writes it, one transaction per copy, into <paramref name="store"/>.</summary>
    /// <param name="store">The store.</param>
    /// <param name="copies">The copies to write.</param>
    /// <param name="log">Told what was written.</param>
    /// <param name="cancellationToken">Stops between copies; the copy being written is rolled back.</param>
    /// <returns>The records written.</returns>
    public static async Task<long> WriteAsync(IStore store, IReadOnlyList<SimulationOptions> copies, Action<string> log, CancellationToken cancellationToken)
    {
        long written = 0;
        foreach (var options in copies)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var organisation = OrganisationCopy.Distinct(OrganisationSimulator.Generate(options));
            var simulated = clock.Elapsed;
            var result = await SimulatedOrganisationWriter.WriteAsync(store, organisation, null, cancellationToken);
            written += result.Received;
            log(string.Create(CultureInfo.InvariantCulture,
                $"{options.Owner}: {organisation.PullRequests.Count:N0} pull requests, {organisation.CiJobs.Count:N0} CI jobs, {organisation.TestResults.Count:N0} test results, {organisation.FileChanges.Count:N0} file changes; simulated in {simulated.TotalSeconds:0.0} s, stored in {(clock.Elapsed - simulated).TotalSeconds:0.0} s"));
        }

        return written;
    }

    /// <summary>
    /// The teams and people of the organisation: the simulator's teams once per copy (id <c>&lt;team&gt;-&lt;owner&gt;</c>,
    /// the copy's repositories), from a tiny simulation of each copy (teams and accounts do not depend on the scale). The
    /// same person in several copies is one person with every copy's accounts.
    /// </summary>
    public static (IReadOnlyList<Team> Teams, PersonDirectory People) Teams(IEnumerable<SimulationOptions> copies)
    {
        var teams = new List<Team>();
        var identities = new List<Identity>();
        foreach (var options in copies)
        {
            var template = OrganisationSimulator.Generate(options with { Days = 60, Scale = 0.01 });
            teams.AddRange(OrganisationCopy.Teams(template));
            identities.AddRange(template.Identities);
        }

        var people = IdentityResolver.Resolve(identities.Distinct(), teams.SelectMany(t => t.Members), []);
        return (teams, people);
    }
}
