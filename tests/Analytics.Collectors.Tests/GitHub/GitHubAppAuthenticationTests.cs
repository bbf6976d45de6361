using System.Security.Cryptography;
using Analytics.Collectors.GitHub;
using Analytics.Storage.Schema;
using Analytics.Testing.GitHub;

namespace Analytics.Collectors.Tests.GitHub;

public sealed class GitHubAppAuthenticationTests : IAsyncDisposable
{
    private readonly GitHubTestBed _bed = new();
    private readonly FakeRepository _repository;

    public GitHubAppAuthenticationTests()
    {
        _bed.Server.Clock = _bed.Time;
        _repository = _bed.Server.AddRepository("acme/api");
        var day = GitHubTestBed.Now.AddDays(-1);
        _repository.AddPull(1, day, day.AddHours(1));
        _repository.AddPull(2, day, day.AddHours(2));
    }

    public ValueTask DisposeAsync() => _bed.DisposeAsync();

    private GitHubOptions AppOptions(string? pem = null, string? appId = null, long? installation = null) => _bed.Options("acme/api") with
    {
        Token = "",
        App = GitHubAppCredentials.Create(appId ?? _bed.Server.AppId, installation ?? _bed.Server.InstallationId, pem ?? _bed.Server.AppKey.ExportRSAPrivateKeyPem(), "file app.pem"),
    };

    [Fact]
    public async Task SyncAsync_AsGitHubApp_SendsSignedJwtAndCollectsWithInstallationToken()
    {
        var report = await _bed.SyncAsync(AppOptions());

        report.Repositories.Should().ContainSingle().Which.Status.Should().Be(GitHubRepositoryStatus.Synced);
        (await _bed.ReadAsync(Entities.PullRequests)).Should().HaveCount(2);
        report.TokenExchanges.Should().Be(1, "one token serves the whole run");
        var exchange = _bed.Server.TokenExchanges.Should().ContainSingle().Subject;
        exchange.Issuer.Should().Be(_bed.Server.AppId);
        // iat a minute in the past against clock drift; exp nine minutes ahead (GitHub allows at most ten).
        exchange.IssuedAt.Should().Be(exchange.At.ToUnixTimeSeconds() - 60);
        (exchange.Expires - exchange.At.ToUnixTimeSeconds()).Should().Be(540);
    }

    [Fact]
    public async Task SyncAsync_ClockPassesTokenExpiry_ObtainsNewToken()
    {
        using var sync = new GitHubSync(_bed.Store, AppOptions(), _bed.Time, new Random(7));
        await sync.SyncAsync(null, default);

        // The server's installation tokens live one hour: two hours later the first one answers 401 there.
        _bed.Time.Advance(TimeSpan.FromHours(2));
        _repository.AddPull(3, GitHubTestBed.Now, GitHubTestBed.Now.AddHours(1));
        var report = await sync.SyncAsync(null, default);

        report.Repositories[0].Status.Should().Be(GitHubRepositoryStatus.Synced);
        report.Repositories[0].PullRequests.Should().Be(1);
        report.TokenExchanges.Should().Be(2);
        _bed.Server.Log.Should().NotContain(l => l.Status == 401, "the expired token is replaced before it is sent");
    }

    [Fact]
    public async Task SyncAsync_TokenWithinFiveMinutesOfExpiry_IsRefreshedEarly()
    {
        using var sync = new GitHubSync(_bed.Store, AppOptions(), _bed.Time, new Random(7));
        await sync.SyncAsync(null, default);
        var afterFirst = _bed.Time.GetUtcNow() - GitHubTestBed.Now;

        // Issued at most `afterFirst` after Now, valid one hour: 54 minutes later 6 or more minutes are left (kept) ...
        _bed.Time.Advance(TimeSpan.FromMinutes(54) - afterFirst);
        await sync.SyncAsync(null, default);
        _bed.Server.TokenExchanges.Should().HaveCount(1);

        // ... 2 minutes later, 4 minutes are left: inside the 5-minute margin, so it is replaced although still valid.
        _bed.Time.Advance(TimeSpan.FromMinutes(2));
        var report = await sync.SyncAsync(null, default);

        _bed.Server.TokenExchanges.Should().HaveCount(2);
        report.TokenExchanges.Should().Be(2);
    }

    [Fact]
    public async Task SyncAsync_TokenRevokedUpstream_GetsAFreshOneOnce()
    {
        using var sync = new GitHubSync(_bed.Store, AppOptions(), _bed.Time, new Random(7));
        await sync.SyncAsync(null, default);
        _bed.Server.RevokeInstallationTokens();

        var report = await sync.SyncAsync(null, default);

        report.Repositories[0].Status.Should().Be(GitHubRepositoryStatus.Synced);
        report.TokenExchanges.Should().Be(2);
    }

    [Fact]
    public async Task SyncAsync_KeyOfAnotherApp_FailsSayingKeyOrAppIdIsWrongWithoutSecrets()
    {
        using var other = RSA.Create(2048);
        var pem = other.ExportRSAPrivateKeyPem();

        var report = await _bed.SyncAsync(AppOptions(pem));

        var result = report.Repositories.Should().ContainSingle().Subject;
        result.Status.Should().Be(GitHubRepositoryStatus.Failed);
        result.Message.Should().Contain("401").And.Contain("private key from file app.pem does not belong to app 424242")
            .And.Contain("app/installations/777/access_tokens");
        result.Message.Should().NotContain("PRIVATE KEY").And.NotContain("eyJ", "neither the key nor the JWT is shown");
        (await _bed.ReadAsync(Entities.PullRequests)).Should().BeEmpty();
    }

    [Fact]
    public async Task SyncAsync_WrongAppId_FailsWith401Message()
    {
        var report = await _bed.SyncAsync(AppOptions(appId: "99"));

        report.Repositories[0].Message.Should().Contain("the app id is wrong");
    }

    [Fact]
    public async Task SyncAsync_UnknownInstallation_FailsNamingIt()
    {
        var report = await _bed.SyncAsync(AppOptions(installation: 5));

        report.Repositories[0].Message.Should().Contain("installation 5 does not exist or does not belong to app 424242");
    }

    [Fact]
    public void Create_NotAPrivateKey_FailsNamingTheSourceNotTheText()
    {
        using var rsa = RSA.Create(2048);
        var publicPem = rsa.ExportSubjectPublicKeyInfoPem();

        var garbage = () => GitHubAppCredentials.Create("1", 2, "not-a-key-s3cr3t", "environment variable GITHUB_APP_KEY");
        var publicOnly = () => GitHubAppCredentials.Create("1", 2, publicPem, "file app.pem");

        garbage.Should().Throw<ArgumentException>().Which.Message.Should().Contain("environment variable GITHUB_APP_KEY").And.NotContain("s3cr3t");
        publicOnly.Should().Throw<ArgumentException>().Which.Message.Should().Contain("file app.pem is not an RSA private key");
    }

    [Fact]
    public void ToString_Credentials_NamesIdsNotKey()
    {
        var credentials = GitHubAppCredentials.Create("42", 7, _bed.Server.AppKey.ExportRSAPrivateKeyPem(), "file app.pem");

        credentials.ToString().Should().Be("GitHub App 42, installation 7 (key from file app.pem)");
    }
}
