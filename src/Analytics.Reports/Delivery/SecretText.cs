namespace Analytics.Reports.Delivery;

/// <summary>Keeps secrets out of the error texts the outbox stores and prints.</summary>
internal static class SecretText
{
    /// <summary>Replaces every occurrence of each secret in <paramref name="text"/> with <c>***</c>.</summary>
    public static string Redact(string text, params ReadOnlySpan<string?> secrets)
    {
        foreach (var secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }
}
