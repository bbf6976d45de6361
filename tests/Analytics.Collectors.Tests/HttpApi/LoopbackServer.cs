using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Analytics.Testing.Http;

namespace Analytics.Collectors.Tests.HttpApi;

/// <summary>
/// An HTTP server on 127.0.0.1 and a free port, answering through a handler, with queued faults served before the
/// handler runs (429 with Retry-After, 5xx, malformed JSON, any status). Every request is recorded.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<LoopbackRequest, LoopbackResponse> _handler;
    private readonly Task _loop;

    public LoopbackServer(Func<LoopbackRequest, LoopbackResponse> handler)
    {
        _handler = handler;
        (_listener, var url) = LoopbackListener.Start();
        BaseUrl = url;
        _loop = Task.Run(LoopAsync);
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<LoopbackRequest> Requests { get; } = new();

    /// <summary>Answers served, in order, before the handler is asked; a null entry lets the handler answer that request.</summary>
    public ConcurrentQueue<LoopbackResponse?> Faults { get; } = new();

    /// <summary>How long every answer is held back after the request is recorded (a slow server; lets a test act mid-run).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>When set, answers every request matching it (a persistent fault).</summary>
    public Func<LoopbackRequest, LoopbackResponse?>? Override { get; set; }

    public static LoopbackResponse TooManyRequests(int retryAfterSeconds) =>
        new(429, """{"errorMessages":["Rate limit exceeded."]}""", new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public static LoopbackResponse ServerError() => new(500, """{"errorMessages":["Internal server error"]}""");

    public static LoopbackResponse MalformedJson() => new(200, """{"issues": [ {"id": """);

    public async ValueTask DisposeAsync()
    {
        // Close alone: Stop then Close makes HttpListener on Linux remove its endpoint twice, and the second removal
        // binds the port again, failing with "address in use" when another test's server has taken it meanwhile.
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
            // Closing the listener ends the loop this way on some platforms.
        }
    }


    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                var request = new LoopbackRequest(
                    context.Request.HttpMethod,
                    context.Request.Url!.AbsolutePath,
                    context.Request.Url.Query,
                    body,
                    context.Request.Headers["Authorization"],
                    context.Request.Headers["Accept"]);
                Requests.Enqueue(request);
                if (Latency > TimeSpan.Zero)
                {
                    await Task.Delay(Latency);
                }

                LoopbackResponse response;
                try
                {
                    response = Override?.Invoke(request)
                        ?? (Faults.TryDequeue(out var fault) && fault is not null ? fault : _handler(request));
                }
                catch (Exception e)
                {
                    response = new LoopbackResponse(599, "fake server bug: " + e);
                }

                context.Response.StatusCode = response.Status;
                context.Response.ContentType = "application/json";
                foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
                {
                    context.Response.Headers[name] = value;
                }

                var bytes = Encoding.UTF8.GetBytes(response.Body);
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The client went away (or was killed while the answer was held back); the next request is still served.
            }
        }
    }
}
