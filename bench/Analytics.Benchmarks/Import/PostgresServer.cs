using Npgsql;

namespace Analytics.Benchmarks.Import;

/// <summary>Finds the process of a PostgreSQL server running on this machine.</summary>
internal static class PostgresServer
{
    /// <summary>
    /// The postmaster's process id: the parent of the backend serving a connection. Null when the server is on another
    /// machine (or in another process namespace), where its CPU time cannot be read.
    /// </summary>
    public static async Task<int?> FindPostmasterAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var backend = connection.ProcessID;
        if (ProcStat.ParentOf(backend) is not { } parent)
        {
            return null;
        }

        // A backend of the same pid on a remote machine would not have a postgres parent here.
        var name = File.Exists($"/proc/{parent}/comm") ? (await File.ReadAllTextAsync($"/proc/{parent}/comm", cancellationToken)).Trim() : "";
        return name is "postgres" or "postmaster" ? parent : null;
    }
}
