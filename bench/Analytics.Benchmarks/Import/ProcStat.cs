using System.Globalization;

namespace Analytics.Benchmarks.Import;

/// <summary>
/// CPU time from Linux's <c>/proc</c>: the whole machine's, and a process tree's (a PostgreSQL server with its backends).
/// Lets a measurement say how much CPU the database server used, and how much other processes took from it. Everything
/// reads as zero off Linux.
/// </summary>
internal static class ProcStat
{
    /// <summary><c>/proc</c> counts in USER_HZ clock ticks, which Linux fixes at 100 per second for user space.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>CPU time the machine spent busy (all cores; idle, I/O wait and steal excluded), and time stolen by the hypervisor.</summary>
    public static (TimeSpan Busy, TimeSpan Steal) ReadMachine()
    {
        if (!File.Exists("/proc/stat"))
        {
            return default;
        }

        using var reader = new StreamReader("/proc/stat");
        var fields = reader.ReadLine()!.Split(' ', StringSplitOptions.RemoveEmptyEntries); // cpu user nice system idle iowait irq softirq steal …
        long Field(int i) => i < fields.Length ? long.Parse(fields[i], CultureInfo.InvariantCulture) : 0;
        var busy = Field(1) + Field(2) + Field(3) + Field(6) + Field(7);
        return (Ticks(busy), Ticks(Field(8)));
    }

    /// <summary>
    /// CPU time of a process and its children: the process's own time and that of the children it has reaped, plus each
    /// live child's. For a PostgreSQL postmaster that is the whole server: backends that ended were reaped by it.
    /// </summary>
    public static TimeSpan ReadTree(int rootPid)
    {
        if (!Directory.Exists("/proc"))
        {
            return TimeSpan.Zero;
        }

        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                || ReadStat(pid) is not { } stat)
            {
                continue;
            }

            if (pid == rootPid)
            {
                ticks += stat.Utime + stat.Stime + stat.Cutime + stat.Cstime;
            }
            else if (stat.Ppid == rootPid)
            {
                ticks += stat.Utime + stat.Stime;
            }
        }

        return Ticks(ticks);
    }

    /// <summary>The parent of a process, or null when it cannot be read (gone, or not on this machine).</summary>
    public static int? ParentOf(int pid) => ReadStat(pid)?.Ppid;

    private static (int Ppid, long Utime, long Stime, long Cutime, long Cstime)? ReadStat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null; // The process ended meanwhile.
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid … utime(14) stime(15) cutime(16) cstime(17)"; comm may hold spaces, so split after ')'.
        var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        long At(int field) => long.Parse(rest[field - 3], CultureInfo.InvariantCulture);
        return ((int)At(4), At(14), At(15), At(16), At(17));
    }

    private static TimeSpan Ticks(long ticks) => TimeSpan.FromSeconds(ticks / TicksPerSecond);
}
