using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Host.Scheduling;
using Analytics.Testing.Files;

namespace Analytics.Server.Tests;

/// <summary>
/// One real <c>analytics serve</c> child process (the Host project's build output, run with <c>dotnet</c>) on a free
/// loopback port, with its own environment; its output is kept for failure messages.
/// </summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    /// <summary>How JSON from the server reads (enums by snake_case name, as the server writes them).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServeProcess(Process process, string node, Uri baseUrl)
    {
        _process = process;
        Node = node;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Node { get; }

    public Uri BaseUrl { get; }

    public HttpClient Http { get; }

    /// <summary>The API token every test node accepts (from the environment, as in production).</summary>
    public const string ApiToken = "test-api-token-0123456789";

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything it printed so far.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts <c>analytics serve</c> in <paramref name="workingDirectory"/> with the given ANALYTICS__ variables.</summary>
    public static ServeProcess Start(string workingDirectory, string node, IReadOnlyDictionary<string, string> variables)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(RepositoryFiles.HostAssembly());
        info.ArgumentList.Add("serve");
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("ANALYTICS__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["ANALYTICS__SERVER__URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ANALYTICS__SERVER__NODE"] = node;
        // Triggering a job writes, so it needs an API token (docs/security.md).
        info.Environment["ANALYTICS__WEB__APITOKENVARIABLES__0"] = "ANALYTICS_TEST_API_TOKEN";
        info.Environment["ANALYTICS_TEST_API_TOKEN"] = ApiToken;
        foreach (var (key, value) in variables)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        return new ServeProcess(process, node, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>Waits until <c>/ready</c> answers 200, or fails with the process's output.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"node {Node} exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri("ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"node {Node} not ready after {timeout}:\n{Output}");
    }

    public async Task<IReadOnlyList<JobStatus>> JobsAsync() =>
        (await Http.GetFromJsonAsync<List<JobStatus>>(new Uri("api/scheduler/jobs", UriKind.Relative), Json))!;

    public async Task<IReadOnlyList<JobRun>> RunsAsync(string job) =>
        (await Http.GetFromJsonAsync<List<JobRun>>(new Uri($"api/scheduler/jobs/{job}/runs?limit=100", UriKind.Relative), Json))!;

    /// <summary>Asks the node to run a job now through the dashboard API, authenticated with the test's API token.</summary>
    public async Task<HttpResponseMessage> TriggerRequestAsync(string job)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"api/jobs/{Uri.EscapeDataString(job)}/trigger", UriKind.Relative));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiToken);
        return await Http.SendAsync(request);
    }

    public async Task TriggerAsync(string job)
    {
        using var response = await TriggerRequestAsync(job);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }

    /// <summary>kill -9: no shutdown, no clean-up; the cluster must notice by itself.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM, as a service manager stops it; waits for the exit.</summary>
    public async Task<bool> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>Polls <paramref name="probe"/> until it returns a value, or fails after <paramref name="timeout"/> with <paramref name="what"/>.</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, Func<string> what)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"not reached after {timeout}: {what()}");
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
