using System.Globalization;
using System.Text.Json;
using Analytics.Domain.Alerts;
using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Reports.Charts;
using Analytics.Reports.Weekly;
using Analytics.Signals;
using Analytics.Signals.Series;
using Analytics.Signals.Statistics;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Reports.Quarterly;

/// <summary>
/// Builds quarterly operational-maturity reviews: each check's value per quarter from the signals (in each team's time
/// zone), the capability levels, DORA bands and top risks, for the review quarter and the three before it.
/// </summary>
/// <param name="store">Where the records and alert states are.</param>
/// <param name="people">Who is behind each account.</param>
/// <param name="model">The capabilities and checks (<see cref="MaturityModel.Default"/> unless configured).</param>
/// <param name="time">The clock, for the review's "generated at".</param>
public sealed class QuarterlyReviewBuilder(IStore store, PersonDirectory people, MaturityModel model, TimeProvider time)
{
    /// <summary>Quarters in each review's trends, the review quarter included.</summary>
    public const int QuartersShown = 4;

    /// <summary>The most risks a review lists.</summary>
    public const int RisksListed = 8;

    /// <summary>The organisation's id in file names.</summary>
    public const string OrganisationId = "organisation";

    /// <summary>Builds the review of one team.</summary>
    /// <exception cref="StoreException">The store cannot be read.</exception>
    public async Task<QuarterlyReview> BuildTeamAsync(Team team, QuarterPeriod quarter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        var quarters = Quarters(quarter);
        var scorecards = await ScoreAsync([team], quarters, cancellationToken);
        var alerts = await FiringAlertsAsync(quarter, cancellationToken);
        return Review(team, false, quarter, scorecards[team.Id], alerts, []);
    }

    /// <summary>
    /// Builds the review of every team and then of the organisation (last), whose signals are computed over all teams'
    /// members, repositories and services together.
    /// </summary>
    /// <param name="teams">The teams; at least one.</param>
    /// <param name="organisationName">The organisation's name in the report.</param>
    /// <param name="quarter">The review quarter.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="ArgumentException"><paramref name="teams"/> is empty.</exception>
    /// <exception cref="StoreException">The store cannot be read.</exception>
    public async Task<IReadOnlyList<QuarterlyReview>> BuildAllAsync(IReadOnlyList<Team> teams, string organisationName, QuarterPeriod quarter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(teams);
        if (teams.Count == 0)
        {
            throw new ArgumentException("at least one team is needed", nameof(teams));
        }

        var quarters = Quarters(quarter);
        var scorecards = await ScoreAsync(teams, quarters, cancellationToken);
        var organisation = Organisation(teams, organisationName);
        var orgScorecards = (await ScoreAsync([organisation], quarters, cancellationToken))[organisation.Id];
        var alerts = await FiringAlertsAsync(quarter, cancellationToken);
        var reviews = teams.Select(t => Review(t, false, quarter, scorecards[t.Id], alerts, [])).ToList();
        var summaries = teams.Select(t => new TeamSummary(t, scorecards[t.Id][^1], scorecards[t.Id][^2])).ToList();
        reviews.Add(Review(organisation, true, quarter, orgScorecards, alerts, summaries));
        return reviews;
    }

    /// <summary>
    /// The organisation as one team: every member, repository and service, in the most common time zone of the teams
    /// (the first team's on a tie).
    /// </summary>
    public static Team Organisation(IReadOnlyList<Team> teams, string name)
    {
        ArgumentNullException.ThrowIfNull(teams);
        var zone = teams.GroupBy(t => t.TimeZone).OrderByDescending(g => g.Count()).First().Key;
        return new Team(
            OrganisationId,
            name,
            zone,
            ValueList.From(teams.SelectMany(t => t.Members).DistinctBy(m => m.Id)),
            ValueList.From(teams.SelectMany(t => t.Repositories).Distinct(StringComparer.OrdinalIgnoreCase)),
            ValueList.From(teams.SelectMany(t => t.Services).Distinct(StringComparer.OrdinalIgnoreCase)),
            null);
    }

    private static List<QuarterPeriod> Quarters(QuarterPeriod last)
    {
        var quarters = new List<QuarterPeriod> { last };
        while (quarters.Count < QuartersShown)
        {
            quarters.Insert(0, quarters[0].Previous);
        }

        return quarters;
    }

    private QuarterlyReview Review(Team team, bool organisation, QuarterPeriod quarter, List<Scorecard> scorecards, List<(AlertState Alert, string? Team)> alerts, List<TeamSummary> summaries)
    {
        var risks = new List<RiskItem>();
        var teamIds = organisation ? null : new HashSet<string>([team.Id], StringComparer.Ordinal);
        foreach (var (alert, alertTeam) in alerts.Where(a => teamIds is null || (a.Team is { } t && teamIds.Contains(t))))
        {
            var summary = Annotation(alert.Annotations, "summary") ?? alert.Rule;
            var since = alert.FiredAt is { } fired ? $" since {fired.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}" : "";
            risks.Add(new RiskItem(
                $"Firing alert · {alert.Severity.ToString().ToLowerInvariant()}",
                organisation && alertTeam is not null ? $"{alert.Rule} ({alertTeam})" : alert.Rule,
                $"{summary}{(summary.EndsWith('.') ? "" : ".")} Firing at the quarter's end{since}."));
        }

        risks.AddRange(WorstChecks(scorecards));
        return new QuarterlyReview(team, organisation, quarter, time.GetUtcNow(), ValueList.From(scorecards), ValueList.From(risks.Take(RisksListed)), ValueList.From(summaries));
    }

    /// <summary>Failing checks, those that fail at the lowest level first, then by how far they miss it.</summary>
    private static IEnumerable<RiskItem> WorstChecks(List<Scorecard> scorecards)
    {
        var current = scorecards[^1];
        var previous = scorecards[^2];
        var failing = current.Capabilities
            .SelectMany(c => c.Checks.Select(r => (Capability: c.Capability, Result: r)))
            .Where(x => x.Result.FirstFailed is not null)
            .Select(x =>
            {
                var level = x.Result.FirstFailed!.Value;
                var threshold = x.Result.Check.ThresholdFor(level)!.Value;
                var miss = threshold == 0 ? double.PositiveInfinity : Math.Abs(x.Result.Value!.Value - threshold) / Math.Abs(threshold);
                return (x.Capability, x.Result, Level: level, Threshold: threshold, Miss: miss);
            })
            .OrderBy(x => x.Level).ThenByDescending(x => x.Miss).ThenBy(x => x.Result.Check.Name, StringComparer.Ordinal);
        foreach (var (capability, result, level, threshold, _) in failing)
        {
            var check = result.Check;
            var before = previous.Find(capability.Id)?.Checks.FirstOrDefault(r => r.Check == check)?.Value;
            yield return new RiskItem(
                $"Below {MaturityLevels.Name(level).ToLowerInvariant()}",
                $"{capability.Name}: {check.Name}",
                $"{QuarterlyFormat.Value(check, result.Value)} this quarter against {QuarterlyFormat.Threshold(check, level)} for {MaturityLevels.Name(level).ToLowerInvariant()}"
                + $" (last quarter: {QuarterlyFormat.Value(check, before)}).");
        }
    }

    private static string? Annotation(string json, string key)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null; // A malformed annotation loses only its text: the alert is still listed by rule name.
        }
    }

    /// <summary>Alerts firing at the end of the quarter (in UTC's reading of it, the latest of the teams' ends being close enough for a list of risks).</summary>
    private async Task<List<(AlertState Alert, string? Team)>> FiringAlertsAsync(QuarterPeriod quarter, CancellationToken cancellationToken)
    {
        var end = quarter.Window("UTC").End;
        var firing = new List<(AlertState, string?)>();
        await foreach (var alert in store.ReadAsync(Entities.AlertStates, null, cancellationToken))
        {
            // Alert state keeps each instance's latest episode only: it fired before the end and had not resolved by then.
            var firingAtEnd = alert.FiredAt is { } fired && fired <= end
                && (alert.Status == AlertStatus.Firing || (alert.Status == AlertStatus.Resolved && alert.ResolvedAt > end));
            if (firingAtEnd && !alert.Silenced)
            {
                firing.Add((alert, Annotation(alert.Labels, "team")));
            }
        }

        return firing.OrderByDescending(a => ((AlertState)a.Item1).Severity).ThenBy(a => ((AlertState)a.Item1).Rule, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Each team's scorecards for <paramref name="quarters"/>. Every needed signal is computed once per granularity over
    /// all the quarters together; signals that only give a value as of the period's end are computed once per quarter.
    /// </summary>
    private async Task<Dictionary<string, List<Scorecard>>> ScoreAsync(IReadOnlyList<Team> teams, List<QuarterPeriod> quarters, CancellationToken cancellationToken)
    {
        var checks = model.AllChecks.Concat(DoraChecks()).Distinct().ToList();
        var needs = checks.Select(Need).Distinct().ToList();
        var whole = await ComputeAsync(teams, quarters[0], quarters[^1], needs.Where(n => !AsOfEnd.Contains(n.Signal)), cancellationToken);
        var result = teams.ToDictionary(t => t.Id, _ => new List<Scorecard>(), StringComparer.Ordinal);
        foreach (var quarter in quarters)
        {
            var computed = new Dictionary<(string Signal, Granularity Granularity), IReadOnlyList<Series>>(whole);
            foreach (var (need, series) in await ComputeAsync(teams, quarter, quarter, needs.Where(n => AsOfEnd.Contains(n.Signal)), cancellationToken))
            {
                computed[need] = series;
            }

            foreach (var team in teams)
            {
                var window = quarter.Window(team.TimeZone);
                var values = checks.ToDictionary(c => c, c => ValueOf(c, computed[Need(c)], team.Id, window));
                var scores = model.Capabilities.Select(c => MaturityScoring.Score(c, values));
                var dora = DoraChecks().Select(c => MaturityScoring.Judge(c, values[c]));
                result[team.Id].Add(new Scorecard(quarter, ValueList.From(scores), ValueList.From(dora)));
            }
        }

        return result;
    }

    /// <summary>Signals whose series hold one point, as of the request's end (a truck factor is a snapshot of history).</summary>
    private static readonly HashSet<string> AsOfEnd = new(StringComparer.Ordinal) { "ownership.truck_factor" };

    private static (string Signal, Granularity Granularity) Need(MaturityCheck check) =>
        (check.Signal, check.Aggregation == CheckAggregation.Quarter ? Granularity.Quarter : Granularity.Week);

    /// <summary>Computes signals from the first quarter's start to the last's end, for every team's time zone.</summary>
    private async Task<Dictionary<(string Signal, Granularity Granularity), IReadOnlyList<Series>>> ComputeAsync(
        IReadOnlyList<Team> teams, QuarterPeriod first, QuarterPeriod last, IEnumerable<(string Signal, Granularity Granularity)> needs, CancellationToken cancellationToken)
    {
        var from = teams.Min(t => first.Window(t.TimeZone).Start);
        var to = teams.Max(t => last.Window(t.TimeZone).End);
        var computed = new Dictionary<(string Signal, Granularity Granularity), IReadOnlyList<Series>>();

        // One request, its granularities derived with `with`: the signals then share their reads (SignalRequest.Shared).
        var request = new SignalRequest(store, teams, people, from, to, Granularity.Week);
        foreach (var need in needs)
        {
            var signal = SignalCatalog.Find(need.Signal) ?? throw new InvalidOperationException($"signal '{need.Signal}' is not in the catalog");
            computed[need] = await signal.ComputeAsync(request with { Granularity = need.Granularity }, cancellationToken);
        }

        return computed;
    }

    /// <summary>The model's check for each DORA metric, or the built-in default's when the model has none.</summary>
    private IEnumerable<MaturityCheck> DoraChecks() =>
        Enum.GetValues<DoraMetric>().Select(m => model.AllChecks.FirstOrDefault(c => c.Dora == m) ?? MaturityModel.Default.AllChecks.First(c => c.Dora == m));

    /// <summary>One check's value for one team and quarter; null when no matching series has a value.</summary>
    internal static double? ValueOf(MaturityCheck check, IReadOnlyList<Series> series, string team, TimeWindow quarter)
    {
        var values = new List<double>();
        foreach (var s in series.Where(s => s.Labels["team"] == team && check.Labels.All(m => m.Matches(s.Labels))))
        {
            double? value;
            if (check.Aggregation == CheckAggregation.Quarter)
            {
                value = s.Points.FirstOrDefault(p => p.Window.FirstDay == quarter.FirstDay)?.Value;
            }
            else
            {
                // Each ISO week belongs to the quarter its Monday falls in, so no week counts twice.
                var weekly = s.Points.Where(p => p.Window.FirstDay >= quarter.FirstDay && p.Window.FirstDay < quarter.EndDay && p.Value is not null)
                    .Select(p => p.Value!.Value).ToList();
                value = weekly.Count == 0 ? null : check.Aggregation switch
                {
                    CheckAggregation.WeeklyMean => weekly.Average(),
                    CheckAggregation.WeeklyMedian => Quantile.Median(weekly),
                    CheckAggregation.WeeklyMin => weekly.Min(),
                    _ => weekly.Max(),
                };
            }

            if (value is { } v)
            {
                values.Add(v);
            }
        }

        if (values.Count == 0)
        {
            return null;
        }

        return check.Across switch
        {
            SeriesCombination.Sum => values.Sum(),
            SeriesCombination.Mean => values.Average(),
            _ => check.Comparison is Comparison.AtMost or Comparison.Below ? values.Max() : values.Min(),
        };
    }
}
