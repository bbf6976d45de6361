namespace Analytics.Collectors.Interchange;

/// <summary>Chooses a <see cref="RecordFileFormat"/> from a file name or a format name.</summary>
public static class RecordFileFormats
{
    /// <summary>The format a file's extension implies: <c>.csv</c>, or <c>.jsonl</c>/<c>.ndjson</c>/<c>.json</c>; null otherwise.</summary>
    public static RecordFileFormat? FromPath(string path) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => RecordFileFormat.Csv,
            ".jsonl" or ".ndjson" or ".json" => RecordFileFormat.JsonLines,
            _ => null,
        };

    /// <summary>The format named <c>csv</c> or <c>jsonl</c>; null otherwise.</summary>
    public static RecordFileFormat? FromName(string name) =>
        name.ToLowerInvariant() switch
        {
            "csv" => RecordFileFormat.Csv,
            "jsonl" or "ndjson" or "json" => RecordFileFormat.JsonLines,
            _ => null,
        };
}
