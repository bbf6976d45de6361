using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Analytics.Reports.Tests.Delivery;

/// <summary>
/// A webhook receiver on 127.0.0.1 and a free port (HttpListener): records every request and answers with the queued
/// responses in order, then 200.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public WebhookReceiver(string path = "hooks/ops/")
    {
        for (var attempt = 0; ; attempt++)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/{path}");
            try
            {
                _listener.Start();
                Url = new Uri($"http://127.0.0.1:{port}/{path}");
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between probing and binding: try another.
            }
        }

        _loop = Task.Run(LoopAsync);
    }

    public Uri Url { get; private set; } = null!;

    public ConcurrentQueue<(int Status, string Body, string? RetryAfter)> Responses { get; } = new();

    public ConcurrentQueue<ReceivedWebhook> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        // Close alone (see LoopbackServer in the collector tests): Stop then Close races other listeners on Linux.
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            // The listener was closed under the loop.
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

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            Requests.Enqueue(new ReceivedWebhook(context.Request.HttpMethod, context.Request.ContentType, headers, body.ToArray()));
            var (status, answer, retryAfter) = Responses.TryDequeue(out var queued) ? queued : (200, "{\"ok\":true}", null);
            context.Response.StatusCode = status;
            if (retryAfter is not null)
            {
                context.Response.AddHeader("Retry-After", retryAfter);
            }

            var bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
