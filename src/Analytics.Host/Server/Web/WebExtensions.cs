using System.Collections;
using System.Text.Json.Serialization;
using Analytics.Collectors.GitHub.Webhooks;
using Analytics.Collectors.TestReports;
using Analytics.Host.Configuration;
using Analytics.Host.Scheduling;
using Analytics.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Analytics.Host.Server.Web;

/// <summary>
/// Registers and maps the web layer: dashboard pages, the JSON API, the GitHub webhook receiver, the test-report upload
/// endpoint, and the authentication middleware in front of them. The composition root must also register an
/// <see cref="IStore"/>, the <see cref="TeamsConfiguration"/>, a <see cref="TimeProvider"/> and, when a scheduler runs,
/// an <see cref="IJobDashboard"/>.
/// </summary>
internal static class WebExtensions
{
    /// <summary>Registers the web layer's services and checks its settings.</summary>
    /// <param name="services">The services.</param>
    /// <param name="settings">All settings (the <c>Web</c> section; <c>Jira</c> for cursor scopes on the freshness page).</param>
    /// <param name="environment">The process environment, where tokens and the webhook secret are read.</param>
    /// <param name="workingDirectory">Where relative paths in the settings start.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="Cli.UserErrorException">A token variable is unset, the token hash file is bad, or a proxy address does not parse.</exception>
    public static IServiceCollection AddAnalyticsWeb(this IServiceCollection services, AnalyticsSettings settings, IDictionary environment, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        services.AddSingleton(WebCredentials.Load(settings.Web, environment, workingDirectory));
        services.AddSingleton(new WebLimits(settings.Web.MaxRequestBytes));
        services.AddSingleton<WebSecurityState>();
        services.AddHostedService<WebListenGuard>();
        services.AddAntiforgery();
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = settings.Web.MaxRequestBytes);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddSingleton(provider => new DashboardData(
            provider.GetRequiredService<IStore>(),
            provider.GetRequiredService<TeamsConfiguration>(),
            provider.GetRequiredService<TimeProvider>(),
            settings,
            provider.GetService<IJobDashboard>()));
        services.AddSingleton(provider => new GitHubWebhookReceiver(provider.GetRequiredService<IStore>(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new TestReportIngestor(provider.GetRequiredService<IStore>()));
        return services;
    }

    /// <summary>Adds the authentication middleware and maps every page and endpoint of the web layer.</summary>
    /// <param name="app">The application (its routing middleware runs first, so the middleware sees the endpoint).</param>
    /// <returns><paramref name="app"/>.</returns>
    public static WebApplication MapAnalyticsWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRouting();
        app.UseMiddleware<WebAccessMiddleware>();
        app.MapDashboardPages();
        app.MapDashboardApi();
        app.MapGitHubWebhook();
        app.MapTestReportUpload();
        return app;
    }
}
