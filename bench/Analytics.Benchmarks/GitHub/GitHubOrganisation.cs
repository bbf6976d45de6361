using System.Globalization;
using System.Text.Json.Nodes;
using Analytics.Benchmarks.Cli;
using Analytics.Testing.GitHub;

namespace Analytics.Benchmarks.GitHub;

/// <summary>
/// The GitHub benchmark's data: a deterministic organisation of pull requests and workflow runs, seeded into the tests'
/// fake GitHub server through its public surface (<see cref="FakeGitHubServer.AddRepository"/>,
/// <see cref="FakeRepository.AddPull"/>, <see cref="FakeRepository.AddRun"/>), so the same data is served whatever path
/// (REST or GraphQL) the collector takes.
/// </summary>
internal sealed class GitHubOrganisation
{
    /// <summary>The owner of every repository (<c>bench/repo01</c>, …).</summary>
    public const string Owner = "bench";

    /// <summary>One workflow run per this many pull requests.</summary>
    public const int PullRequestsPerRun = 5;

    /// <summary>The share of pull requests the <see cref="GitHubStep.Changed"/> run finds changed.</summary>
    public const double ChangedShare = 0.01;

    /// <summary>The earliest creation time of any item; the collection's <c>--since</c> is a day before it.</summary>
    public static readonly DateTimeOffset Start = new(2025, 11, 16, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The latest update time of any seeded item (changed items are updated after it).</summary>
    public static readonly DateTimeOffset End = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Where the collection starts (<see cref="Analytics.Collectors.GitHub.GitHubOptions.Since"/>).</summary>
    public static DateTimeOffset Since => Start.AddDays(-1);

    // The fake repository numbers the ids of reviews, comments, runs and jobs from `repository id × 100,000`: a repository
    // must use fewer, or its ids would run into the next one's. New reviews of the changed run take ids from this offset up.
    private const int IdsPerRepository = 100_000;
    private const int NewReviewIdOffset = 95_000;

    private readonly List<FakeRepository> _fakes;

    private GitHubOrganisation(List<FakeRepository> fakes, SeededCounts counts)
    {
        _fakes = fakes;
        Counts = counts;
    }

    /// <summary>What the server holds now, as a correct collection stores it.</summary>
    public SeededCounts Counts { get; private set; }

    /// <summary>The repositories' full names.</summary>
    public static IReadOnlyList<string> Repositories(int count) =>
        Enumerable.Range(1, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"{Owner}/repo{i:00}")).ToList();

    /// <summary>
    /// Adds <paramref name="pullRequests"/> pull requests, spread round-robin over <paramref name="repositories"/>
    /// repositories, and one workflow run per <see cref="PullRequestsPerRun"/> of them. Per pull request: reviews 0–6,
    /// review comments 0–10, commits 1–20 (0.5 % have 101–250), files 1–60 (1 % have 101–350), so nested lists need
    /// more than one page of 100 now and then; 75 % merged; created over the year before <see cref="End"/>. Runs have
    /// one attempt (85 %), two (12 %) or three (3 %), each with two jobs.
    /// </summary>
    /// <returns>The organisation, with what a correct collection stores.</returns>
    /// <exception cref="UsageException">Too many pull requests per repository for the fake server's id ranges.</exception>
    public static GitHubOrganisation Seed(FakeGitHubServer server, int pullRequests, int repositories, int seed)
    {
        ArgumentNullException.ThrowIfNull(server);
        var random = new Random(seed);
        var fakes = Repositories(repositories).Select(server.AddRepository).ToList();
        var idsUsed = new long[repositories];
        long reviews = 0, comments = 0, commits = 0, files = 0, attempts = 0;
        var span = (End - Start).TotalSeconds - TimeSpan.FromDays(10).TotalSeconds;
        for (var index = 0; index < pullRequests; index++)
        {
            var repository = index % repositories;
            var number = (index / repositories) + 1;
            var createdAt = Start.AddSeconds(Math.Floor(random.NextDouble() * span));
            var updatedAt = createdAt.AddMinutes(30 + random.Next(10 * 24 * 60));
            var prReviews = random.Next(0, 7);
            var prComments = random.Next(0, 11);
            var prCommits = random.NextDouble() < 0.005 ? 101 + random.Next(150) : 1 + random.Next(20);
            var prFiles = random.NextDouble() < 0.01 ? 101 + random.Next(250) : 1 + random.Next(60);
            var merged = random.NextDouble() < 0.75;
            var author = string.Create(CultureInfo.InvariantCulture, $"dev{1 + random.Next(30):00}");
            fakes[repository].AddPull(number, createdAt, updatedAt, author, merged, prReviews, prComments, prCommits, prFiles);
            reviews += prReviews;
            comments += prComments;
            commits += prCommits;
            files += prFiles;
            idsUsed[repository] += prReviews + prComments;
            if (index % PullRequestsPerRun == 0)
            {
                var roll = random.NextDouble();
                var runAttempts = roll < 0.85 ? 1 : roll < 0.97 ? 2 : 3;
                fakes[repository].AddRun(createdAt.AddMinutes(5), runAttempts, random.NextDouble() < 0.8 ? "success" : "failure");
                attempts += runAttempts;
                idsUsed[repository] += 1 + (2 * runAttempts);
            }
        }

        if (idsUsed.Max() >= NewReviewIdOffset)
        {
            throw new UsageException($"{pullRequests} pull requests over {repositories} repositories is too many per repository for the fake server's id ranges; raise --repos");
        }

        return new GitHubOrganisation(fakes, new SeededCounts(pullRequests, reviews, comments, commits, files, attempts, 2 * attempts));
    }

    /// <summary>
    /// Changes <see cref="ChangedShare"/> of the pull requests upstream (at least one), chosen by <paramref name="seed"/>:
    /// the even-numbered choices get a new approving review, the others a new title; every one's <c>updated_at</c> moves
    /// past <see cref="End"/>, as GitHub's does.
    /// </summary>
    /// <returns>The changed pull requests' ids (<c>owner/name#number</c>) with the title each must now have; <see cref="Counts"/> follows the change.</returns>
    public IReadOnlyDictionary<string, string> Change(int seed)
    {
        var before = Counts;
        var repositories = _fakes.Count;
        var random = new Random(seed);
        var count = (int)Math.Max(1, Math.Round(before.PullRequests * ChangedShare));
        var chosen = new SortedSet<int>();
        while (chosen.Count < count)
        {
            chosen.Add(random.Next((int)before.PullRequests));
        }

        var names = Repositories(repositories);
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        var newReviews = 0;
        var order = 0;
        var addedTo = new int[repositories];
        foreach (var index in chosen)
        {
            var name = names[index % repositories];
            var number = (index / repositories) + 1;
            var repository = _fakes[index % repositories];
            var updatedAt = End.AddMinutes(++order);
            lock (repository)
            {
                var pull = repository.Pulls[number];
                pull["updated_at"] = FakeRepository.Iso(updatedAt);
                if (order % 2 == 0)
                {
                    // Counted per repository, so the new ids stay inside its range (a repository holds at most about
                    // 10,000 pull requests, so 1 % of them is far fewer than the 5,000 ids above the offset).
                    var id = (repository.Id * IdsPerRepository) + NewReviewIdOffset + (++addedTo[index % repositories]);
                    repository.Reviews[number].Add(new JsonObject
                    {
                        ["id"] = id,
                        ["node_id"] = string.Create(CultureInfo.InvariantCulture, $"PRR_{id}"),
                        ["user"] = FakeRepository.User("carol"),
                        ["state"] = "APPROVED",
                        ["submitted_at"] = FakeRepository.Iso(updatedAt),
                        ["commit_id"] = (string?)pull["head"]?["sha"],
                    });
                    newReviews++;
                }
                else
                {
                    pull["title"] = string.Create(CultureInfo.InvariantCulture, $"Change {number}, revised");
                }

                titles[$"{name}#{number}"] = (string)pull["title"]!;
            }
        }

        Counts = before with { Reviews = before.Reviews + newReviews };
        return titles;
    }
}
