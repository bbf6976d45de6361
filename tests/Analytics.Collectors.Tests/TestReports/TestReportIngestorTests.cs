using System.Text;
using Analytics.Collectors.TestReports;
using Analytics.Domain.Testing;
using Analytics.Storage;
using Analytics.Storage.Schema;
using Analytics.Testing.Postgres;
using Analytics.Testing.Time;

namespace Analytics.Collectors.Tests.TestReports;

/// <summary>Test reports into a real store; run on SQLite and on PostgreSQL.</summary>
public abstract class TestReportIngestorTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("analytics-reports-").FullName;

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero));

    protected IStore Store { get; private set; } = null!;

    private static TestReportMetadata Metadata { get; } =
        new("acme/api", "0123456789abcdef0123456789abcdef01234567", "main", "4242", 1, "test", new DateTimeOffset(2026, 11, 10, 7, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync() => Store = await OpenStoreAsync();

    public virtual async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    protected abstract Task<IStore> OpenStoreAsync();

    protected string PathOf(string name) => Path.Combine(_directory, name);

    private string Write(string name, byte[] content)
    {
        File.WriteAllBytes(PathOf(name), content);
        return PathOf(name);
    }

    private async Task<List<TestReportIngestResult>> IngestCorpusAsync(TestReportIngestor ingestor)
    {
        var results = new List<TestReportIngestResult>();
        foreach (var report in ReportCorpus.All)
        {
            results.Add(await ingestor.IngestFileAsync(Write(report.FileName, ReportCorpus.Bytes(report.Content)), report.FileName, Metadata, default));
        }

        return results;
    }

    private async Task<List<T>> ReadAllAsync<T>(EntityMap<T> map)
        where T : class
    {
        var list = new List<T>();
        await foreach (var record in Store.ReadAsync(map, null, default))
        {
            list.Add(record);
        }

        return list;
    }

    [Fact]
    public async Task IngestFileAsync_EveryDialect_StoresExactCounts()
    {
        var results = await IngestCorpusAsync(new TestReportIngestor(Store));

        foreach (var (result, expected) in results.Zip(ReportCorpus.All))
        {
            result.Error.Should().BeNull();
            result.Dialect.ToString().Should().Be(expected.Dialect);
            (result.Passed, result.Failed, result.Errored, result.Skipped, result.Retried)
                .Should().Be((expected.Passed, expected.Failed, expected.Errored, expected.Skipped, expected.Retried), expected.FileName);
            result.Archived.Should().BeTrue("every corpus file is under 1 MiB");
        }

        // 11 + 5 + 6 + 6 + 5 + 5 + 4 + 7 = 49 executions (see ReportCorpus for each file's count).
        var stored = await ReadAllAsync(Entities.TestResults);
        stored.Should().HaveCount(49);
        stored.Count(r => r.Outcome == TestOutcome.Passed).Should().Be(17);   // 3+2+2+2+2+2+2+2
        stored.Count(r => r.Outcome == TestOutcome.Failed).Should().Be(16);   // 4+2+1+2+1+2+1+3
        stored.Count(r => r.Outcome == TestOutcome.Error).Should().Be(7);     // 3+0+1+1+1+0+0+1
        stored.Count(r => r.Outcome == TestOutcome.Skipped).Should().Be(9);   // 1+1+2+1+1+1+1+1
        stored.Count(r => r.Execution > 0).Should().Be(7);                    // surefire 2 (flaky) + 2 (broken), gradle 1, gotestsum 1, trx 1
    }

    [Fact]
    public async Task IngestFileAsync_FlakySurefireTest_ExecutionsInOrderWithRunMetadata()
    {
        var ingestor = new TestReportIngestor(Store);
        await ingestor.IngestFileAsync(Write("TEST-flaky.xml", ReportCorpus.Bytes(ReportCorpus.Surefire)), "reports/TEST-flaky.xml", Metadata, default);

        var flaky = (await ReadAllAsync(Entities.TestResults)).Where(r => r.TestId == "com.acme.CalculatorTest::flaky").OrderBy(r => r.Execution).ToList();

        flaky.Select(r => (r.Execution, r.Outcome)).Should().Equal((0, TestOutcome.Failed), (1, TestOutcome.Error), (2, TestOutcome.Passed));
        flaky.Should().AllSatisfy(r =>
        {
            r.Source.Should().Be("junit");
            (r.Repository, r.RunId, r.Attempt, r.Job, r.CommitSha, r.Branch).Should().Be(("acme/api", "4242", 1, "test", Metadata.CommitSha, "main"));
            r.StartedAt.Should().Be(Metadata.Time, "Surefire writes no timestamp");
        });
        var cases = await ReadAllAsync(Entities.TestCases);
        cases.Should().HaveCount(7);
        cases.Should().ContainEquivalentOf(new TestCase("junit", "acme/api", "com.acme.CalculatorTest::flaky", "com.acme.CalculatorTest", "com.acme.CalculatorTest", "flaky", null));
        var archived = await Store.GetRawPayloadAsync("junit", "acme/api/4242/1/test/reports/TEST-flaky.xml", default);
        archived!.Body.Should().Equal(ReportCorpus.Bytes(ReportCorpus.Surefire));
    }

    [Fact]
    public async Task IngestFileAsync_SameFilesAgain_ChangesNothing()
    {
        var ingestor = new TestReportIngestor(Store);
        var first = await IngestCorpusAsync(ingestor);
        var before = await ReadAllAsync(Entities.TestResults);

        var second = await IngestCorpusAsync(ingestor);

        // Distinct tests: 7 + 4 + 6 + 6 + 5 + 4 + 4 + 6 = 42 (the ids of different files do not overlap).
        first.Sum(r => r.Stored.Changed).Should().Be(49 + 42, "49 results and 42 distinct tests are new");
        second.Should().AllSatisfy(r => r.Stored.Changed.Should().Be(0));
        (await ReadAllAsync(Entities.TestResults)).Should().Equal(before);
    }

    [Fact]
    public async Task IngestFileAsync_MalformedFileInABatch_RefusedWithLineOthersStored()
    {
        var ingestor = new TestReportIngestor(Store);
        // The first 2,000 results are flushed to the store before the truncation is reached: they must roll back.
        var big = new StringBuilder("<testsuite name=\"big\">\n");
        for (var i = 0; i < 2_500; i++)
        {
            big.Append(CultureInfoInvariant($"  <testcase classname=\"Big\" name=\"t{i}\" time=\"0.001\"/>\n"));
        }

        var truncated = Write("TEST-truncated.xml", Encoding.UTF8.GetBytes(big.ToString()));
        var badAttribute = Write("TEST-bad.xml", Encoding.UTF8.GetBytes("<testsuite name=\"s\">\n  <testcase name=\"a\"/>\n  <testcase name=\"b\" time=\"1.2.3\"/>\n</testsuite>\n"));
        var good = Write("TEST-good.xml", ReportCorpus.Bytes(ReportCorpus.Gradle));

        var refusedTruncated = await ingestor.IngestFileAsync(truncated, "TEST-truncated.xml", Metadata, default);
        var refusedBad = await ingestor.IngestFileAsync(badAttribute, "TEST-bad.xml", Metadata, default);
        var applied = await ingestor.IngestFileAsync(good, "TEST-good.xml", Metadata, default);
        var missing = await ingestor.IngestFileAsync(PathOf("nope.xml"), "nope.xml", Metadata, default);

        refusedTruncated.Applied.Should().BeFalse();
        refusedTruncated.Error!.ToString().Should().StartWith("TEST-truncated.xml:2502:");
        refusedTruncated.Stored.Should().Be(default(UpsertResult));
        refusedBad.Error!.ToString().Should().Be("TEST-bad.xml:3:4: time=\"1.2.3\" is not a number of seconds");
        missing.Error!.ToString().Should().Be("nope.xml: no such file");
        applied.Applied.Should().BeTrue();
        var stored = await ReadAllAsync(Entities.TestResults);
        stored.Should().HaveCount(5).And.OnlyContain(r => r.TestId.StartsWith("com.acme.GradleTest::", StringComparison.Ordinal));
        (await ReadAllAsync(Entities.TestCases)).Should().HaveCount(4);
        (await Store.GetRawPayloadAsync("junit", "acme/api/4242/1/test/TEST-bad.xml", default)).Should().BeNull();
    }

    [Fact]
    public async Task IngestAsync_NonSeekableStream_StoredNotArchived()
    {
        var ingestor = new TestReportIngestor(Store);
        await using var stream = new NonSeekableStream(ReportCorpus.Bytes(ReportCorpus.Trx));

        var result = await ingestor.IngestAsync("upload.trx", stream, Metadata, default);

        result.Should().Match<TestReportIngestResult>(r => r.Applied && !r.Archived && r.Results == 7 && r.Dialect == TestReportDialect.Trx);
        (await ReadAllAsync(Entities.TestResults)).Should().OnlyContain(r => r.Source == "trx").And.HaveCount(7);
    }

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}

/// <summary>Test reports on SQLite.</summary>
public sealed class SqliteTestReportIngestorTests : TestReportIngestorTests
{
    protected override async Task<IStore> OpenStoreAsync() =>
        await Analytics.Storage.Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, PathOf("store.db")), Time, default);
}

/// <summary>Test reports on PostgreSQL.</summary>
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.
public sealed class PostgresTestReportIngestorTests : TestReportIngestorTests
{
    private readonly PostgresTestServer _server = new();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _server.DisposeAsync();
    }

    protected override async Task<IStore> OpenStoreAsync() =>
        await Analytics.Storage.Store.OpenAsync(new StoreLocation(StoreKind.Postgres, await _server.CreateDatabaseAsync(default)), Time, default);
}
