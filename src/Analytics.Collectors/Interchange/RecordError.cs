namespace Analytics.Collectors.Interchange;

/// <summary>Why a row of an import file was refused, and where.</summary>
/// <param name="File">The file.</param>
/// <param name="Line">The 1-based line where the row starts (the CSV header is line 1).</param>
/// <param name="Field">The field at fault, or null when the whole row or file is.</param>
/// <param name="Message">What is wrong, in words that say what to fix.</param>
public sealed record RecordError(string File, long Line, string? Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() =>
        Field is null ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: field '{Field}': {Message}";
}
