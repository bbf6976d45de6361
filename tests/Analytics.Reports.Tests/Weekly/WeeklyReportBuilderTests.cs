using Analytics.Domain.Alerts;
using Analytics.Domain.Common;
using Analytics.Domain.Delivery;
using Analytics.Domain.Incidents;
using Analytics.Domain.People;
using Analytics.Reports.Weekly;
using Analytics.Rules.Alerts;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Schema;
using Analytics.Testing.Files;
using Analytics.Testing.Time;

namespace Analytics.Reports.Tests.Weekly;

public sealed class WeeklyReportBuilderTests : IAsyncLifetime, IDisposable
{
    private static readonly Team Payments = new("payments", "Payments", "Europe/Berlin", ValueList<TeamMember>.Empty, ValueList.Of("acme/api"), ValueList.Of("payments"), null);
    private static readonly Team Search = new("search", "Search", "UTC", ValueList<TeamMember>.Empty, ValueList.Of("acme/search"), ValueList.Of("search"), null);

    // Monday 16 Nov 2026 09:00 UTC: the report week is 2026-W46, 9–15 Nov.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero));
    private readonly TempDirectory _directory = new();
    private IStore _store = null!;

    public async Task InitializeAsync() =>
        _store = await Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, _directory.Combine("a.db")), _time, default);

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task BuildAsync_AlertStates_RisksAreExactlyTheTeamsFiringAlerts()
    {
        var evaluated = _time.GetUtcNow();
        await WriteAsync(Entities.AlertStates,
        [
            State("a1", "StalePrs", "payments", AlertStatus.Firing, AlertSeverity.Warning, evaluated),
            State("a2", "SlowCi", "payments", AlertStatus.Firing, AlertSeverity.Critical, evaluated.AddDays(-3)),
            State("a3", "Resolved", "payments", AlertStatus.Resolved, AlertSeverity.Critical, evaluated.AddDays(-9)) with { ResolvedAt = evaluated.AddDays(-2) },
            State("a4", "Pending", "payments", AlertStatus.Pending, AlertSeverity.Critical, null),
            State("a5", "OtherTeam", "search", AlertStatus.Firing, AlertSeverity.Critical, evaluated),
        ]);

        var report = await Builder().BuildAsync(Payments, default);

        // Most severe first; fired on Monday morning after the week ended still counts for the latest week.
        report.Alerts.Select(a => a.Fingerprint).Should().Equal("a2", "a1");
        report.Alerts.Should().OnlyContain(a => a.Status == AlertStatus.Firing && a.Team == "payments");
        report.Alerts[0].Summary.Should().Be("SlowCi is firing");
        report.Alerts[0].RunbookUrl.Should().Be("https://runbooks.example.com/SlowCi");
    }

    [Fact]
    public async Task BuildAsync_OlderWeek_ListsAlertsFiringAtItsEnd()
    {
        var now = _time.GetUtcNow();
        await WriteAsync(Entities.AlertStates,
        [
            // Fired in W44 and resolved two days ago: it was firing at the end of W45.
            State("b1", "Resolved", "payments", AlertStatus.Resolved, AlertSeverity.Warning, now.AddDays(-16)) with { ResolvedAt = now.AddDays(-2) },
            // Fired this morning: not yet at the end of W45.
            State("b2", "New", "payments", AlertStatus.Firing, AlertSeverity.Warning, now),
        ]);

        var report = await Builder().BuildAsync(Payments, new WeeklyReportOptions { Week = new ReportWeek(2026, 45) }, default);

        report.Week.FirstDay.Should().Be(new DateOnly(2026, 11, 2));
        report.Alerts.Select(a => a.Fingerprint).Should().Equal("b1");
    }

    [Fact]
    public async Task BuildAsync_DeploymentsAndIncidents_HighlightsHoldTheTeamsInTheWeek()
    {
        var inWeek = new DateTimeOffset(2026, 11, 12, 10, 0, 0, TimeSpan.Zero);
        await WriteAsync(Entities.Deployments,
        [
            new Deployment("github", "d1", "acme/api", "production", DeploymentStatus.Success, "abcdef1234", "v1.2.0", inWeek, inWeek.AddMinutes(5), null),
            new Deployment("github", "d2", "acme/api", "staging", DeploymentStatus.Success, "abcdef1234", "v1.2.0", inWeek, inWeek, null),
            new Deployment("github", "d3", "acme/api", "production", DeploymentStatus.Failure, "abcdef1234", "v1.2.1", inWeek, inWeek, null),
            new Deployment("github", "d4", "acme/search", "production", DeploymentStatus.Success, "0123456789", "v9", inWeek, inWeek, null),
            // Sunday 15 Nov 23:30 UTC is Monday 00:30 in Berlin: after the team's week.
            new Deployment("github", "d5", "acme/api", "production", DeploymentStatus.Success, "fedcba9876", "v1.3.0", new DateTimeOffset(2026, 11, 15, 23, 30, 0, TimeSpan.Zero), null, null),
        ]);
        await WriteAsync(Entities.Incidents,
        [
            new Incident("pagerduty", "i1", "Card payments time out", "payments", "P2", IncidentStatus.Resolved, inWeek.AddDays(-1), inWeek.AddDays(-1), inWeek, ValueList<string>.Empty, null, "https://pd.example.com/i1"),
            new Incident("pagerduty", "i2", "Search slow", "search", "P3", IncidentStatus.Resolved, inWeek.AddDays(-1), null, inWeek, ValueList<string>.Empty, null, null),
        ]);

        var report = await Builder().BuildAsync(Payments, default);

        report.Highlights.Should().BeEquivalentTo(new[]
        {
            new Highlight(HighlightKind.Deployment, "acme/api → production", "v1.2.0 @ abcdef1", inWeek.AddMinutes(5)),
            new Highlight(HighlightKind.IncidentResolved, "payments · P2", "Card payments time out", inWeek, "https://pd.example.com/i1"),
        });
    }

    [Fact]
    public async Task BuildAsync_Goals_AreAttachedToTheirMeasures()
    {
        var goal = new TeamGoal("pr.merged", GoalComparison.AtLeast, 3, ">= 3");

        var report = await Builder().BuildAsync(Payments, new WeeklyReportOptions { Goals = [goal] }, default);

        var merged = report.Metrics.Single(m => m.Key == "pr.merged");
        merged.Goal.Should().Be(goal);
        // No pull requests at all: the week's count is 0, below the goal.
        merged.GoalMet.Should().BeFalse();
        report.Metrics.Where(m => m.Key != "pr.merged").Should().OnlyContain(m => m.Goal == null);
    }

    private WeeklyReportBuilder Builder() =>
        new(_store, new PersonDirectory([]), _time);

    private async Task WriteAsync<T>(EntityMap<T> map, IReadOnlyList<T> records)
        where T : class
    {
        await using var writer = await _store.BeginWriteAsync(default);
        await writer.UpsertAsync(map, records, default);
        await writer.CommitAsync(default);
    }

    private static AlertState State(string fingerprint, string rule, string team, AlertStatus status, AlertSeverity severity, DateTimeOffset? firedAt) =>
        new(fingerprint, rule, "group", LabelJson.Write(Labels.Of(new Label("alertname", rule), new Label("team", team))), status, severity, 4,
            firedAt, firedAt, null, new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero),
            LabelJson.Write(new Dictionary<string, string> { ["summary"] = $"{rule} is firing", ["runbook_url"] = $"https://runbooks.example.com/{rule}" }), null, false, false);
}
