using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Analytics.Testing.Smtp;

/// <summary>
/// A real SMTP server on 127.0.0.1 for tests: Python 3.11's standard-library <c>smtpd</c> running
/// <c>Smtp/smtp_sink.py</c>, which accepts every message and writes it to a folder (except messages to a recipient
/// whose address starts with <c>refuse</c>: those get <c>550</c>, for tests of permanent refusals). Started on a free port; it can be
/// stopped (to play an outage) and started again on the same port, keeping what it received. Disposing kills it and
/// deletes the folder.
/// </summary>
/// <remarks>
/// Needs <c>python3</c> with the <c>smtpd</c> module (Python 3.11 or older; <c>scripts/test.sh</c> installs Debian's
/// <c>python3</c> when missing): tests that need it fail, not skip, without it. Not thread-safe.
/// </remarks>
public sealed class SmtpTestServer : IAsyncDisposable, IDisposable
{
    // Starting Python takes well under a second; the bound only keeps a broken setup from hanging the run.
    private static readonly TimeSpan s_startLimit = TimeSpan.FromSeconds(60);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "analytics-smtp-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
    private Process? _process;

    private SmtpTestServer()
    {
        Directory.CreateDirectory(_folder);
    }

    /// <summary>The port it listens on (the same after a restart).</summary>
    public int Port { get; private set; }

    /// <summary>Whether it is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The messages received so far, in arrival order (across restarts).</summary>
    public IReadOnlyList<ReceivedEmail> Messages =>
        [.. Directory.GetFiles(_folder, "*.eml").Order(StringComparer.Ordinal).Select(Read)];

    /// <summary>Starts a server on a free port and waits until it accepts connections.</summary>
    /// <exception cref="InvalidOperationException">python3 or its smtpd module is missing, or the server did not start.</exception>
    public static async Task<SmtpTestServer> StartAsync(CancellationToken cancellationToken)
    {
        var server = new SmtpTestServer();
        try
        {
            await server.RunAsync(0, cancellationToken);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Starts it again on the same port after <see cref="Stop"/>.</summary>
    public Task RestartAsync(CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("the SMTP test server is already running");
        }

        return RunAsync(Port, cancellationToken);
    }

    /// <summary>Kills the server; connections are refused until <see cref="RestartAsync"/>.</summary>
    public void Stop()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit();
            process.Dispose();
            _process = null;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Stop();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temporary folder; nothing depends on it.
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static ReceivedEmail Read(string file)
    {
        var raw = File.ReadAllBytes(file);
        var message = MimePart.Parse(raw);
        var to = message.Header("X-Envelope-To") ?? "";
        return new ReceivedEmail(file, message.Header("X-Envelope-From") ?? "", to.Split(',', StringSplitOptions.RemoveEmptyEntries), message);
    }

    private async Task RunAsync(int port, CancellationToken cancellationToken)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Smtp", "smtp_sink.py");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"{script} is missing: Analytics.Testing copies it to the test's output folder");
        }

        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-W", "ignore", script, port.ToString(CultureInfo.InvariantCulture), _folder })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("python3 is not installed: run the tests through `bash scripts/test.sh`, which installs it", e);
        }

        _process = process;
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(s_startLimit);
        var line = await process.StandardOutput.ReadLineAsync(limit.Token);
        if (line is null || !line.StartsWith("ready ", StringComparison.Ordinal))
        {
            await process.WaitForExitAsync(limit.Token);
            Stop();
            lock (errors)
            {
                throw new InvalidOperationException($"the SMTP test server did not start (python3 needs the smtpd module, Python 3.11 or older): {errors}");
            }
        }

        Port = int.Parse(line.AsSpan(6), CultureInfo.InvariantCulture);

        // "ready" is printed after listen(); a connection proves it.
        using var probe = new TcpClient();
        await probe.ConnectAsync("127.0.0.1", Port, limit.Token);
    }
}
