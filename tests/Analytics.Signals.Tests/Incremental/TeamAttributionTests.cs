using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Signals.Incremental;
using Analytics.Signals.Series;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Tests.Incremental;

/// <summary>Which teams a changed row reaches, for the signals whose teams' series depend only on their own records.</summary>
public sealed class TeamAttributionTests
{
    // web and Web-Mirror share acme/web (in another case), so they are one group; api runs the service "payments"
    // that ops also lists; data stands alone.
    private static readonly Team[] Teams =
    [
        Team("web", ["acme/web", "acme/site"], ["frontend"]),
        Team("web-mirror", ["ACME/Web"], []),
        Team("api", ["acme/api"], ["payments"]),
        Team("ops", ["acme/infra"], ["payments", "pager"]),
        Team("data", ["acme/etl"], ["warehouse"]),
    ];

    [Theory]
    [InlineData("acme/web", null, "web,web-mirror")]
    [InlineData("acme/SITE", null, "web,web-mirror")]
    [InlineData("acme/api", null, "api,ops")]
    [InlineData("acme/etl", null, "data")]
    [InlineData("acme/etl", "frontend", "data,web,web-mirror")]
    [InlineData("acme/etl", "warehouse", "data")]
    [InlineData(null, "warehouse", "data")]
    [InlineData("other/repository", "warehouse", "data")]
    [InlineData("other/repository", null, "")]
    [InlineData(null, "unknown", "")]
    [InlineData("other/repository", "unknown", "")]
    public void Of_ANamedRepositoryOrService_ReachesItsTeamsAndThoseSharingWithThem(string? repository, string? service, string expected)
    {
        var reached = new TeamAttribution(Teams).Of(repository, service);

        // A repository or service no team names: its records count for no team (OwnerOf, TeamOfService), so none.
        reached.Should().NotBeNull();
        reached!.Ids.Should().BeEquivalentTo(expected.Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Of_NeitherRepositoryNorService_ReachesEveryTeam() =>
        new TeamAttribution(Teams).Of(null, null).Should().BeNull();

    [Fact]
    public void For_AnEntity_ReadsItsRepositoryOrNameAndADeploymentsOrIncidentsService()
    {
        var teams = new TeamAttribution(Teams);
        var result = new object?[Entities.TestResults.Columns.Count];
        result[Entities.TestResults.IndexOf("repository")] = "acme/etl";
        var repository = new object?[Entities.Repositories.Columns.Count];
        repository[Entities.Repositories.IndexOf("full_name")] = "acme/api";
        var deployment = new object?[Entities.Deployments.Columns.Count];
        deployment[Entities.Deployments.IndexOf("repository")] = "other/repository";
        deployment[Entities.Deployments.IndexOf("service")] = "frontend";

        teams.For(Entities.TestResults)!(result)!.Ids.Should().BeEquivalentTo(["data"]);
        teams.For(Entities.Repositories)!(repository)!.Ids.Should().BeEquivalentTo(["api", "ops"]);
        teams.For(Entities.Deployments)!(deployment)!.Ids.Should().BeEquivalentTo(["web", "web-mirror"]);

        // An incident reaches the team running its service (a move to another service is logged as the former row deleted).
        var incident = new object?[Entities.Incidents.Columns.Count];
        incident[Entities.Incidents.IndexOf("service")] = "frontend";
        teams.For(Entities.Incidents)!(incident)!.Ids.Should().BeEquivalentTo(["web", "web-mirror"]);
        teams.For(Entities.Tickets).Should().BeNull();
    }

    [Fact]
    public void TeamSet_Of_KeepsTheRequestsOrder()
    {
        var request = new SignalRequest(null!, Teams, new PersonDirectory([]), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(7), Granularity.Week);

        new TeamSet(["ops", "web", "api"]).Of(request).Select(t => t.Id).Should().Equal("web", "api", "ops");
        new TeamSet(["ops", "api"]).Should().Be(new TeamSet(["api", "ops"]));
    }

    private static Team Team(string id, string[] repositories, string[] services) =>
        new(id, id, "UTC", ValueList.Of<TeamMember>(), ValueList.From(repositories), ValueList.From(services), null);
}
