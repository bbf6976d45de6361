using Analytics.Domain.Common;

namespace Analytics.Signals.Ownership;

/// <summary>"What if this person leaves": the files and folders left without an author.</summary>
/// <param name="Person">The person who leaves.</param>
/// <param name="AuthoredFiles">How many files they author.</param>
/// <param name="OrphanedFiles">The files they are the only author of, which become orphans, sorted.</param>
/// <param name="Folders">
/// Every folder (the repository included, as the empty string) where they author a file, sorted by path; see
/// <see cref="FolderLoss.BecomesOrphaned"/> for the folders that tip over half orphaned.
/// </param>
public sealed record LeaverImpact(
    Contributor Person,
    int AuthoredFiles,
    ValueList<string> OrphanedFiles,
    ValueList<FolderLoss> Folders);
