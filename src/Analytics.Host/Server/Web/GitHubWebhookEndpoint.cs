using Analytics.Collectors.GitHub.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Analytics.Host.Server.Web;

/// <summary>
/// <c>POST /webhooks/github</c>: verifies <c>X-Hub-Signature-256</c> against the secret (401 with no detail when it is
/// missing, wrong, or no secret is configured), then hands the delivery to <see cref="GitHubWebhookReceiver"/>, which
/// drops repeated <c>X-GitHub-Delivery</c> ids.
/// </summary>
internal static class GitHubWebhookEndpoint
{
    /// <summary>Maps the receiver.</summary>
    public static IEndpointRouteBuilder MapGitHubWebhook(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/webhooks/github", ReceiveAsync).WithMetadata(SelfAuthenticated.Instance);
        return routes;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, WebCredentials credentials, GitHubWebhookReceiver receiver, WebLimits limits, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(GitHubWebhookEndpoint).FullName!);
        var delivery = context.Request.Headers["X-GitHub-Delivery"].ToString();
        var body = await ReadBodyAsync(context.Request, limits.MaxRequestBytes, cancellationToken);
        if (body is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "payload too large");
        }

        if (credentials.WebhookSecret is null || !GitHubWebhookSignature.IsValid(credentials.WebhookSecret, body, context.Request.Headers[GitHubWebhookSignature.Header].ToString()))
        {
            // Why it failed stays in the log; the caller learns nothing that helps forge a signature.
            WebLog.WebhookRefused(logger, delivery, credentials.WebhookSecret is null ? "no webhook secret is configured" : "missing or invalid signature");
            return TypedResults.Unauthorized();
        }

        var eventName = context.Request.Headers["X-GitHub-Event"].ToString();
        if (string.IsNullOrWhiteSpace(delivery) || string.IsNullOrWhiteSpace(eventName))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "invalid delivery", detail: "X-GitHub-Delivery and X-GitHub-Event are required");
        }

        var outcome = await receiver.ReceiveAsync(delivery, eventName, body, cancellationToken);
        WebLog.WebhookReceived(logger, eventName, delivery, outcome.Kind.ToString(), outcome.Records, outcome.Changed);
        return outcome.Kind == GitHubWebhookOutcomeKind.Malformed
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "malformed delivery", detail: outcome.Error)
            : TypedResults.Ok(new { outcome = outcome.Kind.ToString().ToLowerInvariant(), records = outcome.Records, changed = outcome.Changed });
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/>.</summary>
    internal static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
