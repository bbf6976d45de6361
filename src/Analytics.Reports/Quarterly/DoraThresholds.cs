using Analytics.Signals.Dora;

namespace Analytics.Reports.Quarterly;

/// <summary>
/// The DORA bands (<see cref="DoraBands"/>, report year <see cref="DoraBands.ReportYear"/>) as maturity levels: low →
/// initial, medium → managed, high → defined, elite → optimising. Judging goes through <see cref="DoraBands"/> itself,
/// so the band edges (such as lead time "&lt; 1 day" but "≤ 1 week") are exactly the bands'.
/// </summary>
public static class DoraThresholds
{
    /// <summary>The comparison the bands of <paramref name="metric"/> use.</summary>
    public static Comparison ComparisonOf(DoraMetric metric) =>
        metric == DoraMetric.DeploymentFrequency ? Comparison.AtLeast : Comparison.AtMost;

    /// <summary>The band of a value of <paramref name="metric"/> (deployments per week, seconds or a share).</summary>
    public static DoraBand Band(DoraMetric metric, double value) => metric switch
    {
        DoraMetric.DeploymentFrequency => DoraBands.ForDeploymentFrequency(value),
        DoraMetric.LeadTime => DoraBands.ForLeadTime(TimeSpan.FromSeconds(value)),
        DoraMetric.ChangeFailureRate => DoraBands.ForChangeFailureRate(value),
        _ => DoraBands.ForRecoveryTime(TimeSpan.FromSeconds(value)),
    };

    /// <summary>The maturity level a band stands for.</summary>
    public static MaturityLevel LevelOf(DoraBand band) => band switch
    {
        DoraBand.Elite => MaturityLevel.Optimising,
        DoraBand.High => MaturityLevel.Defined,
        DoraBand.Medium => MaturityLevel.Managed,
        _ => MaturityLevel.Initial,
    };

    /// <summary>The band's edge for <paramref name="level"/>, for display (null for <see cref="MaturityLevel.Initial"/>).</summary>
    public static double? For(DoraMetric metric, MaturityLevel level)
    {
        var index = level switch
        {
            MaturityLevel.Managed => 0,
            MaturityLevel.Defined => 1,
            MaturityLevel.Optimising => 2,
            _ => -1,
        };
        if (index < 0)
        {
            return null;
        }

        double[] edges = metric switch
        {
            DoraMetric.DeploymentFrequency => [0.25, 1, 7],
            DoraMetric.LeadTime => [30 * Day, 7 * Day, Day],
            DoraMetric.ChangeFailureRate => [0.15, 0.10, 0.05],
            _ => [7 * Day, Day, 3600],
        };
        return edges[index];
    }

    /// <summary>The file key of <paramref name="metric"/>: <c>deployment_frequency</c>, <c>lead_time</c>, …</summary>
    public static string Key(DoraMetric metric) => metric switch
    {
        DoraMetric.DeploymentFrequency => "deployment_frequency",
        DoraMetric.LeadTime => "lead_time",
        DoraMetric.ChangeFailureRate => "change_failure_rate",
        _ => "recovery_time",
    };

    private const double Day = 86_400;
}
