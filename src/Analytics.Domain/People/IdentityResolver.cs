using System.Text.RegularExpressions;
using Analytics.Domain.Common;

namespace Analytics.Domain.People;

/// <summary>
/// Merges accounts from every source into people. Two accounts are one person when the teams configuration lists both
/// under one member, when they carry the same <see cref="Identity.PersonHint"/>, when they share an e-mail address
/// (ignoring case), or when a git e-mail is a GitHub no-reply address of a GitHub login. A person is a bot when any of
/// their accounts is flagged as one, ends in <c>[bot]</c>, or is listed in <c>bots</c>.
/// </summary>
public static partial class IdentityResolver
{
    /// <summary>Resolves people from accounts and the configured team members.</summary>
    /// <param name="identities">Accounts seen by the sources.</param>
    /// <param name="members">Members declared in the teams configuration; their ids become person ids.</param>
    /// <param name="bots">Accounts declared to be bots, matched by account name in any source, ignoring case.</param>
    /// <returns>A directory that finds the person behind any account.</returns>
    public static PersonDirectory Resolve(
        IEnumerable<Identity> identities,
        IEnumerable<TeamMember> members,
        IEnumerable<string> bots)
    {
        ArgumentNullException.ThrowIfNull(identities);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(bots);

        var sets = new DisjointSets();
        var known = new Dictionary<IdentityRef, Identity>();
        var memberOf = new Dictionary<IdentityRef, TeamMember>();
        var botNames = new HashSet<string>(bots, StringComparer.OrdinalIgnoreCase);
        var byEmail = new Dictionary<string, IdentityRef>(StringComparer.OrdinalIgnoreCase);
        var byHint = new Dictionary<string, IdentityRef>(StringComparer.OrdinalIgnoreCase);

        foreach (var member in members)
        {
            var first = new IdentityRef("member", member.Id);
            sets.Add(first);
            memberOf[first] = member;
            foreach (var account in member.Accounts)
            {
                sets.Union(first, account);
                memberOf.TryAdd(account, member);
                if (account.Source == "git" && account.Account.Contains('@', StringComparison.Ordinal))
                {
                    // A configured git e-mail also claims accounts of other sources that carry the same address.
                    byEmail.TryAdd(account.Account.Trim(), first);
                }
            }
        }

        foreach (var identity in identities)
        {
            var self = new IdentityRef(identity.Source, identity.SourceId);
            sets.Add(self);
            known[self] = identity;
            foreach (var email in EmailsOf(identity))
            {
                if (!byEmail.TryAdd(email, self))
                {
                    sets.Union(byEmail[email], self);
                }

                if (GitHubLoginFromNoReply(email) is { } login)
                {
                    sets.Union(self, new IdentityRef("github", login));
                }
            }

            if (!string.IsNullOrWhiteSpace(identity.PersonHint) && !byHint.TryAdd(identity.PersonHint, self))
            {
                sets.Union(byHint[identity.PersonHint], self);
            }
        }

        var people = new List<Person>();
        foreach (var group in sets.Groups())
        {
            var accounts = group.Where(r => r.Source != "member").OrderBy(r => r.ToString(), StringComparer.Ordinal).ToList();
            var member = group.Select(r => memberOf.GetValueOrDefault(r)).FirstOrDefault(m => m is not null);
            var identitiesOfGroup = accounts.Select(a => known.GetValueOrDefault(a)).OfType<Identity>().ToList();
            var hint = identitiesOfGroup.Select(i => i.PersonHint).FirstOrDefault(h => !string.IsNullOrWhiteSpace(h));
            var id = member?.Id ?? hint ?? accounts.FirstOrDefault().ToString();
            var name = member?.Name
                ?? identitiesOfGroup.Select(i => i.Name).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n))
                ?? accounts.FirstOrDefault().Account
                ?? id;
            var isBot = identitiesOfGroup.Any(i => i.IsBot)
                || accounts.Any(a => a.Account.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase) || botNames.Contains(a.Account));
            people.Add(new Person(id, name, isBot, ValueList.From(accounts)));
        }

        return new PersonDirectory(people);
    }

    private static IEnumerable<string> EmailsOf(Identity identity)
    {
        if (!string.IsNullOrWhiteSpace(identity.Email))
        {
            yield return identity.Email.Trim();
        }

        if (identity.Source == "git" && identity.SourceId.Contains('@', StringComparison.Ordinal)
            && !string.Equals(identity.SourceId.Trim(), identity.Email?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            yield return identity.SourceId.Trim();
        }
    }

    /// <summary>Reads the login out of <c>123+login@users.noreply.github.com</c> or <c>login@users.noreply.github.com</c>.</summary>
    internal static string? GitHubLoginFromNoReply(string email)
    {
        var match = NoReplyPattern().Match(email);
        return match.Success ? match.Groups["login"].Value : null;
    }

    [GeneratedRegex(@"^(?:\d+\+)?(?<login>[A-Za-z0-9-]+(?:\[bot\])?)@users\.noreply\.github\.com$", RegexOptions.IgnoreCase)]
    private static partial Regex NoReplyPattern();

    /// <summary>Union–find over accounts, with path halving.</summary>
    private sealed class DisjointSets
    {
        private readonly Dictionary<IdentityRef, IdentityRef> _parent = [];

        public void Add(IdentityRef item) => _parent.TryAdd(item, item);

        public void Union(IdentityRef a, IdentityRef b)
        {
            Add(a);
            Add(b);
            var rootA = Find(a);
            var rootB = Find(b);
            if (!rootA.Equals(rootB))
            {
                _parent[rootB] = rootA;
            }
        }

        public IEnumerable<IGrouping<IdentityRef, IdentityRef>> Groups() =>
            _parent.Keys.ToList().GroupBy(Find);

        private IdentityRef Find(IdentityRef item)
        {
            while (!_parent[item].Equals(item))
            {
                var grandparent = _parent[_parent[item]];
                _parent[item] = grandparent;
                item = grandparent;
            }

            return item;
        }
    }
}
