using Analytics.Domain.Common;

namespace Analytics.Signals.Ownership;

/// <summary>A person who changed files, with every git account merged into them. Equality is by value.</summary>
/// <param name="Id">The person's id: the configured member id, else <c>git:</c> and their first account.</param>
/// <param name="Name">The name to show.</param>
/// <param name="Accounts">Their git accounts (e-mails, lower-cased), sorted.</param>
public sealed record Contributor(string Id, string Name, ValueList<string> Accounts)
{
    /// <summary>Whether <paramref name="text"/> names this person: their id, name or one of their accounts, ignoring case.</summary>
    public bool IsNamedBy(string text) =>
        string.Equals(Id, text, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Name, text, StringComparison.OrdinalIgnoreCase)
        || Accounts.Any(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
}
