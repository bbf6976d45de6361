namespace Analytics.Host.Server.Web;

/// <summary>Size limits of request bodies.</summary>
/// <param name="MaxRequestBytes">The largest webhook body or uploaded report accepted.</param>
internal sealed record WebLimits(long MaxRequestBytes);
