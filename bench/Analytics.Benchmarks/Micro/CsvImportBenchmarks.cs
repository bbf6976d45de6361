using System.Text;
using Analytics.Benchmarks.Import;
using Analytics.Collectors.Interchange;
using Analytics.Domain.Testing;
using Analytics.Storage;
using Analytics.Storage.Schema;
using BenchmarkDotNet.Attributes;

namespace Analytics.Benchmarks.Micro;

/// <summary>
/// Where the time of a CSV import goes, on 50,000 test results: parsing the file into records (the baseline), writing
/// those records, already in memory and in the file's order, to an empty SQLite store, and the whole import (both,
/// plus batching). The file is the export of the same generated rows the import benchmark uses (so it is in key order).
/// Public and unsealed because BenchmarkDotNet derives from it.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(MicroConfig))]
public class CsvImportBenchmarks
{
    private static readonly TimeProvider Time = TimeProvider.System;
    private string _directory = "";
    private string _csv = "";
    private List<TestResult> _records = [];
    private IStore? _store;
    private int _stores;

    /// <summary>Rows in the file.</summary>
    [Params(50_000)]
    public int Rows { get; set; }

    /// <summary>Generates the rows, stores them once, exports them to the CSV file and reads them back in the file's order.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("analytics-micro-").FullName;
        _csv = Path.Combine(_directory, "test-results.csv");
        _records = [.. BenchData.Generate(Rows, BenchData.DefaultSeed)];
        FreshStore();
        UpsertIntoSqlite().GetAwaiter().GetResult();
        using (var output = new StreamWriter(_csv, append: false, new UTF8Encoding(false)))
        {
            new RecordFileExporter(_store!).ExportAsync(Entities.TestResults, output, RecordFileFormat.Csv, null, CancellationToken.None)
                .GetAwaiter().GetResult();
        }

        // The order matters to SQLite (appending to the key index is cheaper than inserting all over it): write what the import writes.
        _records = [.. _store!.ReadAsync(Entities.TestResults, null, CancellationToken.None).ToBlockingEnumerable()];
    }

    /// <summary>
    /// Gives each iteration an empty store (untimed). It runs before every benchmark, the baseline too, so all three run
    /// with one invocation per iteration and BenchmarkDotNet can compute their ratios to the baseline.
    /// </summary>
    [IterationSetup]
    public void FreshStore()
    {
        // Remove the previous store, so the kernel drops its pages instead of writing them back during the next iteration.
        _store?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(_directory, "*.db*"))
        {
            File.Delete(file);
        }

        var path = Path.Combine(_directory, $"{++_stores}.db");
        _store = Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, path), Time, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>Reads the CSV file into records, as the importer does, without storing them.</summary>
    [Benchmark(Baseline = true, Description = "parse CSV to records")]
    public async Task<long> ParseCsv()
    {
        await using var stream = new FileStream(_csv, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        using var text = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        long records = 0;
        await foreach (var row in CsvRecordReader.ReadAsync(Entities.TestResults, _csv, text, CancellationToken.None))
        {
            records += row.Record is null ? 0 : 1;
        }

        return records;
    }

    /// <summary>Writes the records, already in memory, to an empty SQLite store in batches of 5,000, one transaction.</summary>
    [Benchmark(Description = "upsert records into SQLite")]
    public async Task<long> UpsertIntoSqlite()
    {
        await using var writer = await _store!.BeginWriteAsync(CancellationToken.None);
        long changed = 0;
        foreach (var batch in _records.Chunk(BenchData.BatchSize))
        {
            changed += (await writer.UpsertAsync(Entities.TestResults, batch, CancellationToken.None)).Changed;
        }

        await writer.CommitAsync(CancellationToken.None);
        return changed;
    }

    /// <summary>The whole import of the file into an empty SQLite store.</summary>
    [Benchmark(Description = "import CSV into SQLite")]
    public async Task<long> ImportIntoSqlite()
    {
        var result = await new RecordFileImporter(_store!).ImportAsync(Entities.TestResults, _csv, RecordFileFormat.Csv, null, CancellationToken.None);
        return result.Applied ? result.Stored.Changed : throw new InvalidDataException(result.Errors[0].ToString());
    }

    /// <summary>Removes the stores and the file.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _store?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
