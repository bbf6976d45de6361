using Analytics.Domain.Code;

namespace Analytics.Collectors.Simulation;

/// <summary>A file a pull request changes.</summary>
/// <param name="Path">The path after the change.</param>
/// <param name="OldPath">The path before a rename.</param>
/// <param name="Kind">What the change does.</param>
/// <param name="Additions">Lines added; null for a binary file.</param>
/// <param name="Deletions">Lines deleted; null for a binary file.</param>
internal sealed record FilePlan(string Path, string? OldPath, FileChangeKind Kind, int? Additions, int? Deletions);
