using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Analytics.Benchmarks.Import;

/// <summary>The machine and software a benchmark ran on, read from the system rather than typed by hand.</summary>
/// <param name="Cpu">The CPU model as <c>/proc/cpuinfo</c> names it, with family/model and clock when known.</param>
/// <param name="Cores">Logical processors available to the process.</param>
/// <param name="MemoryBytes">Physical memory (<c>MemTotal</c>).</param>
/// <param name="Os">The distribution (<c>PRETTY_NAME</c>) and kernel.</param>
/// <param name="Runtime">The .NET runtime and garbage collector mode.</param>
/// <param name="Sqlite">The SQLite library version the store uses.</param>
/// <param name="Postgres">The PostgreSQL server's version and durability settings; null when not measured.</param>
/// <param name="Disk">The file system the temporary files (SQLite stores, the CSV file) live on.</param>
internal sealed record MachineDescription(
    string Cpu,
    int Cores,
    long MemoryBytes,
    string Os,
    string Runtime,
    string Sqlite,
    string? Postgres,
    string Disk)
{
    /// <summary>One line for a README: CPU, cores, memory, OS, runtime, databases.</summary>
    public string Line =>
        $"{Cpu}, {Cores} cores, {Units.Bytes(MemoryBytes)} RAM, {Os}, {Runtime}, SQLite {Sqlite}"
        + (Postgres is null ? "" : $", PostgreSQL {Postgres}")
        + $"; files on {Disk}";

    /// <summary>Reads the description.</summary>
    /// <param name="workDirectory">Where the benchmark's files go.</param>
    /// <param name="postgres">The PostgreSQL connection string, or null.</param>
    /// <param name="cancellationToken">Cancels the database queries.</param>
    public static async Task<MachineDescription> ReadAsync(string workDirectory, string? postgres, CancellationToken cancellationToken) =>
        new(
            ReadCpu(),
            Environment.ProcessorCount,
            ReadMemTotal(),
            ReadOs(),
            $".NET {Environment.Version} ({(GCSettings.IsServerGC ? "server" : "workstation")} GC)",
            await ReadSqliteVersionAsync(cancellationToken),
            postgres is null ? null : await ReadPostgresAsync(postgres, cancellationToken),
            ReadDisk(workDirectory));

    private static string ReadCpu()
    {
        var fields = ReadKeyValues("/proc/cpuinfo", ':', firstBlockOnly: true);
        var model = fields.GetValueOrDefault("model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var details = new List<string>();
        if (fields.TryGetValue("cpu family", out var family) && fields.TryGetValue("model", out var number))
        {
            details.Add($"family {family} model {number}");
        }

        if (fields.TryGetValue("cpu MHz", out var mhz) && double.TryParse(mhz, NumberStyles.Float, CultureInfo.InvariantCulture, out var clock))
        {
            details.Add((clock / 1000).ToString("0.0#", CultureInfo.InvariantCulture) + " GHz");
        }

        if (fields.GetValueOrDefault("flags")?.Split(' ').Contains("hypervisor") == true)
        {
            details.Add("virtual machine");
        }

        return details.Count == 0 ? model : $"{model} ({string.Join(", ", details)})";
    }

    private static long ReadMemTotal()
    {
        var total = ReadKeyValues("/proc/meminfo", ':', firstBlockOnly: false).GetValueOrDefault("MemTotal");
        return total is not null && long.TryParse(total.Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kib)
            ? kib * 1024
            : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
    }

    private static string ReadOs()
    {
        var name = ReadKeyValues("/etc/os-release", '=', firstBlockOnly: false).GetValueOrDefault("PRETTY_NAME")?.Trim('"')
            ?? RuntimeInformation.OSDescription;
        var kernel = File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : null;
        return kernel is null ? name : $"{name}, Linux {kernel}";
    }

    private static async Task<string> ReadSqliteVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        var version = (string?)await command.ExecuteScalarAsync(cancellationToken) ?? "?";
        return $"{version} (WAL, synchronous=NORMAL)";
    }

    private static async Task<string> ReadPostgresAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit'), "
            + "current_setting('full_page_writes'), current_setting('shared_buffers')";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var host = new NpgsqlConnectionStringBuilder(connectionString).Host ?? "?";
        var where = host is "127.0.0.1" or "localhost" or "::1" || host.StartsWith('/') ? "same machine" : host;
        return $"{reader.GetString(0).Split(' ')[0]} ({where}; fsync={reader.GetString(1)}, synchronous_commit={reader.GetString(2)}, "
            + $"full_page_writes={reader.GetString(3)}, shared_buffers={reader.GetString(4)})";
    }

    /// <summary>The mount that holds the directory: its file system type and device, from <c>/proc/mounts</c>.</summary>
    private static string ReadDisk(string directory)
    {
        if (!File.Exists("/proc/mounts"))
        {
            return "an unknown file system";
        }

        var full = Path.GetFullPath(directory);
        var best = (Point: "", Text: "an unknown file system");
        foreach (var line in File.ReadLines("/proc/mounts"))
        {
            var parts = line.Split(' ');
            if (parts.Length < 3)
            {
                continue;
            }

            var point = parts[1];
            var contains = full == point || full.StartsWith(point.TrimEnd('/') + "/", StringComparison.Ordinal);
            if (contains && point.Length >= best.Point.Length)
            {
                best = (point, $"{parts[2]} ({parts[0]})");
            }
        }

        return best.Text;
    }

    private static Dictionary<string, string> ReadKeyValues(string file, char separator, bool firstBlockOnly)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(file))
        {
            return values;
        }

        foreach (var line in File.ReadLines(file))
        {
            if (line.Length == 0 && firstBlockOnly && values.Count > 0)
            {
                break;
            }

            var at = line.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0)
            {
                values.TryAdd(line[..at].Trim(), line[(at + 1)..].Trim());
            }
        }

        return values;
    }
}
