using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Analytics.Host.Server.Web;

/// <summary>
/// Authenticates callers and applies the access policy of <c>docs/security.md</c>:
/// <list type="bullet">
/// <item>a Bearer API token, or the identity header from a trusted proxy address, names the caller;</item>
/// <item>when the server listens beyond loopback (or the request came in on a non-loopback address) every request must
/// be authenticated;</item>
/// <item>on loopback reading is open, but writing needs an API token, or a form with a valid anti-forgery token sent
/// by a loopback client from a loopback page (or by a proxy-authenticated user), or JSON from a proxy-authenticated
/// user (browsers cannot send JSON across origins without a CORS preflight, which this server never grants).</item>
/// </list>
/// Endpoints marked <see cref="SelfAuthenticated"/> check their own credential.
/// </summary>
internal sealed class WebAccessMiddleware(RequestDelegate next, WebCredentials credentials, WebSecurityState state, IAntiforgery antiforgery)
{
    /// <summary>The claim type carrying <see cref="CallerKind"/>.</summary>
    public const string KindClaim = "analytics:caller-kind";

    /// <summary>Runs the policy for one request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetEndpoint()?.Metadata.GetMetadata<SelfAuthenticated>() is not null)
        {
            await next(context);
            return;
        }

        var caller = Authenticate(context);
        if (caller is not null)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, caller.Name), new Claim(KindClaim, caller.Kind.ToString())],
                caller.Kind.ToString()));
        }

        var loopbackConnection = IsLoopback(context.Connection.LocalIpAddress) && IsLoopback(context.Connection.RemoteIpAddress);
        if (caller is null && (state.RequireAuthentication || !loopbackConnection))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Results.Problem(statusCode: 401, title: "authentication required", detail: "send an API token (Authorization: Bearer …) or come through the configured proxy").ExecuteAsync(context);
            return;
        }

        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method)
            || caller?.Kind == CallerKind.Token)
        {
            await next(context);
            return;
        }

        if (context.Request.HasFormContentType)
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                await Results.Problem(statusCode: 400, title: "anti-forgery token missing or invalid", detail: "reload the page and submit the form again").ExecuteAsync(context);
                return;
            }

            if (caller?.Kind == CallerKind.Proxy || (loopbackConnection && FromLoopbackPage(context.Request)))
            {
                await next(context);
                return;
            }
        }
        else if (caller?.Kind == CallerKind.Proxy && context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            await next(context);
            return;
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(statusCode: 401, title: "writing needs authentication", detail: "send an API token (Authorization: Bearer …) or use the dashboard's forms").ExecuteAsync(context);
    }

    private Caller? Authenticate(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            // A token that matches nothing is no identity at all; the policy then decides as for an anonymous caller.
            return credentials.FindApiToken(authorization["Bearer ".Length..].Trim()) is { } name ? new Caller(name, CallerKind.Token) : null;
        }

        if (credentials.IsTrustedProxy(context.Connection.RemoteIpAddress)
            && context.Request.Headers[credentials.IdentityHeader].ToString() is { Length: > 0 } user)
        {
            return new Caller(user, CallerKind.Proxy);
        }

        return null;
    }

    /// <summary>A form post whose Origin (or, without one, Referer) is a loopback page.</summary>
    private static bool FromLoopbackPage(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin) || origin == "null")
        {
            origin = request.Headers.Referer.ToString();
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && (uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
