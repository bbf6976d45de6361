using System.Text.Json;

namespace Analytics.Collectors.GitHub;

/// <summary>
/// A pull request of a GraphQL page waiting for its follow-up queries: its node from the page and the nodes the
/// follow-ups brought, all pointing into parsed answers the page's reader keeps until the page is mapped.
/// </summary>
/// <param name="Repository">The repository, <c>owner/name</c>.</param>
/// <param name="Number">The pull request's number.</param>
/// <param name="Node">The pull request's node in the page.</param>
internal sealed record PendingPullRequest(string Repository, long Number, JsonElement Node)
{
    /// <summary>Nodes of nested connections read on by follow-up queries, by connection, in cursor order.</summary>
    public Dictionary<string, List<JsonElement>> More { get; } = new(StringComparer.Ordinal);

    /// <summary>Comments of long review threads read on by follow-up queries, by thread id, in cursor order.</summary>
    public Dictionary<string, List<JsonElement>> ThreadComments { get; } = new(StringComparer.Ordinal);
}
