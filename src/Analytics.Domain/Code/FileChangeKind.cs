namespace Analytics.Domain.Code;

/// <summary>What a commit did to a file.</summary>
public enum FileChangeKind
{
    /// <summary>Created the file.</summary>
    Added,

    /// <summary>Changed its content.</summary>
    Modified,

    /// <summary>Removed it.</summary>
    Deleted,

    /// <summary>Moved it from <see cref="FileChange.OldPath"/>, perhaps changing it too.</summary>
    Renamed,

    /// <summary>Copied it from <see cref="FileChange.OldPath"/>.</summary>
    Copied,
}
