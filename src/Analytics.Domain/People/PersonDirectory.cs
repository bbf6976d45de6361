namespace Analytics.Domain.People;

/// <summary>The people resolved from all accounts, with lookup by account.</summary>
public sealed class PersonDirectory
{
    private readonly Dictionary<IdentityRef, Person> _byAccount = [];

    /// <summary>Creates a directory of the given people.</summary>
    public PersonDirectory(IEnumerable<Person> people)
    {
        People = people.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        foreach (var person in People)
        {
            foreach (var account in person.Accounts)
            {
                _byAccount[account] = person;
            }
        }
    }

    /// <summary>Everyone, ordered by id.</summary>
    public IReadOnlyList<Person> People { get; }

    /// <summary>Finds the person behind an account, or null when the account was never seen.</summary>
    public Person? Find(string source, string? account) =>
        account is null ? null : _byAccount.GetValueOrDefault(new IdentityRef(source, account));
}
