using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Analytics.Signals.Incremental;

/// <summary>
/// The cache key of a signal request: a SHA-256 of everything a result depends on besides the store and the period's
/// end — the signal, the signals code's version (this assembly's module version id, which a deterministic build
/// changes exactly when the code changes), the request's start, granularity and options, the teams and the people.
/// </summary>
internal static class CacheKey
{
    private static readonly string CodeVersion = typeof(CacheKey).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    public static string Of(ISignal signal, SignalRequest request)
    {
        var description = JsonSerializer.Serialize(new
        {
            signal = signal.Name,
            code = CodeVersion,
            from = request.From.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            granularity = request.Granularity.ToString(),
            aggregator = request.Aggregator.ToString(),
            attribution = request.AttributionWindow.Ticks,
            production = request.ProductionEnvironments,
            prices = request.RunnerPrices,
            teams = request.Teams,
            people = request.People.People,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(description)));
    }
}
