using System.Net;
using System.Net.Http.Json;
using Analytics.Host.Cli;

namespace Analytics.Server.Tests.Web;

public sealed class SecurityTests
{
    [Fact]
    public async Task Start_NonLoopbackWithoutAuthentication_RefusesWithClearMessage()
    {
        // 0.0.0.0 is refused before the server binds it, so nothing is exposed even for a moment.
        var start = () => WebTestServer.StartAsync(s => s.Web.ApiTokenVariables = [], "http://0.0.0.0:0");
        (await start.Should().ThrowAsync<UserErrorException>())
            .WithMessage("refusing to start*http://0.0.0.0:0*not a loopback address*Web:ApiTokenVariables*");
    }

    [Fact]
    public async Task Start_LoopbackWithoutAuthentication_StartsWithOpenReading()
    {
        await using var server = await WebTestServer.StartAsync(s => s.Web.ApiTokenVariables = []);
        (await server.Client.GetAsync("/api/teams")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TrustedHeader_FromUntrustedAddress_IsIgnored()
    {
        await using var server = await WebTestServer.StartAsync(s => s.Web.TrustedProxies = ["127.0.0.2"]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/silences")
        {
            Content = JsonContent.Create(new { matchers = "team=\"x\"", duration = "1h", reason = "r" }),
        };
        request.Headers.Add("X-Forwarded-User", "mallory");
        (await server.Client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await server.Client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/silences")).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task TrustedHeader_FromTrustedProxy_NamesTheAuthor()
    {
        await using var server = await WebTestServer.StartAsync(s => s.Web.TrustedProxies = ["127.0.0.1"]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/silences")
        {
            Content = JsonContent.Create(new { matchers = "team=\"x\"", duration = "1h", reason = "r" }),
        };
        request.Headers.Add("X-Forwarded-User", "alice");
        var response = await server.Client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("author").GetString().Should().Be("alice");
    }

    [Fact]
    public async Task Form_PostWithoutAntiforgeryToken_IsRefusedAndStoresNothing()
    {
        await using var server = await WebTestServer.StartAsync();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["matchers"] = "team=\"x\"", ["duration"] = "1h", ["author"] = "a", ["reason"] = "r" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/silences") { Content = form };
        request.Headers.Add("Origin", server.BaseAddress.GetLeftPart(UriPartial.Authority));
        (await server.Client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await server.Client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/silences")).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task ApiToken_Wrong_DoesNotAuthorizeWriting()
    {
        await using var server = await WebTestServer.StartAsync();
        using var client = server.TokenClient("not-the-token");
        (await client.PostAsync("/api/jobs/evaluate-rules/trigger", null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        server.Jobs.Triggered.Should().BeEmpty();
    }
}
