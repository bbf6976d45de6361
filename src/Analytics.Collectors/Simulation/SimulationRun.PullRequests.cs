using Analytics.Domain.Code;

namespace Analytics.Collectors.Simulation;

/// <summary>Planning pull requests: who opens what when, who reviews it, and how it ends.</summary>
internal sealed partial class SimulationRun
{
    private void PlanPullRequests()
    {
        foreach (var day in Days())
        {
            foreach (var team in _teams)
            {
                foreach (var person in team.People)
                {
                    var factor = WorkCalendar.IsHoliday(day) ? 0.15 : WorkCalendar.IsWorkday(day) ? 1.0 : 0.03;
                    if (person.IsAway(day))
                    {
                        factor = 0;
                    }

                    var count = _random.Poisson(person.Rate * factor * _options.Scale);
                    for (var i = 0; i < count; i++)
                    {
                        var createdAt = team.Calendar.RandomWorkingInstant(day, _random);
                        if (createdAt >= _start && createdAt <= _end && person.IsActive(createdAt))
                        {
                            PlanHumanPullRequest(person, createdAt);
                        }
                    }
                }
            }

            if (day.DayOfWeek == DayOfWeek.Monday)
            {
                foreach (var repo in _repos)
                {
                    var count = _random.Poisson(1.6 * _options.Scale);
                    for (var i = 0; i < count; i++)
                    {
                        var createdAt = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
                            .AddHours(4).AddSeconds(_random.Next(2 * 3600));
                        if (createdAt >= _start && createdAt <= _end)
                        {
                            PlanBotPullRequest(repo, createdAt);
                        }
                    }
                }
            }
        }

        foreach (var plan in _plans.Where(p => p.Author.LeftAt is not null))
        {
            LeaveBehind(plan, plan.Author.LeftAt!.Value);
        }

        // Numbers follow opening order within each repository.
        var ordered = _plans.OrderBy(p => p.CreatedAt).ToList();
        _plans.Clear();
        _plans.AddRange(ordered);
        foreach (var plan in _plans)
        {
            plan.Number = plan.Repo.NextNumber++;
        }
    }

    /// <summary>Work its author had not finished when they left is closed by a teammate a few days later.</summary>
    private void LeaveBehind(PullRequestPlan plan, DateTimeOffset leftAt)
    {
        plan.Commits.RemoveAll(c => c.At >= leftAt);
        plan.Pushes.RemoveAll(c => c.At >= leftAt);
        if (plan.MergedAt >= leftAt)
        {
            plan.MergedAt = null;
            plan.MergeSha = null;
            plan.ClosedAt = leftAt + _random.LogNormal(TimeSpan.FromDays(5), 0.5);
        }
    }

    private void PlanHumanPullRequest(SimPerson author, DateTimeOffset createdAt)
    {
        var team = author.Team!;
        var repo = team.Repositories.Count == 1 || _random.Chance(0.3)
            ? _random.Pick(team.Repositories)
            : team.Repositories[author.PreferredRepository];
        var components = repo.Blueprint.Components.Where(c => !IsSilo(repo, c)).ToArray();
        var component = repo.Blueprint.Name == Blueprint.SiloRepository && author.Login == Blueprint.SiloAuthor && _random.Chance(0.5)
            ? Blueprint.SiloComponent
            : _random.Pick(components);
        var verb = _random.Pick(Naming.ChangeVerbs);
        var title = $"{verb} {_random.Pick(Naming.ChangeThings)} in {component}";
        var lines = Math.Clamp((int)Math.Round(_random.LogNormal(70, 1.1)), 1, 4000);
        var plan = new PullRequestPlan
        {
            Repo = repo,
            Author = author,
            CreatedAt = createdAt,
            Title = title,
            HeadRef = $"{author.Login}/{Naming.Slug(title)}",
            Labels = verb switch
            {
                "Fix" => ["bug"],
                "Add" or "Support" => ["enhancement"],
                "Refactor" or "Extract" or "Simplify" or "Remove" => ["tech-debt"],
                _ => [],
            },
            Component = component,
            TargetLines = lines,
            AdditionShare = _random.Uniform(0.45, 0.9),
            FileCount = Math.Clamp((int)Math.Round(_random.LogNormal(Math.Sqrt(lines) / 2.2, 0.45)), 1, 40),
        };
        _plans.Add(plan);

        // Coding happened before the pull request was opened.
        var commitCount = Math.Min(8, 1 + _random.Poisson(1.2));
        var firstCommit = Max(_start, createdAt - _random.LogNormal(TimeSpan.FromHours(10), 1.0));
        for (var i = 0; i < commitCount; i++)
        {
            var at = firstCommit + ((createdAt - firstCommit) * (i / (double)commitCount));
            plan.Commits.Add(new CommitPlan(_random.Sha(), at));
        }

        plan.Pushes.Add(new CommitPlan(plan.Commits[^1].Sha, createdAt));
        var calendar = team.Calendar;
        var readyAt = createdAt;
        if (_random.Chance(0.1))
        {
            plan.OpenedAsDraft = true;
            if (_random.Chance(0.2))
            {
                return; // a stale draft: nobody looks at it again
            }

            readyAt = calendar.AddWorkingTime(createdAt, _random.LogNormal(TimeSpan.FromHours(6), 0.8));
            plan.ReadyAt = readyAt;
        }

        var outcome = _random.NextDouble();
        if (outcome < 0.06)
        {
            plan.MergedAt = calendar.AddWorkingTime(readyAt, _random.LogNormal(TimeSpan.FromMinutes(30), 1.0));
            plan.MergeSha = _random.Sha();
            return; // merged without review
        }

        var last = Review(plan, team, author, readyAt, maxRounds: outcome < 0.16 ? 1 : 3);
        if (outcome < 0.09)
        {
            return; // abandoned, still open
        }

        if (outcome < 0.16)
        {
            plan.ClosedAt = calendar.AddWorkingTime(last, _random.LogNormal(TimeSpan.FromHours(16), 1.0));
            return;
        }

        if (!plan.Reviews.Exists(r => r.State == ReviewState.Approved))
        {
            var approver = plan.Reviews.Count > 0 ? plan.Reviews[0].Reviewer : null;
            if (approver is not null)
            {
                last = calendar.AddWorkingTime(last, _random.LogNormal(TimeSpan.FromHours(1), 0.8));
                plan.Reviews.Add(new ReviewPlan(Id(_nextReviewId++), approver, ReviewState.Approved, last, 0));
            }
        }

        plan.MergedAt = calendar.AddWorkingTime(last, _random.LogNormal(TimeSpan.FromMinutes(40), 1.0));
        plan.MergeSha = _random.Sha();
    }

    /// <summary>Plans review rounds from <paramref name="from"/>; returns the instant of the last event.</summary>
    private DateTimeOffset Review(PullRequestPlan plan, SimTeam team, SimPerson? author, DateTimeOffset from, int maxRounds)
    {
        var reviewers = PickReviewers(team, author, from);
        if (reviewers.Count == 0)
        {
            return from;
        }

        var calendar = team.Calendar;
        var sizeFactor = 1 + (plan.TargetLines / 600.0);
        var pending = new List<SimPerson>(reviewers);
        var t = from;
        for (var round = 1; round <= maxRounds && pending.Count > 0; round++)
        {
            var requested = new List<SimPerson>();
            var latest = t;
            for (var i = 0; i < pending.Count; i++)
            {
                var reviewer = pending[i];
                var at = calendar.AddWorkingTime(t, _random.LogNormal(TimeSpan.FromHours(2.5), 1.0) * sizeFactor);
                if (!reviewer.IsActive(at))
                {
                    continue; // they left before getting to it
                }

                ReviewState state;
                if (round == maxRounds && round > 1)
                {
                    state = ReviewState.Approved;
                }
                else if (i == 0)
                {
                    var changes = round == 1 ? Math.Clamp(0.15 + (plan.TargetLines / 1500.0), 0.15, 0.45) : 0.2;
                    var roll = _random.NextDouble();
                    state = roll < changes ? ReviewState.ChangesRequested : roll < changes + 0.08 ? ReviewState.Commented : ReviewState.Approved;
                }
                else
                {
                    state = _random.Chance(0.8) ? ReviewState.Approved : ReviewState.Commented;
                }

                var comments = state switch
                {
                    ReviewState.ChangesRequested => 1 + _random.Poisson(1.5),
                    ReviewState.Commented => 1 + _random.Poisson(0.8),
                    _ => _random.Poisson(0.3),
                };
                plan.Reviews.Add(new ReviewPlan(Id(_nextReviewId++), reviewer, state, at, comments));
                latest = Max(latest, at);
                if (state == ReviewState.ChangesRequested)
                {
                    requested.Add(reviewer);
                }
            }

            t = latest;
            if (requested.Count == 0)
            {
                break;
            }

            // The author addresses the feedback and pushes again.
            var pushAt = calendar.AddWorkingTime(t, _random.LogNormal(TimeSpan.FromHours(3), 0.9));
            var commits = 1 + _random.Poisson(0.5);
            for (var c = 0; c < commits; c++)
            {
                plan.Commits.Add(new CommitPlan(_random.Sha(), pushAt - TimeSpan.FromMinutes(5 * (commits - c))));
            }

            plan.Pushes.Add(new CommitPlan(plan.Commits[^1].Sha, pushAt));
            t = pushAt;
            pending = requested;
        }

        return t;
    }

    private List<SimPerson> PickReviewers(SimTeam team, SimPerson? author, DateTimeOffset at)
    {
        var date = team.Calendar.LocalDate(at);
        var candidates = team.People.FindAll(p => p != author && p.IsActive(at) && !p.IsAway(date));
        var count = Math.Min(candidates.Count, _random.NextDouble() switch
        {
            < 0.6 => 1,
            < 0.92 => 2,
            _ => 3,
        });
        var chosen = new List<SimPerson>();
        var overloaded = candidates.Find(p => p.Login == Blueprint.OverloadedReviewer);
        if (overloaded is not null && _random.Chance(0.5))
        {
            chosen.Add(overloaded);
            candidates.Remove(overloaded);
        }

        while (chosen.Count < count)
        {
            var next = _random.Pick(candidates);
            chosen.Add(next);
            candidates.Remove(next);
        }

        return chosen;
    }

    private void PlanBotPullRequest(SimRepo repo, DateTimeOffset createdAt)
    {
        var bot = _bots.First(b => b.Login == repo.Blueprint.Bot);
        var package = _random.Pick(Naming.Packages(repo.Blueprint.Language));
        var from = _random.Version();
        var parts = from.Split('.');
        var to = $"{parts[0]}.{parts[1]}.{int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) + 1 + _random.Next(3)}";
        var isDependabot = bot.Login.StartsWith("dependabot", StringComparison.Ordinal);
        var title = isDependabot ? $"Bump {package} from {from} to {to}" : $"Update dependency {package} to v{to}";
        var plan = new PullRequestPlan
        {
            Repo = repo,
            Author = bot,
            CreatedAt = createdAt,
            Title = title,
            HeadRef = isDependabot ? $"dependabot/{repo.Blueprint.Language.ToString().ToLowerInvariant()}/{package}-{to}" : $"renovate/{package}-{parts[0]}.x",
            Labels = ["dependencies"],
            TargetLines = _random.Next(4, 120),
            AdditionShare = 0.5,
            FileCount = 2,
        };
        _plans.Add(plan);
        plan.Commits.Add(new CommitPlan(_random.Sha(), createdAt - TimeSpan.FromSeconds(_random.Next(5, 60))));
        plan.Pushes.Add(new CommitPlan(plan.Commits[0].Sha, createdAt));

        var outcome = _random.NextDouble();
        if (outcome < 0.12)
        {
            plan.MergedAt = createdAt + _random.LogNormal(TimeSpan.FromMinutes(25), 0.4);
            plan.MergeSha = _random.Sha();
            return; // automerged once CI passed
        }

        if (outcome < 0.32)
        {
            plan.ClosedAt = createdAt + _random.LogNormal(TimeSpan.FromDays(6), 0.5);
            return; // superseded by a newer version
        }

        if (outcome < 0.40)
        {
            return; // nobody cared; still open
        }

        var reviewers = PickReviewers(repo.Team, null, createdAt);
        if (reviewers.Count == 0)
        {
            return;
        }

        var reviewer = reviewers[0];
        var at = repo.Team.Calendar.AddWorkingTime(createdAt, _random.LogNormal(TimeSpan.FromHours(4), 1.0));
        if (!reviewer.IsActive(at))
        {
            return;
        }

        plan.Reviews.Add(new ReviewPlan(Id(_nextReviewId++), reviewer, ReviewState.Approved, at, 0));
        plan.MergedAt = at + _random.LogNormal(TimeSpan.FromMinutes(5), 0.6);
        plan.MergeSha = _random.Sha();
    }
}
