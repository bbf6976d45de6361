namespace Analytics.Signals.Dora;

/// <summary>
/// DORA performance bands with the report they come from. The <b>2023</b> bands are as Apache DevLake encodes them
/// (its migration <c>20240223_add_dora_2023_benchmark.go</c>, with DevLake's "&gt; 1 week" low recovery band), quoted in
/// signal-science.md §5. The 2024 report's clusters are corroborated only by secondary sources and are not used until
/// checked against the report itself. The 2025 report replaced clusters with team archetypes.
/// </summary>
public static class DoraBands
{
    /// <summary>The report year the bands below come from.</summary>
    public const int ReportYear = 2023;

    /// <summary>Lead time band: elite &lt; 1 day, high 1 day – 1 week, medium 1 week – 1 month, low &gt; 1 month.</summary>
    public static DoraBand ForLeadTime(TimeSpan leadTime) => leadTime switch
    {
        _ when leadTime < TimeSpan.FromDays(1) => DoraBand.Elite,
        _ when leadTime <= TimeSpan.FromDays(7) => DoraBand.High,
        _ when leadTime <= TimeSpan.FromDays(30) => DoraBand.Medium,
        _ => DoraBand.Low,
    };

    /// <summary>Change failure rate band: elite 0–5%, high 5–10%, medium 10–15%, low &gt; 15%.</summary>
    public static DoraBand ForChangeFailureRate(double rate) => rate switch
    {
        <= 0.05 => DoraBand.Elite,
        <= 0.10 => DoraBand.High,
        <= 0.15 => DoraBand.Medium,
        _ => DoraBand.Low,
    };

    /// <summary>Failed deployment recovery time band: elite &lt; 1 hour, high &lt; 1 day, medium 1 day – 1 week, low &gt; 1 week.</summary>
    public static DoraBand ForRecoveryTime(TimeSpan recovery) => recovery switch
    {
        _ when recovery < TimeSpan.FromHours(1) => DoraBand.Elite,
        _ when recovery < TimeSpan.FromDays(1) => DoraBand.High,
        _ when recovery <= TimeSpan.FromDays(7) => DoraBand.Medium,
        _ => DoraBand.Low,
    };

    /// <summary>
    /// Deployment frequency band from deployments per week: elite on demand (several a day: ≥ 7 a week), high once a
    /// day to once a week (≥ 1), medium once a week to once a month (≥ 0.25), low less often.
    /// </summary>
    public static DoraBand ForDeploymentFrequency(double deploymentsPerWeek) => deploymentsPerWeek switch
    {
        >= 7 => DoraBand.Elite,
        >= 1 => DoraBand.High,
        >= 0.25 => DoraBand.Medium,
        _ => DoraBand.Low,
    };
}
