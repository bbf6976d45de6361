namespace Analytics.Reports.Quarterly;

/// <summary>A DORA metric whose bands (<see cref="Signals.Dora.DoraBands"/>) can stand for a check's thresholds.</summary>
public enum DoraMetric
{
    /// <summary><c>deployment_frequency</c>: deployments per week.</summary>
    DeploymentFrequency,

    /// <summary><c>lead_time</c>: change lead time in seconds.</summary>
    LeadTime,

    /// <summary><c>change_failure_rate</c>: a share between 0 and 1.</summary>
    ChangeFailureRate,

    /// <summary><c>recovery_time</c>: failed deployment recovery time in seconds.</summary>
    RecoveryTime,
}
