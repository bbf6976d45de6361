using Analytics.Domain.Testing;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;
using Analytics.Testing;

namespace Analytics.Storage.Tests;

/// <summary>The columnar read (<see cref="IStore.ReadColumnsAsync"/>): the same values as the row read, typed.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task ReadColumns_EveryColumnOfEveryEntity_HoldsWhatReadValuesReads()
    {
        await using var store = await OpenStoreAsync();
        await WriteAsync(store, SampleRecords.Full.Concat(SampleRecords.Sparse));

        foreach (var map in Entities.All)
        {
            var columns = map.Columns;
            var rows = new List<object?[]>();
            await foreach (var values in store.ReadValuesAsync(map, null, default))
            {
                rows.Add(values);
            }

            var read = 0;
            await foreach (var batch in store.ReadColumnsAsync(map, columns.Select(c => c.Name).ToList(), null, default))
            {
                for (var row = 0; row < batch.Count; row++, read++)
                {
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var expected = rows[read][map.IndexOf(columns[c].Name)];
                        batch.Value(c, row).Should().Be(expected, $"{map.Name}.{columns[c].Name} of row {read} should read the same both ways");
                    }
                }
            }

            read.Should().Be(rows.Count, $"{map.Name} should give every row");
        }
    }

    [Fact]
    public async Task ReadColumns_RepeatedNullAndEmptyTextInARow_ReadEachAsStored()
    {
        // A column's value repeating row after row is read from the previous row's code (SQLite); a null, an empty text
        // and a value after them must not be taken for the value before.
        await using var store = await OpenStoreAsync();
        var template = SampleRecords.Full.OfType<TestResult>().First();
        string?[] branches = ["main", "main", null, null, "", "", "main", "", null, "feature", "main"];
        await WriteAsync(store, branches.Select((branch, n) => template with
        {
            RunId = $"run-{n:D2}",
            Branch = branch,
            StartedAt = SampleRecords.T0.AddSeconds(n),
        }));

        var read = new List<string?>();
        await foreach (var batch in store.ReadColumnsAsync(Entities.TestResults, ["branch"], StoreQuery.All.OrderedBy("started_at"), default))
        {
            for (var row = 0; row < batch.Count; row++)
            {
                batch.IsNull(0, row).Should().Be(batch.Codes(0)[row] == StringTable.Null);
                read.Add(batch.Strings.OrNull(batch.Codes(0)[row]));
            }
        }

        read.Should().Equal(branches);
    }

    [Fact]
    public async Task ReadColumns_MoreRowsThanABatch_KeepsOrderAndCodesAcrossBatches()
    {
        await using var store = await OpenStoreAsync();
        var template = SampleRecords.Full.OfType<TestResult>().First();
        const int count = ColumnBatch.Capacity + 100;
        var results = Enumerable.Range(0, count)
            .Select(n => template with
            {
                RunId = $"run-{n:D5}",
                TestId = $"test-{n % 7}",
                Outcome = n % 3 == 0 ? TestOutcome.Failed : TestOutcome.Passed,
                StartedAt = SampleRecords.T0.AddSeconds(count - n),
            })
            .ToList();
        await WriteAsync(store, results);

        var query = StoreQuery.All.OrderedBy("started_at");
        // A batch is valid until the next is asked for (the read refills it), so each is taken apart as it comes.
        var sizes = new List<int>();
        var tables = new List<StringTable>();
        var runs = new List<string>();
        var testCodes = new HashSet<int>();
        var failures = 0;
        await foreach (var batch in store.ReadColumnsAsync(Entities.TestResults, ["test_id", "run_id", "outcome", "started_at"], query, default))
        {
            sizes.Add(batch.Count);
            tables.Add(batch.Strings);
            runs.AddRange(batch.Codes(1).ToArray().Select(code => batch.Strings[code]));
            testCodes.UnionWith(batch.Codes(0).ToArray());
            failures += batch.Codes(2).ToArray().Count(o => o == (int)TestOutcome.Failed);
        }

        // 8,292 rows: one full batch of 8,192, then 100.
        sizes.Should().Equal(ColumnBatch.Capacity, 100);
        tables[0].Should().BeSameAs(tables[1]);
        runs.Should().Equal(results.OrderBy(r => r.StartedAt).Select(r => r.RunId), "started_at ascending is run-08291 first");
        testCodes.Should().HaveCount(7, "seven distinct test ids get seven codes over both batches");
        failures.Should().Be(Enumerable.Range(0, count).Count(n => n % 3 == 0));
    }

    [Fact]
    public async Task ReadColumns_InAnyOrderWithFilters_ReadsTheSameRecords()
    {
        await using var store = await OpenStoreAsync();
        var template = SampleRecords.Full.OfType<TestResult>().First();
        var results = Enumerable.Range(0, 40)
            .Select(n => template with { Repository = n % 2 == 0 ? "acme/api" : "acme/web", RunId = $"r{n}", StartedAt = SampleRecords.T0.AddHours(n) })
            .ToList();
        await WriteAsync(store, results);

        var query = StoreQuery.All.WhereIn("repository", ["acme/web"]).Since("started_at", SampleRecords.T0.AddHours(10)).Before("started_at", SampleRecords.T0.AddHours(30)).InAnyOrder();
        var runs = new List<string>();
        await foreach (var batch in store.ReadColumnsAsync(Entities.TestResults, ["run_id"], query, default))
        {
            runs.AddRange(batch.Codes(0).ToArray().Select(code => batch.Strings[code]));
        }

        // Odd n from 11 to 29: ten runs of acme/web in [10 h, 30 h).
        runs.Should().BeEquivalentTo(Enumerable.Range(10, 20).Where(n => n % 2 == 1).Select(n => $"r{n}"));
    }

    [Fact]
    public async Task ReadColumnsAndCount_ChangedAt_ReadAndFilterWhenRecordsWereWritten()
    {
        await using var store = await OpenStoreAsync();
        var template = SampleRecords.Full.OfType<TestResult>().First();
        var first = Time.GetUtcNow();
        await WriteAsync(store, Enumerable.Range(0, 3).Select(n => template with { RunId = $"a{n}" }).ToList());
        Time.Advance(TimeSpan.FromHours(1));
        var second = Time.GetUtcNow();
        await WriteAsync(store, Enumerable.Range(0, 2).Select(n => template with { RunId = $"b{n}" }).ToList());

        var written = new List<(string Run, long Ticks)>();
        await foreach (var batch in store.ReadColumnsAsync(Entities.TestResults, ["run_id", "changed_at"], StoreQuery.All.Since("changed_at", second), default))
        {
            for (var row = 0; row < batch.Count; row++)
            {
                written.Add((batch.Strings[batch.Codes(0)[row]], batch.Ticks(1)[row]));
            }
        }

        // Three records written at the first instant, two an hour later; each filter keeps its side.
        written.Should().Equal(("b0", second.UtcTicks), ("b1", second.UtcTicks));
        (await store.CountAsync(Entities.TestResults, StoreQuery.All.Before("changed_at", second), default)).Should().Be(3);
        (await store.CountAsync(Entities.TestResults, StoreQuery.All.Since("changed_at", first).Where("run_id", "b1"), default)).Should().Be(1);
        (await store.CountAsync(Entities.TestResults, StoreQuery.All.Where("repository", "elsewhere"), default)).Should().Be(0);
    }

    [Fact]
    public async Task ReadColumns_UnknownColumn_IsRefusedNamingIt()
    {
        await using var store = await OpenStoreAsync();

        var unknown = () => store.ReadColumnsAsync(Entities.TestResults, ["nope"], null, default).GetAsyncEnumerator().MoveNextAsync().AsTask();
        await unknown.Should().ThrowAsync<ArgumentException>().WithMessage("*no column 'nope'*");
    }
}
