using Analytics.Domain.Common;
using Analytics.Domain.Delivery;
using Analytics.Domain.People;
using Analytics.Signals.Dora;
using Analytics.Signals.Incremental;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Tests.Incremental;

/// <summary>
/// A part of a request (the signal cache recomputing some teams) gives each of its teams what the whole request gives
/// it: ownership is decided among the whole request's teams. The data team owns acme/etl and runs "warehouse"; the web
/// team owns acme/web and runs "frontend".
/// </summary>
public sealed class PartOwnershipTests
{
    private static readonly DateTimeOffset Monday = SignalFixture.Monday;
    private static readonly Team Data = Team("data", "acme/etl", "warehouse");
    private static readonly Team Web = Team("web", "acme/web", "frontend");

    [Fact]
    public void OwnerOf_InAPart_IsTheWholeRequestsOwnerOrNone()
    {
        var whole = Request(null!, [Data, Web, Team("web-again", "ACME/WEB", "frontend")]);
        var part = whole.Over(whole.From, whole.To, [Web]);
        var other = whole.Over(whole.From, whole.To, [whole.Teams[2]]);

        // A deployment of acme/etl that names web's service counts for data, the repository's owner; in a part without
        // data it counts for nobody, not for web through its service.
        whole.TeamOfDeployment("acme/etl", "frontend").Should().Be(Data);
        part.TeamOfDeployment("acme/etl", "frontend").Should().BeNull();
        part.TeamOfDeployment("other/repository", "frontend").Should().Be(Web);

        // A repository or service two teams list is the first one's, in a part too.
        other.OwnerOf("acme/web").Should().BeNull();
        other.TeamOfService("frontend").Should().BeNull();
        part.OwnerOf("acme/web").Should().Be(Web);
    }

    [Fact]
    public async Task ComputeAsync_ABatchOfOneTeam_CountsAnotherTeamsDeploymentForNobodyElse()
    {
        // Web deploys acme/web in week 1; data deploys acme/etl naming web's service "frontend" in week 2 (it counts for
        // data). The batch: one more web deployment in week 2, which recomputes web's week 2 alone.
        await using var store = await TemporaryStore.OpenAsync(Monday.AddDays(15));
        await store.WriteAsync((Entities.Deployments, [Deployed("d1", "acme/etl", "frontend", Monday.AddDays(8)), Deployed("w1", "acme/web", "frontend", Monday.AddDays(2))]));
        var cache = new SignalCache(store.Time);
        var signal = new DeploymentFrequency();
        await cache.ComputeAsync(signal, Request(store.Store, [Data, Web]), default);

        await store.WriteAsync((Entities.Deployments, [Deployed("w2", "acme/web", "frontend", Monday.AddDays(9))]));
        var result = await cache.ComputeAsync(signal, Request(store.Store, [Data, Web]), default);

        result.Reason.Should().EndWith("for 1 of 2 teams");
        var web = result.Series.Single(s => s.Labels["team"] == "web");
        web.Points.Select(p => p.Observations).Should().Equal(1, 1);
        result.Series.Should().BeEquivalentTo(await signal.ComputeAsync(Request(store.Store, [Data, Web]), default));
    }

    [Fact]
    public async Task OnCallPages_InAPart_NameAResponderAsTheWholeRequestDoes()
    {
        // Dana, a data member known by her configured PagerDuty account only (the directory never saw it), responds to an
        // incident of web's service. The whole request names her "dana" under web; a part of web alone must too, though
        // her team is outside it (and she is in no team of the part).
        var dana = new TeamMember("dana", "Dana", ValueList.Of(new IdentityRef("pagerduty", "PDANA")));
        var data = Data with { Members = ValueList.Of(dana) };
        await using var store = await TemporaryStore.OpenAsync(Monday.AddDays(15));
        await store.WriteAsync((Entities.Incidents,
        [
            new Domain.Incidents.Incident("pagerduty", "I1", "Checkout down", "frontend", "SEV2", Domain.Incidents.IncidentStatus.Resolved,
                Monday.AddDays(1), Monday.AddDays(1).AddMinutes(5), Monday.AddDays(1).AddHours(1), ValueList.Of("PDANA"), null, null),
        ]));
        var whole = Request(store.Store, [data, Web]);
        var part = whole.Over(whole.From, whole.To, [Web]);
        var signal = new Analytics.Signals.OnCall.OnCallPages();

        var fromWhole = (await signal.ComputeAsync(whole, default)).Where(s => s.Labels["team"] == "web").ToList();
        var fromPart = await signal.ComputeAsync(part, default);

        fromWhole.Select(s => s.Labels["person"]).Should().Equal("dana");
        fromPart.Should().BeEquivalentTo(fromWhole);
    }

    private static SignalRequest Request(IStore store, IReadOnlyList<Team> teams) =>
        new(store, teams, new PersonDirectory([]), Monday, Monday.AddDays(14), Granularity.Week);

    private static Deployment Deployed(string id, string repository, string service, DateTimeOffset at) =>
        new("github", id, repository, "production", DeploymentStatus.Success, "sha-" + id, "main", at, at.AddMinutes(5), service);

    private static Team Team(string id, string repository, string service) =>
        new(id, id, "UTC", ValueList<TeamMember>.Empty, ValueList.Of(repository), ValueList.Of(service), null);
}
