using Analytics.Domain.Common;
using Analytics.Signals.Dora;

namespace Analytics.Reports.Quarterly;

/// <summary>A check judged on one quarter's value.</summary>
/// <param name="Check">The check.</param>
/// <param name="Value">The quarter's value in the signal's unit; null when the signal had no value (no data).</param>
/// <param name="Outcomes">The outcome at each level the check constrains, lowest first.</param>
/// <param name="Band">For a DORA check with a value, its DORA band.</param>
public sealed record CheckResult(MaturityCheck Check, double? Value, ValueList<CheckLevelOutcome> Outcomes, DoraBand? Band)
{
    /// <summary>The highest level whose threshold the value meets (<see cref="MaturityLevel.Initial"/> when none); null without data.</summary>
    public MaturityLevel? Reached => Value is null
        ? null
        : Outcomes.Where(o => o.Status == CheckStatus.Pass).Select(o => (MaturityLevel?)o.Level).LastOrDefault() ?? MaturityLevel.Initial;

    /// <summary>The lowest level whose threshold the value misses; null when it misses none or has no data.</summary>
    public MaturityLevel? FirstFailed => Outcomes.FirstOrDefault(o => o.Status == CheckStatus.Fail)?.Level;
}
