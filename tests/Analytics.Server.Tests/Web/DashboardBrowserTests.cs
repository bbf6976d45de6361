using Analytics.Testing.Browser;
using Analytics.Testing.Files;
using Microsoft.Playwright;

namespace Analytics.Server.Tests.Web;

/// <summary>
/// The dashboard in a real browser: Debian's Chromium driven by Playwright (never a downloaded browser), as a person uses
/// it, with no script on the pages.
/// </summary>
public sealed class DashboardBrowserTests
{
    [Fact]
    public async Task Dashboard_CreateSilenceThroughTheForm_ListsItAndShowsTheAlertSilenced()
    {
        await using var server = await WebTestServer.StartAsync();
        using var profile = new TempDirectory("analytics-chromium-");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable(HeadlessChromium.EnvironmentVariable) is { Length: > 0 } path ? path : HeadlessChromium.DefaultPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
        var page = await browser.NewPageAsync();
        var team = server.Teams[0];

        // A team's page draws its signals as inline SVG charts with lines.
        await page.GotoAsync(new Uri(server.BaseAddress, $"/teams/{team.Id}").ToString());
        (await page.Locator("figure svg").CountAsync()).Should().BeGreaterThan(0);
        (await page.Locator("figure svg path").CountAsync()).Should().BeGreaterThan(0, "a chart with data has at least one line");

        // The firing alert is listed, not silenced.
        await page.GotoAsync(new Uri(server.BaseAddress, "/alerts").ToString());
        var row = page.Locator("#alerts tbody tr", new() { HasText = $"team={team.Id}" });
        (await row.CountAsync()).Should().Be(1);
        (await row.InnerTextAsync()).Should().Contain("firing").And.Contain("TeamMerging").And.NotContain("silenced");

        // Create a silence through the form.
        await page.FillAsync("#matchers", $"{{team=\"{team.Id}\", alertname=\"TeamMerging\"}}");
        await page.FillAsync("#duration", "2h");
        await page.FillAsync("#author", "browser test");
        await page.FillAsync("#reason", "release week");
        await page.ClickAsync("button:text('Create silence')");
        // The form posts and redirects back to /alerts, the URL the page already has, so waiting for that URL can return
        // before the new page or wait for a load already past: wait for the silences table, which only the new page has.
        var silences = page.Locator("#silences tbody tr");
        await silences.First.WaitForAsync();
        page.Url.Should().EndWith("/alerts");
        (await silences.CountAsync()).Should().Be(1);
        (await silences.First.InnerTextAsync()).Should().Contain("active").And.Contain("release week").And.Contain("browser test");
        (await page.Locator("#alerts tbody tr", new() { HasText = $"team={team.Id}" }).InnerTextAsync()).Should().Contain("silenced");
        (await page.Locator("#alerts tbody tr", new() { HasText = "silenced" }).CountAsync()).Should().Be(1, "only that team's alert matches");
    }
}
