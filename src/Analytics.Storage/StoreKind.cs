namespace Analytics.Storage;

/// <summary>Which database holds the store.</summary>
public enum StoreKind
{
    /// <summary>An embedded SQLite file: the default, no server needed.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, for several nodes sharing work.</summary>
    Postgres,
}
