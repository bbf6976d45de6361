using Analytics.Domain.Common;

namespace Analytics.Signals.Ownership;

/// <summary>
/// Who authors each counted file of a repository at one instant (built by <see cref="AuthorshipLedger.Build"/>), and
/// the truck factor, knowledge silos and leaver simulation computed from it. Immutable; folder indexes are built on
/// first use.
/// </summary>
public sealed class AuthorshipMap
{
    private readonly List<Contributor> _contributors;
    private readonly List<FileAuthorship> _files;
    private readonly TruckFactorOptions _options;
    private Dictionary<string, int[]>? _folders;

    internal AuthorshipMap(List<Contributor> contributors, List<FileAuthorship> files, DateTimeOffset asOf, TruckFactorOptions options)
    {
        _contributors = contributors;
        _files = files;
        _options = options;
        AsOf = asOf;
    }

    /// <summary>The instant it describes.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>Everyone (bots left out) who changed a path, whether or not they author a counted file.</summary>
    public IReadOnlyList<Contributor> Contributors => _contributors;

    /// <summary>How many files are counted.</summary>
    public int FileCount => _files.Count;

    /// <summary>The counted files, sorted by path.</summary>
    internal IReadOnlyList<FileAuthorship> Files => _files;

    /// <summary>The ids of a file's authors, sorted; null when the path is not a counted file.</summary>
    public IReadOnlyList<string>? AuthorsOf(string path)
    {
        var file = _files.FirstOrDefault(f => f.Path == path);
        return file?.Authors.Select(a => _contributors[a].Id).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The person named by <paramref name="text"/> (id, name or account, ignoring case), or null.</summary>
    public Contributor? FindContributor(string text) => _contributors.FirstOrDefault(c => c.IsNamedBy(text));

    /// <summary>The truck factor of a folder, or of the repository for the empty string.</summary>
    /// <param name="folder">A folder path without leading or trailing slash; empty for the whole repository.</param>
    public TruckFactorResult TruckFactor(string folder = "")
    {
        ArgumentNullException.ThrowIfNull(folder);
        var key = folder.Trim('/');
        return Greedy(key, FolderIndex.GetValueOrDefault(key) ?? []);
    }

    /// <summary>The truck factor of the repository and of every folder with at least <paramref name="minimumFiles"/> files, sorted by path.</summary>
    public IReadOnlyList<TruckFactorResult> Folders(int minimumFiles = 1) =>
        FolderIndex.Where(f => f.Key.Length == 0 || f.Value.Length >= minimumFiles)
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => Greedy(f.Key, f.Value))
            .ToList();

    /// <summary>
    /// The knowledge silos: folders (the repository included) with a truck factor of 1, at least
    /// <see cref="TruckFactorOptions.SiloMinimumFiles"/> files, and a change by a person within
    /// <see cref="TruckFactorOptions.ActiveWithin"/> of <see cref="AsOf"/>. A silo inside a silo of the same person is
    /// not listed again. Sorted by path.
    /// </summary>
    public IReadOnlyList<KnowledgeSilo> Silos()
    {
        var activeSince = AsOf - _options.ActiveWithin;
        var silos = new Dictionary<string, (TruckFactorResult Result, int[] Files)>(StringComparer.Ordinal);
        foreach (var (folder, files) in FolderIndex)
        {
            if (files.Length < _options.SiloMinimumFiles)
            {
                continue;
            }

            var result = Greedy(folder, files);
            if (result.TruckFactor == 1 && result.LastChange >= activeSince)
            {
                silos[folder] = (result, files);
            }
        }

        var list = new List<KnowledgeSilo>();
        foreach (var (folder, (result, files)) in silos.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var owner = result.Authors[0].Contributor;
            if (Ancestors(folder).Any(a => silos.TryGetValue(a, out var outer) && outer.Result.Authors[0].Contributor == owner))
            {
                continue;
            }

            var ownerIndex = _contributors.IndexOf(owner);
            var sole = files.Count(f => _files[f].Authors is [var only] && only == ownerIndex);
            list.Add(new KnowledgeSilo(folder, files.Length, owner, result.Authors[0].Share, (double)sole / files.Length, result.LastChange!.Value));
        }

        return list;
    }

    /// <summary>What happens if <paramref name="person"/> leaves; null when no contributor is named so.</summary>
    /// <param name="person">The person's id, name or one of their accounts, ignoring case.</param>
    public LeaverImpact? Leaves(string person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var contributor = FindContributor(person);
        if (contributor is null)
        {
            return null;
        }

        var index = _contributors.IndexOf(contributor);
        var authored = 0;
        var orphaned = new List<string>();
        foreach (var file in _files)
        {
            if (Array.BinarySearch(file.Authors, index) >= 0)
            {
                authored++;
                if (file.Authors.Length == 1)
                {
                    orphaned.Add(file.Path);
                }
            }
        }

        var folders = new List<FolderLoss>();
        foreach (var (folder, files) in FolderIndex.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (!files.Any(f => Array.BinarySearch(_files[f].Authors, index) >= 0))
            {
                continue;
            }

            var before = files.Count(f => _files[f].Authors.Length == 0);
            var after = before + files.Count(f => _files[f].Authors is [var only] && only == index);
            folders.Add(new FolderLoss(folder, files.Length, before, after, before * 2 <= files.Length && after * 2 > files.Length));
        }

        return new LeaverImpact(contributor, authored, ValueList.From(orphaned), ValueList.From(folders));
    }

    private Dictionary<string, int[]> FolderIndex => _folders ??= BuildFolderIndex();

    private Dictionary<string, int[]> BuildFolderIndex()
    {
        var folders = new Dictionary<string, List<int>>(StringComparer.Ordinal) { [""] = [] };
        for (var i = 0; i < _files.Count; i++)
        {
            folders[""].Add(i);
            var path = _files[i].Path;
            for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash >= 0; slash = path.IndexOf('/', slash + 1))
            {
                var folder = path[..slash];
                if (!folders.TryGetValue(folder, out var list))
                {
                    folders[folder] = list = [];
                }

                list.Add(i);
            }
        }

        return folders.ToDictionary(f => f.Key, f => f.Value.ToArray(), StringComparer.Ordinal);
    }

    private static IEnumerable<string> Ancestors(string folder)
    {
        if (folder.Length == 0)
        {
            yield break;
        }

        yield return "";
        for (var slash = folder.IndexOf('/', StringComparison.Ordinal); slash >= 0; slash = folder.IndexOf('/', slash + 1))
        {
            yield return folder[..slash];
        }
    }

    /// <summary>
    /// Avelino et al.'s greedy algorithm (<c>GreedyTruckFactor.java</c>, signal-science.md §1.1): while authors
    /// remain and coverage (files with an author / files) is at least 0.5, remove the author of the most files and
    /// count one. Authors are ranked once by the size of their full authored set, as the tool does; ties, which the tool
    /// leaves to HashMap order, go to the smaller person id.
    /// </summary>
    private TruckFactorResult Greedy(string folder, int[] files)
    {
        var n = files.Length;
        if (n == 0)
        {
            return new TruckFactorResult(folder, 0, 0, ValueList<TruckFactorAuthor>.Empty, 0, null);
        }

        var cover = new int[n];
        var byAuthor = new Dictionary<int, List<int>>();
        var orphans = 0;
        var lastChange = DateTimeOffset.MinValue;
        for (var i = 0; i < n; i++)
        {
            var file = _files[files[i]];
            lastChange = file.LastChange > lastChange ? file.LastChange : lastChange;
            cover[i] = file.Authors.Length;
            orphans += file.Authors.Length == 0 ? 1 : 0;
            foreach (var author in file.Authors)
            {
                if (!byAuthor.TryGetValue(author, out var list))
                {
                    byAuthor[author] = list = [];
                }

                list.Add(i);
            }
        }

        var ranked = byAuthor
            .OrderByDescending(a => a.Value.Count)
            .ThenBy(a => _contributors[a.Key].Id, StringComparer.Ordinal)
            .ToList();
        var removed = new List<TruckFactorAuthor>();
        foreach (var (author, authored) in ranked)
        {
            // coverage < 0.5, i.e. more than half the files orphaned: stop.
            if ((n - orphans) * 2 < n)
            {
                break;
            }

            foreach (var i in authored)
            {
                if (--cover[i] == 0)
                {
                    orphans++;
                }
            }

            removed.Add(new TruckFactorAuthor(_contributors[author], authored.Count, (double)authored.Count / n));
        }

        return new TruckFactorResult(folder, n, removed.Count, ValueList.From(removed), (double)orphans / n, lastChange);
    }
}
