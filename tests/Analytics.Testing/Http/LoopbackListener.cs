using System.Net;
using System.Net.Sockets;

namespace Analytics.Testing.Http;

/// <summary>
/// Starts the tests' HTTP servers: an <see cref="HttpListener"/> on 127.0.0.1 and a free port. A free port can be taken
/// by another test between probing and binding, so binding is tried on a few; each try gets a new listener, as on
/// Linux a listener whose start failed is disposed and cannot be started again.
/// </summary>
public static class LoopbackListener
{
    private const int Attempts = 10;

    /// <summary>A started listener on 127.0.0.1 and a free port, for <paramref name="path"/> (empty, or ending in '/').</summary>
    /// <returns>The listener and the URL it answers (<c>http://127.0.0.1:&lt;port&gt;/&lt;path&gt;</c>).</returns>
    public static (HttpListener Listener, Uri Url) Start(string path = "")
    {
        for (var attempt = 1; ; attempt++)
        {
            var url = new Uri($"http://127.0.0.1:{FreePort()}/{path}");
            var listener = new HttpListener();
            listener.Prefixes.Add(url.ToString());
            try
            {
                listener.Start();
                return (listener, url);
            }
            catch (HttpListenerException) when (attempt < Attempts)
            {
                listener.Close();
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
