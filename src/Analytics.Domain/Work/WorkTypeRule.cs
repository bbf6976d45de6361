using Analytics.Domain.Common;

namespace Analytics.Domain.Work;

/// <summary>One entry of a <see cref="WorkTypeMapping"/>: tickets whose <paramref name="Field"/> is <paramref name="Value"/> (ignoring case) are <paramref name="WorkType"/>.</summary>
/// <param name="Field">The field matched.</param>
/// <param name="Value">The value matched, whole, ignoring case and surrounding spaces.</param>
/// <param name="WorkType">The work type it means.</param>
public sealed record WorkTypeRule(WorkTypeField Field, string Value, WorkType WorkType)
{
    /// <summary>The value matched; not blank.</summary>
    public string Value { get; init => field = Guard.NotBlank(value, nameof(Value)).Trim(); } = Guard.NotBlank(Value).Trim();
}
