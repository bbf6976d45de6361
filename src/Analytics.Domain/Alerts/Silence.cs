using Analytics.Domain.Common;

namespace Analytics.Domain.Alerts;

/// <summary>
/// Mutes the notifications of alerts whose labels match <see cref="Matchers"/> between <see cref="StartsAt"/> and
/// <see cref="EndsAt"/>. Silenced alerts still change state; they only produce no notification. Keyed by <see cref="Id"/>.
/// </summary>
/// <param name="Id">Its id, chosen by whoever creates it.</param>
/// <param name="Matchers">Label matchers in selector syntax, such as <c>{team="payments", alertname=~"Stale.*"}</c>.</param>
/// <param name="StartsAt">When it starts muting.</param>
/// <param name="EndsAt">When it stops (excluded); after <see cref="StartsAt"/>.</param>
/// <param name="Author">Who created it.</param>
/// <param name="Reason">Why.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record Silence(
    string Id,
    string Matchers,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Author,
    string Reason,
    DateTimeOffset CreatedAt)
{
    /// <summary>Its id.</summary>
    public string Id { get; init => field = Guard.NotBlank(value, nameof(Id)); } = Guard.NotBlank(Id);

    /// <summary>The label matchers.</summary>
    public string Matchers { get; init => field = Guard.NotBlank(value, nameof(Matchers)); } = Guard.NotBlank(Matchers);

    /// <summary>When it starts muting (UTC).</summary>
    public DateTimeOffset StartsAt { get; init => field = Guard.Utc(value); } = Guard.Utc(StartsAt);

    /// <summary>When it stops muting (UTC); after <see cref="StartsAt"/>.</summary>
    public DateTimeOffset EndsAt { get; init => field = After(value, StartsAt); } = After(EndsAt, StartsAt);

    /// <summary>Who created it.</summary>
    public string Author { get; init => field = Guard.NotBlank(value, nameof(Author)); } = Guard.NotBlank(Author);

    /// <summary>Why.</summary>
    public string Reason { get; init => field = Guard.NotBlank(value, nameof(Reason)); } = Guard.NotBlank(Reason);

    /// <summary>When it was created (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init => field = Guard.Utc(value); } = Guard.Utc(CreatedAt);

    /// <summary>Whether it mutes at <paramref name="instant"/>.</summary>
    public bool IsActiveAt(DateTimeOffset instant) => instant >= StartsAt && instant < EndsAt;

    private static DateTimeOffset After(DateTimeOffset end, DateTimeOffset start) =>
        end > start ? end.ToUniversalTime() : throw new ArgumentException($"EndsAt must be after StartsAt ({start:O})", nameof(end));
}
