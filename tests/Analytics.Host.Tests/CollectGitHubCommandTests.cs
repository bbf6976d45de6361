using Analytics.Testing.GitHub;

namespace Analytics.Host.Tests;

public sealed class CollectGitHubCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();
    private readonly FakeGitHubServer _server = new();
    private readonly FakeRepository _repository;

    public CollectGitHubCommandTests()
    {
        var repository = _repository = _server.AddRepository("acme/api");
        repository.AddPull(1, _cli.Time.GetUtcNow().AddDays(-2), _cli.Time.GetUtcNow().AddDays(-1), merged: true);
        repository.AddRun(_cli.Time.GetUtcNow().AddDays(-1), attempts: 2);
        repository.AddDeployment(_cli.Time.GetUtcNow().AddDays(-1), "success");
        _cli.Variables["ANALYTICS__STORE__LOCATION"] = _cli.PathOf("analytics.db");
        _cli.Variables["ANALYTICS__GITHUB__BASEURL"] = _server.BaseUrl;
        _cli.Variables["ANALYTICS__GITHUB__REPOSITORIES__0"] = "acme/api";
        _cli.Variables["GITHUB_TOKEN"] = _server.Token;
    }

    public void Dispose()
    {
        _server.Dispose();
        _cli.Dispose();
    }

    [Fact]
    public async Task CollectGitHub_ConfiguredRepository_StoresItAndTheSecondRunIsAll304()
    {
        var first = await _cli.RunAsync("collect", "github");
        var second = await _cli.RunAsync("collect", "github");

        first.ExitCode.Should().Be(0, first.Error);
        first.Output.Should().Contain("acme/api: 1 pull requests, 2 run attempts, 4 jobs, 1 deployments read");
        second.ExitCode.Should().Be(0, second.Error);
        second.Output.Should().Contain("acme/api: 0 pull requests, 0 run attempts, 0 jobs, 1 deployments read; 0 records new or changed");
        var status = await _cli.RunAsync("status", "--json");
        var records = System.Text.Json.JsonDocument.Parse(status.Output).RootElement.GetProperty("records");
        // One PR with one review, one comment and one commit; two attempts with two jobs of two steps each.
        records.GetProperty(Analytics.Storage.Schema.Entities.PullRequests.Name).GetInt64().Should().Be(1);
        records.GetProperty(Analytics.Storage.Schema.Entities.WorkflowRuns.Name).GetInt64().Should().Be(2);
        records.GetProperty(Analytics.Storage.Schema.Entities.CiSteps.Name).GetInt64().Should().Be(8);
        records.GetProperty(Analytics.Storage.Schema.Entities.Deployments.Name).GetInt64().Should().Be(1);
    }

    [Fact]
    public async Task CollectGitHub_NoToken_IsAUserErrorNamingTheVariable()
    {
        _cli.Variables.Remove("GITHUB_TOKEN");
        _cli.Variables["ANALYTICS__GITHUB__TOKENVARIABLE"] = "ACME_GITHUB_TOKEN";

        var result = await _cli.RunAsync("collect", "github");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("ACME_GITHUB_TOKEN");
    }

    [Fact]
    public async Task CollectGitHub_UnknownRepository_NamesItWithoutTheTokenAndExits2()
    {
        var result = await _cli.RunAsync("collect", "github", "--repository", "acme/missing", "--repository", "acme/api");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("acme/missing: failed").And.Contain("404").And.NotContain(_server.Token);
        result.Output.Should().Contain("acme/api: 1 pull requests");
    }

    [Fact]
    public async Task CollectGitHub_NothingConfigured_IsAUserError()
    {
        _cli.Variables.Remove("ANALYTICS__GITHUB__REPOSITORIES__0");

        var result = await _cli.RunAsync("collect", "github");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("GitHub:Repositories");
    }

    [Fact]
    public async Task CollectGitHub_AsGitHubAppWithKeyFile_CollectsWithInstallationToken()
    {
        _server.Clock = _cli.Time;
        _cli.Variables.Remove("GITHUB_TOKEN");
        File.WriteAllText(_cli.PathOf("app.pem"), _server.AppKey.ExportRSAPrivateKeyPem());
        _cli.Variables["ANALYTICS__GITHUB__APPID"] = _server.AppId;
        _cli.Variables["ANALYTICS__GITHUB__INSTALLATIONID"] = "777";
        _cli.Variables["ANALYTICS__GITHUB__PRIVATEKEYFILE"] = "app.pem";

        var result = await _cli.RunAsync("collect", "github");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("acme/api: 1 pull requests");
        _server.TokenExchanges.Should().ContainSingle();
    }

    [Fact]
    public async Task CollectGitHub_AppKeyVariableNotAKey_IsAUserErrorNamingTheVariableNotTheValue()
    {
        _cli.Variables["ANALYTICS__GITHUB__APPID"] = _server.AppId;
        _cli.Variables["ANALYTICS__GITHUB__INSTALLATIONID"] = "777";
        _cli.Variables["ANALYTICS__GITHUB__PRIVATEKEYVARIABLE"] = "ACME_APP_KEY";
        _cli.Variables["ACME_APP_KEY"] = "hunter2-not-a-key";

        var result = await _cli.RunAsync("collect", "github");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("environment variable ACME_APP_KEY").And.Contain("not an RSA private key").And.NotContain("hunter2");
    }

    [Fact]
    public async Task CollectGitHub_AppIdWithoutKey_IsAUserError()
    {
        _cli.Variables["ANALYTICS__GITHUB__APPID"] = _server.AppId;
        _cli.Variables["ANALYTICS__GITHUB__INSTALLATIONID"] = "777";

        var result = await _cli.RunAsync("collect", "github");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("GitHub:PrivateKeyFile");
    }

    [Fact]
    public async Task CollectGitHub_FullRefreshAfterUpstreamDeletion_ReportsRemoved()
    {
        await _cli.RunAsync("collect", "github");
        _repository.Pulls.Remove(1);

        var result = await _cli.RunAsync("collect", "github", "--full-refresh");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("1 pull requests and runs removed as deleted upstream");
    }

    [Fact]
    public async Task CollectGitHub_BackfillWithoutSince_IsAUserError()
    {
        var result = await _cli.RunAsync("collect", "github", "--backfill");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--backfill needs a start date");
    }
}
