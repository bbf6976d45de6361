using Analytics.Collectors.Simulation;
using Analytics.Domain.Code;
using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Domain.Work;
using Analytics.Signals.Commitments;
using Analytics.Signals.Interruptions;
using Analytics.Signals.Membership;
using Analytics.Signals.Postmortems;
using Analytics.Signals.Series;
using Analytics.Signals.Tickets;
using Analytics.Signals.WorkMix;
using Analytics.Storage;
using Analytics.Storage.Schema;
using Analytics.Testing.Stores;
using Analytics.Testing.Time;

namespace Analytics.Signals.Tests.Tickets;

/// <summary>
/// The ticket family's loads and computations after their rework (tickets read once per request and transitions as
/// columns; blocked share, forecast ratio, sprint membership and the work mix's series grouped once instead of
/// rescanned per team and window; the work mix's pull requests, the postmortems' and the interruptions' tickets read as
/// columns) give exactly what the former code gave, over a simulated organisation (seed 46, a year ending 2026-11-02), on
/// SQLite and PostgreSQL. The former code is kept below as test helpers only, and its results compared value for value
/// (series as records: every point's value, observations and interval, bit for bit).
/// </summary>
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.
public abstract class TicketFamilyLoadsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset End = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private static readonly SimulatedOrganisation Organisation = OrganisationSimulator.Generate(new SimulationOptions { End = End, Seed = 46 });

    private readonly FreshStores _stores;
    private IStore _store = null!;

    /// <summary>Runs the tests on stores of <paramref name="kind"/>.</summary>
    protected TicketFamilyLoadsTests(StoreKind kind) => _stores = new FreshStores(kind, new FakeTimeProvider(End));

    public async Task InitializeAsync()
    {
        _store = await _stores.OpenAsync(default);
        await using var writer = await _store.BeginWriteAsync(default);
        await writer.UpsertAsync(Entities.Tickets, Organisation.Tickets, default);
        await writer.UpsertAsync(Entities.TicketTransitions, Organisation.TicketTransitions, default);
        await writer.UpsertAsync(Entities.PullRequests, Organisation.PullRequests, default);
        await writer.UpsertAsync(Entities.Incidents, Organisation.Incidents, default);
        await writer.UpsertAsync(Entities.Sprints, Organisation.Sprints, default);
        await writer.UpsertAsync(Entities.SprintChanges, Organisation.SprintChanges, default);
        await writer.CommitAsync(default);
    }

    public async Task DisposeAsync() => await _stores.DisposeAsync();

    [Fact]
    public async Task TicketData_SimulatedOrganisation_GivesTheFormerLives()
    {
        foreach (var request in Requests())
        {
            foreach (var blocked in new[] { BlockedStatuses.ToSet(null), BlockedStatuses.ToSet(["Blocked", "in review "]) })
            {
                var lives = await TicketData.LoadAsync(request, blocked, default);
                var former = await FormerTicketLives(request, blocked);

                // Every ticket resolved where the request's signals look, as the former code traced it, in its order;
                // the others loaded are the former's too (resolved earlier or not yet).
                var since = TicketData.ResolvedSince(request);
                lives.Where(l => l.ResolvedAt >= since).Should().Equal(former.Where(l => l.ResolvedAt >= since), Describe(request));
                lives.Should().BeSubsetOf(former, Describe(request));
                former.Count(l => l.CycleTime is not null && l.ResolvedAt >= since).Should().BeGreaterThan(10, Describe(request));
                if (since > Organisation.Options.Start)
                {
                    lives.Should().HaveCountLessThan(former.Count, "a request of the last months traces fewer tickets than the year holds: " + Describe(request));
                }
            }
        }

        // The simulator has no blocked statuses; "In Review" as one gives blocked times to compare.
        var inReview = await TicketData.LoadAsync(Requests().First(), BlockedStatuses.ToSet(["In Review"]), default);
        inReview.Count(l => l.Blocked > TimeSpan.Zero).Should().BeGreaterThan(10);
    }

    [Fact]
    public async Task BlockedShareAndForecastRatio_SimulatedOrganisation_GiveTheFormerSeries()
    {
        foreach (var request in Requests())
        {
            var lives = await FormerTicketLives(request, BlockedStatuses.ToSet(null));
            var share = await new TicketBlockedShare().ComputeAsync(request, default);
            share.Should().Equal(FormerBlockedShare(request, lives), Describe(request));

            // The simulator has no blocked statuses; "In Review" as one gives shares that are neither 0 nor missing.
            var inReview = await new TicketBlockedShare(["In Review"]).ComputeAsync(request, default);
            inReview.Should().Equal(FormerBlockedShare(request, await FormerTicketLives(request, BlockedStatuses.ToSet(["In Review"]))), Describe(request));
            inReview.SelectMany(s => s.Points).Count(p => p.Value > 0).Should().BeGreaterThan(3, Describe(request));

            var sprintTeams = (await FormerSprintOutcomes(request, lives)).Select(o => o.Team.Id).ToHashSet(StringComparer.Ordinal);
            var forecast = await new ForecastRatio().ComputeAsync(request, default);
            forecast.Should().Equal(FormerForecastRatio(request, lives, sprintTeams), Describe(request));
        }

        // The organisation's one team without sprints gets a forecast ratio over the year.
        var year = Requests().First();
        (await new ForecastRatio().ComputeAsync(year, default)).SelectMany(s => s.Points).Count(p => p.Value is not null).Should().BeGreaterThan(20);
    }

    [Fact]
    public async Task SprintData_SimulatedOrganisation_GivesTheFormerOutcomes()
    {
        foreach (var request in Requests())
        {
            var (outcomes, teams) = await SprintData.LoadAsync(request, DateTimeOffset.MaxValue, default);
            var former = await FormerSprintOutcomes(request, await FormerTicketLives(request, BlockedStatuses.ToSet(null)));

            // The outcomes of the sprints ending in the request's windows, and the teams of every sprint.
            var (start, end) = WindowedValues.Span(request);
            outcomes.Should().Equal(former.Where(o => o.EndedAt >= start && o.EndedAt < end), Describe(request));
            teams.Should().BeEquivalentTo(former.Select(o => o.Team.Id).Distinct(), Describe(request));
            outcomes.Should().HaveCountGreaterThan(2, Describe(request));
        }
    }

    [Fact]
    public async Task WorkMix_SimulatedOrganisation_GivesTheFormerItemsAndSeries()
    {
        foreach (var request in Requests())
        {
            var items = await WorkMixData.LoadAsync(request, default);
            var former = await FormerWorkItems(request);
            // The tickets resolved before the signals look are not loaded any more (TicketData.ResolvedSince).
            var since = TicketData.ResolvedSince(request);
            items.Where(i => i.Measure == WorkMeasure.PullRequests || i.At >= since)
                .Should().Equal(former.Where(i => i.Measure == WorkMeasure.PullRequests || i.At >= since), Describe(request));
            former.Count(i => i.Measure == WorkMeasure.PullRequests && i.Type != WorkType.Unclassified).Should().BeGreaterThan(10, Describe(request));

            var signals = new (ISignal Signal, Func<TimeWindow, (DateTimeOffset, DateTimeOffset)> Span, Func<double, double, double?> Value)[]
            {
                (new WorkItems(), w => (w.Start, w.End), (amount, _) => amount),
                (new WorkMixShare(), w => (w.Start, w.End), (amount, total) => total > 0 ? amount / total : null),
                (new TrailingQuarterWorkMix(), w => (new TimeWindow(w.EndDay.AddMonths(-3), Granularity.Day, w.TimeZone).Start, w.End), (amount, total) => total > 0 ? amount / total : null),
            };
            foreach (var (signal, span, value) in signals)
            {
                var series = await signal.ComputeAsync(request, default);
                series.Should().Equal(FormerWorkMixSeries(signal, request, former, span, value), $"{signal.Name} {Describe(request)}");
            }
        }
    }

    [Fact]
    public async Task PostmortemData_SimulatedOrganisation_GivesTheFormerCasesAndActions()
    {
        foreach (var request in Requests())
        {
            var (cases, actions) = await PostmortemData.LoadAsync(request, default);
            var (formerCases, formerActions) = await FormerPostmortems(request);

            cases.Should().Equal(formerCases, Describe(request));
            actions.Select(a => (a.CreatedAt, a.Category, a.ResolvedAt, a.UpdatedAt, a.Team.Id))
                .Should().Equal(formerActions.Select(a => (a.Ticket.CreatedAt, a.Ticket.Category, a.Ticket.ResolvedAt, a.Ticket.UpdatedAt, a.Team.Id)), Describe(request));
            formerCases.Should().HaveCountGreaterThan(3, Describe(request));
        }

        (await FormerPostmortems(Requests().First())).Actions.Should().HaveCountGreaterThan(3);
    }

    [Fact]
    public async Task Interruptions_SimulatedOrganisation_CountTheFormerUnplannedTickets()
    {
        foreach (var request in Requests())
        {
            var interruptions = await Analytics.Signals.Interruptions.Interruptions.ComputeAsync(request, InterruptionOptions.Default, default);
            var former = await FormerUnplannedTickets(request, InterruptionOptions.Default);

            Describe(interruptions.UnplannedTickets).Should().Equal(Describe(former), Describe(request));
            former.Values.Sum(perPerson => perPerson.Values.Sum(v => Enumerable.Range(0, v.Windows.Count).Sum(v.CountIn))).Should().BeGreaterThan(10, Describe(request));
        }
    }

    private IEnumerable<SignalRequest> Requests()
    {
        var people = IdentityResolver.Resolve(Organisation.Identities, Organisation.Teams.SelectMany(t => t.Members), []);
        var teams = Organisation.Teams;
        yield return new SignalRequest(_store, teams, people, Organisation.Options.Start, End, Granularity.Week);
        yield return new SignalRequest(_store, [teams[1], teams[2]], people, End.AddDays(-120), End, Granularity.Month);
        yield return new SignalRequest(_store, teams, people, Organisation.Options.Start, End, Granularity.Quarter);
        yield return new SignalRequest(_store, teams, people, End.AddDays(-28), End, Granularity.Week);
    }

    private static string Describe(SignalRequest request) =>
        FormattableString.Invariant($"{string.Join(",", request.Teams.Select(t => t.Id))} {request.From:O}..{request.To:O} {request.Granularity}");

    private static IEnumerable<string> Describe(IReadOnlyDictionary<string, SortedDictionary<string, WindowedValues>> perTeam) =>
        perTeam.OrderBy(t => t.Key, StringComparer.Ordinal).SelectMany(team => team.Value.Select(person =>
            $"{team.Key} {person.Key}: {string.Join(",", Enumerable.Range(0, person.Value.Windows.Count).Select(person.Value.CountIn))}"));

    /// <summary>TicketData before the rework: tickets and transitions read as records.</summary>
    private static async Task<IReadOnlyList<TicketLife>> FormerTicketLives(SignalRequest request, IReadOnlySet<string> blocked)
    {
        var membership = new TeamMembership(request);
        var tickets = new Dictionary<(string Source, string Key), (Ticket Ticket, Team Team)>();
        await foreach (var ticket in request.Store.ReadAsync(Entities.Tickets, null, default))
        {
            if (membership.TeamOf(ticket.Source, ticket.Assignee) is { } team)
            {
                tickets[(ticket.Source, ticket.Key)] = (ticket, team);
            }
        }

        var transitions = new Dictionary<(string Source, string Key), List<TicketTransition>>();
        await foreach (var transition in request.Store.ReadAsync(Entities.TicketTransitions, null, default))
        {
            var key = (transition.Source, transition.TicketKey);
            if (tickets.ContainsKey(key))
            {
                (transitions.TryGetValue(key, out var list) ? list : transitions[key] = []).Add(transition);
            }
        }

        return tickets
            .Select(entry => TicketHistory.Trace(entry.Value.Ticket, entry.Value.Team, transitions.GetValueOrDefault(entry.Key, []), blocked))
            .ToList();
    }

    /// <summary>tickets.blocked_share before the rework: every ticket filtered for every team and window.</summary>
    private static List<Series.Series> FormerBlockedShare(SignalRequest request, IReadOnlyList<TicketLife> all)
    {
        var lives = all.Where(l => l.CycleTime is not null).ToList();
        return request.Teams.Select(team =>
        {
            var points = WindowedValues.ForTeam(request, team).Windows.Select(window =>
            {
                var resolved = lives.Where(l => l.Team.Id == team.Id && window.Contains(l.ResolvedAt!.Value)).ToList();
                var cycle = resolved.Sum(l => l.CycleTime!.Value.TotalSeconds);
                var blocked = resolved.Sum(l => l.Blocked.TotalSeconds);
                return new SeriesPoint(window, cycle > 0 ? blocked / cycle : null, resolved.Count);
            });
            return new Series.Series("tickets.blocked_share", Labels.Of(new Label("team", team.Id)), SignalUnit.Ratio, ValueList.From(points));
        }).ToList();
    }

    /// <summary>commitment.forecast_ratio before the rework: every ticket counted for every team and window.</summary>
    private static List<Series.Series> FormerForecastRatio(SignalRequest request, IReadOnlyList<TicketLife> lives, HashSet<string> sprintTeams)
    {
        var result = new List<Series.Series>();
        foreach (var team in request.Teams.Where(t => !sprintTeams.Contains(t.Id)))
        {
            var windows = TimeWindow.Covering(request.From, request.To, request.Granularity, team.TimeZone).ToList();
            var earlier = new List<TimeWindow>();
            for (var (first, i) = (windows[0], 0); i < ForecastRatio.History; i++)
            {
                first = TimeWindow.Containing(first.Start.AddTicks(-1), request.Granularity, team.TimeZone);
                earlier.Insert(0, first);
            }

            var all = earlier.Concat(windows).ToList();
            var resolved = all.Select(w => lives.Count(l => l.Team.Id == team.Id && l.ResolvedAt is { } r && w.Contains(r))).ToList();
            var points = windows.Select((w, i) =>
            {
                var forecast = resolved.Skip(i).Take(ForecastRatio.History).Average();
                var actual = resolved[i + ForecastRatio.History];
                return new SeriesPoint(w, forecast > 0 ? actual / forecast : null, actual);
            });
            result.Add(new Series.Series("commitment.forecast_ratio", Labels.Of(new Label("team", team.Id)), SignalUnit.Ratio, ValueList.From(points)));
        }

        return result;
    }

    /// <summary>SprintData before the rework: every ticket scanned for every sprint.</summary>
    private static async Task<IReadOnlyList<SprintOutcome>> FormerSprintOutcomes(SignalRequest request, IReadOnlyList<TicketLife> ticketLives)
    {
        var asOf = DateTimeOffset.MaxValue;
        var sprints = new List<Sprint>();
        await foreach (var sprint in request.Store.ReadAsync(Entities.Sprints, null, default))
        {
            sprints.Add(sprint);
        }

        var lives = ticketLives.ToDictionary(l => (l.Ticket.Source, l.Ticket.Key));
        var changes = new Dictionary<(string Source, string SprintId), List<SprintChange>>();
        await foreach (var change in request.Store.ReadAsync(Entities.SprintChanges, null, default))
        {
            if (lives.ContainsKey((change.Source, change.TicketKey)))
            {
                var key = (change.Source, change.SprintId);
                (changes.TryGetValue(key, out var list) ? list : changes[key] = []).Add(change);
            }
        }

        var outcomes = new List<SprintOutcome>();
        foreach (var sprint in sprints)
        {
            if (sprint.StartAt is not { } start || (sprint.CompletedAt ?? sprint.EndAt) is not { } end || end > asOf)
            {
                continue;
            }

            var intervals = new Dictionary<(string Source, string Key), List<(DateTimeOffset In, DateTimeOffset Out)>>();
            foreach (var group in changes.GetValueOrDefault((sprint.Source, sprint.SourceId), []).GroupBy(c => (c.Source, c.TicketKey)))
            {
                var list = new List<(DateTimeOffset, DateTimeOffset)>();
                DateTimeOffset? since = null;
                foreach (var change in group.OrderBy(c => c.At).ThenBy(c => c.Kind))
                {
                    if (change.Kind == SprintChangeKind.Added)
                    {
                        since ??= change.At;
                    }
                    else if (since is { } from)
                    {
                        list.Add((from, change.At));
                        since = null;
                    }
                }

                if (since is { } open)
                {
                    list.Add((open, DateTimeOffset.MaxValue));
                }

                intervals[group.Key] = list;
            }

            foreach (var life in lives.Values)
            {
                if (life.Ticket.Source == sprint.Source && life.Ticket.Sprint == sprint.Name && !intervals.ContainsKey((life.Ticket.Source, life.Ticket.Key)))
                {
                    intervals[(life.Ticket.Source, life.Ticket.Key)] = [(life.Ticket.CreatedAt, DateTimeOffset.MaxValue)];
                }
            }

            var members = intervals.Select(i => (Life: lives[i.Key], Spans: i.Value)).ToList();
            var team = members.GroupBy(m => m.Life.Team.Id).OrderByDescending(g => g.Count()).ThenBy(g => request.Teams.ToList().FindIndex(t => t.Id == g.Key)).FirstOrDefault()?.First().Life.Team;
            if (team is null)
            {
                continue;
            }

            bool InAt(List<(DateTimeOffset In, DateTimeOffset Out)> spans, DateTimeOffset at) => spans.Exists(s => s.In <= at && at < s.Out);
            var committed = members.Where(m => InAt(m.Spans, start)).ToList();
            var atEnd = members.Where(m => InAt(m.Spans, end)).ToList();
            var added = members.Where(m => !InAt(m.Spans, start) && m.Spans.Exists(s => s.In > start && s.In < end)).ToList();
            bool Done((TicketLife Life, List<(DateTimeOffset, DateTimeOffset)> Spans) m) => m.Life.ResolvedAt is { } r && r <= end;

            outcomes.Add(new SprintOutcome(
                sprint,
                team,
                end,
                Sum(committed.Select(m => m.Life)),
                Sum(committed.Where(m => InAt(m.Spans, end) && Done(m)).Select(m => m.Life)),
                Sum(added.Select(m => m.Life)),
                Sum(atEnd.Where(m => !Done(m)).Select(m => m.Life))));
        }

        return outcomes.OrderBy(o => o.EndedAt).ToList();

        static (int Count, double Points) Sum(IEnumerable<TicketLife> lives)
        {
            var list = lives.ToList();
            return (list.Count, list.Sum(l => l.Ticket.StoryPoints ?? 0));
        }
    }

    /// <summary>WorkMixData before the rework: tickets and pull requests read as records.</summary>
    private static async Task<IReadOnlyList<WorkItem>> FormerWorkItems(SignalRequest request)
    {
        var items = new List<WorkItem>();
        var tickets = new Dictionary<string, Ticket>(StringComparer.Ordinal);
        await foreach (var ticket in request.Store.ReadAsync(Entities.Tickets, null, default))
        {
            tickets.TryAdd(ticket.Key, ticket);
        }

        foreach (var life in await FormerTicketLives(request, BlockedStatuses.ToSet(null)))
        {
            if (life.ResolvedAt is not { } resolved)
            {
                continue;
            }

            var type = life.Team.WorkTypes.Classify(life.Ticket.Type, life.Ticket.Labels, life.Ticket.Components);
            items.Add(new WorkItem(life.Team, type, WorkMeasure.Tickets, resolved, 1));
            if (life.Ticket.StoryPoints is { } points and > 0)
            {
                items.Add(new WorkItem(life.Team, type, WorkMeasure.Points, resolved, points));
            }
        }

        var span = RequestSpan.Of(request);
        var mergedInSpan = StoreQuery.All.Since("merged_at", span.Start.AddMonths(-3).AddDays(-2)).Before("merged_at", span.End);
        await foreach (var pull in request.Store.ReadAsync(Entities.PullRequests, mergedInSpan, default))
        {
            if (pull.State != PullRequestState.Merged || pull.MergedAt is not { } merged || request.OwnerOf(pull.Repository) is not { } team)
            {
                continue;
            }

            var linked = TicketReferences.In(pull.Title, pull.HeadRef).Select(k => tickets.GetValueOrDefault(k)).FirstOrDefault(t => t is not null);
            var type = linked is not null
                ? team.WorkTypes.Classify(linked.Type, linked.Labels, linked.Components)
                : team.WorkTypes.Classify("", pull.Labels, []);
            items.Add(new WorkItem(team, type, WorkMeasure.PullRequests, merged, 1));
        }

        return items;
    }

    /// <summary>WorkMixSeries.Compute before the rework: every item filtered for every team and measure.</summary>
    private static List<Series.Series> FormerWorkMixSeries(
        ISignal signal,
        SignalRequest request,
        IReadOnlyList<WorkItem> items,
        Func<TimeWindow, (DateTimeOffset From, DateTimeOffset To)> span,
        Func<double, double, double?> value)
    {
        var result = new List<Series.Series>();
        foreach (var team in request.Teams)
        {
            var windows = TimeWindow.Covering(request.From, request.To, request.Granularity, team.TimeZone).ToList();
            foreach (var measure in WorkMeasure.All)
            {
                var mine = items.Where(i => i.Team.Id == team.Id && i.Measure == measure).ToList();
                var inSpans = windows.Select(window =>
                {
                    var (from, to) = span(window);
                    return mine.Where(i => i.At >= from && i.At < to).ToList();
                }).ToList();
                foreach (var type in Enum.GetValues<WorkType>())
                {
                    var points = windows.Select((window, w) =>
                    {
                        var inSpan = inSpans[w];
                        var amount = inSpan.Where(i => i.Type == type).Sum(i => i.Amount);
                        return new SeriesPoint(window, value(amount, inSpan.Sum(i => i.Amount)), inSpan.Count);
                    });
                    var labels = Labels.Of(new Label("team", team.Id), new Label("type", WorkTypeMapping.NameOf(type)), new Label("measure", measure));
                    result.Add(new Series.Series(signal.Name, labels, signal.Unit, ValueList.From(points)));
                }
            }
        }

        return result;
    }

    /// <summary>PostmortemData before the rework: tickets read as records, action items holding them.</summary>
    private static async Task<(List<PostmortemCase> Cases, List<(Ticket Ticket, Team Team)> Actions)> FormerPostmortems(SignalRequest request)
    {
        var incidents = new Dictionary<string, (Domain.Incidents.Incident Incident, Team Team)>(StringComparer.OrdinalIgnoreCase);
        await foreach (var incident in request.Store.ReadAsync(Entities.Incidents, null, default))
        {
            if (request.TeamOfService(incident.Service) is { } team)
            {
                incidents.TryAdd(incident.SourceId, (incident, team));
            }
        }

        var separators = new[] { ' ', '\t', ',', ';', ':', '(', ')', '[', ']', '{', '}', '/', '#', '.', '"', '\'' };
        IEnumerable<string> Mentions(Ticket ticket)
        {
            foreach (var text in ticket.Labels.Prepend(ticket.Title))
            {
                foreach (var word in text.Split(separators, StringSplitOptions.RemoveEmptyEntries))
                {
                    yield return word;
                    foreach (var part in word.Split('-', StringSplitOptions.RemoveEmptyEntries))
                    {
                        yield return part;
                    }
                }
            }
        }

        static bool Contains(IEnumerable<string> values, string value) =>
            values.Any(v => string.Equals(v.Trim(), value.Trim(), StringComparison.OrdinalIgnoreCase));

        var postmortemTickets = new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
        var actions = new List<(Ticket Ticket, Team Team)>();
        await foreach (var ticket in request.Store.ReadAsync(Entities.Tickets, null, default))
        {
            foreach (var id in Mentions(ticket).Where(incidents.ContainsKey).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var (_, team) = incidents[id];
                var policy = team.Postmortems;
                if (ticket.Labels.Any(l => Contains(policy.TicketLabels, l)) || Contains(policy.TicketTypes, ticket.Type))
                {
                    postmortemTickets[id] = postmortemTickets.TryGetValue(id, out var seen) && seen < ticket.CreatedAt ? seen : ticket.CreatedAt;
                }
                else if (ticket.Labels.Any(l => Contains(policy.ActionLabels, l)))
                {
                    actions.Add((ticket, team));
                }
            }
        }

        var cases = new List<PostmortemCase>();
        foreach (var (incident, team) in incidents.Values)
        {
            if (incident.ResolvedAt is not { } resolved || !team.Postmortems.Requires(incident.Severity))
            {
                continue;
            }

            DateTimeOffset? document = incident.PostmortemAt ?? (incident.PostmortemUrl is not null ? resolved : null);
            DateTimeOffset? ticketAt = postmortemTickets.TryGetValue(incident.SourceId, out var at) ? at : null;
            var done = document is { } d && (ticketAt is not { } t || d <= t) ? document : ticketAt;
            cases.Add(new PostmortemCase(incident, team, BusinessDays.Deadline(resolved, team.Postmortems.BusinessDays, team.TimeZone), done));
        }

        return (cases, actions);
    }

    /// <summary>The interruptions' unplanned tickets before the rework: tickets read as records.</summary>
    private static async Task<Dictionary<string, SortedDictionary<string, WindowedValues>>> FormerUnplannedTickets(SignalRequest request, InterruptionOptions options)
    {
        var membership = new TeamMembership(request);
        var tickets = request.Teams.ToDictionary(
            t => t.Id,
            t => new SortedDictionary<string, WindowedValues>(membership.MembersOf(t).ToDictionary(m => m, _ => WindowedValues.ForTeam(request, t)), StringComparer.Ordinal));
        await foreach (var ticket in request.Store.ReadAsync(Entities.Tickets, null, default))
        {
            if (options.IsUnplanned(ticket.Type, ticket.Labels) && membership.TeamOf(ticket.Source, ticket.Assignee) is { } team)
            {
                var person = membership.PersonOf(ticket.Source, ticket.Assignee!).Key;
                var perPerson = tickets[team.Id];
                if (!perPerson.TryGetValue(person, out var values))
                {
                    perPerson[person] = values = WindowedValues.ForTeam(request, team);
                }

                values.Add(ticket.CreatedAt, 1);
            }
        }

        return tickets;
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteTicketFamilyLoadsTests() : TicketFamilyLoadsTests(StoreKind.Sqlite);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresTicketFamilyLoadsTests() : TicketFamilyLoadsTests(StoreKind.Postgres);
