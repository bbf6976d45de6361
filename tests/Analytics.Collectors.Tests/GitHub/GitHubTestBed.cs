using Analytics.Collectors.GitHub;
using Analytics.Testing.GitHub;
using Analytics.Storage;
using Analytics.Storage.Schema;
using Analytics.Testing.Files;

namespace Analytics.Collectors.Tests.GitHub;

/// <summary>A fake GitHub, a SQLite store in a temp folder and a sync wired to both.</summary>
public sealed class GitHubTestBed : IAsyncDisposable
{
    private readonly TempDirectory _folder = new("analytics-github-");

    public GitHubTestBed()
    {
        Store = Storage.Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, _folder.Combine("store.db")), Time, default).GetAwaiter().GetResult();
    }

    /// <summary>Sunday 15 November 2026, noon UTC.</summary>
    public static DateTimeOffset Now { get; } = new(2026, 11, 15, 12, 0, 0, TimeSpan.Zero);

    public FakeGitHubServer Server { get; } = new();

    public InstantDelayTimeProvider Time { get; } = new(Now);

    public IStore Store { get; }

    public GitHubOptions Options(params string[] repositories) => new()
    {
        BaseUrl = new Uri(Server.BaseUrl),
        Token = Server.Token,
        Repositories = repositories,
        PageSize = 2,
        GraphQLPageSize = 2,
        MaxConcurrentRequests = 3,
        MaxRetries = 3,
        RequestTimeout = TimeSpan.FromSeconds(20),
    };

    public async Task<GitHubSyncReport> SyncAsync(GitHubOptions options)
    {
        using var sync = new GitHubSync(Store, options, Time, new Random(7));
        return await sync.SyncAsync(null, default);
    }

    public async Task<List<T>> ReadAsync<T>(EntityMap<T> map)
        where T : class
    {
        var list = new List<T>();
        await foreach (var record in Store.ReadAsync(map, null, default))
        {
            list.Add(record);
        }

        return list;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Server.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
