using System.Collections;
using Analytics.Host;
using Analytics.Host.Cli;
using Analytics.Host.Scheduling;
using Analytics.Testing.Files;

namespace Analytics.Server.Tests;

/// <summary>Settings and schedule validation of <c>analytics serve</c>: every problem named by its key, before anything listens.</summary>
public sealed class ServeSettingsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("Schedules:0:Cron", "every day", "Schedules:0:Cron: 'every day' is not a Quartz cron expression")]
    [InlineData("Schedules:0:Kind", "colect", "Schedules:0:Kind: unknown kind 'colect'; did you mean 'collect'?")]
    [InlineData("Schedules:0:Source", "gitlab", "Schedules:0:Source: unknown source 'gitlab'")]
    [InlineData("Schedules:0:TimeZone", "Mars/Olympus", "Schedules:0:TimeZone: unknown time zone 'Mars/Olympus'")]
    [InlineData("Schedules:0:Name", "Collect GitHub", "Schedules:0:Name: 'Collect GitHub' must be lower-case letters")]
    [InlineData("Schedules:0:Retries", "99", "Schedules:0:Retries: 99 must be between 0 and 20")]
    [InlineData("Schedules:0:RetryDelay", "00:00:00", "Schedules:0:RetryDelay: 00:00:00 must be more than zero")]
    [InlineData("Schedules:0:Crn", "0 * * * * ?", "unknown key 'Schedules:0:CRN'; did you mean 'Cron'?")]
    [InlineData("Scheduler:Mode", "swarm", "Scheduler:Mode: must be 'embedded' or 'clustered'")]
    [InlineData("Scheduler:Mode", "clustered", "Scheduler:Mode: 'clustered' keeps Quartz's job store in the store database, which must be PostgreSQL")]
    [InlineData("Server:Urls", "127.0.0.1:5080", "Server:Urls: '127.0.0.1:5080' is not an http:// or https:// URL")]
    public async Task Serve_InvalidSetting_ExitsWith2NamingTheKey(string key, string value, string expected)
    {
        var variables = ValidSchedule();
        variables["ANALYTICS__" + key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant()] = value;

        var (exit, error) = await ServeAsync(variables);

        exit.Should().Be((int)ExitCode.UserError, error);
        error.Should().Contain(expected);
    }

    [Fact]
    public async Task Serve_SeveralBadSchedules_ReportsEveryProblemInOneMessage()
    {
        var variables = ValidSchedule();
        variables["ANALYTICS__SCHEDULES__1__NAME"] = "collect-github";
        variables["ANALYTICS__SCHEDULES__1__KIND"] = "evaluate";
        variables["ANALYTICS__SCHEDULES__1__CRON"] = "0 0 25 * * ?";
        variables["ANALYTICS__SCHEDULES__2__NAME"] = "git";
        variables["ANALYTICS__SCHEDULES__2__KIND"] = "collect";
        variables["ANALYTICS__SCHEDULES__2__SOURCE"] = "git";
        variables["ANALYTICS__SCHEDULES__2__CRON"] = "0 0 6 ? * MON";

        var (exit, error) = await ServeAsync(variables);

        exit.Should().Be((int)ExitCode.UserError);
        error.Should().Contain("Schedules:1:Name: 'collect-github' is used by an earlier schedule")
            .And.Contain("Schedules:1:Cron: '0 0 25 * * ?' is not a Quartz cron expression")
            .And.Contain("Schedules:2:Arguments: 'collect git' needs the paths");
    }

    [Fact]
    public void DelayBeforeRetry_DoublesWithEachRetry()
    {
        var job = new JobDefinition("j", JobKind.Evaluate, null, "0 0 * * * ?", TimeZoneInfo.Utc, 5, TimeSpan.FromSeconds(30), true, []);

        // 30 s · 2^(n-1): 30 s, 60 s, 120 s, 240 s.
        Enumerable.Range(1, 4).Select(job.DelayBeforeRetry).Should().Equal(
            TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(240));
        job.DelayBeforeRetry(40).Should().Be(TimeSpan.FromDays(1));
    }

    [Fact]
    public void CommandLine_EachKind_IsTheMatchingCommand()
    {
        JobDefinition Of(JobKind kind, string? source = null) => new("j", kind, source, "0 0 * * * ?", TimeZoneInfo.Utc, 0, TimeSpan.FromSeconds(1), true, ["--json"]);

        Of(JobKind.Collect, "jira").CommandLine.Should().Equal("collect", "jira", "--json");
        Of(JobKind.Evaluate).CommandLine.Should().Equal("evaluate", "--json");
        Of(JobKind.ReportWeekly).CommandLine.Should().Equal("report", "weekly", "--json");
        Of(JobKind.ReportQuarterly).CommandLine.Should().Equal("report", "quarterly", "--json");
        Of(JobKind.Deliver).CommandLine.Should().Equal("deliver", "--json");
    }

    [Fact]
    public void Scrub_SecretsFromNamedVariablesAndConnectionStrings_AreMasked()
    {
        var variables = new Hashtable { ["GITHUB_TOKEN"] = "ghp_abcdef123456", ["ACME_PD"] = "pd-secret-value", ["HOME"] = "/root" };
        var settings = new Analytics.Host.Configuration.AnalyticsSettings();
        settings.PagerDuty.TokenVariable = "ACME_PD";
        var scrubber = new SecretScrubber(settings, variables);

        var text = scrubber.Scrub("token ghp_abcdef123456 and pd-secret-value; Host=db;Password=hunter2;Database=a postgresql://u:pw@db/a in /root");

        text.Should().Be("token *** and ***; Host=db;Password=***;Database=a postgresql://u:***@db/a in /root");
    }

    private Dictionary<string, string> ValidSchedule() => new()
    {
        ["ANALYTICS__STORE__LOCATION"] = _directory.Combine("analytics.db"),
        ["ANALYTICS__SERVER__URLS"] = "http://127.0.0.1:1",
        ["ANALYTICS__SCHEDULES__0__NAME"] = "collect-github",
        ["ANALYTICS__SCHEDULES__0__KIND"] = "collect",
        ["ANALYTICS__SCHEDULES__0__SOURCE"] = "github",
        ["ANALYTICS__SCHEDULES__0__CRON"] = "0 0 6 ? * MON-FRI",
    };

    private async Task<(int Exit, string Error)> ServeAsync(Dictionary<string, string> variables)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment(output, error, _directory.Path, new Hashtable(variables), TimeProvider.System, Interactive: false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var exit = await AnalyticsCli.RunAsync(["serve"], environment, timeout.Token);
        return (exit, error.ToString());
    }
}
