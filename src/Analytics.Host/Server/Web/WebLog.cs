using Microsoft.Extensions.Logging;

namespace Analytics.Host.Server.Web;

/// <summary>The web layer's log messages (event ids 4100–4199). Never logs a token, a secret or a signature.</summary>
internal static partial class WebLog
{
    [LoggerMessage(4101, LogLevel.Warning, "GitHub webhook delivery {Delivery} refused: {Reason}")]
    public static partial void WebhookRefused(ILogger logger, string delivery, string reason);

    [LoggerMessage(4102, LogLevel.Information, "GitHub webhook {Event} delivery {Delivery}: {Outcome}, {Records} record(s), {Changed} changed")]
    public static partial void WebhookReceived(ILogger logger, string @event, string delivery, string outcome, int records, int changed);

    [LoggerMessage(4103, LogLevel.Warning, "test report upload refused: {Error}")]
    public static partial void UploadRefused(ILogger logger, string error);

    [LoggerMessage(4104, LogLevel.Information, "test report {Name} stored: {Results} result(s), {Changed} changed")]
    public static partial void UploadStored(ILogger logger, string name, int results, int changed);
}
