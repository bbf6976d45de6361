using System.Net;

namespace Analytics.Host.Server.Web;

/// <summary>Tells loopback listen addresses (<c>127.0.0.0/8</c>, <c>[::1]</c>, <c>localhost</c>) from all others.</summary>
internal static class ListenAddresses
{
    /// <summary>Whether a server URL such as <c>http://127.0.0.1:5080</c> only listens on loopback.</summary>
    /// <remarks>Wildcards (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>) and host names other than localhost are not loopback.</remarks>
    public static bool IsLoopback(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        var end = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = end < 0 ? rest : rest[..end];
        string host;
        if (authority.StartsWith('['))
        {
            host = authority[1..authority.IndexOf(']', StringComparison.Ordinal)];
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
        }

        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }
}
