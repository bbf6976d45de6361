namespace Analytics.Host.Server.Web;

/// <summary>What the server learnt about where it listens; set at start-up by <see cref="WebListenGuard"/>.</summary>
internal sealed class WebSecurityState
{
    /// <summary>True when any listen address is not loopback: then every request must be authenticated.</summary>
    public bool RequireAuthentication { get; set; }
}
