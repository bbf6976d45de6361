namespace Analytics.Domain.Alerts;

/// <summary>What a notification announces.</summary>
public enum NotificationKind
{
    /// <summary>At least one alert of the group is firing (new, or again after the repeat interval).</summary>
    Firing,

    /// <summary>Every alert it carries has resolved.</summary>
    Resolved,
}
