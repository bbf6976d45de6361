using Npgsql;

namespace Analytics.Storage;

/// <summary>
/// Where the store is: a SQLite file path, or a PostgreSQL connection given as a URL (<c>postgresql://user@host:5432/db</c>)
/// or as a connection string (<c>Host=…;Database=…</c>). Passwords are best left out: PostgreSQL's <c>PGPASSWORD</c>
/// environment variable and <c>~/.pgpass</c> file are honoured.
/// </summary>
/// <param name="Kind">The database.</param>
/// <param name="Target">The SQLite file's full path, or the Npgsql connection string.</param>
public sealed record StoreLocation(StoreKind Kind, string Target)
{
    /// <summary>Where the store is, safe to print: a PostgreSQL password is left out.</summary>
    public string Description => Kind switch
    {
        StoreKind.Sqlite => $"sqlite:{Target}",
        _ => $"postgresql:{WithoutPassword(Target)}",
    };

    /// <summary>Reads a location as given to <c>--store</c> or in configuration.</summary>
    /// <param name="text">The location.</param>
    /// <param name="baseDirectory">The directory a relative SQLite path is resolved against.</param>
    /// <param name="location">The location, when valid.</param>
    /// <param name="error">Why it is invalid (never containing a password), or null.</param>
    /// <returns>Whether the text is a valid location.</returns>
    public static bool TryParse(string text, string baseDirectory, out StoreLocation? location, out string? error)
    {
        location = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the store location is empty: give a SQLite file path or a PostgreSQL connection";
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return TryParseUrl(trimmed, out location, out error);
        }

        if (trimmed.Contains('=', StringComparison.Ordinal) && trimmed.Contains("host", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(trimmed);
                location = new StoreLocation(StoreKind.Postgres, builder.ConnectionString);
                return true;
            }
            catch (ArgumentException e)
            {
                error = $"the PostgreSQL connection string is invalid: {e.Message}";
                return false;
            }
        }

        var path = trimmed.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? trimmed["sqlite:".Length..] : trimmed;
        location = new StoreLocation(StoreKind.Sqlite, Path.GetFullPath(path, baseDirectory));
        return true;
    }

    private static bool TryParseUrl(string text, out StoreLocation? location, out string? error)
    {
        location = null;
        error = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            error = "the PostgreSQL URL is invalid: write it like postgresql://user@host:5432/database";
            return false;
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : "postgres",
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            try
            {
                builder[Uri.UnescapeDataString(kv[0])] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "true";
            }
            catch (ArgumentException)
            {
                error = $"the PostgreSQL URL has an unknown parameter '{Uri.UnescapeDataString(kv[0])}'";
                return false;
            }
        }

        location = new StoreLocation(StoreKind.Postgres, builder.ConnectionString);
        return true;
    }

    private static string WithoutPassword(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Password = null };
        return builder.ConnectionString;
    }

    /// <inheritdoc />
    public override string ToString() => Description;
}
