using System.Globalization;
using System.Security.Cryptography;
using Analytics.Collectors.Git;
using Analytics.Collectors.GitHub.Webhooks;
using Analytics.Collectors.Jira;
using Analytics.Collectors.PagerDuty;
using Analytics.Domain.Alerts;
using Analytics.Domain.People;
using Analytics.Host.Configuration;
using Analytics.Host.Scheduling;
using Analytics.Rules.Alerts;
using Analytics.Rules.Language;
using Analytics.Signals;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Host.Server.Web;

/// <summary>
/// The data behind every dashboard page and its JSON twin, so the HTML and the API always show the same thing.
/// Reads only from the store, the teams file and the job dashboard; writes only silences.
/// </summary>
internal sealed class DashboardData(IStore store, TeamsConfiguration teams, TimeProvider time, AnalyticsSettings settings, IJobDashboard? jobs)
{
    private const int FailuresShown = 5;

    /// <summary>Entities whose newest record says how fresh a source is, with the time column that tells.</summary>
    private static readonly (EntityMap Map, string Column)[] FreshnessColumns =
    [
        (Entities.PullRequests, "updated_at"),
        (Entities.Reviews, "submitted_at"),
        (Entities.Commits, "committed_at"),
        (Entities.WorkflowRuns, "queued_at"),
        (Entities.TestResults, "started_at"),
        (Entities.Deployments, "created_at"),
        (Entities.Tickets, "updated_at"),
        (Entities.Incidents, "created_at"),
        (Entities.AlertStates, "evaluated_at"),
    ];

    /// <summary>Stretches looked back for the newest record, shortest first, so a busy table is not read whole.</summary>
    private static readonly TimeSpan?[] Stretches = [TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(31), TimeSpan.FromDays(366), null];

    /// <summary>Whether a scheduler is attached.</summary>
    public bool HasScheduler => jobs is not null;

    /// <summary>Every team, in the teams file's order.</summary>
    public IReadOnlyList<TeamView> Teams() => teams.Teams.Select(View).ToList();

    /// <summary>One team; null when unknown.</summary>
    public TeamView? Team(string id) => teams.Teams.FirstOrDefault(t => t.Id == id) is { } team ? View(team) : null;

    /// <summary>Computes signals for one team over a range ending now.</summary>
    /// <exception cref="StoreException">The store cannot be read.</exception>
    public async Task<IReadOnlyList<SignalView>> SignalsAsync(string teamId, IReadOnlyList<ISignal> signals, SignalRange range, CancellationToken cancellationToken)
    {
        var team = teams.Teams.First(t => t.Id == teamId);
        var now = time.GetUtcNow();
        var request = new SignalRequest(store, [team], await PeopleAsync(cancellationToken), now.AddDays(-range.Days), now, range.Granularity);
        var views = new List<SignalView>();
        foreach (var signal in signals)
        {
            var series = await signal.ComputeAsync(request, cancellationToken);
            views.Add(new SignalView(signal.Name, signal.Description, signal.Unit, series
                .Where(s => s.Labels["team"] is null || s.Labels["team"] == team.Id)
                .Select(s => new SeriesView(
                    s.Labels.Items.ToDictionary(l => l.Name, l => l.Value, StringComparer.Ordinal),
                    s.Points.Select(p => new PointView(p.Window.ToString(), p.Window.Start, p.Window.End, p.Value, p.Observations, p.Low, p.High)).ToList()))
                .ToList()));
        }

        return views;
    }

    /// <summary>Pending and firing alerts, firing and most severe first, each with the silences that match it now.</summary>
    public async Task<IReadOnlyList<AlertView>> AlertsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var active = new List<(Silence Silence, IReadOnlyList<LabelMatcher> Matchers)>();
        foreach (var silence in await ReadSilencesAsync(cancellationToken))
        {
            if (silence.IsActiveAt(now) && Parser.ParseMatchers(silence.Matchers).Matchers is { } matchers)
            {
                active.Add((silence, matchers));
            }
        }

        var alerts = new List<AlertView>();
        await foreach (var state in store.ReadAsync(Entities.AlertStates, null, cancellationToken))
        {
            if (state.Status is not (AlertStatus.Firing or AlertStatus.Pending))
            {
                continue;
            }

            var labels = LabelJson.ReadLabels(state.Labels);
            alerts.Add(new AlertView(
                state.Fingerprint, state.Rule, state.Status, state.Severity,
                LabelJson.Read(state.Labels), LabelJson.Read(state.Annotations),
                state.Value, state.ActiveSince, state.FiredAt, state.EvaluatedAt,
                active.Where(s => s.Matchers.All(m => m.Matches(labels))).Select(s => s.Silence.Id).ToList()));
        }

        return alerts
            .OrderBy(a => a.Status == AlertStatus.Firing ? 0 : 1)
            .ThenByDescending(a => a.Severity)
            .ThenBy(a => a.Alert, StringComparer.Ordinal)
            .ThenBy(a => a.Fingerprint, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every silence, active first, then pending, then expired (newest first within each).</summary>
    public async Task<IReadOnlyList<SilenceView>> SilencesAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return (await ReadSilencesAsync(cancellationToken))
            .Select(s => new SilenceView(s.Id, s.Matchers, s.StartsAt, s.EndsAt, s.Author, s.Reason, s.CreatedAt,
                s.IsActiveAt(now) ? "active" : s.StartsAt > now ? "pending" : "expired"))
            .OrderBy(s => s.State switch { "active" => 0, "pending" => 1, _ => 2 })
            .ThenByDescending(s => s.CreatedAt)
            .ToList();
    }

    /// <summary>Creates a silence; the error says which field is wrong.</summary>
    /// <param name="request">The fields.</param>
    /// <param name="caller">The authenticated caller's name, used when no author is given.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<(SilenceView? Silence, string? Error)> CreateSilenceAsync(SilenceRequest request, string? caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var matchers = request.Matchers?.Trim() ?? "";
        if (matchers.Length == 0)
        {
            return (null, "matchers: required, such as {team=\"payments\", alertname=\"SlowCi\"}");
        }

        if (!matchers.StartsWith('{'))
        {
            matchers = "{" + matchers + "}";
        }

        var (parsed, error) = Parser.ParseMatchers(matchers);
        if (parsed is null || parsed.Count == 0)
        {
            return (null, error is null ? "matchers: at least one matcher is needed" : $"matchers: {error.Message} (at character {error.Offset + 1})");
        }

        if (Durations.TryParse(request.Duration?.Trim()) is not { } duration || duration <= TimeSpan.Zero)
        {
            return (null, $"duration: '{request.Duration}' is not a duration such as 30m, 2h, 3d or 1w");
        }

        var author = string.IsNullOrWhiteSpace(request.Author) ? caller : request.Author.Trim();
        if (string.IsNullOrWhiteSpace(author))
        {
            return (null, "author: required");
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return (null, "reason: required");
        }

        var now = time.GetUtcNow();
        var start = request.StartsAt?.ToUniversalTime() ?? now;
        var silence = new Silence(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), matchers, start, start + duration, author, request.Reason.Trim(), now);
        await AlertBook.AddSilenceAsync(store, silence, cancellationToken);
        return ((await SilencesAsync(cancellationToken)).First(s => s.Id == silence.Id), null);
    }

    /// <summary>
    /// Expires a silence now: it is kept (for the record) with its end moved to now; one that had not started yet is
    /// made to end where it starts plus a microsecond, so it never mutes. False when no silence has that id.
    /// </summary>
    public async Task<bool> ExpireSilenceAsync(string id, CancellationToken cancellationToken)
    {
        var silence = (await ReadSilencesAsync(cancellationToken)).FirstOrDefault(s => s.Id == id);
        if (silence is null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (silence.EndsAt <= now)
        {
            return true;
        }

        var expired = silence.StartsAt < now
            ? silence with { EndsAt = now }
            : silence with { StartsAt = now.AddTicks(-20), EndsAt = now.AddTicks(-10) };
        await AlertBook.AddSilenceAsync(store, expired, cancellationToken);
        return true;
    }

    /// <summary>The scheduled jobs with their recent failures; empty without a scheduler.</summary>
    public async Task<IReadOnlyList<JobView>> JobsAsync(CancellationToken cancellationToken)
    {
        if (jobs is null)
        {
            return [];
        }

        var views = new List<JobView>();
        foreach (var status in await jobs.ListAsync(cancellationToken))
        {
            var history = await jobs.HistoryAsync(status.Name, 50, cancellationToken);
            views.Add(new JobView(status, history.Where(r => r.Outcome is JobRunOutcome.Failed or JobRunOutcome.FailedWillRetry).Take(FailuresShown).ToList()));
        }

        return views;
    }

    /// <summary>Asks the scheduler to run a job now; false when there is no such job (or no scheduler).</summary>
    public async Task<bool> TriggerJobAsync(string name, CancellationToken cancellationToken)
    {
        if (jobs is null)
        {
            return false;
        }

        try
        {
            await jobs.TriggerAsync(name, cancellationToken);
            return true;
        }
        catch (KeyNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The most recent runs of one job; null when there is no such job.</summary>
    public async Task<IReadOnlyList<JobRun>?> JobHistoryAsync(string name, int limit, CancellationToken cancellationToken)
    {
        if (jobs is null)
        {
            return null;
        }

        try
        {
            return await jobs.HistoryAsync(name, limit, cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The cursors of every known scope and the newest record of each entity.</summary>
    public async Task<FreshnessView> FreshnessAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var repositories = new SortedSet<string>(teams.Teams.SelectMany(t => t.Repositories), StringComparer.Ordinal);
        await foreach (var repository in store.ReadAsync(Entities.Repositories, null, cancellationToken))
        {
            repositories.Add(repository.FullName);
        }

        var scopes = repositories.SelectMany(r => new[] { (GitHubWebhookMapper.Source, r), (GitHistorySync.Source, r) })
            .Concat(settings.Jira.Projects.Select(p => (JiraClient.Source, $"project:{p}")))
            .Concat(settings.Jira.Jql.Keys.Select(k => (JiraClient.Source, $"jql:{k}")))
            .Append((PagerDutyClient.Source, PagerDutySync.Scope));
        var cursors = new List<CursorView>();
        foreach (var (source, scope) in scopes)
        {
            if (await store.GetCursorAsync(source, scope, cancellationToken) is { } cursor)
            {
                cursors.Add(new CursorView(source, scope, cursor));
            }
        }

        var records = new List<LatestRecordView>();
        foreach (var (map, column) in FreshnessColumns)
        {
            records.Add(await LatestAsync(map, column, now, cancellationToken));
        }

        return new FreshnessView(now, cursors, records);
    }

    private async Task<LatestRecordView> LatestAsync(EntityMap map, string column, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var timeIndex = map.IndexOf(column);
        var sourceIndex = map.IndexOf("source");
        foreach (var stretch in Stretches)
        {
            var query = stretch is { } s ? StoreQuery.All.Since(column, now - s) : StoreQuery.All;
            DateTimeOffset? latest = null;
            var sources = new SortedSet<string>(StringComparer.Ordinal);
            await foreach (var values in store.ReadValuesAsync(map, query, cancellationToken))
            {
                if (values[timeIndex] is DateTimeOffset at && (latest is null || at > latest))
                {
                    latest = at;
                }

                if (sourceIndex >= 0 && values[sourceIndex] is string source)
                {
                    sources.Add(source);
                }
            }

            if (latest is not null || stretch is null)
            {
                return new LatestRecordView(map.Name, column, latest, sources.ToList());
            }
        }

        return new LatestRecordView(map.Name, column, null, []);
    }

    private async Task<List<Silence>> ReadSilencesAsync(CancellationToken cancellationToken)
    {
        var silences = new List<Silence>();
        await foreach (var silence in store.ReadAsync(Entities.Silences, null, cancellationToken))
        {
            silences.Add(silence);
        }

        return silences;
    }

    private async Task<PersonDirectory> PeopleAsync(CancellationToken cancellationToken)
    {
        var identities = new List<Identity>();
        await foreach (var identity in store.ReadAsync(Entities.Identities, null, cancellationToken))
        {
            identities.Add(identity);
        }

        return IdentityResolver.Resolve(identities, teams.Members, teams.Bots);
    }

    private static TeamView View(Team team) => new(
        team.Id,
        team.Name,
        team.TimeZone,
        team.Members.Select(m => new MemberView(m.Id, m.Name, m.Accounts.Select(a => a.ToString()).ToList())).ToList(),
        team.Repositories.ToList(),
        team.Services.ToList());

    /// <summary>Formats an instant for pages: UTC, to the minute.</summary>
    public static string Format(DateTimeOffset? instant) =>
        instant is { } i ? i.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "–";
}
