using System.Diagnostics;
using System.Globalization;
using System.Text;
using Analytics.Testing.Files;

namespace Analytics.Testing.Browser;

/// <summary>
/// Runs the system's Chromium headless, one process per call with a fresh profile, to render HTML to PNG or PDF or to
/// read the DOM after scripts ran. The browser is the one named by <c>ANALYTICS_TEST_CHROMIUM</c>, else
/// <c>/usr/bin/chromium</c>; <c>scripts/test.sh</c> installs it. Never downloads a browser.
/// </summary>
/// <remarks>Thread-safe: calls share nothing.</remarks>
public sealed class HeadlessChromium
{
    /// <summary>The environment variable that names the browser executable.</summary>
    public const string EnvironmentVariable = "ANALYTICS_TEST_CHROMIUM";

    /// <summary>
    /// The smallest screenshot height that renders correctly: below it, headless Chromium 156 paints only the top
    /// <c>height - 87</c> pixels of the page and leaves the rest white.
    /// </summary>
    public const int MinimumScreenshotHeight = 150;

    /// <summary>Where Debian's package installs the browser.</summary>
    public const string DefaultPath = "/usr/bin/chromium";

    // Headless in a container: no sandbox (we run as root), no GPU, and no network chatter on the closed network.
    private static readonly string[] CommonArguments =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--disable-crash-reporter",
        "--hide-scrollbars",
        "--mute-audio",
        "--force-device-scale-factor=1",
    ];

    /// <summary>Uses the browser named by <see cref="EnvironmentVariable"/>, else <see cref="DefaultPath"/>.</summary>
    /// <param name="timeout">How long one call may run; 60 seconds by default.</param>
    /// <exception cref="FileNotFoundException">The browser is not there.</exception>
    public HeadlessChromium(TimeSpan? timeout = null)
        : this(Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } path ? path : DefaultPath, timeout)
    {
    }

    /// <summary>Uses the browser at <paramref name="executablePath"/>.</summary>
    /// <param name="executablePath">The Chromium (or Chrome) executable.</param>
    /// <param name="timeout">How long one call may run; 60 seconds by default.</param>
    /// <exception cref="FileNotFoundException">The browser is not there.</exception>
    public HeadlessChromium(string executablePath, TimeSpan? timeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executablePath);
        if (!File.Exists(executablePath))
        {
            throw new FileNotFoundException(
                $"Chromium not found at {executablePath}: run the tests through `bash scripts/test.sh`, which installs it, "
                + $"or set {EnvironmentVariable} to a Chromium executable.",
                executablePath);
        }

        ExecutablePath = executablePath;
        Timeout = timeout ?? TimeSpan.FromSeconds(60);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero, nameof(timeout));
    }

    /// <summary>The browser executable.</summary>
    public string ExecutablePath { get; }

    /// <summary>How long one call may run before the browser is killed and the call throws <see cref="TimeoutException"/>.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Renders a page and saves a screenshot of the viewport as PNG.</summary>
    /// <param name="htmlFileOrUrl">A path to an HTML file, or an absolute URL.</param>
    /// <param name="pngPath">Where to write the PNG (overwritten).</param>
    /// <param name="width">The viewport width in CSS pixels.</param>
    /// <param name="height">The viewport height in CSS pixels, at least <see cref="MinimumScreenshotHeight"/>.</param>
    /// <param name="cancellationToken">Cancels the call and kills the browser.</param>
    /// <exception cref="ArgumentOutOfRangeException">The size is too small.</exception>
    /// <exception cref="InvalidOperationException">The browser failed or wrote no file.</exception>
    /// <exception cref="TimeoutException">The browser ran longer than <see cref="Timeout"/>.</exception>
    public async Task ScreenshotAsync(
        string htmlFileOrUrl, string pngPath, int width, int height, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, MinimumScreenshotHeight);
        var output = PrepareOutput(pngPath);
        await RunAsync(
            [
                "--screenshot=" + output,
                string.Create(CultureInfo.InvariantCulture, $"--window-size={width},{height}"),
                ToUrl(htmlFileOrUrl),
            ],
            cancellationToken);
        EnsureWritten(output);
    }

    /// <summary>Renders a page and prints it to PDF, without the browser's header and footer.</summary>
    /// <param name="htmlFileOrUrl">A path to an HTML file, or an absolute URL.</param>
    /// <param name="pdfPath">Where to write the PDF (overwritten).</param>
    /// <param name="cancellationToken">Cancels the call and kills the browser.</param>
    /// <exception cref="InvalidOperationException">The browser failed or wrote no file.</exception>
    /// <exception cref="TimeoutException">The browser ran longer than <see cref="Timeout"/>.</exception>
    public async Task PrintToPdfAsync(string htmlFileOrUrl, string pdfPath, CancellationToken cancellationToken)
    {
        var output = PrepareOutput(pdfPath);
        await RunAsync(["--print-to-pdf=" + output, "--no-pdf-header-footer", ToUrl(htmlFileOrUrl)], cancellationToken);
        EnsureWritten(output);
    }

    /// <summary>Loads a page, lets its scripts run, and returns the serialised DOM.</summary>
    /// <param name="htmlFileOrUrl">A path to an HTML file, or an absolute URL.</param>
    /// <param name="cancellationToken">Cancels the call and kills the browser.</param>
    /// <returns>The DOM as HTML.</returns>
    /// <exception cref="InvalidOperationException">The browser failed.</exception>
    /// <exception cref="TimeoutException">The browser ran longer than <see cref="Timeout"/>.</exception>
    public Task<string> DumpDomAsync(string htmlFileOrUrl, CancellationToken cancellationToken) =>
        RunAsync(["--dump-dom", ToUrl(htmlFileOrUrl)], cancellationToken);

    /// <summary>Turns an existing file path into a <c>file://</c> URL; passes an absolute URL through.</summary>
    private static string ToUrl(string htmlFileOrUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(htmlFileOrUrl);
        if (File.Exists(htmlFileOrUrl))
        {
            return new Uri(Path.GetFullPath(htmlFileOrUrl)).AbsoluteUri;
        }

        if (Uri.TryCreate(htmlFileOrUrl, UriKind.Absolute, out var uri) && !uri.IsFile)
        {
            return uri.AbsoluteUri;
        }

        throw new FileNotFoundException($"no such HTML file: {htmlFileOrUrl}", htmlFileOrUrl);
    }

    private static string PrepareOutput(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.Delete(full); // so a stale file cannot pass for a fresh one
        return full;
    }

    private static void EnsureWritten(string path)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            throw new InvalidOperationException($"Chromium exited successfully but wrote nothing to {path}");
        }
    }

    /// <summary>Runs the browser with a fresh profile and returns its standard output.</summary>
    private async Task<string> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var profile = new TempDirectory("analytics-chromium-");
        try
        {
            return await RunAsync(arguments, profile.Path, cancellationToken);
        }
        finally
        {
            await DeleteProfileAsync(profile);
        }
    }

    private async Task<string> RunAsync(
        IReadOnlyList<string> arguments, string profilePath, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in CommonArguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.ArgumentList.Add("--user-data-dir=" + profilePath);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"could not start {ExecutablePath}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            await Task.WhenAll(stdout, stderr).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException(
                $"Chromium did not finish within {Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s: "
                + string.Join(' ', arguments));
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"Chromium exited with code {process.ExitCode.ToString(CultureInfo.InvariantCulture)} for "
                + $"{string.Join(' ', arguments)}: {Tail(await stderr)}");
        }

        return await stdout;
    }

    /// <summary>
    /// Deletes the profile. A helper process of the browser can still be writing to it for a moment after the browser
    /// exits: retry a few times, then leave it to the system's temp cleaning rather than fail the test.
    /// </summary>
    private static async Task DeleteProfileAsync(TempDirectory profile)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                profile.Dispose();
                return;
            }
            catch (IOException) when (attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt));
            }
            catch (IOException)
            {
                return;
            }
        }
    }

    private static string Tail(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" | ", lines.TakeLast(5));
    }
}
