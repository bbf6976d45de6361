namespace Analytics.Host.Server.Web;

/// <summary>An authenticated caller.</summary>
/// <param name="Name">The token's name or the user the proxy named.</param>
/// <param name="Kind">How it was authenticated.</param>
internal sealed record Caller(string Name, CallerKind Kind);
