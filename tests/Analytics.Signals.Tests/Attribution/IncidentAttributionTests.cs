using Analytics.Domain.Common;
using Analytics.Domain.Delivery;
using Analytics.Domain.Incidents;
using Analytics.Domain.People;
using Analytics.Signals.Attribution;

namespace Analytics.Signals.Tests.Attribution;

/// <summary>
/// Hand-built cases for <see cref="IncidentAttribution"/>. Team "payments" runs the service "payments" and owns two
/// repositories, acme/payments-api and acme/ledger; team "search" runs "search" and owns acme/search. Every incident
/// starts at T = Tue 10 Nov 2026 12:00Z unless a case says otherwise; the window is 24 h.
/// </summary>
public sealed class IncidentAttributionTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);

    private static readonly Team[] Teams =
    [
        new("payments", "Payments", "UTC", ValueList<TeamMember>.Empty, ValueList.Of("acme/payments-api", "acme/ledger"), ValueList.Of("payments"), null),
        new("search", "Search", "UTC", ValueList<TeamMember>.Empty, ValueList.Of("acme/search"), ValueList.Of("search"), null),
    ];

    [Fact]
    public void Attribute_TwoDeploymentsInTheWindow_PicksTheLatestBeforeTheIncident()
    {
        var attribution = Attribution(
            Deploy("D1", "acme/payments-api", T.AddHours(-5)),
            Deploy("D2", "acme/payments-api", T.AddHours(-1)),
            Deploy("D3", "acme/payments-api", T.AddMinutes(10)));

        var cause = attribution.Attribute(Incident("I1"));

        // D3 went live 10 minutes after the incident started: it cannot have caused it. D2 is the latest before.
        cause!.Deployment.SourceId.Should().Be("D2");
        cause.Kind.Should().Be(AttributionKind.Window);
    }

    [Fact]
    public void Attribute_LatestDeploymentOutsideTheWindow_AttributesNothing()
    {
        // 24 h 0 min 1 s before the incident: one second outside. "Latest prior, unbounded" would blame it.
        var attribution = Attribution(Deploy("D1", "acme/payments-api", T.AddHours(-24).AddSeconds(-1)));

        attribution.Attribute(Incident("I1")).Should().BeNull();
    }

    [Fact]
    public void Attribute_DeploymentExactlyAtTheWindowEdge_IsIncluded()
    {
        // Both ends are included: a deployment live exactly 24 h before, or at the incident's very instant, counts.
        Attribution(Deploy("D1", "acme/payments-api", T.AddHours(-24))).Attribute(Incident("I1"))!.Deployment.SourceId.Should().Be("D1");
        Attribution(Deploy("D2", "acme/payments-api", T)).Attribute(Incident("I1"))!.Deployment.SourceId.Should().Be("D2");
    }

    [Fact]
    public void Attribute_ShorterConfiguredWindow_ExcludesWhatTheDefaultWouldTake()
    {
        var deployments = new[] { Deploy("D1", "acme/payments-api", T.AddHours(-3)) };

        new IncidentAttribution(deployments, Teams, IsProduction, TimeSpan.FromHours(2)).Attribute(Incident("I1")).Should().BeNull();
        new IncidentAttribution(deployments, Teams, IsProduction, TimeSpan.FromHours(3)).Attribute(Incident("I1"))!.Deployment.SourceId.Should().Be("D1");
    }

    [Fact]
    public void Attribute_TwoRepositoriesForTheService_PicksTheLatestOfEither()
    {
        var attribution = Attribution(
            Deploy("API1", "acme/payments-api", T.AddHours(-3)),
            Deploy("LED1", "acme/ledger", T.AddHours(-1)),
            Deploy("SRCH", "acme/search", T.AddMinutes(-5)));

        // Both payments repositories are mapped to the service; acme/search (latest of all) belongs to another service.
        attribution.Attribute(Incident("I1"))!.Deployment.SourceId.Should().Be("LED1");
        attribution.Attribute(Incident("I2") with { Service = "search" })!.Deployment.SourceId.Should().Be("SRCH");
    }

    [Fact]
    public void Attribute_FailedAndUnfinishedDeploymentsAfterASuccess_PickTheSuccess()
    {
        var attribution = Attribution(
            Deploy("OK", "acme/payments-api", T.AddHours(-2)),
            Deploy("FAILED", "acme/payments-api", T.AddMinutes(-30)) with { Status = DeploymentStatus.Failure },
            Deploy("RUNNING", "acme/payments-api", T.AddMinutes(-10)) with { Status = DeploymentStatus.InProgress, FinishedAt = null });

        // A deployment that failed to roll out changed nothing in production; one still rolling out has not gone live.
        attribution.Attribute(Incident("I1"))!.Deployment.SourceId.Should().Be("OK");
    }

    [Fact]
    public void Attribute_NonProductionDeployments_AreIgnored()
    {
        var attribution = Attribution(
            Deploy("PROD", "acme/payments-api", T.AddHours(-5)),
            Deploy("STAGE", "acme/payments-api", T.AddMinutes(-10)) with { Environment = "staging" },
            Deploy("PREVIEW", "acme/ledger", T.AddMinutes(-5)) with { Environment = "pr-42" });

        attribution.Attribute(Incident("I1"))!.Deployment.SourceId.Should().Be("PROD");
    }

    [Fact]
    public void Attribute_ExplicitLinkOutsideTheWindow_WinsOverTheWindow()
    {
        var attribution = Attribution(
            Deploy("OLD", "acme/ledger", T.AddDays(-10)),
            Deploy("RECENT", "acme/payments-api", T.AddHours(-1)));

        var cause = attribution.Attribute(Incident("I1") with { DeploymentId = "OLD" });

        // Ten days is far outside the window, but the incident says which deployment it was.
        cause!.Deployment.SourceId.Should().Be("OLD");
        cause.Kind.Should().Be(AttributionKind.Explicit);
        cause.DeployedAt.Should().Be(T.AddDays(-10));
    }

    [Fact]
    public void Attribute_ExplicitLinkToAnUnknownDeployment_AttributesNothingRatherThanGuess()
    {
        var attribution = Attribution(Deploy("RECENT", "acme/payments-api", T.AddHours(-1)));

        attribution.Attribute(Incident("I1") with { DeploymentId = "NOT-COLLECTED" }).Should().BeNull();
    }

    [Fact]
    public void Attribute_DeploymentNamingTheServiceFromAnUnmappedRepository_IsACandidate()
    {
        var attribution = Attribution(Deploy("INFRA", "acme/infra", T.AddHours(-2)) with { Service = "Payments" });

        // acme/infra is owned by no team, but the deployment says it deploys "payments" (names match ignoring case).
        attribution.Attribute(Incident("I1"))!.Deployment.SourceId.Should().Be("INFRA");
    }

    [Fact]
    public void Attribute_ServiceNoTeamRuns_AttributesNothing()
    {
        var attribution = Attribution(Deploy("D1", "acme/payments-api", T.AddHours(-1)));

        attribution.Attribute(Incident("I1") with { Service = "web" }).Should().BeNull();
    }

    [Fact]
    public void Attribute_TwoDeploymentsAtTheSameInstant_PicksTheGreatestRepositoryThenIdWhateverTheOrder()
    {
        var a = Deploy("D9", "acme/ledger", T.AddHours(-1));
        var b = Deploy("D1", "acme/payments-api", T.AddHours(-1));

        // Ordinal: "acme/payments-api" > "acme/ledger".
        Attribution(a, b).Attribute(Incident("I1"))!.Deployment.SourceId.Should().Be("D1");
        Attribution(b, a).Attribute(Incident("I1"))!.Deployment.SourceId.Should().Be("D1");
    }

    [Fact]
    public void Attribute_DeploymentWithoutFinish_UsesItsCreation()
    {
        var attribution = Attribution(Deploy("D1", "acme/payments-api", T.AddHours(-25)) with { CreatedAt = T.AddHours(-23), FinishedAt = null });

        // Created 23 h before the incident with no finish known: inside the window.
        attribution.Attribute(Incident("I1"))!.Deployment.SourceId.Should().Be("D1");
    }

    [Fact]
    public void Attribute_IncidentTimesInAnotherZone_ComparedAsInstants()
    {
        // The incident starts 13:00 at +01:00 = 12:00Z; the deployment went live 11:30Z: 30 minutes before, not after.
        var attribution = Attribution(Deploy("D1", "acme/payments-api", T.AddMinutes(-30)));
        var incident = Incident("I1") with { CreatedAt = T.ToOffset(TimeSpan.FromHours(1)) };

        attribution.Attribute(incident)!.Deployment.SourceId.Should().Be("D1");
    }

    [Fact]
    public void Constructor_NegativeWindow_Throws()
    {
        var act = () => new IncidentAttribution([], Teams, IsProduction, TimeSpan.FromHours(-1));

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static bool IsProduction(string environment) => environment is "production" or "prod";

    private static IncidentAttribution Attribution(params Deployment[] deployments) =>
        new(deployments, Teams, IsProduction, IncidentAttribution.DefaultWindow);

    private static Deployment Deploy(string id, string repository, DateTimeOffset finished) =>
        new("github", id, repository, "production", DeploymentStatus.Success, "sha", "main", finished.AddMinutes(-10), finished, null);

    private static Incident Incident(string id) =>
        new("pagerduty", id, $"Incident {id}", "payments", "SEV2", IncidentStatus.Resolved, T, T.AddMinutes(5), T.AddHours(1),
            ValueList<string>.Empty, null, null);
}
