using Analytics.Storage;

namespace Analytics.Benchmarks.Import;

/// <summary>What the import benchmark runs.</summary>
/// <param name="Rows">Rows per measurement (default 1,000,000).</param>
/// <param name="Seed">The generator's seed (default 42).</param>
/// <param name="Repeat">How many times each path is measured; the report quotes the median run.</param>
/// <param name="Stores">The stores measured, in order.</param>
/// <param name="Postgres">The PostgreSQL server's Npgsql connection string; null when PostgreSQL is not measured.</param>
/// <param name="OutputDirectory">Where the Markdown report is written.</param>
/// <param name="WorkParent">The directory the run's temporary directory is made in.</param>
/// <param name="Keep">Keep the temporary directory (CSV file, SQLite stores) after the run.</param>
internal sealed record ImportSettings(
    int Rows,
    int Seed,
    int Repeat,
    IReadOnlyList<StoreKind> Stores,
    string? Postgres,
    string OutputDirectory,
    string WorkParent,
    bool Keep);
