namespace Analytics.Collectors.TestReports;

/// <summary>
/// A well-formed report that says something the parser cannot accept (a bad number, an unknown outcome, a test without
/// a name). Thrown inside the parsers and turned into a <see cref="TestReportError"/> by the ingestor.
/// </summary>
internal sealed class TestReportFormatException(string message, int line, int column) : Exception(message)
{
    /// <summary>The 1-based line of the element at fault (0 when unknown).</summary>
    public int Line { get; } = line;

    /// <summary>The 1-based column of the element at fault (0 when unknown).</summary>
    public int Column { get; } = column;
}
