using Analytics.Collectors.GitHub;
using Analytics.Domain.Incidents;
using Analytics.Storage;
using Analytics.Storage.Schema;
using Analytics.Testing.GitHub;

namespace Analytics.Collectors.Tests.GitHub;

/// <summary>GitHub issues with the incident label, against the fake GitHub on 127.0.0.1.</summary>
public sealed class GitHubIncidentSyncTests : IAsyncDisposable
{
    private readonly GitHubTestBed _bed = new();
    private static readonly DateTimeOffset Day = GitHubTestBed.Now.AddDays(-3);

    public ValueTask DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task SyncAsync_LabelledIssuesOverPages_StoresIncidentsExactToTheSecondAndSkipsPullRequests()
    {
        var repository = _bed.Server.AddRepository("acme/api");
        // Opened 23:47:13Z, closed 01:02:59Z the next day: 1 h 15 min 46 s.
        var opened = new DateTimeOffset(2026, 11, 11, 23, 47, 13, TimeSpan.Zero);
        repository.AddIssue(1, opened, opened.AddHours(2), ["incident", "SEV-1", "service:payments", "deployment:1500000042"], closedAt: opened.AddHours(1).AddMinutes(15).AddSeconds(46), assignees: ["bob", "alice"]);
        repository.AddIssue(2, Day, Day.AddHours(1), ["incident"]);
        repository.AddIssue(3, Day, Day.AddHours(2), ["bug"]);
        repository.AddIssue(4, Day, Day.AddHours(3), ["incident"], pullRequest: true);
        repository.AddIssue(5, Day, Day.AddHours(4), ["incident"], closedAt: Day.AddHours(4));

        var results = await SyncAsync(new GitHubIncidentOptions { ServiceMap = new Dictionary<string, string> { ["ACME/api"] = "api-service" } });

        results.Single().Incidents.Should().Be(3, "#3 lacks the label and #4 is a pull request");
        var incidents = (await _bed.ReadAsync(Entities.Incidents)).ToDictionary(i => i.SourceId);
        incidents.Keys.Should().BeEquivalentTo("acme/api#1", "acme/api#2", "acme/api#5");
        var first = incidents["acme/api#1"];
        first.Should().BeEquivalentTo(new
        {
            Source = "github",
            Service = "payments",
            Severity = "SEV-1",
            Status = IncidentStatus.Resolved,
            CreatedAt = opened,
            AcknowledgedAt = (DateTimeOffset?)null,
            ResolvedAt = (DateTimeOffset?)new DateTimeOffset(2026, 11, 12, 1, 2, 59, TimeSpan.Zero),
            DeploymentId = "1500000042",
            Url = "https://github.example/acme/api/issues/1",
        });
        first.Responders.Should().Equal("alice", "bob");
        incidents["acme/api#2"].Should().BeEquivalentTo(new { Service = "api-service", Status = IncidentStatus.Triggered, Severity = (string?)null });
        var listing = _bed.Server.Log.Select(l => l.PathAndQuery).First(p => p.Contains("/issues", StringComparison.Ordinal));
        listing.Should().Contain("labels=incident").And.Contain("state=all").And.Contain("sort=updated").And.Contain("direction=asc").And.NotContain("since=");
    }

    [Fact]
    public async Task SyncAsync_SecondRun_ReadsSinceTheLatestUpdateAndChangesOnlyWhatChanged()
    {
        var repository = _bed.Server.AddRepository("acme/api");
        repository.AddIssue(1, Day, Day.AddHours(1), ["incident"]);
        repository.AddIssue(2, Day, Day.AddHours(2), ["incident"]);
        await SyncAsync(new GitHubIncidentOptions());

        repository.AddIssue(2, Day, Day.AddHours(5), ["incident"], closedAt: Day.AddHours(5));
        var second = (await SyncAsync(new GitHubIncidentOptions())).Single();

        // Only the second run can have asked with `since` (the first had no cursor). Not "the last request": the server
        // may log a response after the client has already sent its next request.
        _bed.Server.Log.Select(l => l.PathAndQuery).Where(p => p.Contains("/issues", StringComparison.Ordinal))
            .Should().ContainSingle(p => p.Contains("since=" + Uri.EscapeDataString("2026-11-12T14:00:00Z"), StringComparison.Ordinal));
        second.Incidents.Should().Be(1);
        second.Changed.Should().Be(1);
        second.Cursor.Should().Be(Day.AddHours(5));
        (await _bed.ReadAsync(Entities.Incidents)).Single(i => i.SourceId == "acme/api#2").ResolvedAt.Should().Be(Day.AddHours(5));
    }

    [Fact]
    public async Task SyncAsync_FaultsOnOneResponseInFiveAndARepeatedRun_SameStoreAsACleanRun()
    {
        var repository = _bed.Server.AddRepository("acme/api");
        for (var n = 1; n <= 9; n++)
        {
            repository.AddIssue(n, Day.AddHours(n), Day.AddHours(n + 1), ["incident", $"service:s{n % 2}"], closedAt: n % 3 == 0 ? null : Day.AddHours(n).AddMinutes(n * 7).AddSeconds(n));
        }

        await SyncAsync(new GitHubIncidentOptions());
        var clean = await _bed.ReadAsync(Entities.Incidents);
        var again = await SyncAsync(new GitHubIncidentOptions());

        var faultyPath = Path.Combine(Path.GetTempPath(), "analytics-gh-incidents-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            await using (var faulty = await Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, faultyPath), _bed.Time, default))
            {
                _bed.Server.FaultRandomly(0.2, seed: 20);
                using (var sync = new GitHubIncidentSync(faulty, _bed.Options("acme/api") with { MaxRetries = 8 }, new GitHubIncidentOptions(), _bed.Time))
                {
                    await sync.SyncAsync(false, default);
                }

                var stored = new List<Incident>();
                await foreach (var i in faulty.ReadAsync(Entities.Incidents, null, default))
                {
                    stored.Add(i);
                }

                clean.Should().HaveCount(9);
                again.Single().Changed.Should().Be(0);
                (await _bed.ReadAsync(Entities.Incidents)).Should().Equal(clean);
                stored.Should().Equal(clean);
                _bed.Server.Log.Should().Contain(l => l.Status >= 429, "faults were injected");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(faultyPath);
        }
    }

    [Fact]
    public async Task SyncAsync_FullRefresh_RemovesIssuesThatLostTheLabelAndSaysHowMany()
    {
        var repository = _bed.Server.AddRepository("acme/api");
        repository.AddIssue(1, Day, Day.AddHours(1), ["incident"]);
        repository.AddIssue(2, Day, Day.AddHours(2), ["incident"]);
        await SyncAsync(new GitHubIncidentOptions());
        repository.AddIssue(2, Day, Day.AddHours(3), ["bug"]);

        var incremental = (await SyncAsync(new GitHubIncidentOptions())).Single();
        var full = (await SyncAsync(new GitHubIncidentOptions(), fullRefresh: true)).Single();

        incremental.Removed.Should().Be(0);
        full.Removed.Should().Be(1);
        (await _bed.ReadAsync(Entities.Incidents)).Select(i => i.SourceId).Should().Equal("acme/api#1");
    }

    private async Task<IReadOnlyList<GitHubIncidentSyncResult>> SyncAsync(GitHubIncidentOptions incidents, bool fullRefresh = false)
    {
        using var sync = new GitHubIncidentSync(_bed.Store, _bed.Options("acme/api"), incidents, _bed.Time);
        return await sync.SyncAsync(fullRefresh, default);
    }
}
