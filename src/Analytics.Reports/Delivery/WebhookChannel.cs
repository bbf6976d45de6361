using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Analytics.Domain.Outbox;

namespace Analytics.Reports.Delivery;

/// <summary>
/// Posts webhook bodies as JSON. 2xx is sent; 4xx other than 408 and 429 is refused for good (the reason is the
/// status and the start of the answer); anything else (5xx, 408, 429, timeouts, refused connections) is retried by the
/// worker, no sooner than a <c>Retry-After</c> asks. Each request carries the idempotency key
/// (<see cref="IdempotencyKeyHeader"/>) and, when the webhook has a secret, an HMAC-SHA256 of the body
/// (<see cref="SignatureHeader"/>).
/// </summary>
public sealed class WebhookChannel : IDeliveryChannel, IDisposable
{
    /// <summary>The header with the outbox's idempotency key: the same on every attempt of one message.</summary>
    public const string IdempotencyKeyHeader = "X-Analytics-Idempotency-Key";

    /// <summary>The signature header: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the body's bytes under the secret.</summary>
    public const string SignatureHeader = "X-Analytics-Signature-256";

    private const int ReasonLength = 200;

    private readonly Dictionary<string, (WebhookEndpoint Endpoint, byte[]? Secret, string? SecretText)> _endpoints =
        new(StringComparer.OrdinalIgnoreCase);

    private readonly HttpClient _http = new() { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    private readonly TimeProvider _time;

    /// <summary>Creates the channel, reading the secrets from the environment now.</summary>
    /// <param name="endpoints">The webhooks by name.</param>
    /// <param name="environment">Reads an environment variable (null when unset).</param>
    /// <param name="time">The clock of timeouts and <c>Retry-After</c> dates.</param>
    /// <exception cref="ArgumentException">Two webhooks share a name, or a secret's variable is unset.</exception>
    public WebhookChannel(IEnumerable<WebhookEndpoint> endpoints, Func<string, string?> environment, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(time);
        foreach (var endpoint in endpoints)
        {
            string? secret = null;
            if (endpoint.SecretVariable is { Length: > 0 } variable)
            {
                secret = environment(variable) is { Length: > 0 } value
                    ? value
                    : throw new ArgumentException($"webhook '{endpoint.Name}': the environment variable {variable} (named by SecretVariable) is not set", nameof(environment));
            }

            if (!_endpoints.TryAdd(endpoint.Name, (endpoint, secret is null ? null : Encoding.UTF8.GetBytes(secret), secret)))
            {
                throw new ArgumentException($"two webhooks are named '{endpoint.Name}'", nameof(endpoints));
            }
        }

        _time = time;
    }

    /// <inheritdoc />
    public OutboundChannel Channel => OutboundChannel.Webhook;

    /// <inheritdoc />
    public TimeSpan Timeout => _endpoints.Count == 0 ? TimeSpan.FromSeconds(1) : _endpoints.Values.Max(e => e.Endpoint.Timeout);

    /// <summary>The signature header's value for <paramref name="body"/> under <paramref name="secret"/>.</summary>
    public static string Sign(ReadOnlySpan<byte> body, ReadOnlySpan<byte> secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body));

    /// <inheritdoc />
    public async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var where = $"webhook '{message.Target}'";
        if (!_endpoints.TryGetValue(message.Target, out var found))
        {
            return DeliveryOutcome.Permanent($"{where}: no such webhook in the Webhooks settings");
        }

        var (endpoint, secret, secretText) = found;
        var body = Encoding.UTF8.GetBytes(message.Payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(IdempotencyKeyHeader, message.IdempotencyKey);
        if (secret is not null)
        {
            request.Headers.TryAddWithoutValidation(SignatureHeader, Sign(body, secret));
        }

        using var timeout = new CancellationTokenSource(endpoint.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            if (response.IsSuccessStatusCode)
            {
                return DeliveryOutcome.Sent;
            }

            var status = (int)response.StatusCode;
            var answer = await response.Content.ReadAsStringAsync(linked.Token);
            var reason = Redact($"{where}: HTTP {status.ToString(CultureInfo.InvariantCulture)} {response.ReasonPhrase}{Excerpt(answer)}", endpoint, secretText);
            return status is >= 400 and < 500 && response.StatusCode is not HttpStatusCode.RequestTimeout and not HttpStatusCode.TooManyRequests
                ? DeliveryOutcome.Permanent(reason)
                : DeliveryOutcome.Retry(reason, RetryAfter(response));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryOutcome.Retry($"{where}: no answer within {endpoint.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
        catch (HttpRequestException e)
        {
            return DeliveryOutcome.Retry(Redact($"{where}: {e.Message}", endpoint, secretText));
        }
    }

    /// <summary>Closes the connections.</summary>
    public void Dispose() => _http.Dispose();

    // The URL may itself be a credential (chat webhooks embed a token in the path): errors name the webhook instead.
    private static string Redact(string text, WebhookEndpoint endpoint, string? secret) =>
        SecretText.Redact(text, endpoint.Url.AbsoluteUri, endpoint.Url.PathAndQuery.Length > 1 ? endpoint.Url.PathAndQuery : null, secret);

    private static string Excerpt(string answer)
    {
        var flat = string.Join(' ', answer.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length == 0 ? "" : ": " + (flat.Length <= ReasonLength ? flat : flat[..ReasonLength] + "…");
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when date > _time.GetUtcNow() => date - _time.GetUtcNow(),
        _ => null,
    };
}
