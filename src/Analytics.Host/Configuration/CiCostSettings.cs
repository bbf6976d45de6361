using System.ComponentModel.DataAnnotations;
using Analytics.Signals.CiCost;

namespace Analytics.Host.Configuration;

/// <summary>
/// The <c>CiCost</c> section: prices per runner minute by runner label, for the <c>ci.cost</c> and <c>ci.wasted_cost</c>
/// signals (docs/signals/ci.cost.md).
/// </summary>
internal sealed class CiCostSettings : IValidatableObject
{
    /// <summary>The currency of the prices, only shown (default <c>USD</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Currency { get; set; } = "USD";

    /// <summary>
    /// Price per minute by runner label or prefix pattern (<c>macos-*</c>); keys given here replace or add to the defaults
    /// of <see cref="RunnerPrices.Default"/> (self-hosted 0, ubuntu-* 0.008, windows-* 0.016, macos-* 0.08, * 0.008).
    /// </summary>
    public Dictionary<string, decimal> PricesPerMinute { get; set; } = RunnerPrices.DefaultPerMinute();

    /// <summary>The prices as the signals take them.</summary>
    public RunnerPrices ToPrices() => new(new Dictionary<string, decimal>(PricesPerMinute, StringComparer.OrdinalIgnoreCase), Currency);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        PricesPerMinute
            .Where(p => p.Value < 0 || string.IsNullOrWhiteSpace(p.Key) || p.Key.TrimEnd('*').Contains('*', StringComparison.Ordinal) || p.Key.EndsWith("**", StringComparison.Ordinal))
            .Select(p => new ValidationResult(
                $"price '{p.Key}' = {p.Value}: prices must be 0 or more, and '*' may only end a pattern",
                [nameof(PricesPerMinute)]));
}
