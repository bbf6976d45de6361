using System.Net;
using System.Text;
using Analytics.Collectors.GitHub.Webhooks;
using Analytics.Storage.Schema;

namespace Analytics.Server.Tests.Web;

public sealed class WebhookTests : IAsyncLifetime
{
    private const string PullRequestOpened = """
        {"action":"opened","number":12,
         "pull_request":{"number":12,"state":"open","title":"Add webhooks","draft":false,"user":{"login":"octo","type":"User"},
           "created_at":"2026-03-04T10:00:00Z","updated_at":"2026-03-04T10:05:00Z","merged_at":null,"closed_at":null,
           "base":{"ref":"main"},"head":{"ref":"hooks"},"additions":10,"deletions":2,"changed_files":3,"labels":[]},
         "repository":{"id":1,"node_id":"R_1","full_name":"acme/web","default_branch":"main"},
         "sender":{"login":"octo","type":"User"}}
        """;

    private WebTestServer _server = null!;

    public async Task InitializeAsync() => _server = await WebTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Receive_ValidSignature_StoresThePullRequest()
    {
        var response = await SendAsync(PullRequestOpened, "d-1", GitHubWebhookSignature.Sign(WebTestServer.WebhookSecret, Encoding.UTF8.GetBytes(PullRequestOpened)));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"stored\"");
        var stored = await _server.Store.ReadAsync(Entities.PullRequests, null, CancellationToken.None).Where(p => p.Repository == "acme/web").ToListAsync();
        stored.Should().ContainSingle().Which.SourceId.Should().Be("acme/web#12");
        stored[0].Additions.Should().Be(10);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sha1=abc")]
    public async Task Receive_MissingOrInvalidSignature_Answers401WithoutDetailAndStoresNothing(string? signature)
    {
        var response = await SendAsync(PullRequestOpened, "d-2", signature);
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().BeEmpty();
        (await _server.Store.ReadAsync(Entities.PullRequests, null, CancellationToken.None).Where(p => p.Repository == "acme/web").ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Receive_SignatureOfAnotherBody_Answers401()
    {
        var signature = GitHubWebhookSignature.Sign(WebTestServer.WebhookSecret, Encoding.UTF8.GetBytes(PullRequestOpened + " "));
        (await SendAsync(PullRequestOpened, "d-3", signature)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Receive_SameDeliveryTwice_SecondIsIgnored()
    {
        var signature = GitHubWebhookSignature.Sign(WebTestServer.WebhookSecret, Encoding.UTF8.GetBytes(PullRequestOpened));
        (await (await SendAsync(PullRequestOpened, "d-4", signature)).Content.ReadAsStringAsync()).Should().Contain("\"stored\"");
        var second = await SendAsync(PullRequestOpened, "d-4", signature);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        (await second.Content.ReadAsStringAsync()).Should().Contain("\"duplicate\"");
    }

    [Fact]
    public async Task Receive_SignedButMalformed_Answers400NamingTheField()
    {
        const string Body = """{"action":"opened","pull_request":{"state":"open"},"repository":{"id":1,"full_name":"acme/web"}}""";
        var response = await SendAsync(Body, "d-5", GitHubWebhookSignature.Sign(WebTestServer.WebhookSecret, Encoding.UTF8.GetBytes(Body)));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("'number'");
    }

    private async Task<HttpResponseMessage> SendAsync(string body, string delivery, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/github") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-GitHub-Event", "pull_request");
        request.Headers.Add("X-GitHub-Delivery", delivery);
        if (signature is not null)
        {
            request.Headers.Add(GitHubWebhookSignature.Header, signature);
        }

        return await _server.Client.SendAsync(request);
    }
}
