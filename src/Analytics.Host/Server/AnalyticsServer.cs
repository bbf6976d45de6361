using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Host.Cli;
using Analytics.Host.Scheduling;
using Analytics.Host.Server.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Analytics.Host.Server;

/// <summary>
/// The composition root of <c>analytics serve</c>: one ASP.NET Core process (Kestrel on <c>Server:Urls</c>) that runs
/// the schedules and serves health, readiness and the scheduler's API. Settings come from the same loader as every
/// command; the store is opened (and migrated) before anything listens. SIGTERM and Ctrl+C stop it gracefully:
/// running jobs see their cancellation token and the server waits for them up to <c>Server:ShutdownTimeout</c>.
/// </summary>
internal static class AnalyticsServer
{
    /// <summary>Runs the server until it is stopped.</summary>
    /// <exception cref="UserErrorException">Invalid settings or schedules, or an unusable address.</exception>
    public static async Task<ExitCode> RunAsync(CommandSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var settings = session.Settings;
        var jobs = JobDefinitions.Parse(settings.Schedules);
        var location = session.ResolveStoreLocation();
        var urls = ParseUrls(settings.Server.Urls);
        var node = new ServerNode(settings.Server.Node ?? $"{Environment.MachineName}-{Environment.ProcessId}".ToLowerInvariant());
        var store = await session.OpenStoreAsync(cancellationToken);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = session.Environment.WorkingDirectory,
            EnvironmentName = Environments.Production,
        });
        // Settings come from the analytics loader only; ASP.NET's own sources (appsettings.json, ASPNETCORE_*) would be a second way.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders().AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning).AddFilter("Quartz", LogLevel.Warning);
        builder.WebHost.UseUrls([.. urls.Select(u => u.ToString())]);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.Server.ShutdownTimeout);
        builder.Services.AddSingleton(session.Environment.Time);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(new JobCommandRunner(
            GlobalArguments(session), session.Environment.WorkingDirectory, session.Environment.Variables, session.Environment.Time,
            new SecretScrubber(settings, session.Environment.Variables)));
        builder.Services.AddAnalyticsScheduler(settings, jobs, location, node, session.Environment.Time);
        builder.Services.AddSingleton(session.Teams);
        builder.Services.AddAnalyticsWeb(settings, session.Environment.Variables, session.Environment.WorkingDirectory);
        builder.Services.AddProblemDetails();
        // JSON as the CLI's --json writes it: enums by name (outcome "failed", not 3).
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower)));

        await using var app = builder.Build();
        // The web layer's access middleware guards every endpoint mapped here, the scheduler's read-only API included;
        // triggering a job goes through its authenticated /api/jobs/{name}/trigger.
        app.MapAnalyticsWeb();
        app.MapHealthApi();
        app.MapSchedulerApi();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            throw new UserErrorException($"Server:Urls: cannot listen on {settings.Server.Urls}: {e.Message}");
        }

        await session.Environment.Error.WriteLineAsync($"analytics serve: node {node.Name} listening on {string.Join(", ", urls)}, store {store.Description}, {jobs.Count} schedule(s), {settings.Scheduler.Mode.ToLowerInvariant()} mode");
        await app.WaitForShutdownAsync(cancellationToken);
        return ExitCode.Ok;
    }

    /// <summary>Reads <c>Server:Urls</c>: absolute http(s) URLs separated by <c>;</c>.</summary>
    /// <exception cref="UserErrorException">A URL is malformed.</exception>
    internal static IReadOnlyList<Uri> ParseUrls(string text)
    {
        var urls = new List<Uri>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(part, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                throw new UserErrorException($"Server:Urls: '{part}' is not an http:// or https:// URL such as http://127.0.0.1:5080");
            }

            urls.Add(url);
        }

        return urls.Count > 0 ? urls : throw new UserErrorException("Server:Urls: no address to listen on");
    }

    /// <summary>The global options <c>serve</c> was given, passed on to the commands jobs run so they see the same settings and store.</summary>
    private static List<string> GlobalArguments(CommandSession session)
    {
        var arguments = new List<string>();
        foreach (var name in (string[])["--config", "--store", "--teams"])
        {
            if (session.Parse.GetValue<string?>(name) is { } value)
            {
                arguments.Add(name);
                arguments.Add(value);
            }
        }

        return arguments;
    }
}
