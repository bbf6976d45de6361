using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Analytics.Signals.Series;

namespace Analytics.Signals.Incremental;

/// <summary>
/// The cache key of a signal request: a SHA-256 of everything a result depends on besides the store and the period's
/// end — the signal, the signals code's version (this assembly's module version id, which a deterministic build
/// changes exactly when the code changes), the request's start, granularity and options, the teams and the people.
/// A signal computed window by window depends on its start only through the first window of each team (the window
/// containing the start is computed whole), so its key holds those windows and a rule evaluation whose period starts a
/// little later each run keeps its key for the week; a signal recomputed whole keys on the exact instant.
/// </summary>
internal static class CacheKey
{
    private static readonly string CodeVersion = typeof(CacheKey).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    public static string Of(ISignal signal, SignalRequest request, bool exactFrom)
    {
        var from = exactFrom
            ? request.From.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)
            : string.Join(",", request.Teams.Select(t => t.TimeZone).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(zone => zone + ":" + TimeWindow.Containing(request.From, request.Granularity, zone).FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        var description = JsonSerializer.Serialize(new
        {
            signal = signal.Name,
            code = CodeVersion,
            from,
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
