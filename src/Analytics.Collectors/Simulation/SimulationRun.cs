using System.Globalization;
using Analytics.Domain.Ci;
using Analytics.Domain.Code;
using Analytics.Domain.Common;
using Analytics.Domain.Delivery;
using Analytics.Domain.Incidents;
using Analytics.Domain.People;
using Analytics.Domain.Testing;
using Analytics.Domain.Work;

namespace Analytics.Collectors.Simulation;

/// <summary>
/// One generation of the simulated organisation. Every random choice comes from one seeded <see cref="SimRandom"/> in a
/// fixed order, so equal options give equal output. Split by concern into partial files.
/// </summary>
internal sealed partial class SimulationRun
{
    private const string GitHub = "github";
    private const string Git = "git";
    private const string Jira = "jira";
    private const string PagerDuty = "pagerduty";
    private const double SlowdownFactor = 1.5;

    private readonly SimulationOptions _options;
    private readonly SimRandom _random;
    private readonly DateTimeOffset _start;
    private readonly DateTimeOffset _end;
    private readonly DateTimeOffset _slowdownAt;
    private readonly DateTimeOffset _brokenFrom;
    private readonly DateTimeOffset _brokenUntil;
    private readonly DateTimeOffset _leftAt;
    private readonly DateTimeOffset _riseFrom;

    private readonly List<SimTeam> _teams = [];
    private readonly List<SimPerson> _bots = [];
    private readonly List<SimRepo> _repos = [];
    private readonly List<PullRequestPlan> _plans = [];
    private readonly List<(Deployment Deployment, SimRepo Repo)> _productionDeployments = [];

    private readonly List<Identity> _identities = [];
    private readonly List<Repository> _repositories = [];
    private readonly List<PullRequest> _pullRequests = [];
    private readonly List<Review> _reviews = [];
    private readonly List<ReviewComment> _comments = [];
    private readonly List<PullRequestCommit> _pullRequestCommits = [];
    private readonly List<Commit> _commits = [];
    private readonly List<FileChange> _fileChanges = [];
    private readonly List<WorkflowRun> _runs = [];
    private readonly List<CiJob> _jobs = [];
    private readonly List<CiStep> _steps = [];
    private readonly List<TestCase> _testCases = [];
    private readonly List<TestResult> _testResults = [];
    private readonly List<Deployment> _deployments = [];
    private readonly List<Ticket> _tickets = [];
    private readonly List<TicketTransition> _transitions = [];
    private readonly List<Incident> _incidents = [];

    private long _nextRunId = 9_120_000_000;
    private long _nextJobId = 25_600_000_000;
    private long _nextReviewId = 1_900_000_000;
    private long _nextCommentId = 1_600_000_000;
    private long _nextDeploymentId = 1_500_000_000;
    private long _nextChangeId = 210_000;

    private PlantedTest _brokenTest;
    private readonly List<PlantedTest> _flakyTests = [];
    private readonly List<double> _flakyRates = [];

    /// <summary>Prepares a generation.</summary>
    public SimulationRun(SimulationOptions options)
    {
        _options = options;
        _random = new SimRandom(options.Seed);
        _end = options.End.ToUniversalTime();
        _start = options.Start;
        // Late in the period, so the demo's weekly report (12 weeks) shows the slowdown and its change point.
        _slowdownAt = _start.AddDays(Math.Round(options.Days * 0.85)).AddHours(10);
        _brokenFrom = _start.AddDays(Math.Round(options.Days * 0.4)).AddHours(13);
        _brokenUntil = _brokenFrom.AddDays(10);
        _leftAt = _start.AddDays(Math.Round(options.Days * 0.5)).AddHours(17);
        _riseFrom = _end.AddDays(-Math.Min(91, options.Days / 4));
    }

    /// <summary>Runs the simulation.</summary>
    public SimulatedOrganisation Run()
    {
        CreatePeople();
        CreateRepositories();
        PlanPullRequests();
        MaterialisePullRequests();
        EmitPullRequests();
        RunContinuousIntegration();
        CreateIncidents();
        CreateTickets();
        _workload = PlantWorkload();
        return Build();
    }

    private SimulatedOrganisation Build()
    {
        var overloadedTeam = _teams.First(t => t.People.Exists(p => p.Login == Blueprint.OverloadedReviewer));
        var silo = _teams.SelectMany(t => t.People).First(p => p.Login == Blueprint.SiloAuthor);
        var leaver = _teams.SelectMany(t => t.People).First(p => p.Login == Blueprint.Leaver);
        var facts = new SimulationFacts(
            ValueList.From(_bots.Select(b => b.Login)),
            ValueList.From(_flakyTests),
            ValueList.From(_flakyRates),
            _brokenTest,
            _brokenFrom,
            _brokenUntil,
            RepoName(Blueprint.SlowedRepository),
            "ci",
            _slowdownAt,
            SlowdownFactor,
            Blueprint.OverloadedReviewer,
            overloadedTeam.Blueprint.Id,
            RepoName(Blueprint.SiloRepository),
            "src/" + Blueprint.SiloComponent,
            silo.WorkEmail,
            silo.Login,
            leaver.Login,
            leaver.Id,
            _leftAt,
            Blueprint.IncidentRiseTeam,
            _riseFrom);

        return new SimulatedOrganisation
        {
            Options = _options,
            Teams = ValueList.From(_teams.Select(ToTeam).Select(WithJoiners)),
            Identities = ValueList.From(_identities),
            Repositories = ValueList.From(_repositories),
            PullRequests = ValueList.From(_pullRequests),
            Reviews = ValueList.From(_reviews),
            ReviewComments = ValueList.From(_comments),
            PullRequestCommits = ValueList.From(_pullRequestCommits),
            Commits = ValueList.From(_commits),
            FileChanges = ValueList.From(_fileChanges),
            WorkflowRuns = ValueList.From(_runs),
            CiJobs = ValueList.From(_jobs),
            CiSteps = ValueList.From(_steps),
            TestCases = ValueList.From(_testCases),
            TestResults = ValueList.From(_testResults),
            Deployments = ValueList.From(_deployments),
            Tickets = ValueList.From(_tickets),
            TicketTransitions = ValueList.From(_transitions),
            Incidents = ValueList.From(_incidents.OrderBy(i => i.CreatedAt)),
            Facts = facts,
            Workload = _workload!,
        };
    }

    private Team ToTeam(SimTeam team) => new(
        team.Blueprint.Id,
        team.Blueprint.Name,
        team.Blueprint.TimeZone,
        ValueList.From(team.People.Where(p => p.LeftAt is null).Select(p => new TeamMember(p.Id, p.Name, AccountsOf(p)))),
        ValueList.From(team.Repositories.Select(r => r.FullName)),
        ValueList.From(team.Repositories.Select(r => r.Service)),
        $"{team.Blueprint.Id}-team@{_options.Owner}.io");

    private static ValueList<IdentityRef> AccountsOf(SimPerson person) => ValueList.Of(
        new IdentityRef(GitHub, person.Login),
        new IdentityRef(Git, person.WorkEmail),
        new IdentityRef(Jira, person.JiraId),
        new IdentityRef(PagerDuty, person.PagerDutyId));

    private string RepoName(string name) => $"{_options.Owner}/{name}";

    private static string Id(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private IEnumerable<DateOnly> Days()
    {
        var first = DateOnly.FromDateTime(_start.UtcDateTime);
        var last = DateOnly.FromDateTime(_end.UtcDateTime);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
