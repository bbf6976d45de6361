using System.Text;
using Analytics.Collectors.Interchange;
using Analytics.Domain.Code;
using Analytics.Storage;
using Analytics.Storage.Schema;
using Analytics.Storage.Sql;
using Analytics.Testing;
using Analytics.Testing.Postgres;
using Analytics.Testing.Time;

namespace Analytics.Collectors.Tests.Interchange;

/// <summary>The import and export format against a real store; run on SQLite and on PostgreSQL.</summary>
public abstract class ImportExportTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("analytics-import-").FullName;

    protected FakeTimeProvider Time { get; } = new(SampleRecords.T0.AddDays(30));

    protected IStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await OpenStoreAsync();

    public virtual async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    protected abstract Task<IStore> OpenStoreAsync();

    protected string PathOf(string name) => Path.Combine(_directory, name);

    public static TheoryData<string, string> EntitiesAndFormats()
    {
        var data = new TheoryData<string, string>();
        foreach (var map in Entities.All)
        {
            data.Add(map.Name, "csv");
            data.Add(map.Name, "jsonl");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EntitiesAndFormats))]
    public async Task ExportThenImport_EveryEntityAndFormat_RoundTripsIntoAnEmptyStore(string entity, string formatName)
    {
        var map = Entities.Find(entity)!;
        var format = RecordFileFormats.FromName(formatName)!.Value;
        var records = SampleRecords.Full.Concat(SampleRecords.Sparse).Where(r => r.GetType() == map.RecordType).ToList();
        await using (var writer = await Store.BeginWriteAsync(default))
        {
            await writer.UpsertAsync(map, records, default);
            await writer.CommitAsync(default);
        }

        var file = PathOf($"{entity}.{formatName}");
        await using (var output = new StreamWriter(file, false, new UTF8Encoding(false)))
        {
            (await new RecordFileExporter(Store).ExportAsync(map, output, format, null, default)).Should().Be(records.Count);
        }

        await using var fresh = await Analytics.Storage.Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, PathOf("fresh.db")), Time, default);
        var result = await new RecordFileImporter(fresh).ImportAsync(map, file, null, null, default);

        result.Errors.Should().BeEmpty();
        result.Stored.Should().Be(new UpsertResult(records.Count, records.Count));
        var imported = await ReadAllAsync(fresh, map);
        imported.Should().HaveCount(records.Count);
        foreach (var record in records)
        {
            imported.Should().Contain(record);
        }
    }

    [Fact]
    public async Task Import_SameFileTwice_SecondChangesNothing()
    {
        var file = await WriteFileAsync("prs.csv", PullRequestCsv(("acme/api#1", "1", "2026-03-02T09:00:00Z"), ("acme/api#2", "2", "2026-03-03T09:00:00+01:00")));
        var importer = new RecordFileImporter(Store);

        var first = await importer.ImportAsync(Entities.PullRequests, file, null, null, default);
        var before = await SnapshotAsync();
        Time.Advance(TimeSpan.FromHours(2));
        var second = await importer.ImportAsync(Entities.PullRequests, file, null, null, default);

        first.Stored.Should().Be(new UpsertResult(2, 2));
        second.Stored.Should().Be(new UpsertResult(2, 0));
        (await SnapshotAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Import_BadValue_NamesFileLineAndFieldAndKeepsStoreAsItWas()
    {
        var good = await WriteFileAsync("good.csv", PullRequestCsv(("acme/api#1", "1", "2026-03-02T09:00:00Z")));
        await new RecordFileImporter(Store).ImportAsync(Entities.PullRequests, good, null, null, default);
        var before = await SnapshotAsync();
        var bad = await WriteFileAsync("bad.csv", PullRequestCsv(
            ("acme/api#1", "1", "2026-03-05T09:00:00Z"),
            ("acme/api#2", "two", "2026-03-02T09:00:00Z"),
            ("acme/api#3", "3", "2026-03-02 09:00")));

        var result = await new RecordFileImporter(Store).ImportAsync(Entities.PullRequests, bad, null, null, default);

        result.Applied.Should().BeFalse();
        result.Errors.Select(e => e.ToString()).Should().Equal(
            $"{bad}:3: field 'number': 'two' is not a whole number",
            $"{bad}:4: field 'created_at': '2026-03-02 09:00' has no time zone offset; write it like 2026-03-02T09:15:00Z or 2026-03-02T10:15:00+01:00",
            $"{bad}:4: field 'updated_at': '2026-03-02 09:00' has no time zone offset; write it like 2026-03-02T09:15:00Z or 2026-03-02T10:15:00+01:00");
        (await SnapshotAsync()).Should().Be(before, "the valid first row must not have been applied either");
    }

    [Fact]
    public async Task Import_BadRowAfterManyBatches_RollsBackEveryBatch()
    {
        // 12,001 rows: two full batches of 5,000 are written before the bad last row is read.
        var rows = Enumerable.Range(1, 12_000).Select(n => ($"acme/api#{n}", n.ToString(System.Globalization.CultureInfo.InvariantCulture), "2026-03-02T09:00:00Z"))
            .Append(("acme/api#x", "-5", "2026-03-02T09:00:00Z"));
        var file = await WriteFileAsync("many.csv", PullRequestCsv(rows.ToArray()));

        var result = await new RecordFileImporter(Store).ImportAsync(Entities.PullRequests, file, null, null, default);

        result.Errors.Should().ContainSingle().Which.Should().Be(new RecordError(file, 12_002, "number", "must be 1 or more\nActual value was -5."));
        (await Store.CountAsync(Entities.PullRequests, default)).Should().Be(0);
    }

    [Fact]
    public async Task Import_RecordInvariantBroken_NamesTheField()
    {
        var csv = PullRequestHeader + "\n" + "github,acme/api#1,acme/api,1,T,merged,false,alice,2026-03-02T09:00:00Z,2026-03-02T09:00:00Z,2026-03-01T09:00:00Z,,main,f,1,1,1,,\n";
        var file = await WriteFileAsync("invariant.csv", csv);

        var result = await new RecordFileImporter(Store).ImportAsync(Entities.PullRequests, file, null, null, default);

        result.Errors.Should().ContainSingle().Which.Should().Be(new RecordError(file, 2, "merged_at", "must not be before CreatedAt (2026-03-02T09:00:00.0000000+00:00)"));
    }

    [Fact]
    public async Task Import_UnknownAndMissingHeaderFields_AreReportedOnLineOne()
    {
        var file = await WriteFileAsync("header.csv", "source,source_id,titel\ngithub,1,x\n");

        var result = await new RecordFileImporter(Store).ImportAsync(Entities.Reviews, file, null, null, default);

        result.Errors.Select(e => e.ToString()).Should().Contain([
            $"{file}:1: field 'pull_request_id': required field is missing from the header",
            $"{file}:1: unknown field 'titel' for reviews",
        ]);
        var typo = await WriteFileAsync("typo.jsonl", "{\"source\":\"github\",\"source_id\":\"1\",\"pull_request_id\":\"p\",\"reviewr\":\"bob\",\"state\":\"approved\",\"submitted_at\":\"2026-03-02T09:00:00Z\"}\n");
        var jsonResult = await new RecordFileImporter(Store).ImportAsync(Entities.Reviews, typo, null, null, default);
        jsonResult.Errors.Should().ContainSingle().Which.Message.Should().Be("unknown field 'reviewr' for reviews; did you mean 'reviewer'?");
    }

    [Fact]
    public async Task Import_MalformedJsonAndWrongTypes_NameTheLine()
    {
        var file = await WriteFileAsync("reviews.jsonl", string.Join('\n',
            "{\"source\":\"github\",\"source_id\":\"1\",\"pull_request_id\":\"p\",\"reviewer\":\"bob\",\"state\":\"APPROVED\",\"submitted_at\":\"2026-03-02T09:00:00Z\"}",
            "",
            "{\"source\":\"github\",\"source_id\":\"2\",",
            "{\"source\":\"github\",\"source_id\":\"3\",\"pull_request_id\":\"p\",\"reviewer\":\"bob\",\"state\":\"lgtm\",\"submitted_at\":\"2026-03-02T09:00:00Z\"}",
            "{\"source\":\"github\",\"source_id\":4,\"pull_request_id\":\"p\",\"reviewer\":\"bob\",\"state\":\"approved\"}"));

        var result = await new RecordFileImporter(Store).ImportAsync(Entities.Reviews, file, null, null, default);

        result.Errors.Select(e => (e.Line, e.Field)).Should().Equal((3L, null), (4L, "state"), (5L, "source_id"), (5L, "submitted_at"));
        result.Errors[1].Message.Should().Be("'lgtm' is not one of: approved, changes_requested, commented, dismissed");
        result.Errors[2].Message.Should().Be("the number 4 where a string was expected");
        (await Store.CountAsync(Entities.Reviews, default)).Should().Be(0);
    }

    [Fact]
    public async Task Import_CsvQuotingAndRowShape_AreHandled()
    {
        var csv = "source,source_id,pull_request_id,reviewer,state,submitted_at\r\n"
            + "github,1,\"acme/api#1\",\"bob, \"\"the\"\" reviewer\",approved,2026-03-02T09:00:00Z\r\n"
            + "github,2,\"multi\nline\",bob,approved,2026-03-02T09:00:00Z\r\n"
            + "github,3,p,bob,approved\r\n"
            + "github,4,\"unclosed,bob,approved,2026-03-02T09:00:00Z\r\n";
        var file = await WriteFileAsync("quoting.csv", csv);

        var result = await new RecordFileImporter(Store).ImportAsync(Entities.Reviews, file, null, null, default);

        result.Errors.Select(e => e.ToString()).Should().Equal(
            $"{file}:5: the row has 5 fields but the header has 6",
            $"{file}:6: malformed CSV: line 6: a quoted field is never closed");
        var ok = await WriteFileAsync("quoting-ok.csv", string.Join("\r\n", csv.Split("\r\n").Take(3)) + "\r\n");
        (await new RecordFileImporter(Store).ImportAsync(Entities.Reviews, ok, null, null, default)).Errors.Should().BeEmpty();
        var reviews = await ReadAllAsync(Store, Entities.Reviews);
        reviews.Cast<Analytics.Domain.Code.Review>().Select(r => (r.PullRequestId, r.Reviewer)).Should().Equal(
            ("acme/api#1", "bob, \"the\" reviewer"), ("multi\nline", "bob"));
    }

    [Fact]
    public async Task Import_UnknownExtensionOrMissingFile_IsRefusedClearly()
    {
        var result = await new RecordFileImporter(Store).ImportAsync(Entities.Reviews, PathOf("data.xlsx"), null, null, default);
        var missing = await new RecordFileImporter(Store).ImportAsync(Entities.Reviews, PathOf("nope.csv"), null, null, default);

        result.Errors.Single().Message.Should().StartWith("cannot tell the format from the extension '.xlsx'");
        missing.Errors.Single().Message.Should().Be("no such file");
    }

    private const string PullRequestHeader =
        "source,source_id,repository,number,title,state,is_draft,author,created_at,updated_at,merged_at,closed_at,base_ref,head_ref,additions,deletions,changed_files,labels,merge_commit_sha";

    private static string PullRequestCsv(params (string Id, string Number, string CreatedAt)[] rows) =>
        PullRequestHeader + "\n" + string.Concat(rows.Select(r =>
            $"github,{r.Id},acme/api,{r.Number},\"Title, with comma\",open,false,alice,{r.CreatedAt},{r.CreatedAt},,,main,feature,1,2,3,bug;p1,\n"));

    private async Task<string> WriteFileAsync(string name, string content)
    {
        var path = PathOf(name);
        await File.WriteAllTextAsync(path, content, new UTF8Encoding(false));
        return path;
    }

    /// <summary>Every record of every entity and its changed_at, as text: equal snapshots mean an unchanged store.</summary>
    private async Task<string> SnapshotAsync()
    {
        var text = new StringBuilder();
        foreach (var map in Entities.All)
        {
            await new RecordFileExporter(Store).ExportAsync(map, new StringWriter(text), RecordFileFormat.JsonLines, null, default);
        }

        await foreach (var instant in ((SqlStore)Store).ReadChangedAtAsync(default))
        {
            text.AppendLine(ColumnText.FormatInstant(instant));
        }

        return text.ToString();
    }

    private static async Task<List<object>> ReadAllAsync(IStore store, EntityMap map)
    {
        var records = new List<object>();
        await foreach (var values in store.ReadValuesAsync(map, null, default))
        {
            records.Add(map.CreateRecord(new Row(map, values)));
        }

        return records;
    }
}

/// <summary>The import and export format on SQLite.</summary>
public sealed class SqliteImportExportTests : ImportExportTests
{
    protected override async Task<IStore> OpenStoreAsync() =>
        await Analytics.Storage.Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, PathOf("store.db")), Time, default);
}

/// <summary>The import and export format on PostgreSQL.</summary>
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.
public sealed class PostgresImportExportTests : ImportExportTests
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
