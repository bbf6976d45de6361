using System.Net.Http.Headers;
using Analytics.Testing.GitHub;

namespace Analytics.Collectors.Tests.GitHub;

public sealed class FakeGitHubServerTests : IDisposable
{
    private readonly FakeGitHubServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Log_RightAfterEachAnswer_AlreadyHoldsThatRequest()
    {
        _server.AddRepository("acme/api").AddPull(1, GitHubTestBed.Now, GitHubTestBed.Now);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _server.Token);
        http.DefaultRequestHeaders.Accept.ParseAdd("application/vnd.github+json");
        http.DefaultRequestHeaders.UserAgent.ParseAdd("test/1.0");
        http.DefaultRequestHeaders.Add("X-GitHub-Api-Version", "2022-11-28");

        // Answers with a body (200, 404) and without one (304): each is logged before the client can see it.
        var etag = (await http.GetAsync($"{_server.BaseUrl}repos/acme/api/pulls/1")).Headers.ETag!.ToString();
        for (var i = 0; i < 30; i++)
        {
            var path = (i % 3) switch { 0 => "repos/acme/api/pulls/1", 1 => "repos/acme/missing", _ => "repos/acme/api/pulls/1" };
            using var request = new HttpRequestMessage(HttpMethod.Get, _server.BaseUrl + path);
            if (i % 3 == 2)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            }

            using var response = await http.SendAsync(request);

            _server.Log.Should().HaveCount(i + 2);
            _server.Log.Last().Should().Be(("/" + path, i % 3 == 2 ? etag : null, (int)response.StatusCode));
        }
    }
}
