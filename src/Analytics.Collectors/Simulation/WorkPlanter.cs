using System.Globalization;
using Analytics.Domain.Common;
using Analytics.Domain.Incidents;
using Analytics.Domain.People;
using Analytics.Domain.Work;

namespace Analytics.Collectors.Simulation;

/// <summary>
/// Plants what the work-mix, commitment and postmortem signals should find, over a generated organisation, with its own
/// seeded random source so the rest of the simulation is unchanged:
/// <list type="bullet">
/// <item><see cref="NoTechDebtTeam"/> never labels anything tech-debt; the other teams label some tasks tech-debt or
/// chore; <see cref="Blueprint.IncidentRiseTeam"/>'s unplanned share rises through the year.</item>
/// <item>Two-week sprints with membership history for every team but <see cref="KanbanTeam"/>, which works without
/// sprints; <see cref="ScopeCreepTeam"/> pulls much of its scope in after sprints start. Unfinished tickets carry over.</item>
/// <item>Postmortems for SEV1 and SEV2 incidents: <see cref="DocumentTeam"/> links documents to the incident, the others
/// write postmortem tickets with action items; <see cref="Blueprint.IncidentRiseTeam"/> skips or delays many.</item>
/// <item>Pull requests whose title names the ticket they finish.</item>
/// </list>
/// </summary>
internal static class WorkPlanter
{
    /// <summary>The team that never does technical-debt work.</summary>
    public const string NoTechDebtTeam = "platform";

    /// <summary>The team without sprints (forecast instead).</summary>
    public const string KanbanTeam = "data";

    /// <summary>The team whose sprints grow after they start.</summary>
    public const string ScopeCreepTeam = "payments";

    /// <summary>The team that links postmortem documents to incidents instead of writing tickets.</summary>
    public const string DocumentTeam = "payments";

    private const string Jira = "jira";

    public static SimulatedOrganisation Plant(SimulatedOrganisation organisation)
    {
        var random = new SimRandom(organisation.Options.Seed ^ 0x5EED_0A11);
        var context = new Context(organisation, random);
        var tickets = organisation.Tickets.Select(context.Relabel).ToList();
        var (sprints, changes, planned) = context.PlanSprints(tickets);
        var (incidents, extraTickets, extraTransitions) = context.PlantPostmortems();
        var pulls = context.LinkPullRequests(planned);
        return organisation with
        {
            Tickets = ValueList.From(planned.Concat(extraTickets)),
            TicketTransitions = ValueList.From(organisation.TicketTransitions.Concat(extraTransitions)),
            Incidents = ValueList.From(incidents),
            PullRequests = ValueList.From(pulls),
            Sprints = ValueList.From(sprints),
            SprintChanges = ValueList.From(changes),
        };
    }

    /// <summary>One planting: the organisation, its random source and lookups.</summary>
    private sealed class Context(SimulatedOrganisation organisation, SimRandom random)
    {
        private readonly Dictionary<string, TeamBlueprint> _byProject = Blueprint.Teams.ToDictionary(t => t.JiraProject, StringComparer.Ordinal);
        private readonly Dictionary<string, TeamBlueprint> _byId = Blueprint.Teams.ToDictionary(t => t.Id, StringComparer.Ordinal);
        private readonly DateTimeOffset _start = organisation.Options.Start;
        private readonly DateTimeOffset _end = organisation.Options.End.ToUniversalTime();

        public Ticket Relabel(Ticket ticket)
        {
            var team = _byProject[ticket.Project].Id;
            var labels = ticket.Labels.ToList();
            if (team == NoTechDebtTeam)
            {
                labels.RemoveAll(l => l == "tech-debt");
            }
            else if (ticket.Type == "Task" && random.Chance(0.3))
            {
                labels.Add(random.Chance(0.5) ? "tech-debt" : "chore");
            }

            // Unplanned work: about 8% everywhere; in the rising team, growing from that to about 40% over the year.
            var progress = Math.Clamp((ticket.CreatedAt - _start).TotalDays / Math.Max(1, (_end - _start).TotalDays), 0, 1);
            var unplanned = team == Blueprint.IncidentRiseTeam ? 0.08 + (0.32 * progress * progress) : 0.08;
            if (ticket.Type != "Bug" && !labels.Contains("tech-debt") && random.Chance(unplanned))
            {
                labels.Add("unplanned");
            }

            return ticket with { Labels = ValueList.From(labels) };
        }

        public (List<Sprint> Sprints, List<SprintChange> Changes, List<Ticket> Tickets) PlanSprints(List<Ticket> tickets)
        {
            var sprints = new Dictionary<string, Sprint>(StringComparer.Ordinal);
            var changes = new List<SprintChange>();
            var result = new List<Ticket>();
            var firstDay = DateOnly.FromDateTime(_start.UtcDateTime);
            var epoch = firstDay.AddDays(-(((int)firstDay.DayOfWeek + 6) % 7));
            var starts = organisation.TicketTransitions.Where(t => t.ToCategory == StatusCategory.InProgress)
                .GroupBy(t => t.TicketKey).ToDictionary(g => g.Key, g => g.Min(t => t.At), StringComparer.Ordinal);
            var changeId = 900_000L;
            foreach (var ticket in tickets)
            {
                var blueprint = _byProject[ticket.Project];
                if (ticket.Sprint is null || !starts.TryGetValue(ticket.Key, out var startedAt))
                {
                    result.Add(ticket);
                    continue;
                }

                if (blueprint.Id == KanbanTeam)
                {
                    result.Add(ticket with { Sprint = null });
                    continue;
                }

                // The simulator names the sprint in which work started: number n = first + (day - epoch) / 14.
                var index = (DateOnly.FromDateTime(startedAt.UtcDateTime).DayNumber - epoch.DayNumber) / 14;
                var number = int.Parse(ticket.Sprint[(ticket.Sprint.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
                var sprint = SprintOf(sprints, blueprint, epoch, index, number);
                var sprintStart = sprint.StartAt!.Value;
                DateTimeOffset addedAt;
                if (ticket.CreatedAt >= sprintStart)
                {
                    addedAt = ticket.CreatedAt; // created during the sprint: scope added
                }
                else if (blueprint.Id == ScopeCreepTeam && random.Chance(0.45) && startedAt > sprintStart)
                {
                    addedAt = sprintStart + TimeSpan.FromTicks((long)((startedAt - sprintStart).Ticks * random.Uniform(0.2, 0.9)));
                }
                else
                {
                    addedAt = sprintStart.AddHours(-1); // planned in
                }

                var current = sprint;
                if (addedAt <= _end)
                {
                    changes.Add(new SprintChange(Jira, ticket.Key, Id(changeId++), sprint.SourceId, addedAt, SprintChangeKind.Added));
                }

                // Unfinished at the sprint's close: carried into the next sprints until done.
                for (var next = 1; current.CompletedAt is { } closed && (ticket.ResolvedAt is null || ticket.ResolvedAt > closed) && next < 10; next++)
                {
                    current = SprintOf(sprints, blueprint, epoch, index + next, number + next);
                    if (current.StartAt!.Value.AddHours(-1) > _end)
                    {
                        break;
                    }

                    changes.Add(new SprintChange(Jira, ticket.Key, Id(changeId++), current.SourceId, current.StartAt!.Value.AddHours(-1), SprintChangeKind.Added));
                }

                result.Add(ticket with { Sprint = current.Name });
            }

            return (sprints.Values.Where(s => s.StartAt <= _end).OrderBy(s => s.StartAt).ThenBy(s => s.Board, StringComparer.Ordinal).ToList(), changes, result);
        }

        private Sprint SprintOf(Dictionary<string, Sprint> sprints, TeamBlueprint team, DateOnly epoch, int index, int number)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{team.JiraProject} Sprint {number}");
            if (!sprints.TryGetValue(name, out var sprint))
            {
                // Monday 09:00 local to Friday of the next week 17:00 local (in the team's zone, as the simulator's calendar).
                var calendar = new WorkCalendar(team.TimeZone);
                var monday = epoch.AddDays(14 * index);
                var start = calendar.At(monday, TimeSpan.FromHours(9));
                var completed = calendar.At(monday.AddDays(11), TimeSpan.FromHours(17));
                sprints[name] = sprint = new Sprint(Jira, string.Create(CultureInfo.InvariantCulture, $"{team.JiraProject}-{number}"), name, team.JiraProject + " board",
                    start, calendar.At(monday.AddDays(14), TimeSpan.FromHours(9)), completed <= _end ? completed : null);
            }

            return sprint;
        }

        public (List<Incident> Incidents, List<Ticket> Tickets, List<TicketTransition> Transitions) PlantPostmortems()
        {
            var incidents = new List<Incident>();
            var tickets = new List<Ticket>();
            var transitions = new List<TicketTransition>();
            var nextKey = 90_000;
            var changeId = 950_000L;
            foreach (var incident in organisation.Incidents)
            {
                var team = organisation.Teams.FirstOrDefault(t => t.Services.Contains(incident.Service));
                if (team is null || incident.ResolvedAt is not { } resolved || incident.Severity is not ("SEV1" or "SEV2"))
                {
                    incidents.Add(incident);
                    continue;
                }

                var blueprint = _byId[team.Id];
                var sloppy = team.Id == Blueprint.IncidentRiseTeam;
                if (sloppy && random.Chance(0.35))
                {
                    incidents.Add(incident); // never written
                    continue;
                }

                var delay = TimeSpan.FromDays(sloppy && random.Chance(0.5) ? random.Uniform(7, 20) : random.Uniform(0.5, 5));
                var writtenAt = resolved + delay;
                if (writtenAt > _end)
                {
                    incidents.Add(incident);
                    continue;
                }

                if (team.Id == DocumentTeam)
                {
                    incidents.Add(incident with { PostmortemUrl = $"https://wiki.{organisation.Options.Owner}.io/postmortems/{incident.SourceId}", PostmortemAt = writtenAt });
                    continue;
                }

                incidents.Add(incident);
                var people = JiraAccounts(team);
                var author = random.Pick(people);
                Add($"Postmortem: {incident.Title} ({incident.SourceId})", ["postmortem"], writtenAt, writtenAt.AddDays(random.Uniform(1, 3)), author);
                var actions = 1 + random.Next(3);
                for (var i = 0; i < actions; i++)
                {
                    var createdAt = writtenAt.AddHours(random.Uniform(1, 48));
                    var done = random.Chance(sloppy ? 0.4 : 0.75) ? createdAt.AddDays(random.LogNormal(10, 0.8)) : (DateTimeOffset?)null;
                    Add($"Follow-up for {incident.SourceId}: {random.Pick(Naming.ChangeVerbs)} {random.Pick(Naming.ChangeThings)}", ["postmortem-action"], createdAt, done, random.Pick(people));
                }

                void Add(string title, string[] labels, DateTimeOffset createdAt, DateTimeOffset? resolvedAt, string assignee)
                {
                    if (createdAt > _end)
                    {
                        return;
                    }

                    var key = string.Create(CultureInfo.InvariantCulture, $"{blueprint.JiraProject}-{nextKey++}");
                    var finished = resolvedAt is { } r && r <= _end ? r : (DateTimeOffset?)null;
                    transitions.Add(new TicketTransition(Jira, key, Id(changeId++), createdAt, null, "To Do", null, StatusCategory.ToDo, assignee));
                    if (finished is { } f)
                    {
                        // The simulator's workflow: every finished ticket passes review (To Do → In Progress → In Review → Done).
                        var startedAt = createdAt + ((f - createdAt) / 2);
                        var reviewAt = startedAt + ((f - startedAt) * 0.8);
                        transitions.Add(new TicketTransition(Jira, key, Id(changeId++), startedAt, "To Do", "In Progress", StatusCategory.ToDo, StatusCategory.InProgress, assignee));
                        transitions.Add(new TicketTransition(Jira, key, Id(changeId++), reviewAt, "In Progress", "In Review", StatusCategory.InProgress, StatusCategory.InProgress, assignee));
                        transitions.Add(new TicketTransition(Jira, key, Id(changeId++), f, "In Review", "Done", StatusCategory.InProgress, StatusCategory.Done, assignee));
                    }

                    tickets.Add(new Ticket(Jira, key, blueprint.JiraProject, "Task", title, finished is null ? "To Do" : "Done",
                        finished is null ? StatusCategory.ToDo : StatusCategory.Done, createdAt, finished ?? createdAt, finished, null, null,
                        assignee, assignee, "High", null, ValueList.From(labels)));
                }
            }

            return (incidents, tickets, transitions);
        }

        public List<Domain.Code.PullRequest> LinkPullRequests(List<Ticket> tickets)
        {
            // A member's merged pull request names a ticket they resolved within three days of the merge, most of the time.
            var jiraByLogin = organisation.Teams.SelectMany(t => t.Members)
                .Select(m => (GitHub: m.Accounts.FirstOrDefault(a => a.Source == "github").Account, Jira: m.Accounts.FirstOrDefault(a => a.Source == Jira).Account))
                .Where(x => x.GitHub is not null && x.Jira is not null)
                .ToDictionary(x => x.GitHub!, x => x.Jira!, StringComparer.Ordinal);
            var resolved = tickets.Where(t => t.ResolvedAt is not null && t.Assignee is not null)
                .GroupBy(t => t.Assignee!).ToDictionary(g => g.Key, g => g.OrderBy(t => t.ResolvedAt).ToList(), StringComparer.Ordinal);
            var used = new HashSet<string>(StringComparer.Ordinal);
            var result = new List<Domain.Code.PullRequest>();
            foreach (var pull in organisation.PullRequests)
            {
                if (pull.MergedAt is { } merged && jiraByLogin.TryGetValue(pull.Author, out var jira) && resolved.TryGetValue(jira, out var mine) && random.Chance(0.7))
                {
                    var ticket = mine.FirstOrDefault(t => !used.Contains(t.Key) && Math.Abs((t.ResolvedAt!.Value - merged).TotalDays) <= 3);
                    if (ticket is not null)
                    {
                        used.Add(ticket.Key);
                        result.Add(pull with { Title = $"{ticket.Key} {pull.Title}" });
                        continue;
                    }
                }

                result.Add(pull);
            }

            return result;
        }

        private static List<string> JiraAccounts(Team team) =>
            team.Members.SelectMany(m => m.Accounts).Where(a => a.Source == Jira).Select(a => a.Account).ToList();
    }

    private static string Id(long value) => value.ToString(CultureInfo.InvariantCulture);
}
