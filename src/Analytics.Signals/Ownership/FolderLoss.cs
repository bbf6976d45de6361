namespace Analytics.Signals.Ownership;

/// <summary>What one folder loses when a person leaves.</summary>
/// <param name="Folder">The folder, or the empty string for the whole repository.</param>
/// <param name="Files">How many counted files it holds.</param>
/// <param name="OrphanedBefore">How many of them have no author already.</param>
/// <param name="OrphanedAfter">How many have no author once the person is gone.</param>
/// <param name="BecomesOrphaned">Whether more than half its files are orphaned after, and not before.</param>
public sealed record FolderLoss(string Folder, int Files, int OrphanedBefore, int OrphanedAfter, bool BecomesOrphaned);
