using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Signals;

/// <summary>
/// The spellings under which records of some repositories may be stored, for a store-side <c>repository IN (…)</c>
/// filter. Teams name repositories in any case (<see cref="SignalRequest.OwnerOf"/> ignores case) while the store
/// compares exactly, so the list holds each name as given plus every stored repository (the small <c>repositories</c>
/// table) whose name matches it ignoring case. Records under yet another spelling of a repository the store does not
/// describe are not read; callers still keep only owned repositories afterwards, so a wider list is harmless.
/// </summary>
internal static class OwnedRepositories
{
    /// <summary>The names to read for <paramref name="names"/> (full names, any case).</summary>
    /// <param name="store">The store.</param>
    /// <param name="names">The repositories wanted.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<IReadOnlyCollection<string>> SpellingsAsync(IStore store, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var given = names.ToList();
        var stored = new List<string>();
        if (given.Count > 0)
        {
            await foreach (var repository in store.ReadAsync(Entities.Repositories, StoreQuery.All, cancellationToken))
            {
                stored.Add(repository.FullName);
            }
        }

        return Spellings(given, stored);
    }

    /// <summary>The names to read for <paramref name="names"/>, given the repositories the store describes.</summary>
    /// <param name="names">The repositories wanted (full names, any case).</param>
    /// <param name="stored">The full names in the store's <c>repositories</c> table.</param>
    public static IReadOnlyCollection<string> Spellings(IEnumerable<string> names, IEnumerable<string> stored)
    {
        var spellings = new SortedSet<string>(names, StringComparer.Ordinal);
        var wanted = new HashSet<string>(spellings, StringComparer.OrdinalIgnoreCase);
        spellings.UnionWith(stored.Where(wanted.Contains));
        return spellings;
    }

    /// <summary>The names to read for every repository of the request's teams.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static Task<IReadOnlyCollection<string>> OfTeamsAsync(SignalRequest request, CancellationToken cancellationToken) =>
        SpellingsAsync(request.Store, request.Teams.SelectMany(t => t.Repositories), cancellationToken);

    /// <summary>
    /// The names to read for every repository of the request's teams, or null (read every repository and keep the owned
    /// ones afterwards) when the store's <c>repositories</c> table does not describe each of them: only a described
    /// repository's stored spelling is known, and records of an undescribed one may be stored in any case.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<IReadOnlyCollection<string>?> OfTeamsWhenDescribedAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        var given = request.Teams.SelectMany(t => t.Repositories).ToList();
        var stored = new List<string>();
        await foreach (var repository in request.Store.ReadAsync(Entities.Repositories, StoreQuery.All, cancellationToken))
        {
            stored.Add(repository.FullName);
        }

        // A part of a request (the signal cache recomputing some teams) reads as the whole would.
        var described = new HashSet<string>(stored, StringComparer.OrdinalIgnoreCase);
        var decidedBy = (request.WholeTeams ?? request.Teams).SelectMany(t => t.Repositories);
        return decidedBy.All(described.Contains) ? Spellings(given, stored) : null;
    }
}
