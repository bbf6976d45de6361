namespace Analytics.Domain.Work;

/// <summary>The category every workflow status maps to (Jira's status categories).</summary>
public enum StatusCategory
{
    /// <summary>Not started.</summary>
    ToDo,

    /// <summary>Being worked on.</summary>
    InProgress,

    /// <summary>Finished.</summary>
    Done,
}
