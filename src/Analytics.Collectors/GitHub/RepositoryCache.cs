using System.Collections.Concurrent;
using Analytics.Storage;

namespace Analytics.Collectors.GitHub;

/// <summary>
/// The conditional-request state of one repository's sync: entity tags from the cursor, bodies from the payload archive,
/// and what this run received (to archive, and the tags to keep for next time).
/// </summary>
internal sealed class RepositoryCache(IStore store, GitHubCursor previous) : IConditionalCache
{
    private readonly ConcurrentDictionary<string, string> _links = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _etags = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _received = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _answers = new(StringComparer.Ordinal);

    /// <summary>The archive key of a URL's payload.</summary>
    public static string RequestKey(string url) => "GET " + url;

    /// <summary>Entity tags of every URL requested in this run.</summary>
    public IReadOnlyDictionary<string, string> ETags => _etags;

    /// <summary>Bodies received in this run (not 304s), by URL.</summary>
    public IReadOnlyDictionary<string, byte[]> Received => _received;

    /// <summary>GraphQL answers received in this run, by archive key (<see cref="GraphQLRequest.ArchiveKey"/>).</summary>
    public IReadOnlyDictionary<string, byte[]> Answers => _answers;

    /// <summary>Notes a GraphQL answer, archived with the repository's records.</summary>
    public void RecordAnswer(string key, byte[] body) => _answers[key] = body;

    /// <summary>The next page of every paged URL requested in this run.</summary>
    public IReadOnlyDictionary<string, string> Links => _links;

    /// <inheritdoc/>
    public string? GetETag(string url) => previous.ETags.TryGetValue(url, out var etag) ? etag : null;

    /// <inheritdoc/>
    public string? GetNextPage(string url) => previous.Links.TryGetValue(url, out var next) ? next : null;

    /// <inheritdoc/>
    public async Task<byte[]?> GetBodyAsync(string url, CancellationToken cancellationToken) =>
        (await store.GetRawPayloadAsync(GitHubMapper.Source, RequestKey(url), cancellationToken))?.Body;

    /// <summary>Notes a response: its tag is kept, and a new body is archived with the repository's records.</summary>
    public void Record(GitHubResponse response)
    {
        if (response.ETag is not null)
        {
            _etags[response.Url] = response.ETag;
        }

        if (response.NextUrl is not null)
        {
            _links[response.Url] = response.NextUrl;
        }

        if (!response.NotModified)
        {
            _received[response.Url] = response.Body;
        }
    }
}
