using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Analytics.Storage.Schema;

namespace Analytics.Server.Tests.Web;

public sealed class TestReportUploadTests : IAsyncLifetime
{
    private const string Query = "/api/test-reports?repository=acme/upload&commit=abc123&branch=main&run=900&job=test";

    private const string Report = """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuite name="unit" tests="2" failures="1">
          <testcase classname="CartTests" name="Adds" time="0.5"/>
          <testcase classname="CartTests" name="Removes" time="0.25"><failure message="expected 1"/></testcase>
        </testsuite>
        """;

    private WebTestServer _server = null!;

    public async Task InitializeAsync() => _server = await WebTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Upload_WithUploadToken_StoresTheResults()
    {
        using var client = _server.TokenClient(WebTestServer.UploadToken);
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(Report)) { Headers = { ContentType = new MediaTypeHeaderValue("application/xml") } }, "report", "TEST-cart.xml");
        var response = await client.PostAsync(Query, form);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await ResultsAsync()).Should().HaveCount(2).And.OnlyContain(r => r.RunId == "900" && r.CommitSha == "abc123");
    }

    [Fact]
    public async Task Upload_WithoutToken_Answers401AndStoresNothing()
    {
        var response = await _server.Client.PostAsync(Query, new StringContent(Report, Encoding.UTF8, "application/xml"));
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await ResultsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Upload_Malformed_Answers400WithFileAndLineAndStoresNothing()
    {
        using var client = _server.TokenClient(WebTestServer.UploadToken);
        var broken = Report.Replace("</testsuite>", "", StringComparison.Ordinal) + "<oops";
        var response = await client.PostAsync(Query + "&name=broken.xml", new StringContent(broken, Encoding.UTF8, "application/xml"));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().MatchRegex("broken\\.xml:\\d+:\\d+");
        (await ResultsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Upload_MissingMetadata_Answers400NamingTheFields()
    {
        using var client = _server.TokenClient(WebTestServer.UploadToken);
        var response = await client.PostAsync("/api/test-reports?repository=acme/upload", new StringContent(Report, Encoding.UTF8, "application/xml"));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("commit, run, job");
    }

    private async Task<List<Analytics.Domain.Testing.TestResult>> ResultsAsync() =>
        await _server.Store.ReadAsync(Entities.TestResults, null, CancellationToken.None).Where(r => r.Repository == "acme/upload").ToListAsync();
}
