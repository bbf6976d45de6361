namespace Analytics.Host.Server.Web;

/// <summary>A silence with its state now.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Matchers">Its label matchers.</param>
/// <param name="StartsAt">When it starts muting.</param>
/// <param name="EndsAt">When it stops.</param>
/// <param name="Author">Who created it.</param>
/// <param name="Reason">Why.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="State"><c>active</c>, <c>pending</c> (starts later) or <c>expired</c>.</param>
internal sealed record SilenceView(string Id, string Matchers, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Author, string Reason, DateTimeOffset CreatedAt, string State);
