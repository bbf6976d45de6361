namespace Analytics.Domain.Work;

/// <summary>Whether a ticket entered or left a sprint.</summary>
public enum SprintChangeKind
{
    /// <summary>The ticket was put into the sprint.</summary>
    Added,

    /// <summary>The ticket was taken out of the sprint.</summary>
    Removed,
}
