using Analytics.Domain.Common;

namespace Analytics.Domain.Code;

/// <summary>
/// A repository's authorship ledger (what the truck factor accumulates from its history) as of a watermark, kept so the
/// next computation reads only the commits after it. A cache: it can always be rebuilt from <see cref="Commit"/>s and
/// <see cref="FileChange"/>s, and is ignored when its history changed. Keyed by (<see cref="Repository"/>,
/// <see cref="Variant"/>); equality is by value.
/// </summary>
/// <param name="Repository">The repository's full name.</param>
/// <param name="Variant">What the state depends on besides the history, and the state's format version.</param>
/// <param name="WatermarkSha">The hash of the last commit applied (the latest by commit time, then hash).</param>
/// <param name="WatermarkAt">That commit's commit time: the state holds every stored commit committed at or before it.</param>
/// <param name="HighWater">The latest <c>changed_at</c> of the repository's commits and file changes read into it.</param>
/// <param name="CommitRows">How many commit rows the repository had when it was read (all of them, applied or not).</param>
/// <param name="FileRows">How many file-change rows the repository had when it was read.</param>
/// <param name="State">The ledger's state, compressed and base64-encoded.</param>
public sealed record AuthorshipSnapshot(
    string Repository,
    string Variant,
    string WatermarkSha,
    DateTimeOffset WatermarkAt,
    DateTimeOffset HighWater,
    int CommitRows,
    int FileRows,
    string State)
{
    /// <summary>The repository's full name.</summary>
    public string Repository { get; init => field = Guard.NotBlank(value, nameof(Repository)); } = Guard.NotBlank(Repository);

    /// <summary>What the state depends on besides the history, and its format version.</summary>
    public string Variant { get; init => field = Guard.NotBlank(value, nameof(Variant)); } = Guard.NotBlank(Variant);

    /// <summary>The last commit applied (UTC).</summary>
    public DateTimeOffset WatermarkAt { get; init => field = Guard.Utc(value); } = Guard.Utc(WatermarkAt);

    /// <summary>The latest <c>changed_at</c> read (UTC).</summary>
    public DateTimeOffset HighWater { get; init => field = Guard.Utc(value); } = Guard.Utc(HighWater);

    /// <summary>Commit rows read; not negative.</summary>
    public int CommitRows { get; init => field = Guard.NotNegative(value, nameof(CommitRows)); } = Guard.NotNegative(CommitRows);

    /// <summary>File-change rows read; not negative.</summary>
    public int FileRows { get; init => field = Guard.NotNegative(value, nameof(FileRows)); } = Guard.NotNegative(FileRows);
}
