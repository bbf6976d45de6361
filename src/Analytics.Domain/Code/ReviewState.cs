namespace Analytics.Domain.Code;

/// <summary>The verdict a review was submitted with.</summary>
public enum ReviewState
{
    /// <summary>Approved the change.</summary>
    Approved,

    /// <summary>Asked for changes.</summary>
    ChangesRequested,

    /// <summary>Commented without a verdict.</summary>
    Commented,

    /// <summary>A review later dismissed.</summary>
    Dismissed,
}
