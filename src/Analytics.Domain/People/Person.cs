using Analytics.Domain.Common;

namespace Analytics.Domain.People;

/// <summary>One human (or bot) with all the accounts known to be theirs.</summary>
/// <param name="Id">A stable key: the configured member id, else the first account in sort order.</param>
/// <param name="DisplayName">The name to show.</param>
/// <param name="IsBot">Bots are flagged, never deleted; signals about people leave them out.</param>
/// <param name="Accounts">Every account merged into this person.</param>
public sealed record Person(string Id, string DisplayName, bool IsBot, ValueList<IdentityRef> Accounts);
