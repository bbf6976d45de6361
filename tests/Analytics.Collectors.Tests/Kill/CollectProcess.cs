using System.Collections.Concurrent;
using System.Diagnostics;
using Analytics.Collectors.Tests.HttpApi;
using Analytics.Testing.Files;

namespace Analytics.Collectors.Tests.Kill;

/// <summary>
/// One real <c>analytics collect …</c> child process (the Host project's build output, run with <c>dotnet</c>) with its
/// own environment (settings as <c>ANALYTICS__…</c> variables, secrets in the variables the settings name); its output
/// is kept for failure messages.
/// </summary>
internal sealed class CollectProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private CollectProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Everything it printed so far.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts <c>analytics</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static CollectProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> variables, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(RepositoryFiles.HostAssembly());
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Only the test's settings: none inherited from whoever runs the tests.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("ANALYTICS__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in variables)
        {
            info.Environment[key] = value;
        }

        return new CollectProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Runs it to the end (bounded) and returns the exit code.</summary>
    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"analytics did not finish within {timeout}:\n{Output}");
        }

        // The parameterless wait also drains the redirected output.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>
    /// Waits (bounded) until <paramref name="server"/> has received a request matching <paramref name="killAt"/>, then
    /// kills the process and its children at once (no shutdown, no clean-up), as a crash or an OOM kill would.
    /// </summary>
    public async Task KillAtAsync(LoopbackServer server, Func<LoopbackRequest, bool> killAt, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!server.Requests.Any(killAt))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"analytics exited with {_process.ExitCode} after {server.Requests.Count} requests, before the kill:\n{Output}");
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"the request to kill at did not come within {timeout} ({server.Requests.Count} requests):\n{Output}");
            }

            await Task.Delay(20);
        }

        _process.Kill(entireProcessTree: true);
        await WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
