using Analytics.Storage;

namespace Analytics.Benchmarks.Import;

/// <summary>The names of stores and paths on the command line (<c>sqlite</c>, <c>import</c>) and in the report.</summary>
internal static class BenchNames
{
    /// <summary>The store's command-line name.</summary>
    public static string Of(StoreKind kind) => kind == StoreKind.Sqlite ? "sqlite" : "postgres";

    /// <summary>The path's command-line name.</summary>
    public static string Of(ImportPath path) => path switch
    {
        ImportPath.Upsert => "upsert",
        ImportPath.FileImport => "import",
        _ => "reimport",
    };

    /// <summary>The store as the report names it.</summary>
    public static string Display(StoreKind kind) => kind == StoreKind.Sqlite ? "SQLite" : "PostgreSQL";

    /// <summary>The path as the report names it.</summary>
    public static string Display(ImportPath path) => path switch
    {
        ImportPath.Upsert => "store upsert",
        ImportPath.FileImport => "CSV file import",
        _ => "CSV re-import (unchanged)",
    };

    /// <summary>Reads a store's command-line name.</summary>
    /// <exception cref="Cli.UsageException">Not <c>sqlite</c> or <c>postgres</c>.</exception>
    public static StoreKind StoreKindOf(string name) => name.ToLowerInvariant() switch
    {
        "sqlite" => StoreKind.Sqlite,
        "postgres" or "postgresql" => StoreKind.Postgres,
        _ => throw new Cli.UsageException($"unknown store '{name}'; use sqlite or postgres"),
    };

    /// <summary>Reads a path's command-line name.</summary>
    /// <exception cref="Cli.UsageException">Not <c>upsert</c>, <c>import</c> or <c>reimport</c>.</exception>
    public static ImportPath PathOf(string name) => name.ToLowerInvariant() switch
    {
        "upsert" => ImportPath.Upsert,
        "import" => ImportPath.FileImport,
        "reimport" => ImportPath.Reimport,
        _ => throw new Cli.UsageException($"unknown path '{name}'; use upsert, import or reimport"),
    };
}
