using Analytics.Domain.Code;

namespace Analytics.Collectors.Simulation;

/// <summary>Choosing the files of each pull request and writing the mainline history.</summary>
internal sealed partial class SimulationRun
{
    private void MaterialisePullRequests()
    {
        foreach (var plan in _plans)
        {
            Truncate(plan);
        }

        // Files are chosen when the change lands, so renames and deletions follow the history in order.
        foreach (var plan in _plans.OrderBy(p => p.MergedAt ?? p.CreatedAt))
        {
            if (plan.Component is null)
            {
                ChooseDependencyFiles(plan);
            }
            else
            {
                ChooseFiles(plan);
            }

            if (plan.MergedAt is { } mergedAt && plan.MergeSha is { } sha)
            {
                var additions = plan.Files.Sum(f => f.Additions ?? 0);
                var deletions = plan.Files.Sum(f => f.Deletions ?? 0);
                var email = plan.Author.CommitEmail(_random);
                _commits.Add(new Commit(
                    Git,
                    plan.Repo.FullName,
                    sha,
                    plan.Author.Name,
                    email,
                    mergedAt,
                    "GitHub",
                    "noreply@github.com",
                    mergedAt,
                    1,
                    additions,
                    deletions,
                    $"{plan.Title} (#{plan.Number})"));
                foreach (var file in plan.Files)
                {
                    _fileChanges.Add(new FileChange(Git, plan.Repo.FullName, sha, file.Path, file.OldPath, file.Kind, file.Additions, file.Deletions));
                }
            }
        }
    }

    /// <summary>Drops whatever would happen after the end of the history.</summary>
    private void Truncate(PullRequestPlan plan)
    {
        plan.Commits.RemoveAll(c => c.At > _end);
        plan.Pushes.RemoveAll(c => c.At > _end);
        plan.Reviews.RemoveAll(r => r.At > _end);
        if (plan.ReadyAt > _end)
        {
            plan.ReadyAt = null;
        }

        if (plan.MergedAt > _end)
        {
            plan.MergedAt = null;
            plan.MergeSha = null;
        }

        if (plan.ClosedAt > _end)
        {
            plan.ClosedAt = null;
        }
    }

    private void ChooseFiles(PullRequestPlan plan)
    {
        var repo = plan.Repo;
        var component = plan.Component!;
        var files = repo.Files[component];
        var apply = plan.MergedAt is not null;
        var weights = Enumerable.Range(0, plan.FileCount).Select(_ => _random.LogNormal(1, 0.8)).ToArray();
        var totalWeight = weights.Sum();
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < plan.FileCount; i++)
        {
            var lines = Math.Max(1, (int)Math.Round(plan.TargetLines * weights[i] / totalWeight));
            var added = (int)Math.Round(lines * plan.AdditionShare);
            var available = files.Where(f => !used.Contains(f)).ToList();
            var roll = _random.NextDouble();
            if (available.Count == 0 || roll < 0.12)
            {
                var scratch = apply ? files : [.. files];
                foreach (var path in AddNewFiles(repo, component, scratch, withTest: _random.Chance(0.3)))
                {
                    used.Add(path);
                    plan.Files.Add(new FilePlan(path, null, FileChangeKind.Added, lines, 0));
                }
            }
            else if (roll < 0.15 && available.Count > 1)
            {
                var old = _random.Pick(available);
                var renamed = AddNewFiles(repo, component, [], withTest: false)[0];
                used.Add(old);
                used.Add(renamed);
                var pure = _random.Chance(0.5);
                plan.Files.Add(new FilePlan(renamed, old, FileChangeKind.Renamed, pure ? 0 : added, pure ? 0 : lines - added));
                if (apply)
                {
                    files[files.IndexOf(old)] = renamed;
                }
            }
            else if (roll < 0.17 && available.Count > 3)
            {
                var gone = _random.Pick(available);
                used.Add(gone);
                plan.Files.Add(new FilePlan(gone, null, FileChangeKind.Deleted, 0, _random.Next(20, 300)));
                if (apply)
                {
                    files.Remove(gone);
                }
            }
            else
            {
                var path = _random.Pick(available);
                used.Add(path);
                plan.Files.Add(new FilePlan(path, null, FileChangeKind.Modified, added, lines - added));
            }
        }

        if (_random.Chance(0.08))
        {
            var shared = _random.Pick(repo.SharedFiles);
            if (used.Add(shared))
            {
                plan.Files.Add(new FilePlan(shared, null, FileChangeKind.Modified, _random.Next(1, 30), _random.Next(0, 10)));
            }
        }

        if (repo.Blueprint.WeeklyRelease && _random.Chance(0.05))
        {
            var image = $"assets/images/{Naming.Snake(_random.Pick(Naming.Nouns))}_{_random.Hex(4)}.png";
            if (repo.KnownPaths.Add(image))
            {
                plan.Files.Add(new FilePlan(image, null, FileChangeKind.Added, null, null));
            }
        }
    }

    private void ChooseDependencyFiles(PullRequestPlan plan)
    {
        var manifests = plan.Repo.Manifests;
        plan.Files.Add(new FilePlan(manifests[0], null, FileChangeKind.Modified, 1, 1));
        var lockLines = Math.Max(2, plan.TargetLines);
        plan.Files.Add(new FilePlan(manifests[1], null, FileChangeKind.Modified, lockLines / 2, lockLines - (lockLines / 2)));
    }
}
