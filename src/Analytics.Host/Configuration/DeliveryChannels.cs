using Analytics.Host.Cli;
using Analytics.Reports.Delivery;

namespace Analytics.Host.Configuration;

/// <summary>
/// The delivery channels and retry policy the settings describe (<c>Smtp</c>, <c>Webhooks</c>, <c>Delivery</c>), with
/// secrets read from the environment variables they name.
/// </summary>
internal sealed class DeliveryChannels : IDisposable
{
    private DeliveryChannels(IReadOnlyList<IDeliveryChannel> channels, DeliveryPolicy policy)
    {
        Channels = channels;
        Policy = policy;
    }

    /// <summary>The configured channels: SMTP when <c>Smtp:Host</c> is set, webhooks when any is declared.</summary>
    public IReadOnlyList<IDeliveryChannel> Channels { get; }

    /// <summary>The retry policy.</summary>
    public DeliveryPolicy Policy { get; }

    /// <summary>Builds the channels.</summary>
    /// <exception cref="UserErrorException">A setting is missing or invalid, or a named environment variable is unset.</exception>
    public static DeliveryChannels Create(AnalyticsSettings settings, CliEnvironment environment)
    {
        string? Variable(string name) => environment.Variables[name] as string;
        var channels = new List<IDeliveryChannel>();
        try
        {
            var policy = new DeliveryPolicy
            {
                MaxAttempts = settings.Delivery.MaxAttempts,
                InitialBackoff = settings.Delivery.InitialBackoff,
                MaxBackoff = settings.Delivery.MaxBackoff,
                Lease = settings.Delivery.Lease,
            };
            if (settings.Smtp is { Host: { Length: > 0 } host } smtp)
            {
                var from = smtp.From is { Length: > 0 } sender ? sender : throw new UserErrorException("Smtp:From is required when Smtp:Host is set");
                channels.Add(new SmtpChannel(
                    new SmtpOptions
                    {
                        Host = host,
                        Port = smtp.Port,
                        StartTls = smtp.StartTls,
                        UserName = smtp.UserName,
                        PasswordVariable = smtp.PasswordVariable,
                        From = from,
                        Timeout = smtp.Timeout,
                    },
                    Variable,
                    environment.Time));
            }

            if (settings.Webhooks.Count > 0)
            {
                var endpoints = settings.Webhooks.Select(w => Endpoint(w.Key, w.Value, Variable)).ToList();
                channels.Add(new WebhookChannel(endpoints, Variable, environment.Time));
            }

            return new DeliveryChannels(channels, policy);
        }
        catch (ArgumentException e)
        {
            foreach (var channel in channels.OfType<IDisposable>())
            {
                channel.Dispose();
            }

            throw new UserErrorException($"invalid delivery settings: {e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal)}");
        }
    }

    /// <summary>Closes the webhook channel's connections.</summary>
    public void Dispose()
    {
        foreach (var channel in Channels.OfType<IDisposable>())
        {
            channel.Dispose();
        }
    }

    private static WebhookEndpoint Endpoint(string name, WebhookSettings webhook, Func<string, string?> variable)
    {
        var url = (webhook.Url, webhook.UrlVariable) switch
        {
            ({ Length: > 0 } given, null or "") => given,
            (null or "", { Length: > 0 } name2) => variable(name2)
                ?? throw new UserErrorException($"Webhooks:{name}:UrlVariable: the environment variable {name2} is not set"),
            _ => throw new UserErrorException($"Webhooks:{name}: set exactly one of Url and UrlVariable"),
        };

        // The URL may hold a token: the message names the setting, not the value.
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? new WebhookEndpoint(name, uri, webhook.SecretVariable, webhook.Timeout)
            : throw new UserErrorException($"Webhooks:{name}: the URL is not an absolute http or https URL");
    }
}
