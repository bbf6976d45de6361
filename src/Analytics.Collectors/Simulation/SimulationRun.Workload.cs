using Analytics.Domain.Ci;
using Analytics.Domain.Code;
using Analytics.Domain.Common;
using Analytics.Domain.People;

namespace Analytics.Collectors.Simulation;

/// <summary>
/// Data for the CI-cost, off-hours and onboarding signals, planted after everything else with its own random source so
/// the rest of the organisation is unchanged: macOS runners in one repository, a team paged at night with two members who
/// commit late, and two joiners late in the history, one fast and one slow to their first merged pull request.
/// </summary>
internal sealed partial class SimulationRun
{
    private const string MacRepository = "mobile-app";
    private const string NightPagedTeam = "data";
    private static readonly string[] LateCommitters = ["vikram.singh", "meera.iyer"];

    // Joiners: team, name, login, days before the end they join, days to open and to merge their first pull request,
    // and days to their first review of someone else's.
    private static readonly (string Team, string Name, string Login, int JoinedDaysBeforeEnd, int OpenAfter, int MergeAfter, int ReviewAfter)[] Joiners =
    [
        ("platform", "Nadia Haddad", "nhaddad", 70, 1, 2, 3),
        ("payments", "Oliver Grant", "ogrant", 63, 9, 16, 20),
    ];

    private readonly List<(SimTeam Team, TeamMember Member)> _joiners = [];
    private WorkloadFacts? _workload;

    private WorkloadFacts PlantWorkload()
    {
        // One random source per kind of planting, so that how much one plants does not shift the others.
        RunOnMacOs();
        PageAtNight(new SimRandom(_options.Seed ^ 0x5EED_0011));
        CommitLate(new SimRandom(_options.Seed ^ 0x5EED_0012));
        var random = new SimRandom(_options.Seed ^ 0x5EED_0013);
        foreach (var joiner in Joiners)
        {
            AddJoiner(joiner, random);
        }

        return new WorkloadFacts(
            RepoName(MacRepository),
            NightPagedTeam,
            ValueList.From(LateCommitters),
            ValueList.From(_joiners.Select(j => (j.Team.Blueprint.Id, j.Member.Id, j.Member.Joined!.Value))));
    }

    /// <summary>The teams as configured, with the joiners added to theirs.</summary>
    private Team WithJoiners(Team team) => team with
    {
        Members = ValueList.From(team.Members.Concat(_joiners.Where(j => j.Team.Blueprint.Id == team.Id).Select(j => j.Member))),
    };

    private void RunOnMacOs()
    {
        var mac = ValueList.Of("macos-14");
        var repository = RepoName(MacRepository);
        for (var i = 0; i < _jobs.Count; i++)
        {
            if (_jobs[i].Repository == repository)
            {
                _jobs[i] = _jobs[i] with { RunnerLabels = mac };
            }
        }
    }

    private void PageAtNight(SimRandom random)
    {
        // Every other week, an incident between 01:00 and 05:00 local time: the team's on-call person is woken up.
        var team = _teams.First(t => t.Blueprint.Id == NightPagedTeam);
        for (var day = DateOnly.FromDateTime(_start.UtcDateTime).AddDays(3); team.Calendar.At(day, TimeSpan.Zero) < _end; day = day.AddDays(14))
        {
            var at = team.Calendar.At(day, TimeSpan.FromHours(random.Uniform(1, 5)));
            AddIncident(team, random.Pick(team.Repositories).Service, at, null);
        }
    }

    private void CommitLate(SimRandom random)
    {
        // Four in five of the late committers' commits were written the evening before (21:00–24:00) or on the Saturday before.
        var people = _teams.SelectMany(t => t.People).Where(p => LateCommitters.Contains(p.Id)).ToDictionary(p => p.Name);
        for (var i = 0; i < _commits.Count; i++)
        {
            var commit = _commits[i];
            if (!people.TryGetValue(commit.AuthorName, out var person) || !random.Chance(0.8))
            {
                continue;
            }

            var date = person.Calendar.LocalDate(commit.AuthoredAt);
            var late = random.Chance(0.7)
                ? person.Calendar.At(date.AddDays(-1), TimeSpan.FromHours(random.Uniform(21, 24)))
                : person.Calendar.At(date.AddDays(-(((int)date.DayOfWeek + 1) % 7)), TimeSpan.FromHours(random.Uniform(10, 18)));
            if (late >= _start && late < commit.AuthoredAt)
            {
                _commits[i] = commit with { AuthoredAt = late };
            }
        }
    }

    private void AddJoiner((string Team, string Name, string Login, int JoinedDaysBeforeEnd, int OpenAfter, int MergeAfter, int ReviewAfter) joiner, SimRandom random)
    {
        var team = _teams.First(t => t.Blueprint.Id == joiner.Team);
        var local = joiner.Name.ToLowerInvariant().Replace(' ', '.');
        var joined = Workday(team.Calendar.LocalDate(_end.AddDays(-joiner.JoinedDaysBeforeEnd)));
        if (team.Calendar.At(joined, TimeSpan.Zero) < _start)
        {
            return; // a history too short for them: they joined before it starts
        }

        var person = new SimPerson
        {
            Id = local,
            Name = joiner.Name,
            Login = joiner.Login,
            WorkEmail = $"{local}@{_options.Owner}.io",
            Team = team,
            Calendar = team.Calendar,
            JiraId = random.Hex(24),
            PagerDutyId = "P" + random.Alphanumeric(6),
        };
        AddIdentities(person, null);
        _joiners.Add((team, new TeamMember(person.Id, person.Name, AccountsOf(person)) { Joined = joined }));

        // The first pull request, then one a week until the end.
        var repo = team.Repositories[0];
        var opened = team.Calendar.At(Workday(joined.AddDays(joiner.OpenAfter)), TimeSpan.FromHours(11));
        var merged = team.Calendar.At(Workday(joined.AddDays(joiner.MergeAfter)), TimeSpan.FromHours(15));
        for (var week = 1; merged < _end; week++)
        {
            var number = repo.NextNumber++;
            var sha = random.Sha();
            _pullRequests.Add(new PullRequest(
                GitHub, $"{repo.FullName}#{number}", repo.FullName, number, $"Onboarding task {number}", PullRequestState.Merged, false,
                person.Login, opened, merged, merged, merged, "main", $"{person.Login}/task-{number}", 40, 10, 2, ValueList<string>.Empty, sha));
            _commits.Add(new Commit(
                Git, repo.FullName, sha, person.Name, person.WorkEmail, merged, "GitHub", "noreply@github.com", merged, 1, 40, 10,
                $"Onboarding task {number} (#{number})"));
            // Later ones: opened on the first working day a week after the first merge, merged the next working day.
            var next = Workday(joined.AddDays(joiner.MergeAfter + (7 * week)));
            opened = team.Calendar.At(next, TimeSpan.FromHours(10));
            merged = team.Calendar.At(Workday(next.AddDays(1)), TimeSpan.FromHours(15));
        }

        // The first review given, on a teammate's pull request open at that time.
        var reviewAt = team.Calendar.At(joined.AddDays(joiner.ReviewAfter), TimeSpan.FromHours(14));
        var open = _pullRequests.FirstOrDefault(pr => pr.Repository == repo.FullName && pr.Author != person.Login
            && pr.CreatedAt < reviewAt && (pr.ClosedAt is null || pr.ClosedAt > reviewAt));
        if (open is not null)
        {
            _reviews.Add(new Review(GitHub, Id(_nextReviewId++), open.SourceId, person.Login, ReviewState.Commented, reviewAt));
        }
    }

    private static DateOnly Workday(DateOnly date)
    {
        while (!WorkCalendar.IsWorkday(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }
}
