using System.Collections;
using System.Net.Http.Headers;
using Analytics.Collectors.Simulation;
using Analytics.Domain.People;
using Analytics.Host.Configuration;
using Analytics.Host.Scheduling;
using Analytics.Host.Server.Web;
using Analytics.Rules.Alerts;
using Analytics.Rules.Files;
using Analytics.Rules.Language;
using Analytics.Signals;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Testing.Files;
using Analytics.Testing.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Analytics.Server.Tests.Web;

/// <summary>
/// The web layer hosted the way <c>analytics serve</c> hosts it: a <see cref="WebApplication"/> on a free 127.0.0.1
/// port, a SQLite store seeded by the demo simulator (90 days of four teams at 30% size), and an alert fired by the rules engine.
/// </summary>
internal sealed class WebTestServer : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);

    public const string WebhookSecret = "It's a Secret to Everybody";
    public const string UploadToken = "upload-token-123";
    public const string ApiToken = "api-token-456";

    private readonly TempDirectory _directory;
    private readonly WebApplication _app;

    private WebTestServer(TempDirectory directory, WebApplication app, IStore store, IReadOnlyList<Team> teams, FakeJobDashboard jobs)
    {
        _directory = directory;
        _app = app;
        Store = store;
        Teams = teams;
        Jobs = jobs;
        BaseAddress = new Uri(app.Urls.First());
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IStore Store { get; }

    public IReadOnlyList<Team> Teams { get; }

    public FakeJobDashboard Jobs { get; }

    public FakeTimeProvider Time { get; } = new(Now);

    /// <summary>Seeds a store and starts the server with the test tokens in its environment.</summary>
    /// <param name="configure">Changes to the settings (trusted proxies…).</param>
    /// <param name="url">The listen URL (a free loopback port by default).</param>
    public static async Task<WebTestServer> StartAsync(Action<AnalyticsSettings>? configure = null, string url = "http://127.0.0.1:0")
    {
        var directory = new TempDirectory();
        var time = new FakeTimeProvider(Now);
        var store = await Analytics.Storage.Store.OpenAsync(new StoreLocation(StoreKind.Sqlite, directory.Combine("analytics.db")), time, CancellationToken.None);
        var organisation = OrganisationSimulator.Generate(new SimulationOptions { End = Now, Days = 90, Scale = 0.3 });
        await SimulatedOrganisationWriter.WriteAsync(store, organisation, null, CancellationToken.None);
        var teams = organisation.Teams.ToList();
        await FireAlertAsync(store, teams, CancellationToken.None);

        var settings = new AnalyticsSettings();
        settings.Web.ApiTokenVariables = ["TEST_API_TOKEN"];
        configure?.Invoke(settings);
        IDictionary environment = new Hashtable
        {
            ["TEST_API_TOKEN"] = ApiToken,
            [settings.Web.WebhookSecretVariable] = WebhookSecret,
            [settings.Web.UploadTokenVariable] = UploadToken,
        };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var jobs = new FakeJobDashboard(Now);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(new TeamsConfiguration(teams, []));
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IJobDashboard>(jobs);
        builder.Services.AddAnalyticsWeb(settings, environment, directory.Path);
        var app = builder.Build();
        app.MapAnalyticsWeb();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            await store.DisposeAsync();
            directory.Dispose();
            throw;
        }

        var server = new WebTestServer(directory, app, store, teams, jobs);
        return server;
    }

    /// <summary>A client that sends the API token.</summary>
    public HttpClient TokenClient(string token = ApiToken)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Evaluates one rule with the rules engine over the signals of the seeded store and applies the outcome to the alert
    /// state: every team merged pull requests in the last complete week, so <c>TeamMerging</c> fires for each.
    /// </summary>
    private static async Task FireAlertAsync(IStore store, IReadOnlyList<Team> teams, CancellationToken cancellationToken)
    {
        const string Rules = """
            groups:
              - name: web-tests
                window: 1w
                routing:
                  email:
                    default: [leads@example.com]
                rules:
                  - alert: TeamMerging
                    expr: pr.merged >= 1
                    severity: warning
                    annotations:
                      summary: "{{ $labels.team }} merged {{ $value }} pull requests"
            """;
        var parsed = RuleFileParser.Parse("web-tests.yaml", Rules, SignalLabels.Catalog);
        parsed.Diagnostics.Should().BeEmpty();
        var request = new SignalRequest(store, teams, IdentityResolver.Resolve([], [], []), Now.AddDays(-28), Now, Granularity.Week);
        var outcomes = await RuleEvaluator.EvaluateAsync(parsed.Groups, new SignalSeriesSource(request), Now, cancellationToken);
        var result = await AlertBook.ApplyAsync(store, outcomes, Now, cancellationToken);
        result.States.Should().Contain(s => s.Status == Domain.Alerts.AlertStatus.Firing, "the seeded store has merged pull requests in every team");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Store.DisposeAsync();
        _directory.Dispose();
    }
}
