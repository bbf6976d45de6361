namespace Analytics.Host.Server.Web;

/// <summary>
/// Endpoint metadata: the endpoint checks its own credential (a webhook signature, the upload token), so
/// <see cref="WebAccessMiddleware"/> leaves it alone.
/// </summary>
internal sealed class SelfAuthenticated
{
    /// <summary>The one instance.</summary>
    public static SelfAuthenticated Instance { get; } = new();
}
