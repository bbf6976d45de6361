namespace Analytics.Domain.People;

/// <summary>A reference to an account: the source and the account as records name it. Compared ignoring case.</summary>
/// <param name="Source">The system, such as <c>github</c>.</param>
/// <param name="Account">The account, such as a login.</param>
public readonly record struct IdentityRef(string Source, string Account)
{
    /// <inheritdoc />
    public bool Equals(IdentityRef other) =>
        StringComparer.OrdinalIgnoreCase.Equals(Source, other.Source)
        && StringComparer.OrdinalIgnoreCase.Equals(Account, other.Account);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(Source ?? ""), StringComparer.OrdinalIgnoreCase.GetHashCode(Account ?? ""));

    /// <inheritdoc />
    public override string ToString() => $"{Source}:{Account}";
}
