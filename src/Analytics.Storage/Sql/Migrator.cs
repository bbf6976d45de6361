using System.Data.Common;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Analytics.Storage.Sql;

/// <summary>
/// Applies the embedded migration scripts (<c>Migrations/NNNN_name.sql</c>) in version order, each once, all in one
/// transaction under a lock so several nodes starting together do not race. An applied script that has since been
/// edited, or a store newer than this program, is an error.
/// </summary>
internal static class Migrator
{
    /// <summary>The migrations shipped with this build, in version order.</summary>
    public static IReadOnlyList<Migration> Shipped { get; } = LoadShipped();

    public static async Task<int> MigrateAsync(SqlDialect dialect, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await dialect.LockForMigrationAsync(connection, transaction, cancellationToken);
        await ExecuteAsync(connection, transaction, Expand(dialect,
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
            + "checksum TEXT NOT NULL, applied_at {{instant}} NOT NULL)"), cancellationToken);

        var applied = new Dictionary<int, string>();
        await using (var command = Command(connection, transaction, "SELECT version, checksum FROM schema_migrations"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied[Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)] = reader.GetString(1);
            }
        }

        var latest = Shipped[^1].Version;
        if (applied.Count > 0 && applied.Keys.Max() > latest)
        {
            throw new StoreException(
                $"{dialect.Description}: the store is at schema version {applied.Keys.Max()}, newer than this program "
                + $"knows ({latest}); upgrade analytics");
        }

        foreach (var migration in Shipped)
        {
            if (applied.TryGetValue(migration.Version, out var checksum))
            {
                if (checksum != migration.Checksum)
                {
                    throw new StoreException(
                        $"{dialect.Description}: migration {migration.Version} ({migration.Name}) was changed after it "
                        + "was applied; ship a new migration instead of editing an old one");
                }

                continue;
            }

            await ExecuteAsync(connection, transaction, Expand(dialect, migration.Script), cancellationToken);
            await using var record = Command(connection, transaction,
                "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@v, @n, @c, @a)");
            Add(record, "@v", migration.Version);
            Add(record, "@n", migration.Name);
            Add(record, "@c", migration.Checksum);
            Add(record, "@a", dialect.InstantToDb(time.GetUtcNow()));
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return latest;
    }

    private static string Expand(SqlDialect dialect, string script)
    {
        foreach (var placeholder in new[] { "instant", "real", "bool", "bytes" })
        {
            script = script.Replace("{{" + placeholder + "}}", dialect.TypeFor(placeholder), StringComparison.Ordinal);
        }

        // Statements, not types: the blocks are built by the same SQL when written, and noted stale by triggers of the
        // dialect's own kind (TestResultBlocks, SqlDialect.TestResultBlockDdl).
        return script
            .Replace("{{test_result_blocks}}", TestResultBlocks.Select(dialect), StringComparison.Ordinal)
            .Replace("{{test_result_block_ddl}}", dialect.TestResultBlockDdl, StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;

        // An index built over a large table takes minutes; the caller's cancellation, not a driver default, ends it.
        command.CommandTimeout = 0;
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static Migration[] LoadShipped()
    {
        var assembly = typeof(Migrator).Assembly;
        const string prefix = "Analytics.Storage.Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Load(assembly, n, n[prefix.Length..^".sql".Length]))
            .OrderBy(m => m.Version)
            .ToArray();
    }

    private static Migration Load(Assembly assembly, string resource, string fileName)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var script = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        var version = int.Parse(fileName[..separator], System.Globalization.CultureInfo.InvariantCulture);
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        return new Migration(version, fileName[(separator + 1)..], script, checksum);
    }

    /// <summary>One migration script.</summary>
    internal sealed record Migration(int Version, string Name, string Script, string Checksum);
}
