namespace Analytics.Host.Server.Web;

/// <summary>How a caller proved who it is.</summary>
internal enum CallerKind
{
    /// <summary>An API token (<c>Authorization: Bearer …</c>) matched a configured token.</summary>
    Token,

    /// <summary>A trusted reverse proxy named the user in the identity header.</summary>
    Proxy,
}
