using Analytics.Collectors.Simulation;
using Analytics.Domain.People;
using Analytics.Signals.Ci;
using Analytics.Signals.Delivery;
using Analytics.Signals.Incidents;
using Analytics.Signals.OnCall;
using Analytics.Signals.Series;

namespace Analytics.Signals.Tests;

/// <summary>The whole catalogue computed together, several at once over one shared request.</summary>
public sealed class SignalBatchTests
{
    private static readonly DateTimeOffset End = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ComputeAsync_WholeCatalogueTwoAtOnce_EqualsEachSignalComputedAlone()
    {
        // The demo organisation (seed 7, a year ending 2026-11-02), a quarter in weeks: every signal computed two at a
        // time over one request (sharing its analyses) must give exactly what it gives over a request of its own.
        var organisation = OrganisationSimulator.Generate(new SimulationOptions { End = End, Seed = 7 });
        await using var fixture = await SignalFixture.CreateAsync([.. SimulatedOrganisationWriter.RecordsByEntity(organisation).SelectMany(e => e.Records)]);
        var people = IdentityResolver.Resolve(organisation.Identities, organisation.Teams.SelectMany(t => t.Members), []);
        SignalRequest Request() => new(fixture.Store, organisation.Teams, people, End.AddDays(-91), End, Granularity.Week);

        var together = await SignalBatch.ComputeAsync(SignalCatalog.All, Request(), parallelism: 2, default);

        together.Should().HaveCount(SignalCatalog.All.Count);
        together.Sum(s => s.Count).Should().BePositive();
        for (var i = 0; i < SignalCatalog.All.Count; i++)
        {
            var alone = await SignalCatalog.All[i].ComputeAsync(Request(), default);
            together[i].Should().Equal(alone, $"{SignalCatalog.All[i].Name} should not depend on what it was computed with");
        }
    }

    [Fact]
    public async Task ComputeAsync_OneAtATime_StartsTheLongestFirstAndGivesResultsInTheOrderAsked()
    {
        // Two short signals around two of SignalCatalog.StartFirst, the later-ranked one first: the long ones start
        // first, in StartFirst's order (ci.run_duration before pr.merged), then the rest in the order given.
        await using var fixture = await SignalFixture.CreateAsync();
        var started = new List<string>();
        ISignal[] signals =
        [
            new Recording(new IncidentCount(), started),
            new Recording(new MergedPullRequests(), started),
            new Recording(new OnCallPages(), started),
            new Recording(new CiRunDuration(), started),
        ];

        var results = await SignalBatch.ComputeAsync(signals, fixture.TwoWeeks(), parallelism: 1, default);

        started.Should().Equal("ci.run_duration", "pr.merged", "incidents.count", "oncall.pages");
        for (var i = 0; i < signals.Length; i++)
        {
            results[i].Should().Equal(await signals[i].ComputeAsync(fixture.TwoWeeks(), default), $"result {i} belongs to {signals[i].Name}");
        }
    }

    [Fact]
    public async Task ComputeAsync_NoParallelism_IsRefused()
    {
        await using var fixture = await SignalFixture.CreateAsync();

        var act = () => SignalBatch.ComputeAsync(SignalCatalog.All, fixture.TwoWeeks(), parallelism: 0, default);

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    /// <summary>A catalogue signal that notes its name when it starts.</summary>
    private sealed class Recording(ISignal inner, List<string> started) : ISignal
    {
        public string Name => inner.Name;

        public string Description => inner.Description;

        public SignalUnit Unit => inner.Unit;

        public Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
        {
            lock (started)
            {
                started.Add(inner.Name);
            }

            return inner.ComputeAsync(request, cancellationToken);
        }
    }
}
