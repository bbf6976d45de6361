using System.Globalization;

namespace Analytics.Benchmarks.Import;

/// <summary>
/// The system's load averages (<c>/proc/loadavg</c>): recorded before and after a run, so a reader can tell whether other
/// work shared the machine while it was measured.
/// </summary>
internal static class SystemLoad
{
    /// <summary>The 1-, 5- and 15-minute load averages as <c>0.52 / 1.10 / 1.30</c>; <c>unknown</c> off Linux.</summary>
    public static string Read()
    {
        if (!File.Exists("/proc/loadavg"))
        {
            return "unknown";
        }

        var parts = File.ReadAllText("/proc/loadavg").Split(' ');
        return parts.Length >= 3
            ? string.Join(" / ", parts.Take(3).Select(p => double.Parse(p, CultureInfo.InvariantCulture).ToString("0.00", CultureInfo.InvariantCulture)))
            : "unknown";
    }

    /// <summary>This process's nice value (0 by default; negative when the run was given priority over other work).</summary>
    public static int Niceness()
    {
        if (!File.Exists("/proc/self/stat"))
        {
            return 0;
        }

        var text = File.ReadAllText("/proc/self/stat");
        var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(rest[19 - 3], CultureInfo.InvariantCulture); // Field 19 of proc(5), counting "pid (comm)" as 1 and 2.
    }
}
