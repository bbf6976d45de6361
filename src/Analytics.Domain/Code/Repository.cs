using Analytics.Domain.Common;

namespace Analytics.Domain.Code;

/// <summary>A source-code repository. Other records refer to it by <see cref="FullName"/>.</summary>
/// <param name="Source">The system it came from.</param>
/// <param name="SourceId">Its id in that system (GitHub's node id, a path for a local clone).</param>
/// <param name="FullName">The stable human name, <c>owner/name</c> on GitHub.</param>
/// <param name="DefaultBranch">The branch that counts as the mainline, such as <c>main</c>.</param>
/// <param name="Url">Where a person can open it, when known.</param>
/// <param name="IsArchived">Archived repositories are kept but no longer collected.</param>
/// <param name="CreatedAt">When it was created, when known.</param>
public sealed record Repository(
    string Source,
    string SourceId,
    string FullName,
    string DefaultBranch,
    string? Url,
    bool IsArchived,
    DateTimeOffset? CreatedAt) : IRecord
{
    /// <summary>The system it came from.</summary>
    public string Source { get; init => field = Guard.NotBlank(value, nameof(Source)); } = Guard.NotBlank(Source);

    /// <summary>Its id in that system.</summary>
    public string SourceId { get; init => field = Guard.NotBlank(value, nameof(SourceId)); } = Guard.NotBlank(SourceId);

    /// <summary>The stable human name.</summary>
    public string FullName { get; init => field = Guard.NotBlank(value, nameof(FullName)); } = Guard.NotBlank(FullName);

    /// <summary>The mainline branch.</summary>
    public string DefaultBranch { get; init => field = Guard.NotBlank(value, nameof(DefaultBranch)); } = Guard.NotBlank(DefaultBranch);

    /// <summary>When it was created (UTC), when known.</summary>
    public DateTimeOffset? CreatedAt { get; init => field = Guard.Utc(value); } = Guard.Utc(CreatedAt);
}
