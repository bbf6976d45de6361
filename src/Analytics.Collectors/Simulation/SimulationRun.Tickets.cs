using System.Globalization;
using Analytics.Domain.Common;
using Analytics.Domain.Work;

namespace Analytics.Collectors.Simulation;

/// <summary>Tickets in two-week sprints with their full status history.</summary>
internal sealed partial class SimulationRun
{
    private const string ToDo = "To Do";
    private const string InProgress = "In Progress";
    private const string InReview = "In Review";
    private const string Done = "Done";

    private static readonly double[] StoryPointWeights = [0.15, 0.25, 0.25, 0.2, 0.1, 0.05];
    private static readonly double[] StoryPoints = [1, 2, 3, 5, 8, 13];
    private static readonly string[] Priorities = ["Highest", "High", "Medium", "Low"];
    private static readonly string[] TicketLabels = ["tech-debt", "customer", "security", "performance"];

    private void CreateTickets()
    {
        var firstDay = DateOnly.FromDateTime(_start.UtcDateTime);
        var sprintEpoch = firstDay.AddDays(-(((int)firstDay.DayOfWeek + 6) % 7)); // the Monday on or before the start
        foreach (var team in _teams)
        {
            var project = team.Blueprint.JiraProject;
            var nextKey = _random.Next(800, 3000);
            var firstSprint = _random.Next(20, 60);
            foreach (var day in Days())
            {
                var factor = WorkCalendar.IsHoliday(day) ? 0.2 : WorkCalendar.IsWorkday(day) ? 1.0 : 0.0;
                var people = team.ActiveAt(team.Calendar.At(day, TimeSpan.FromHours(9)));
                var count = _random.Poisson(people.Count * 0.28 * factor * _options.Scale);
                for (var i = 0; i < count; i++)
                {
                    var createdAt = team.Calendar.RandomWorkingInstant(day, _random);
                    if (createdAt < _start || createdAt > _end)
                    {
                        continue;
                    }

                    var key = string.Create(CultureInfo.InvariantCulture, $"{project}-{nextKey++}");
                    string Sprint(DateTimeOffset at) => string.Create(
                        CultureInfo.InvariantCulture,
                        $"{project} Sprint {firstSprint + ((DateOnly.FromDateTime(at.UtcDateTime).DayNumber - sprintEpoch.DayNumber) / 14)}");
                    CreateTicket(team, people, key, createdAt, Sprint);
                }
            }
        }
    }

    private void CreateTicket(SimTeam team, List<SimPerson> people, string key, DateTimeOffset createdAt, Func<DateTimeOffset, string> sprintOf)
    {
        var calendar = team.Calendar;
        var reporter = _random.Pick(people);
        var typeRoll = _random.NextDouble();
        var type = typeRoll < 0.5 ? "Story" : typeRoll < 0.75 ? "Task" : "Bug";
        var component = _random.Pick(_random.Pick(team.Repositories).Blueprint.Components);
        var title = type == "Bug"
            ? $"{Naming.Pascal(component)}: {_random.Pick(Naming.BugSymptoms)}"
            : $"{_random.Pick(Naming.ChangeVerbs)} {_random.Pick(Naming.ChangeThings)} for {component}";
        double? points = type switch
        {
            "Story" => StoryPoints[_random.PickWeighted(StoryPointWeights)],
            "Task" => _random.Chance(0.7) ? StoryPoints[_random.Next(3)] : null,
            _ => _random.Chance(0.4) ? StoryPoints[_random.Next(3)] : null,
        };
        var priority = type == "Bug" ? Priorities[_random.PickWeighted([0.1, 0.3, 0.45, 0.15])] : Priorities[_random.PickWeighted([0.02, 0.18, 0.6, 0.2])];
        var labels = _random.Chance(0.25) ? ValueList.Of(_random.Pick(TicketLabels)) : ValueList<string>.Empty;

        // The life of the ticket: (when, status, who).
        var history = new List<(DateTimeOffset At, string Status, SimPerson Author)> { (createdAt, ToDo, reporter) };
        SimPerson? assignee = null;
        if (!_random.Chance(0.15))
        {
            var urgent = priority is "Highest" or "High";
            var startAt = calendar.AddWorkingTime(createdAt, _random.LogNormal(TimeSpan.FromHours(urgent ? 9 : 54), 0.9));
            var candidates = people.FindAll(p => p.IsActive(startAt));
            if (candidates.Count > 0)
            {
                assignee = _random.Pick(candidates);
                var size = points ?? 2;
                var t = startAt;
                history.Add((t, InProgress, assignee));
                t = calendar.AddWorkingTime(t, _random.LogNormal(TimeSpan.FromHours(7 * size), 0.7));
                history.Add((t, InReview, assignee));
                if (_random.Chance(0.2))
                {
                    t = calendar.AddWorkingTime(t, _random.LogNormal(TimeSpan.FromHours(3), 0.8));
                    history.Add((t, InProgress, assignee));
                    t = calendar.AddWorkingTime(t, _random.LogNormal(TimeSpan.FromHours(9), 0.8));
                    history.Add((t, InReview, assignee));
                }

                t = calendar.AddWorkingTime(t, _random.LogNormal(TimeSpan.FromHours(4), 0.8));
                history.Add((t, Done, assignee));
            }
        }

        history.RemoveAll(h => h.At > _end);
        string? from = null;
        foreach (var (at, status, author) in history)
        {
            var who = author.IsActive(at) ? author : reporter.IsActive(at) ? reporter : team.ActiveAt(at)[0];
            _transitions.Add(new TicketTransition(Jira, key, Id(_nextChangeId++), at, from, status, from is null ? null : CategoryOf(from), CategoryOf(status), who.JiraId));
            from = status;
        }

        var last = history[^1];
        var started = history.Count > 1 ? history[1].At : (DateTimeOffset?)null;
        _tickets.Add(new Ticket(
            Jira,
            key,
            team.Blueprint.JiraProject,
            type,
            title,
            last.Status,
            CategoryOf(last.Status),
            createdAt,
            last.At,
            last.Status == Done ? last.At : null,
            points,
            started is { } s ? sprintOf(s) : null,
            started is null ? null : assignee?.JiraId,
            reporter.JiraId,
            priority,
            null,
            labels));
    }

    private static StatusCategory CategoryOf(string status) => status switch
    {
        ToDo => StatusCategory.ToDo,
        Done => StatusCategory.Done,
        _ => StatusCategory.InProgress,
    };
}
