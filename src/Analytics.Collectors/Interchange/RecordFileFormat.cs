namespace Analytics.Collectors.Interchange;

/// <summary>The file formats of the import and export format (see <c>docs/import-format.md</c>).</summary>
public enum RecordFileFormat
{
    /// <summary>Comma-separated values with a header row of field names (RFC 4180 quoting).</summary>
    Csv,

    /// <summary>JSON Lines: one JSON object per line.</summary>
    JsonLines,
}
