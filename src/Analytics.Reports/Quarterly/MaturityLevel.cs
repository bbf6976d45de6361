namespace Analytics.Reports.Quarterly;

/// <summary>
/// A capability's maturity level, from 1 to 4 (after CMMI's staged levels, shortened to four). Level 1 has no checks:
/// every capability with data is at least there. The default value (0) is not a level.
/// </summary>
public enum MaturityLevel
{
    /// <summary>1: the practice happens, but not reliably; what the numbers show is not yet under control.</summary>
    Initial = 1,

    /// <summary>2: the basics are in place and the worst outcomes are avoided.</summary>
    Managed = 2,

    /// <summary>3: the practice is consistent and meets common industry expectations.</summary>
    Defined = 3,

    /// <summary>4: the practice is among the best published figures and is improved on purpose.</summary>
    Optimising = 4,
}
