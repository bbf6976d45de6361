using System.Globalization;
using Analytics.Domain.Testing;

namespace Analytics.Collectors.Simulation;

/// <summary>
/// A lazy, deterministic stream of test results for ingestion benchmarks: five repositories of 200 tests each, run one CI
/// run after another over the year before <c>end</c>, with a few flaky tests that fail now and then, in-run retries in
/// some repositories and a re-run attempt in the others. Nothing is materialised: memory stays bounded whatever the count.
/// </summary>
public static class TestResultStream
{
    private const int RepositoryCount = 5;
    private const int TestsPerRepository = 200;
    private static readonly TimeSpan Span = TimeSpan.FromDays(365);

    /// <summary>Generates exactly <paramref name="count"/> results, lazily, all within [end − 365 days, end].</summary>
    /// <param name="count">How many results to yield.</param>
    /// <param name="seed">The seed; equal arguments give equal streams.</param>
    /// <param name="end">The latest instant of any result.</param>
    /// <returns>The stream; enumerating it twice gives the same results.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static IEnumerable<TestResult> Generate(int count, int seed, DateTimeOffset end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Iterate(count, seed, end.ToUniversalTime());
    }

    private static IEnumerable<TestResult> Iterate(int count, int seed, DateTimeOffset end)
    {
        if (count == 0)
        {
            yield break;
        }

        var random = new SimRandom(seed);
        var repositories = new string[RepositoryCount];
        var tests = new (string Id, double Seconds, double FlakyRate)[RepositoryCount][];
        for (var r = 0; r < RepositoryCount; r++)
        {
            repositories[r] = string.Create(CultureInfo.InvariantCulture, $"bench/service-{r + 1}");
            tests[r] = new (string, double, double)[TestsPerRepository];
            for (var i = 0; i < TestsPerRepository; i++)
            {
                var className = string.Create(CultureInfo.InvariantCulture, $"Bench.Service{r + 1}.{Naming.Nouns[i % Naming.Nouns.Length]}{Naming.Suffixes[i % Naming.Suffixes.Length]}Tests");
                var name = string.Create(CultureInfo.InvariantCulture, $"{Naming.TestVerbs[i % Naming.TestVerbs.Length]}_{Naming.TestScenarios[i % Naming.TestScenarios.Length]}_{i}");
                var flaky = i % 67 == 13 ? random.Uniform(0.05, 0.15) : 0;
                tests[r][i] = (TestCase.CreateId("bench", className, name), random.LogNormal(0.4, 1.0), flaky);
            }
        }

        var runs = (count / TestsPerRepository) + 1;
        var spacing = Span / runs;
        var first = end - Span;
        var emitted = 0;
        for (long run = 0; ; run++)
        {
            var repository = (int)(run % RepositoryCount);
            var retries = repository % 2 == 1;
            var runId = (7_000_000_000 + run).ToString(CultureInfo.InvariantCulture);
            var sha = random.Sha();
            var branch = run % 3 == 0 ? "main" : string.Create(CultureInfo.InvariantCulture, $"feature/change-{run}");
            var start = first + (spacing * run);
            for (var attempt = 1; attempt <= 2; attempt++)
            {
                var t = start + TimeSpan.FromMinutes(30 * (attempt - 1));
                var failed = false;
                foreach (var (id, seconds, flakyRate) in tests[repository])
                {
                    for (var execution = 0; execution < (retries ? 2 : 1); execution++)
                    {
                        var fails = flakyRate > 0 && random.Chance(flakyRate);
                        var duration = TimeSpan.FromMilliseconds(Math.Round(seconds * 1000 * random.LogNormal(1, 0.2)));
                        var at = t < end ? t : end;
                        yield return new TestResult(
                            "github", repositories[repository], id, runId, attempt, "test", execution, sha, branch,
                            fails ? TestOutcome.Failed : TestOutcome.Passed, duration, at,
                            fails ? "expected status 200 but was 503" : null);
                        if (++emitted == count)
                        {
                            yield break;
                        }

                        t += duration;
                        if (!fails)
                        {
                            break;
                        }

                        failed |= execution == (retries ? 1 : 0);
                    }
                }

                if (!failed)
                {
                    break;
                }
            }
        }
    }
}
