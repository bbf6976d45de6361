using Analytics.Domain.Code;
using Analytics.Domain.Common;
using Analytics.Domain.People;

namespace Analytics.Signals.Ownership;

/// <summary>
/// Accumulates a repository's history, commit by commit in any order, into what the degree-of-authorship model needs,
/// then builds the <see cref="AuthorshipMap"/> the truck factor is computed from. Memory grows with paths × accounts
/// that touched them, never with the number of commits. Not thread-safe.
/// <para>
/// Following Avelino et al. (ICPC 2016) and their tool (signal-science.md §1.1): history is kept per path; ADDED
/// (and COPIED, which git without copy detection reports as an add) marks its author as a first author; MODIFIED and
/// RENAMED records are deliveries of their author and acceptances of everyone else; DELETED records change no
/// authorship; a RENAMED record links the new path to the old one, whose history is merged in recursively when the
/// file is evaluated. Bots' records are kept apart and left out when the map is built.
/// </para>
/// <para>
/// The file set is the paths that exist at the as-of point, reconstructed from the same records: a path exists when
/// its latest record by commit time adds, modifies or renames into it; a delete or a rename away removes it. On equal
/// commit times the record that keeps the path wins. Paths matching <see cref="TruckFactorOptions.Exclusions"/> and
/// paths no person ever changed are not counted.
/// </para>
/// </summary>
public sealed partial class AuthorshipLedger
{
    private readonly TruckFactorOptions _options;
    private readonly DateTimeOffset _asOf;
    private readonly Dictionary<string, int> _accountIndex = new(StringComparer.Ordinal);
    private readonly List<AccountState> _accounts = [];
    private readonly Dictionary<string, int> _pathIndex = new(StringComparer.Ordinal);
    private readonly List<PathState> _paths = [];

    /// <summary>Creates an empty ledger.</summary>
    /// <param name="options">How to count; see <see cref="TruckFactorOptions"/>.</param>
    /// <param name="asOf">The instant the truck factor is computed at: ages for decay and activity are measured from it.</param>
    public AuthorshipLedger(TruckFactorOptions options, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.DecayHalfLife is { } halfLife && halfLife <= TimeSpan.Zero)
        {
            throw new ArgumentException($"the decay half-life must be positive, not {halfLife}", nameof(options));
        }

        _options = options;
        _asOf = asOf;
    }

    /// <summary>The instant the truck factor is computed at.</summary>
    public DateTimeOffset AsOf => _asOf;

    /// <summary>How many commits were added (merges included).</summary>
    public int Commits { get; private set; }

    /// <summary>Adds one commit's changes. Commits may come in any order; each must be added once.</summary>
    /// <exception cref="ArgumentException">A rename or copy has no old path.</exception>
    public void Add(AuthoredCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        Counted(commit.Sha, commit.CommittedAt);
        if (commit.Files.Count == 0)
        {
            return;
        }

        var account = AccountIndexOf(commit.Account, commit.AuthorName, commit.Sha);
        var weight = WeightOf(commit.AuthoredAt);
        foreach (var change in commit.Files)
        {
            var path = IndexOfPath(change.Path);
            var oldPath = change.Kind != FileChangeKind.Renamed ? -1
                : change.OldPath is { Length: > 0 } old ? IndexOfPath(old)
                : throw new ArgumentException($"commit {commit.Sha}: rename of '{change.Path}' has no old path", nameof(commit));
            Apply(account, weight, commit.AuthoredAt, commit.CommittedAt, path, change.Kind, oldPath);
        }
    }

    /// <summary>
    /// Counts one commit without its changes, for a reader that feeds the changes through <see cref="Apply"/> itself
    /// (<see cref="StoredHistory"/>): what <see cref="Add"/> does before its loop.
    /// </summary>
    internal void CountCommit(string sha, DateTimeOffset committedAt) => Counted(sha, committedAt);

    /// <summary>
    /// Whether first sights are ranked by commit hash rather than by arrival: set by <see cref="StoredHistory"/>, which
    /// feeds commits in hash order, so that a ledger restored from a snapshot and advanced by later commits (whose hashes
    /// fall anywhere) names people as the ledger fed the whole history in hash order does.
    /// </summary>
    internal bool RanksBySha { get; set; }

    /// <summary>The index of an account, registering it (and the name it was recorded under) on first sight.</summary>
    /// <param name="account">The git account.</param>
    /// <param name="name">The author name of the commit.</param>
    /// <param name="sha">The commit's hash: with <see cref="RanksBySha"/>, the smallest hash an account or name is seen at ranks it.</param>
    internal int AccountIndexOf(string account, string name, string sha)
    {
        if (!_accountIndex.TryGetValue(account, out var index))
        {
            index = _accounts.Count;
            _accountIndex[account] = index;
            _accounts.Add(new AccountState(account, sha));
        }

        _accounts[index].Saw(name, sha, RanksBySha);
        return index;
    }

    /// <summary>The weight of a commit authored at <paramref name="authoredAt"/> (1 without decay).</summary>
    internal double WeightOf(DateTimeOffset authoredAt)
    {
        if (_options.DecayHalfLife is not { } halfLife)
        {
            return 1;
        }

        var age = _asOf - authoredAt;
        return age <= TimeSpan.Zero ? 1 : Math.Pow(0.5, age / halfLife);
    }

    /// <summary>The index of a path, registering it on first sight.</summary>
    internal int IndexOfPath(string path)
    {
        if (!_pathIndex.TryGetValue(path, out var index))
        {
            index = _paths.Count;
            _pathIndex[path] = index;
            _paths.Add(new PathState());
        }

        return index;
    }

    /// <summary>
    /// Records one file change of a commit, with indexes from <see cref="AccountIndexOf"/> and <see cref="IndexOfPath"/>
    /// (the path's before the old path's, as <see cref="Add"/> registers them).
    /// </summary>
    /// <param name="account">The author's account index.</param>
    /// <param name="weight">The commit's weight (<see cref="WeightOf"/>).</param>
    /// <param name="authoredAt">When the commit was written.</param>
    /// <param name="committedAt">When it was committed.</param>
    /// <param name="pathIndex">The changed path.</param>
    /// <param name="kind">What the commit did to it.</param>
    /// <param name="oldPathIndex">The path a rename came from; ignored for other kinds.</param>
    internal void Apply(int account, double weight, DateTimeOffset authoredAt, DateTimeOffset committedAt, int pathIndex, FileChangeKind kind, int oldPathIndex)
    {
        var path = _paths[pathIndex];
        switch (kind)
        {
            case FileChangeKind.Added or FileChangeKind.Copied:
                path.Contribution(account).Add(weight, authoredAt);
                path.Observe(committedAt, alive: true);
                break;
            case FileChangeKind.Modified:
                path.Contribution(account).Deliver(weight, authoredAt);
                path.Observe(committedAt, alive: true);
                break;
            case FileChangeKind.Renamed:
                path.RenamedFrom(oldPathIndex);
                path.Contribution(account).Deliver(weight, authoredAt);
                path.Observe(committedAt, alive: true);
                _paths[oldPathIndex].Observe(committedAt, alive: false);
                break;
            case FileChangeKind.Deleted:
                path.Observe(committedAt, alive: false);
                break;
        }
    }

    /// <summary>
    /// Builds the authorship of every counted file. Accounts are merged into contributors by the person
    /// <paramref name="personOf"/> finds for each (configured members, shared e-mails, <c>.mailmap</c> already applied
    /// by git) and, when <see cref="TruckFactorOptions.MergeSameName"/> is on, by equal author names; an account whose
    /// person is a bot is left out entirely (neither author nor acceptance).
    /// </summary>
    /// <param name="personOf">The person behind a git account (an e-mail, lower-cased), or null when unknown.</param>
    public AuthorshipMap Build(Func<string, Person?> personOf)
    {
        ArgumentNullException.ThrowIfNull(personOf);
        var (contributors, contributorOf) = ResolveContributors(personOf);
        var exclusions = PathExclusions.Of(_options.Exclusions);
        var files = new List<FileAuthorship>();
        var visited = new HashSet<int>();
        var stack = new Stack<int>();
        var totals = new Dictionary<int, Total>();
        foreach (var (path, index) in _pathIndex.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var state = _paths[index];
            if (!state.Alive || exclusions.IsMatch(path))
            {
                continue;
            }

            totals.Clear();
            visited.Clear();
            stack.Push(index);
            visited.Add(index);
            while (stack.Count > 0)
            {
                var current = _paths[stack.Pop()];
                foreach (var (account, contribution) in current.Contributions)
                {
                    var contributor = contributorOf[account];
                    if (contributor < 0)
                    {
                        continue;
                    }

                    totals[contributor] = totals.GetValueOrDefault(contributor).Plus(contribution);
                }

                foreach (var source in current.Sources)
                {
                    if (visited.Add(source))
                    {
                        stack.Push(source);
                    }
                }
            }

            if (totals.Count == 0)
            {
                continue;
            }

            files.Add(Evaluate(path, totals));
        }

        return new AuthorshipMap(contributors, files, _asOf, _options);
    }

    private static FileAuthorship Evaluate(string path, Dictionary<int, Total> totals)
    {
        // AC = the file's changes (MODIFIED + RENAMED records of every person) minus the developer's own: file.nChanges − DL.
        var changes = 0.0;
        var lastChange = DateTimeOffset.MinValue;
        foreach (var total in totals.Values)
        {
            changes += total.Deliveries;
            lastChange = total.LastChange > lastChange ? total.LastChange : lastChange;
        }

        var doa = new List<(int Contributor, double Doa, bool Added)>(totals.Count);
        var best = 0.0;
        foreach (var (contributor, total) in totals)
        {
            var value = DegreeOfAuthorship.Of(total.AddWeight, total.Deliveries, Math.Max(0, changes - total.Deliveries));
            doa.Add((contributor, value, total.Added));
            best = Math.Max(best, value);
        }

        var authors = doa.Where(d => DegreeOfAuthorship.IsAuthor(d.Doa, best, d.Added)).Select(d => d.Contributor).Order().ToArray();
        return new FileAuthorship(path, authors, lastChange);
    }

    private (List<Contributor> Contributors, int[] ContributorOf) ResolveContributors(Func<string, Person?> personOf)
    {
        var parent = Enumerable.Range(0, _accounts.Count).ToArray();
        int Find(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }

            return i;
        }

        void Union(int a, int b)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb)
            {
                parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
            }
        }

        var people = new Person?[_accounts.Count];
        var byPerson = new Dictionary<string, int>(StringComparer.Ordinal);
        var byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _accounts.Count; i++)
        {
            people[i] = personOf(_accounts[i].Account);
            if (people[i] is { } person && !byPerson.TryAdd(person.Id, i))
            {
                Union(byPerson[person.Id], i);
            }

            if (_options.MergeSameName)
            {
                foreach (var name in _accounts[i].Names)
                {
                    if (!byName.TryAdd(name, i))
                    {
                        Union(byName[name], i);
                    }
                }
            }
        }

        var groups = new List<(List<int> Members, Contributor Contributor)>();
        var contributorOf = new int[_accounts.Count];
        var order = RanksBySha
            ? Enumerable.Range(0, _accounts.Count).OrderBy(i => _accounts[i].FirstSha, StringComparer.Ordinal).ToArray()
            : Enumerable.Range(0, _accounts.Count).ToArray();
        foreach (var group in order.GroupBy(Find))
        {
            // Members in order of first sight, which picks the name shown when no configured person names them.
            var members = group.ToList();
            if (members.Any(i => people[i]?.IsBot == true))
            {
                members.ForEach(i => contributorOf[i] = -1);
                continue;
            }

            // A configured member's id wins over ids made from an account; then the smallest id, for stable output.
            var person = members.Select(i => people[i]).OfType<Person>()
                .OrderBy(p => p.Id.StartsWith("git:", StringComparison.Ordinal) ? 1 : 0)
                .ThenBy(p => p.Id, StringComparer.Ordinal)
                .FirstOrDefault();
            var accounts = members.Select(i => _accounts[i].Account).Order(StringComparer.Ordinal).ToList();
            var id = person?.Id ?? "git:" + accounts[0];
            var name = person?.DisplayName ?? members.Select(i => _accounts[i].FirstName).FirstOrDefault(n => n.Length > 0) ?? accounts[0];
            groups.Add((members, new Contributor(id, name, ValueList.From(accounts))));
        }

        // Sorted by id, so the answer does not depend on the order commits arrived in.
        var contributors = new List<Contributor>(groups.Count);
        foreach (var (members, contributor) in groups.OrderBy(g => g.Contributor.Id, StringComparer.Ordinal))
        {
            members.ForEach(i => contributorOf[i] = contributors.Count);
            contributors.Add(contributor);
        }

        return (contributors, contributorOf);
    }

    /// <summary>
    /// A git account and the distinct names it was recorded under, each with the hash it was first seen at (the
    /// smallest, when ranked by hash).
    /// </summary>
    private sealed class AccountState(string account, string firstSha)
    {
        private readonly List<(string Name, string Sha)> _names = [];

        public string Account { get; } = account;

        public string FirstSha { get; private set; } = firstSha;

        public IEnumerable<string> Names => _names.Select(n => n.Name);

        public IReadOnlyList<(string Name, string Sha)> NamesSeen => _names;

        public string FirstName => _names.Count == 0 ? "" : _names[0].Name;

        /// <summary>Adds a name as a snapshot holds it (distinct, in order).</summary>
        public void Restore(string name, string sha) => _names.Add((name, sha));

        public void Saw(string name, string sha, bool bySha)
        {
            if (bySha && string.CompareOrdinal(sha, FirstSha) < 0)
            {
                FirstSha = sha;
            }

            var trimmed = name.Trim();
            if (trimmed.Length == 0)
            {
                return;
            }

            var known = _names.FindIndex(n => string.Equals(n.Name, trimmed, StringComparison.OrdinalIgnoreCase));
            if (known < 0)
            {
                _names.Add((trimmed, sha));
            }
            else if (bySha && string.CompareOrdinal(sha, _names[known].Sha) < 0)
            {
                // Seen earlier in hash order (a commit applied after a snapshot): its spelling is the one kept.
                _names[known] = (trimmed, sha);
            }
            else
            {
                return;
            }

            if (bySha)
            {
                _names.Sort((a, b) => string.CompareOrdinal(a.Sha, b.Sha));
            }
        }
    }

    /// <summary>One path's history: contributions by account, the paths renamed into it, and whether it exists.</summary>
    private sealed class PathState
    {
        private static readonly List<int> NoSources = [];
        private Dictionary<int, Contribution>? _contributions;
        private List<int>? _sources;
        private DateTimeOffset _lastEvent = DateTimeOffset.MinValue;
        private bool _observed;

        public bool Alive { get; private set; }

        public IEnumerable<KeyValuePair<int, Contribution>> Contributions =>
            _contributions ?? Enumerable.Empty<KeyValuePair<int, Contribution>>();

        public IReadOnlyList<int> Sources => _sources ?? NoSources;

        public Contribution Contribution(int account)
        {
            _contributions ??= [];
            if (!_contributions.TryGetValue(account, out var contribution))
            {
                contribution = new Contribution();
                _contributions[account] = contribution;
            }

            return contribution;
        }

        public void RenamedFrom(int source)
        {
            _sources ??= [];
            if (!_sources.Contains(source))
            {
                _sources.Add(source);
            }
        }

        public void Observe(DateTimeOffset at, bool alive)
        {
            if (!_observed || at > _lastEvent || (at == _lastEvent && alive))
            {
                _observed = true;
                _lastEvent = at;
                Alive = alive;
            }
        }

        /// <summary>Writes everything the path holds (see <see cref="Read"/>).</summary>
        public void Write(BinaryWriter writer)
        {
            writer.Write((byte)((_observed ? 1 : 0) | (Alive ? 2 : 0)));
            writer.Write(_lastEvent.UtcTicks);
            writer.Write(Sources.Count);
            foreach (var source in Sources)
            {
                writer.Write(source);
            }

            writer.Write(_contributions?.Count ?? 0);
            foreach (var (account, contribution) in Contributions)
            {
                writer.Write(account);
                contribution.Write(writer);
            }
        }

        /// <summary>Reads what <see cref="Write"/> wrote, checking indexes against the ledger's sizes.</summary>
        /// <exception cref="InvalidDataException">The data is not a path's state.</exception>
        public static PathState Read(BinaryReader reader, int accounts, int paths)
        {
            var state = new PathState();
            var flags = reader.ReadByte();
            state._observed = (flags & 1) != 0;
            state.Alive = (flags & 2) != 0;
            state._lastEvent = new DateTimeOffset(Snapshot.Ticks(reader.ReadInt64()), TimeSpan.Zero);
            var sources = Snapshot.Count(reader, paths);
            for (var i = 0; i < sources; i++)
            {
                state.RenamedFrom(Snapshot.Index(reader, paths));
            }

            var contributions = Snapshot.Count(reader, accounts);
            for (var i = 0; i < contributions; i++)
            {
                var account = Snapshot.Index(reader, accounts);
                state._contributions ??= [];
                if (!state._contributions.TryAdd(account, AuthorshipLedger.Contribution.Read(reader)))
                {
                    throw new InvalidDataException($"account {account} is listed twice on a path");
                }
            }

            return state;
        }
    }

    /// <summary>What one account did to one path: whether it added it, and its deliveries (weighted under decay).</summary>
    private sealed class Contribution
    {
        public bool Added { get; private set; }

        public double AddWeight { get; private set; }

        public double Deliveries { get; private set; }

        public DateTimeOffset LastChange { get; private set; } = DateTimeOffset.MinValue;

        public void Add(double weight, DateTimeOffset at)
        {
            // Repeated adds by the same developer are "add deliveries", which getDoaMultAuthor does not use.
            Added = true;
            AddWeight = Math.Max(AddWeight, weight);
            Touch(at);
        }

        public void Deliver(double weight, DateTimeOffset at)
        {
            Deliveries += weight;
            Touch(at);
        }

        private void Touch(DateTimeOffset at) => LastChange = at > LastChange ? at : LastChange;

        public void Write(BinaryWriter writer)
        {
            writer.Write(Added);
            writer.Write(AddWeight);
            writer.Write(Deliveries);
            writer.Write(LastChange.UtcTicks);
        }

        /// <exception cref="InvalidDataException">A value is out of its range.</exception>
        public static Contribution Read(BinaryReader reader)
        {
            var contribution = new Contribution
            {
                Added = reader.ReadBoolean(),
                AddWeight = Snapshot.Weight(reader.ReadDouble()),
                Deliveries = Snapshot.Weight(reader.ReadDouble()),
                LastChange = new DateTimeOffset(Snapshot.Ticks(reader.ReadInt64()), TimeSpan.Zero),
            };
            return contribution;
        }
    }

    /// <summary>A contributor's contributions summed over a file's paths.</summary>
    private readonly record struct Total(bool Added, double AddWeight, double Deliveries, DateTimeOffset LastChange)
    {
        public Total Plus(Contribution c) => new(
            Added || c.Added,
            Math.Max(AddWeight, c.AddWeight),
            Deliveries + c.Deliveries,
            c.LastChange > LastChange ? c.LastChange : LastChange);
    }
}
