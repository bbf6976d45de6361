using Analytics.Collectors.Simulation;
using Analytics.Domain.Code;
using Analytics.Domain.Common;
using Analytics.Domain.Delivery;
using Analytics.Domain.Incidents;
using Analytics.Domain.People;
using Analytics.Signals.Delivery;
using Analytics.Signals.Dora;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Schema;
using Analytics.Testing.Stores;
using Analytics.Testing.Time;

namespace Analytics.Signals.Tests.Dora;

/// <summary>
/// The DORA signals read by period (compact columnar deployments and incidents, the period's deployments plus what
/// attribution and lead time need) give exactly what the former whole-history record reads gave: over a simulated
/// organisation (seed 11, a year ending 2026-11-02) plus incidents that name deployments long before the period (a
/// production one, a staging one, an id two sources share, an id no deployment has), for the year, the latest week and a
/// mid-year month, on SQLite and PostgreSQL. The former code is kept below as test helpers only, series for series.
/// </summary>
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.
public abstract class DoraPeriodReadTests : IAsyncLifetime
{
    private static readonly DateTimeOffset End = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private static readonly SimulatedOrganisation Organisation =
        OrganisationSimulator.Generate(new SimulationOptions { End = End, Seed = 11, Days = 365 });

    private readonly FreshStores _stores;
    private IStore _store = null!;

    /// <summary>Runs the tests on stores of <paramref name="kind"/>.</summary>
    protected DoraPeriodReadTests(StoreKind kind) => _stores = new FreshStores(kind, new FakeTimeProvider(End));

    public async Task InitializeAsync()
    {
        _store = await _stores.OpenAsync(default);
        await using var writer = await _store.BeginWriteAsync(default);
        await writer.UpsertAsync(Entities.Repositories, Organisation.Repositories, default);
        await writer.UpsertAsync(Entities.PullRequests, Organisation.PullRequests, default);
        await writer.UpsertAsync(Entities.Reviews, Organisation.Reviews, default);
        await writer.UpsertAsync(Entities.PullRequestCommits, Organisation.PullRequestCommits, default);
        await writer.UpsertAsync(Entities.Deployments, [.. Organisation.Deployments, .. ExtraDeployments()], default);
        await writer.UpsertAsync(Entities.Incidents, [.. Organisation.Incidents, .. ExtraIncidents()], default);
        await writer.CommitAsync(default);
    }

    public async Task DisposeAsync() => await _stores.DisposeAsync();

    [Fact]
    public async Task ComputeAsync_YearWeekAndMonth_GiveWhatTheWholeHistoryReadsGave()
    {
        foreach (var request in Requests())
        {
            // All four on one request, as the catalogue computes them (shared loads), against the former code.
            var because = Describe(request);
            (await new DeploymentFrequency().ComputeAsync(request, default)).Should().Equal(await FormerDeploymentFrequency(request), because);
            (await new ChangeFailureRate().ComputeAsync(request, default)).Should().Equal(await FormerChangeFailureRate(request), because);
            (await new RecoveryTime().ComputeAsync(request, default)).Should().Equal(await FormerRecoveryTime(request), because);
            (await new LeadTime().ComputeAsync(request, default)).Should().Equal(await FormerLeadTime(request), because);
        }
    }

    [Fact]
    public async Task ComputeAsync_LatestWeek_CountsFailuresAndRecoveriesOfIncidentsNamingOldDeployments()
    {
        // Not vacuous: the latest week has observations of each signal, and the extra incidents' old deployments fail.
        var week = Requests().ElementAt(1);
        var failures = await FormerChangeFailureRate(week);
        var recoveries = await FormerRecoveryTime(week);
        recoveries.SelectMany(s => s.Points).Sum(p => p.Observations).Should().BeGreaterThan(ExtraIncidents().Count(i => i.DeploymentId is not null) - 3);
        failures.SelectMany(s => s.Points).Sum(p => p.Observations).Should().BeGreaterThan(20);
        (await FormerLeadTime(week)).SelectMany(s => s.Points).Sum(p => p.Observations).Should().BeGreaterThan(20);

        var year = Requests().First();
        var yearFailures = (await new ChangeFailureRate().ComputeAsync(year, default)).SelectMany(s => s.Points).Sum(p => (p.Value ?? 0) * p.Observations);
        yearFailures.Should().BeGreaterThan(10);
    }

    private IEnumerable<SignalRequest> Requests()
    {
        var people = IdentityResolver.Resolve(Organisation.Identities, Organisation.Teams.SelectMany(t => t.Members), []);
        var teams = Organisation.Teams;
        yield return new SignalRequest(_store, teams, people, Organisation.Options.Start, End, Granularity.Week);
        yield return new SignalRequest(_store, teams, people, End.AddDays(-7), End, Granularity.Week);
        yield return new SignalRequest(_store, [teams[0], teams[2]], people, new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), Granularity.Month);
    }

    /// <summary>A deployment in another source with the id of an early production one (the attribution prefers among them).</summary>
    private static IEnumerable<Deployment> ExtraDeployments()
    {
        var early = EarlyProduction().First();
        yield return early with { Source = "gitlab", Environment = "staging", FinishedAt = early.FinishedAt?.AddHours(1) };

        // A roll-out that took a month: created long before the mid-year month's reads, live just before an incident
        // that is resolved in that month.
        var team = Organisation.Teams[0];
        yield return new Deployment(
            "github", "long-rollout", team.Repositories[0], "production", DeploymentStatus.Success, "abc", "main",
            new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), LongRolloutIncident.AddSeconds(-1), team.Services[0]);
    }

    private static readonly DateTimeOffset LongRolloutIncident = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Incidents in the latest week and mid-year month naming deployments from the first weeks of the history (production
    /// and staging), one naming an id two sources share, one an id never collected, each resolved a few hours later.
    /// </summary>
    private static List<Incident> ExtraIncidents()
    {
        var early = EarlyProduction().Take(8).ToList();
        var staging = Organisation.Deployments.First(d => d.Environment == "staging");
        var named = early.Select(d => d.SourceId).Append(staging.SourceId).Append("never-collected").ToList();
        var service = Organisation.Teams[0].Services[0];
        var result = new List<Incident>();
        for (var i = 0; i < named.Count; i++)
        {
            var opened = (i % 2 == 0 ? End.AddDays(-3) : new DateTimeOffset(2026, 5, 10, 0, 0, 0, TimeSpan.Zero)).AddHours(i);
            result.Add(new Incident("extra", $"old-{i}", "old deployment", service, "SEV2", IncidentStatus.Resolved, opened, null, opened.AddHours(3), ValueList<string>.Empty, named[i], null));
        }

        // Opened months before the mid-year month and resolved in it, naming nothing: one blamed on the month-long
        // roll-out, one on whatever the window finds then.
        result.Add(new Incident("extra", "long-open-1", "slow burn", service, "SEV3", IncidentStatus.Resolved, LongRolloutIncident, null, new DateTimeOffset(2026, 5, 15, 0, 0, 0, TimeSpan.Zero), ValueList<string>.Empty, null, null));
        result.Add(new Incident("extra", "long-open-2", "slow burn", service, "SEV3", IncidentStatus.Resolved, new DateTimeOffset(2026, 2, 10, 15, 0, 0, TimeSpan.Zero), null, new DateTimeOffset(2026, 5, 20, 0, 0, 0, TimeSpan.Zero), ValueList<string>.Empty, null, null));
        return result;
    }

    private static IEnumerable<Deployment> EarlyProduction() => Organisation.Deployments
        .Where(d => d.Environment == "production" && d.Status == DeploymentStatus.Success)
        .OrderBy(d => d.CreatedAt);

    private static string Describe(SignalRequest request) =>
        FormattableString.Invariant($"{string.Join(",", request.Teams.Select(t => t.Id))} {request.From:O}..{request.To:O} {request.Granularity}");

    // ---- The former code (whole records, every deployment and incident whatever the period), kept as reference. ----

    private static async Task<List<(Deployment Deployment, Team Team, DateTimeOffset At)>> FormerProductionDeployments(SignalRequest request, DateTimeOffset since)
    {
        var result = new List<(Deployment, Team, DateTimeOffset)>();
        var query = StoreQuery.All.Since("created_at", since - TimeSpan.FromDays(1)).Before("created_at", request.To);
        await foreach (var deployment in request.Store.ReadAsync(Entities.Deployments, query, default))
        {
            if (deployment.Status == DeploymentStatus.Success && request.IsProduction(deployment.Environment)
                && (request.OwnerOf(deployment.Repository) ?? (deployment.Service is { } s ? request.TeamOfService(s) : null)) is { } team)
            {
                result.Add((deployment, team, deployment.FinishedAt ?? deployment.CreatedAt));
            }
        }

        return [.. result.OrderBy(d => d.Item3)];
    }

    private static async Task<IReadOnlyList<Series.Series>> FormerDeploymentFrequency(SignalRequest request)
    {
        var collectors = WindowedValues.PerTeam(request);
        foreach (var (_, team, at) in await FormerProductionDeployments(request, request.From.AddDays(-7)))
        {
            collectors[team.Id].Add(at, 1);
        }

        return [.. request.Teams.Select(t => collectors[t.Id].ToSeries("dora.deployment_frequency", Labels.Of(new Label("team", t.Id)), SignalUnit.Count, v => v.Count))];
    }

    private static async Task<IReadOnlyList<Series.Series>> FormerChangeFailureRate(SignalRequest request)
    {
        var attribution = await FormerAttribution.ReadAsync(request);
        var failed = new HashSet<(string, string)>();
        await foreach (var incident in request.Store.ReadAsync(Entities.Incidents, null, default))
        {
            if (attribution.Attribute(incident) is { } cause)
            {
                failed.Add((cause.Source, cause.SourceId));
            }
        }

        var collectors = WindowedValues.PerTeam(request);
        foreach (var (deployment, team, at) in await FormerProductionDeployments(request, request.From.AddDays(-7)))
        {
            collectors[team.Id].Add(at, failed.Contains((deployment.Source, deployment.SourceId)) ? 1 : 0);
        }

        return [.. request.Teams.Select(team =>
        {
            var points = collectors[team.Id].Windows.Select((w, i) =>
            {
                var outcomes = collectors[team.Id].ValuesIn(i);
                var failures = (int)outcomes.Sum();
                var interval = Statistics.Wilson.Interval(failures, outcomes.Count);
                return new SeriesPoint(w, outcomes.Count == 0 ? null : (double)failures / outcomes.Count, outcomes.Count, interval?.Low, interval?.High);
            });
            return new Series.Series("dora.change_failure_rate", Labels.Of(new Label("team", team.Id)), SignalUnit.Ratio, ValueList.From(points));
        })];
    }

    private static async Task<IReadOnlyList<Series.Series>> FormerRecoveryTime(SignalRequest request)
    {
        var attribution = await FormerAttribution.ReadAsync(request);
        var collectors = WindowedValues.PerTeam(request);
        await foreach (var incident in request.Store.ReadAsync(Entities.Incidents, null, default))
        {
            if (incident.ResolvedAt is { } resolved && attribution.Attribute(incident) is { } cause
                && request.IsProduction(cause.Environment)
                && (request.OwnerOf(cause.Repository) ?? request.TeamOfService(incident.Service)) is { } team)
            {
                collectors[team.Id].Add(resolved, Math.Max(0, (resolved - (cause.FinishedAt ?? cause.CreatedAt)).TotalSeconds));
            }
        }

        return [.. request.Teams.Select(t => collectors[t.Id].ToSeriesWithInterval("dora.recovery_time", Labels.Of(new Label("team", t.Id)), SignalUnit.Seconds, request.Aggregator))];
    }

    private static async Task<IReadOnlyList<Series.Series>> FormerLeadTime(SignalRequest request)
    {
        string[] stages = ["total", "coding", "pickup", "review", "deploy"];
        var since = request.From - TimeSpan.FromDays(60);
        var deployments = (await FormerProductionDeployments(request, since))
            .GroupBy(d => d.Deployment.Repository, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);

        var merged = new List<PullRequest>();
        await foreach (var pr in request.Store.ReadAsync(Entities.PullRequests, StoreQuery.All.Since("merged_at", since).Before("merged_at", request.To), default))
        {
            if (request.People.Find(pr.Source, pr.Author)?.IsBot != true && deployments.ContainsKey(pr.Repository))
            {
                merged.Add(pr);
            }
        }

        var firstCommit = new Dictionary<(string, string), DateTimeOffset>();
        await foreach (var commit in PullRequestChildren.ReadAsync(request.Store, Entities.PullRequestCommits, merged, default))
        {
            var key = (commit.Source, commit.PullRequestId);
            if (!firstCommit.TryGetValue(key, out var first) || commit.AuthoredAt < first)
            {
                firstCommit[key] = commit.AuthoredAt;
            }
        }

        var byKey = merged.ToDictionary(pr => (pr.Source, pr.SourceId));
        var firstReview = new Dictionary<(string, string), DateTimeOffset>();
        await foreach (var review in PullRequestChildren.ReadAsync(request.Store, Entities.Reviews, merged, default))
        {
            var key = (review.Source, review.PullRequestId);
            if (byKey.TryGetValue(key, out var pr) && review.SubmittedAt <= pr.MergedAt
                && request.People.Find(review.Source, review.Reviewer) is var reviewer && reviewer?.IsBot != true
                && !string.Equals(review.Reviewer, pr.Author, StringComparison.OrdinalIgnoreCase)
                && (reviewer is null || reviewer.Id != request.People.Find(pr.Source, pr.Author)?.Id)
                && (!firstReview.TryGetValue(key, out var first) || review.SubmittedAt < first))
            {
                firstReview[key] = review.SubmittedAt;
            }
        }

        var collectors = request.Teams.ToDictionary(t => t.Id, t => stages.ToDictionary(s => s, _ => WindowedValues.ForTeam(request, t)));
        foreach (var pr in merged)
        {
            var key = (pr.Source, pr.SourceId);
            var mergedAt = pr.MergedAt!.Value;
            var deployment = deployments[pr.Repository].FirstOrDefault(d => d.At >= mergedAt);
            if (deployment.Deployment is null)
            {
                continue;
            }

            var values = collectors[deployment.Team.Id];
            var start = firstCommit.TryGetValue(key, out var committed) && committed < pr.CreatedAt ? committed : pr.CreatedAt;
            values["total"].Add(deployment.At, (deployment.At - start).TotalSeconds);
            values["deploy"].Add(deployment.At, (deployment.At - mergedAt).TotalSeconds);
            if (firstCommit.ContainsKey(key))
            {
                values["coding"].Add(deployment.At, Math.Max(0, (pr.CreatedAt - committed).TotalSeconds));
            }

            if (firstReview.TryGetValue(key, out var reviewed))
            {
                values["pickup"].Add(deployment.At, Math.Max(0, (reviewed - pr.CreatedAt).TotalSeconds));
                values["review"].Add(deployment.At, Math.Max(0, (mergedAt - reviewed).TotalSeconds));
            }
        }

        return [.. request.Teams.SelectMany(t => stages.Select(stage => collectors[t.Id][stage].ToSeriesWithInterval(
            "dora.lead_time", Labels.Of(new Label("team", t.Id), new Label("stage", stage)), SignalUnit.Seconds, request.Aggregator)))];
    }

    /// <summary>The former IncidentAttribution over every deployment record of the store.</summary>
    private sealed class FormerAttribution
    {
        private readonly Dictionary<string, List<Deployment>> _byId = new(StringComparer.Ordinal);
        private readonly List<Deployment> _candidates;
        private readonly DateTimeOffset[] _times;
        private readonly SignalRequest _request;

        private FormerAttribution(List<Deployment> all, SignalRequest request)
        {
            _request = request;
            foreach (var deployment in all)
            {
                (_byId.TryGetValue(deployment.SourceId, out var list) ? list : _byId[deployment.SourceId] = []).Add(deployment);
            }

            _candidates = [.. all.Where(d => d.Status == DeploymentStatus.Success && request.IsProduction(d.Environment))
                .OrderBy(At).ThenBy(d => d.Repository, StringComparer.Ordinal).ThenBy(d => d.SourceId, StringComparer.Ordinal)];
            _times = [.. _candidates.Select(At)];
        }

        public static async Task<FormerAttribution> ReadAsync(SignalRequest request)
        {
            var all = new List<Deployment>();
            await foreach (var deployment in request.Store.ReadAsync(Entities.Deployments, null, default))
            {
                all.Add(deployment);
            }

            return new FormerAttribution(all, request);
        }

        public Deployment? Attribute(Incident incident)
        {
            if (incident.DeploymentId is { } id)
            {
                return _byId.TryGetValue(id, out var named)
                    ? named.OrderByDescending(d => d.Status == DeploymentStatus.Success && _request.IsProduction(d.Environment))
                        .ThenByDescending(At).ThenByDescending(d => d.Source, StringComparer.Ordinal).First()
                    : null;
            }

            var repositories = _request.Teams.Where(t => t.Services.Contains(incident.Service, StringComparer.OrdinalIgnoreCase))
                .SelectMany(t => t.Repositories).ToHashSet(StringComparer.OrdinalIgnoreCase);
            for (var i = _times.Length - 1; i >= 0; i--)
            {
                if (_times[i] > incident.CreatedAt)
                {
                    continue;
                }

                if (_times[i] < incident.CreatedAt - _request.AttributionWindow)
                {
                    break;
                }

                if (repositories.Contains(_candidates[i].Repository) || string.Equals(_candidates[i].Service, incident.Service, StringComparison.OrdinalIgnoreCase))
                {
                    return _candidates[i];
                }
            }

            return null;
        }

        private static DateTimeOffset At(Deployment d) => d.FinishedAt ?? d.CreatedAt;
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteDoraPeriodReadTests() : DoraPeriodReadTests(StoreKind.Sqlite);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresDoraPeriodReadTests() : DoraPeriodReadTests(StoreKind.Postgres);
