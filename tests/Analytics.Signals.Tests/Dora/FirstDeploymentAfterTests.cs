using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Signals.Dora;

namespace Analytics.Signals.Tests.Dora;

/// <summary>The lead time's deployment lookup: the same answer as scanning the list for the first one live at or after.</summary>
public sealed class FirstDeploymentAfterTests
{
    private static readonly Team Web = new("web", "Web", "UTC", ValueList<TeamMember>.Empty, ValueList.Of("acme/web"), ValueList.Of("web"), null);
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Find_RandomListsInAnyOrder_IsTheFirstInListOrderLiveAtOrAfter()
    {
        // Deployments in no particular time order (the store gives them in key order), hours drawn from 0–99 so many
        // share an instant; every instant from one hour before the first to one after the last is asked.
        var random = new Random(20261122);
        for (var round = 0; round < 20; round++)
        {
            var deployments = Enumerable.Range(0, random.Next(0, 60))
                .Select(i => Deployment(i, T0.AddHours(random.Next(0, 100))))
                .ToList();
            var lookup = new FirstDeploymentAfter(deployments);
            for (var hour = -1; hour <= 101; hour++)
            {
                var instant = T0.AddHours(hour).AddMinutes(random.Next(0, 2) * 30);
                ProductionDeployment? expected = deployments.FindIndex(d => d.At >= instant) is var i and >= 0 ? deployments[i] : null;
                lookup.Find(instant).Should().Be(expected, $"round {round}, {instant:u}");
            }
        }
    }

    [Fact]
    public void Find_NoneLiveAfter_IsNull()
    {
        var lookup = new FirstDeploymentAfter([Deployment(1, T0)]);

        lookup.Find(T0.AddTicks(1)).Should().BeNull();
        lookup.Find(T0)!.Value.SourceId.Should().Be("1");
    }

    private static ProductionDeployment Deployment(int id, DateTimeOffset at) =>
        new("github", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "acme/web", Web, at);
}
