using Analytics.Storage;

namespace Analytics.Collectors.Interchange;

/// <summary>What importing one file did.</summary>
/// <param name="File">The file.</param>
/// <param name="Rows">Rows read.</param>
/// <param name="Stored">What the store did with them; all zero when the file was refused.</param>
/// <param name="Errors">Why the file was refused (at most <see cref="RecordFileImporter.MaxErrors"/>); empty when it was applied.</param>
public sealed record ImportResult(string File, long Rows, UpsertResult Stored, IReadOnlyList<RecordError> Errors)
{
    /// <summary>Whether the file was applied (all of it).</summary>
    public bool Applied => Errors.Count == 0;
}
