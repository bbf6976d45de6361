namespace Analytics.Domain.Work;

/// <summary>Which field of a ticket a <see cref="WorkTypeRule"/> matches.</summary>
public enum WorkTypeField
{
    /// <summary>One of its labels.</summary>
    Label,

    /// <summary>One of its components.</summary>
    Component,

    /// <summary>Its type (<see cref="Ticket.Type"/>).</summary>
    Type,
}
