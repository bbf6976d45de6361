using Analytics.Domain.People;
using Analytics.Domain.Testing;
using Analytics.Domain.Code;

namespace Analytics.Collectors.Simulation;

/// <summary>People, bots, repositories, their files and their tests.</summary>
internal sealed partial class SimulationRun
{
    private void CreatePeople()
    {
        foreach (var blueprint in Blueprint.Teams)
        {
            var team = new SimTeam(blueprint);
            _teams.Add(team);
            for (var i = 0; i < blueprint.People.Length; i++)
            {
                var who = blueprint.People[i];
                var userId = _random.Next(1_000_000, 90_000_000);
                var isLeaver = who.Login == Blueprint.Leaver;
                var person = new SimPerson
                {
                    Id = who.EmailLocal,
                    Name = who.Name,
                    Login = who.Login,
                    WorkEmail = $"{who.EmailLocal}@{_options.Owner}.io",
                    NoReplyEmail = who.NoReply ? $"{userId}+{who.Login}@users.noreply.github.com" : null,
                    Team = team,
                    Calendar = team.Calendar,
                    JiraId = _random.Hex(24),
                    PagerDutyId = "P" + _random.Alphanumeric(6),
                    Rate = _random.Uniform(0.35, 0.75),
                    PreferredRepository = who.Login == Blueprint.SiloAuthor
                        ? Array.FindIndex(blueprint.Repositories, r => r.Name == Blueprint.SiloRepository)
                        : i % blueprint.Repositories.Length,
                    LeftAt = isLeaver ? _leftAt : null,
                };
                for (var v = 0; v < 2; v++)
                {
                    person.Vacations.Add(DateOnly.FromDateTime(_start.UtcDateTime).AddDays(_random.Next(0, _options.Days - 7)));
                }

                team.People.Add(person);
                AddIdentities(person, isLeaver ? person.Id : null);
            }
        }

        foreach (var (login, userId) in Blueprint.Bots)
        {
            var bot = new SimPerson
            {
                Id = login,
                Name = login,
                Login = login,
                WorkEmail = $"{userId}+{login}@users.noreply.github.com",
                IsBot = true,
                Calendar = new WorkCalendar("UTC"),
            };
            _bots.Add(bot);
            _identities.Add(new Identity(GitHub, login, login, null, true, null));
            _identities.Add(new Identity(Git, bot.WorkEmail, login, bot.WorkEmail, true, null));
        }
    }

    private void AddIdentities(SimPerson person, string? hint)
    {
        _identities.Add(new Identity(GitHub, person.Login, person.Name, null, false, hint));
        _identities.Add(new Identity(Git, person.WorkEmail, person.Name, person.WorkEmail, false, hint));
        if (person.NoReplyEmail is { } noReply)
        {
            _identities.Add(new Identity(Git, noReply, person.Name, noReply, false, hint));
        }

        _identities.Add(new Identity(Jira, person.JiraId, person.Name, person.WorkEmail, false, hint));
        _identities.Add(new Identity(PagerDuty, person.PagerDutyId, person.Name, person.WorkEmail, false, hint));
    }

    private void CreateRepositories()
    {
        foreach (var team in _teams)
        {
            foreach (var blueprint in team.Blueprint.Repositories)
            {
                var repo = new SimRepo(blueprint, team, RepoName(blueprint.Name))
                {
                    NextNumber = _random.Next(150, 1500),
                    Manifests = Naming.Manifests(blueprint.Language),
                };
                team.Repositories.Add(repo);
                _repos.Add(repo);
                _repositories.Add(new Repository(
                    GitHub,
                    "R_kgDO" + _random.Alphanumeric(6),
                    repo.FullName,
                    "main",
                    $"https://github.com/{repo.FullName}",
                    false,
                    _start.AddDays(-_random.Next(200, 2000)).AddHours(_random.Next(24))));

                CreateFiles(repo);
                CreateTests(repo);
            }
        }
    }

    private void CreateFiles(SimRepo repo)
    {
        repo.SharedFiles.AddRange(["README.md", ".github/workflows/ci.yml", ".github/workflows/deploy.yml", "docs/architecture.md", "docs/runbook.md"]);
        foreach (var path in repo.SharedFiles.Concat(repo.Manifests))
        {
            repo.KnownPaths.Add(path);
        }

        foreach (var component in repo.Blueprint.Components)
        {
            var files = new List<string>();
            repo.Files[component] = files;
            if (IsSilo(repo, component))
            {
                continue; // the silo's author creates it during the history
            }

            var count = _random.Next(5, 12);
            for (var i = 0; i < count; i++)
            {
                AddNewFiles(repo, component, files, withTest: _random.Chance(0.5));
            }
        }
    }

    /// <summary>Adds a new source file (and maybe its test file) with an unused name; returns the paths added.</summary>
    private List<string> AddNewFiles(SimRepo repo, string component, List<string> files, bool withTest)
    {
        for (var tries = 0; ; tries++)
        {
            var type = _random.Pick(Naming.Nouns) + _random.Pick(Naming.Suffixes) + (tries > 20 ? tries.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
            var source = Naming.SourcePath(repo.Blueprint.Language, component, type);
            var test = Naming.TestPath(repo.Blueprint.Language, component, type);
            if (repo.KnownPaths.Contains(source) || repo.KnownPaths.Contains(test))
            {
                continue;
            }

            var added = new List<string> { source };
            if (withTest)
            {
                added.Add(test);
            }

            foreach (var path in added)
            {
                repo.KnownPaths.Add(path);
                files.Add(path);
            }

            return added;
        }
    }

    private void CreateTests(SimRepo repo)
    {
        var blueprint = repo.Blueprint;
        var components = blueprint.Components.Where(c => !IsSilo(repo, c)).ToArray();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var medianSeconds = blueprint.TestMinutes * 60 / blueprint.TestCount;
        while (repo.Tests.Count < blueprint.TestCount)
        {
            var component = components[repo.Tests.Count % components.Length];
            var type = _random.Pick(Naming.Nouns) + _random.Pick(Naming.Suffixes);
            var (suite, className, name) = Naming.Test(
                blueprint.Language,
                blueprint.Name,
                component,
                type,
                _random.Pick(Naming.TestVerbs),
                _random.Pick(Naming.TestScenarios),
                _random.Pick(Naming.TestExpectations));
            var id = TestCase.CreateId(suite, className, name);
            if (!ids.Add(id))
            {
                continue;
            }

            var testCase = new TestCase(GitHub, repo.FullName, id, suite, className, name, Naming.TestPath(blueprint.Language, component, type));
            _testCases.Add(testCase);
            var skipped = repo.Tests.Count == 3 && _random.Chance(0.6);
            repo.Tests.Add(new SimTest(testCase, _random.LogNormal(medianSeconds, 0.7), 0, skipped));
        }

        var flaky = Array.FindIndex(Blueprint.FlakyTests, f => f.Repository == blueprint.Name);
        if (flaky >= 0)
        {
            var index = PickHealthyTest(repo);
            repo.Tests[index] = repo.Tests[index] with { FlakyRate = Blueprint.FlakyTests[flaky].FailureRate };
            _flakyTests.Add(new PlantedTest(repo.FullName, repo.Tests[index].Case.TestId));
            _flakyRates.Add(Blueprint.FlakyTests[flaky].FailureRate);
        }

        if (blueprint.Name == Blueprint.BrokenRepository)
        {
            _brokenTest = new PlantedTest(repo.FullName, repo.Tests[PickHealthyTest(repo)].Case.TestId);
        }
    }

    private int PickHealthyTest(SimRepo repo)
    {
        while (true)
        {
            var index = _random.Next(repo.Tests.Count);
            var test = repo.Tests[index];
            if (!test.AlwaysSkipped && test.FlakyRate == 0 && test.Case.TestId != _brokenTest.TestId)
            {
                return index;
            }
        }
    }

    private static bool IsSilo(SimRepo repo, string component) =>
        repo.Blueprint.Name == Blueprint.SiloRepository && component == Blueprint.SiloComponent;

    private static bool IsHealthy(SimTest test, PlantedTest broken) =>
        !test.AlwaysSkipped && test.FlakyRate == 0 && test.Case.TestId != broken.TestId;
}
