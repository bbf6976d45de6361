namespace Analytics.Benchmarks.Import;

/// <summary>Everything one run of the import benchmark measured.</summary>
/// <param name="Settings">What was run.</param>
/// <param name="Machine">Where.</param>
/// <param name="MeasuredAt">When (UTC).</param>
/// <param name="LoadBefore">The load averages when the run began.</param>
/// <param name="LoadAfter">The load averages when it ended.</param>
/// <param name="Niceness">The driver's nice value, which its measuring processes inherit.</param>
/// <param name="Results">The measurements by store and path, in the order they ran.</param>
/// <param name="CsvBytes">The CSV file's size.</param>
/// <param name="CsvExport">How long the (untimed) export of the CSV file took.</param>
internal sealed record ImportRun(
    ImportSettings Settings,
    MachineDescription Machine,
    DateTimeOffset MeasuredAt,
    string LoadBefore,
    string LoadAfter,
    int Niceness,
    IReadOnlyList<PathResult> Results,
    long CsvBytes,
    TimeSpan CsvExport);
