using System.Globalization;
using Analytics.Collectors.TestReports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Analytics.Host.Server.Web;

/// <summary>
/// <c>POST /api/test-reports</c>: one JUnit XML or TRX report, as a multipart file field <c>report</c> or as the raw
/// body, with <c>repository</c>, <c>commit</c>, <c>run</c>, <c>job</c> (required), <c>branch</c>, <c>attempt</c> (default 1),
/// <c>time</c> (ISO 8601, default now) and <c>name</c> as query or form fields. Needs the upload token or an API token
/// as <c>Authorization: Bearer …</c>, on loopback too. A malformed report answers 400 with file:line:column and
/// stores nothing of it (<see cref="TestReportIngestor"/> writes a report in one transaction).
/// </summary>
internal static class TestReportUploadEndpoint
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapTestReportUpload(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/test-reports", UploadAsync).WithMetadata(SelfAuthenticated.Instance).DisableAntiforgery();
        return routes;
    }

    private static async Task<IResult> UploadAsync(HttpContext context, WebCredentials credentials, TestReportIngestor ingestor, WebLimits limits, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(TestReportUploadEndpoint).FullName!);
        var authorization = context.Request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : "";
        if (token.Length == 0 || !(credentials.IsUploadToken(token) || credentials.FindApiToken(token) is not null))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "upload token required", detail: "send the upload token as Authorization: Bearer …");
        }

        IFormCollection? form = null;
        IFormFile? file = null;
        if (context.Request.HasFormContentType)
        {
            form = await context.Request.ReadFormAsync(cancellationToken);
            file = form.Files.GetFile("report") ?? (form.Files.Count > 0 ? form.Files[0] : null);
            if (file is null)
            {
                return Bad("no file: send the report as the multipart field 'report'");
            }
        }

        string? Field(string name) => context.Request.Query[name].FirstOrDefault() is { Length: > 0 } q ? q : form?[name].FirstOrDefault() is { Length: > 0 } f ? f : null;

        var missing = new[] { "repository", "commit", "run", "job" }.Where(f => Field(f) is null).ToList();
        if (missing.Count > 0)
        {
            return Bad($"missing field(s): {string.Join(", ", missing)}");
        }

        var attempt = 1;
        if (Field("attempt") is { } attemptText && (!int.TryParse(attemptText, NumberStyles.None, CultureInfo.InvariantCulture, out attempt) || attempt < 1))
        {
            return Bad($"attempt: '{attemptText}' is not a whole number from 1");
        }

        var at = time.GetUtcNow();
        if (Field("time") is { } timeText && !DateTimeOffset.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at))
        {
            return Bad($"time: '{timeText}' is not an ISO 8601 instant");
        }

        var name = Field("name") ?? (file is not null ? Path.GetFileName(file.FileName) : null) ?? "report.xml";
        var metadata = new TestReportMetadata(Field("repository")!, Field("commit")!, Field("branch"), Field("run")!, attempt, Field("job")!, at.ToUniversalTime());
        using var content = new MemoryStream();
        if (file is not null)
        {
            if (file.Length > limits.MaxRequestBytes)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "report too large");
            }

            await using var upload = file.OpenReadStream();
            await upload.CopyToAsync(content, cancellationToken);
        }
        else if (await GitHubWebhookEndpoint.ReadBodyAsync(context.Request, limits.MaxRequestBytes, cancellationToken) is { } body)
        {
            await content.WriteAsync(body, cancellationToken);
        }
        else
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "report too large");
        }

        content.Position = 0;
        var result = await ingestor.IngestAsync(name, content, metadata, cancellationToken);
        if (result.Error is { } error)
        {
            WebLog.UploadRefused(logger, error.ToString());
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "malformed test report", detail: error.ToString(),
                extensions: new Dictionary<string, object?> { ["file"] = error.File, ["line"] = error.Line, ["column"] = error.Column });
        }

        WebLog.UploadStored(logger, name, result.Results, result.Stored.Changed);
        return TypedResults.Ok(new
        {
            file = result.File,
            dialect = result.Dialect?.ToString(),
            passed = result.Passed,
            failed = result.Failed,
            errored = result.Errored,
            skipped = result.Skipped,
            retried = result.Retried,
            received = result.Stored.Received,
            changed = result.Stored.Changed,
        });
    }

    private static IResult Bad(string detail) => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "invalid upload", detail: detail);
}
