using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Analytics.Testing.Http;

namespace Analytics.Reports.Tests.Delivery;

/// <summary>
/// A webhook receiver on 127.0.0.1 and a free port (HttpListener): records every request and answers with the queued
/// responses in order, then 200.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;

    public WebhookReceiver(string path = "hooks/ops/")
    {
        (_listener, var url) = LoopbackListener.Start(path);
        Url = url;
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
