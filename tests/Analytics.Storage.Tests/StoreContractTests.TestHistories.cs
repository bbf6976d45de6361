using Analytics.Domain.Testing;
using Analytics.Storage.Schema;

namespace Analytics.Storage.Tests;

/// <summary>
/// The flaky analysis's read (<see cref="IStore.ReadTestHistoriesAsync"/>): the SQL stores answer it from test result
/// blocks that every write keeps up to date, so each test here writes, rewrites and deletes results and expects exactly
/// the results it left, as it wrote them.
/// </summary>
public abstract partial class StoreContractTests
{
    protected static readonly DateTimeOffset March = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    // Texts a block must not confuse with its own framing: digits first, ':' and ';', '-', multi-byte UTF-8, empty.
    private static readonly TestResult[] Histories =
    [
        Result("Checkout::Pays", "101", 1, "build:linux", 0, TestOutcome.Passed, "main", March.AddDays(3), 1.2345),
        Result("Checkout::Pays", "101", 1, "build:linux", 1, TestOutcome.Failed, "main", March.AddDays(3).AddMinutes(1), 0.25),
        Result("Checkout::Pays", "102;x", 2, "build:linux", 0, TestOutcome.Passed, "-", March.AddDays(20), 3),
        Result("Checkout::Pays", "103", 1, "test", 0, TestOutcome.Skipped, null, March.AddMonths(1).AddHours(2), 0),
        Result("Checkout::Pays", "104", 1, "test", 0, TestOutcome.Error, "", March.AddMonths(1).AddDays(9), 123456.789012345),
        Result("12:Ümlaut ☃ test", "101", 1, "build:linux", 0, TestOutcome.Failed, "feature/ß", March.AddDays(3), 0.001),
        Result("12:Ümlaut ☃ test", "105", 1, "build:linux", 0, TestOutcome.Passed, "feature/ß", March.AddMonths(-1).AddDays(27), 7.5),
        // Durations whose text a block cannot keep to 15 plain digits: 17 digits, and an exponent.
        Result("12:Ümlaut ☃ test", "106", 1, "build:linux", 0, TestOutcome.Passed, "feature/ß", March.AddDays(9), 1234567890.1234567),
        Result("12:Ümlaut ☃ test", "107", 1, "build:linux", 0, TestOutcome.Passed, "feature/ß", March.AddDays(10), 0.0000001),
    ];

    [Fact]
    public async Task ReadTestHistories_AfterWritesMovesAndDeletes_GivesEachResultOfThePeriodAsWritten()
    {
        await using var store = await OpenStoreAsync();
        await WriteAsync(store, Histories);
        var tests = Histories.Select(r => r.TestId).Distinct().ToList();
        (await TestHistoriesAsync(store, tests, March.AddMonths(-2), March.AddMonths(3))).Should().BeEquivalentTo(Histories);

        // A result moved to another month, one rewritten in place, one deleted, one added: every block they touch changes.
        var moved = Histories[2] with { StartedAt = March.AddMonths(1).AddDays(1) };
        var rewritten = Histories[0] with { Outcome = TestOutcome.Failed, Duration = TimeSpan.FromSeconds(9) };
        var added = Result("Checkout::Pays", "106", 1, "test", 0, TestOutcome.Passed, "main", March.AddDays(30).AddHours(23), 2);
        await WriteAsync(store, [moved]); // alone, so that nothing else rebuilds the month it leaves
        (await TestHistoriesAsync(store, tests, March.AddMonths(-2), March.AddMonths(3))).Should().BeEquivalentTo(
            Histories.Select(r => r == Histories[2] ? moved : r), "a moved result leaves its month's block");
        await WriteAsync(store, [rewritten, added]);
        await using (var writer = await store.BeginWriteAsync(default))
        {
            await writer.DeleteAsync(Entities.TestResults, [KeyOf(Histories[5])], default);
            await writer.CommitAsync(default);
        }

        var now = new[] { rewritten, Histories[1], moved, Histories[3], Histories[4], Histories[6], Histories[7], Histories[8], added };
        (await TestHistoriesAsync(store, tests, March.AddMonths(-2), March.AddMonths(3))).Should().BeEquivalentTo(now);

        // A period that cuts months: only the results started in it, whichever blocks hold them.
        var (from, to) = (March.AddDays(3).AddSeconds(30), March.AddMonths(1).AddDays(1).AddTicks(10));
        (await TestHistoriesAsync(store, tests, from, to)).Should().BeEquivalentTo(
            now.Where(r => r.StartedAt >= from && r.StartedAt < to),
            "the period is [from, to): the move's new time is inside it, the retry at 3 March plus a minute too");
        (await TestHistoriesAsync(store, ["Checkout::Pays"], from, to)).Should().OnlyContain(r => r.TestId == "Checkout::Pays");
    }

    [Fact]
    public async Task ReadTestHistories_WriteNotCommitted_ReadsAsBefore()
    {
        await using var store = await OpenStoreAsync();
        await WriteAsync(store, Histories);
        await using (var writer = await store.BeginWriteAsync(default))
        {
            await writer.UpsertAsync(Entities.TestResults, [Histories[3] with { StartedAt = March.AddDays(-40) }], default);
            await writer.DeleteAsync(Entities.TestResults, [KeyOf(Histories[0])], default);
        }

        (await TestHistoriesAsync(store, ["Checkout::Pays", "12:Ümlaut ☃ test"], March.AddMonths(-2), March.AddMonths(3)))
            .Should().BeEquivalentTo(Histories);
    }

    [Fact]
    public async Task ReadTestHistories_BlockCutShort_FailsNamingTheBlock()
    {
        await using (var store = await OpenStoreAsync())
        {
            await WriteAsync(store, Histories);
        }

        // substr and length work on bytes in both databases.
        await ExecuteSqlAsync("UPDATE test_result_blocks SET payload = substr(payload, 1, length(payload) - 3) WHERE month = '2026-04'");

        await using var reopened = await ReopenStoreAsync();
        var read = () => TestHistoriesAsync(reopened, ["Checkout::Pays"], March, March.AddMonths(2));
        (await read.Should().ThrowAsync<StoreException>())
            .WithMessage("*test result block (acme/shop, Checkout::Pays, 2026-04) is malformed*");
    }

    private static TestResult Result(
        string testId, string runId, int attempt, string job, int execution, TestOutcome outcome, string? branch, DateTimeOffset startedAt, double seconds) =>
        new("github-actions", "acme/shop", testId, runId, attempt, job, execution, "c0ffee" + runId, branch, outcome,
            TimeSpan.FromSeconds(seconds), startedAt, Message: null);

    private static object[] KeyOf(TestResult result) =>
        [result.Source, result.Repository, result.RunId, result.Attempt, result.Job, result.TestId, result.Execution];

    // The results a read gives, as records (without the message, which it does not read).
    protected static async Task<List<TestResult>> TestHistoriesAsync(
        IStore store, IReadOnlyCollection<string> tests, DateTimeOffset from, DateTimeOffset to, string repository = "acme/shop")
    {
        var columns = IStore.TestHistoryColumns;
        var results = new List<TestResult>();
        await foreach (var batch in store.ReadTestHistoriesAsync(repository, tests, from, to, default))
        {
            batch.Columns.Select(c => c.Name).Should().Equal(columns);
            for (var row = 0; row < batch.Count; row++)
            {
                object? Value(string column) => batch.Value(columns.ToList().IndexOf(column), row);
                results.Add(new TestResult(
                    (string)Value("source")!, repository,
                    (string)Value("test_id")!, (string)Value("run_id")!, (int)Value("attempt")!, (string)Value("job")!,
                    (int)Value("execution")!, (string)Value("commit_sha")!, (string?)Value("branch"), (TestOutcome)Value("outcome")!,
                    (TimeSpan)Value("duration_seconds")!, (DateTimeOffset)Value("started_at")!, Message: null));
            }
        }

        return results;
    }
}
