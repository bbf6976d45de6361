namespace Analytics.Collectors.TestReports;

/// <summary>Why a report was refused, and where.</summary>
/// <param name="File">The report's name (its path as given).</param>
/// <param name="Line">The 1-based line (0 when the problem is the whole file, such as a missing file).</param>
/// <param name="Column">The 1-based column (0 when unknown).</param>
/// <param name="Message">What is wrong.</param>
public sealed record TestReportError(string File, int Line, int Column, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Line switch
    {
        0 => $"{File}: {Message}",
        _ when Column == 0 => $"{File}:{Line}: {Message}",
        _ => $"{File}:{Line}:{Column}: {Message}",
    };
}
