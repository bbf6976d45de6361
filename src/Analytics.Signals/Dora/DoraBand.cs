namespace Analytics.Signals.Dora;

/// <summary>A DORA performance cluster.</summary>
public enum DoraBand
{
    /// <summary>Elite performers.</summary>
    Elite,

    /// <summary>High performers.</summary>
    High,

    /// <summary>Medium performers.</summary>
    Medium,

    /// <summary>Low performers.</summary>
    Low,
}
