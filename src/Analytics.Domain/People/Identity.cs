using Analytics.Domain.Common;

namespace Analytics.Domain.People;

/// <summary>
/// An account of a person (or a bot) in one source: a GitHub login, a git name and e-mail, a Jira account id, a
/// PagerDuty user. Records name their people by these accounts; <see cref="IdentityResolver"/> merges the accounts of
/// one person into a <see cref="Person"/>. Keyed by (<see cref="Source"/>, <see cref="SourceId"/>).
/// </summary>
/// <param name="Source">The system it belongs to.</param>
/// <param name="SourceId">The account as records name it (login, e-mail for git, account id).</param>
/// <param name="Name">The display name, when known.</param>
/// <param name="Email">The e-mail address, when known.</param>
/// <param name="IsBot">Whether the source says it is a bot (GitHub's <c>type: Bot</c>, say).</param>
/// <param name="PersonHint">An explicit person key that merges this account with others carrying the same hint.</param>
public sealed record Identity(
    string Source,
    string SourceId,
    string? Name,
    string? Email,
    bool IsBot,
    string? PersonHint) : IRecord
{
    /// <summary>The system it belongs to.</summary>
    public string Source { get; init => field = Guard.NotBlank(value, nameof(Source)); } = Guard.NotBlank(Source);

    /// <summary>The account as records name it.</summary>
    public string SourceId { get; init => field = Guard.NotBlank(value, nameof(SourceId)); } = Guard.NotBlank(SourceId);
}
