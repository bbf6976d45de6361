using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Analytics.Testing.Http;

namespace Analytics.Host.Tests.Collect;

/// <summary>An HTTP server on 127.0.0.1 answering fixed JSON by path (404 otherwise); records the Authorization headers.</summary>
public sealed class CannedHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;

    public CannedHttpServer()
    {
        (_listener, var url) = LoopbackListener.Start();
        BaseUrl = url.ToString();
        _loop = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; }

    /// <summary>Path (without query) to status and body.</summary>
    public ConcurrentDictionary<string, (int Status, string Body)> Responses { get; } = new();

    public ConcurrentQueue<string?> Authorizations { get; } = new();

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

            Authorizations.Enqueue(context.Request.Headers["Authorization"]);
            var (status, body) = Responses.TryGetValue(context.Request.Url!.AbsolutePath, out var canned) ? canned : (404, "{}");
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
