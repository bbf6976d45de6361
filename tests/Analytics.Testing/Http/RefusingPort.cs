using System.Net;
using System.Net.Sockets;

namespace Analytics.Testing.Http;

/// <summary>
/// A port on 127.0.0.1 that refuses every connection for as long as this object lives: bound, never listening. A port
/// freed by a closed server is no such thing: another test's server, running in parallel, can take it and answer, or hold
/// the connection open until a timeout that a fake clock never reaches.
/// </summary>
public sealed class RefusingPort : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    /// <summary>Binds a free port without listening on it.</summary>
    public RefusingPort()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    /// <summary>The port.</summary>
    public int Port { get; }

    /// <summary>An http URL on the port with <paramref name="path"/>.</summary>
    public Uri Url(string path) => new($"http://127.0.0.1:{Port}/{path}");

    /// <summary>Frees the port.</summary>
    public void Dispose() => _socket.Dispose();
}
