using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Analytics.Domain.Common;
using Microsoft.Extensions.Configuration;

namespace Analytics.Host.Configuration;

/// <summary>
/// Loads <see cref="AnalyticsSettings"/>: defaults, then the JSON file, then <c>ANALYTICS__SECTION__KEY</c> environment
/// variables. Unknown keys (usually typos) and invalid values are all reported in one message.
/// </summary>
internal static class SettingsLoader
{
    private const string EnvironmentPrefix = "ANALYTICS__";

    /// <summary>The settings file used when <c>--config</c> is not given and the file exists.</summary>
    public const string DefaultFile = "config/analytics.json";

    /// <summary>Loads settings; relative paths in them stay relative (to <paramref name="workingDirectory"/>).</summary>
    /// <param name="file">The settings file given by <c>--config</c>, or null for the default (if present).</param>
    /// <param name="workingDirectory">Where relative paths are resolved.</param>
    /// <param name="environment">The process environment.</param>
    /// <exception cref="Cli.UserErrorException">The file is missing or malformed, or a key is unknown or invalid.</exception>
    public static AnalyticsSettings Load(string? file, string workingDirectory, IDictionary environment)
    {
        var builder = new ConfigurationBuilder();
        var path = file is null ? Path.Combine(workingDirectory, DefaultFile) : Path.GetFullPath(file, workingDirectory);
        if (file is not null && !File.Exists(path))
        {
            throw new Cli.UserErrorException($"{file}: no such settings file");
        }

        if (File.Exists(path))
        {
            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        }

        var fromEnvironment = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string key && key.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            {
                fromEnvironment[key[EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal)] = entry.Value as string;
            }
        }

        builder.AddInMemoryCollection(fromEnvironment);
        IConfigurationRoot configuration;
        try
        {
            configuration = builder.Build();
        }
        catch (InvalidDataException e)
        {
            throw new Cli.UserErrorException($"{path}: {e.Message}; {e.InnerException?.Message}");
        }

        var errors = new List<string>();
        CheckKeys(configuration, typeof(AnalyticsSettings), "", errors);
        var settings = new AnalyticsSettings();
        try
        {
            configuration.Bind(settings);
        }
        catch (InvalidOperationException e)
        {
            errors.Add(e.InnerException?.Message ?? e.Message);
        }

        Validate(settings, "", errors);
        if (errors.Count > 0)
        {
            throw new Cli.UserErrorException($"invalid settings ({(File.Exists(path) ? path : "environment")}): {string.Join("; ", errors)}");
        }

        return settings;
    }

    private static void CheckKeys(IConfiguration section, Type type, string prefix, List<string> errors)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        foreach (var child in section.GetChildren())
        {
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                errors.Add($"unknown key '{prefix}{child.Key}'{Suggest.DidYouMean(child.Key, properties.Select(p => p.Name))}");
            }
            else if (property.PropertyType.IsClass && property.PropertyType != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
            {
                CheckKeys(child, property.PropertyType, $"{prefix}{property.Name}:", errors);
            }
            else if (EntryType(property.PropertyType) is { } entryType)
            {
                foreach (var entry in child.GetChildren())
                {
                    CheckKeys(entry, entryType, $"{prefix}{property.Name}:{entry.Key}:", errors);
                }
            }
            else if (SectionListItemType(property.PropertyType) is { } itemType)
            {
                // A list of sections (Schedules): each item's keys are checked like a section's, named by index.
                foreach (var item in child.GetChildren())
                {
                    CheckKeys(item, itemType, $"{prefix}{property.Name}:{item.Key}:", errors);
                }
            }
        }
    }

    // The value type of a dictionary of sections by name (Webhooks:ops:Url), or null.
    private static Type? EntryType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>)
            && type.GetGenericArguments() is [var key, var value] && key == typeof(string) && value.IsClass && value != typeof(string)
            ? value
            : null;

    private static void Validate(object settings, string prefix, List<string> errors)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true);
        errors.AddRange(results.Select(r => $"{prefix}{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        foreach (var property in settings.GetType().GetProperties())
        {
            if (EntryType(property.PropertyType) is not null && property.GetValue(settings) is IDictionary entries)
            {
                foreach (DictionaryEntry entry in entries)
                {
                    Validate(entry.Value!, $"{prefix}{property.Name}:{entry.Key}:", errors);
                }
            }
            else if (SectionListItemType(property.PropertyType) is not null && property.GetValue(settings) is IEnumerable items)
            {
                var index = 0;
                foreach (var item in items)
                {
                    Validate(item, $"{prefix}{property.Name}:{index++}:", errors);
                }
            }
            else if (property.PropertyType.IsClass && property.PropertyType != typeof(string) && property.GetValue(settings) is { } child)
            {
                Validate(child, $"{prefix}{property.Name}:", errors);
            }
        }
    }

    /// <summary>The item type of a <c>List&lt;TSection&gt;</c> whose items are settings sections; null for other types.</summary>
    private static Type? SectionListItemType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) && type.GetGenericArguments()[0] is { IsClass: true } item && item != typeof(string)
            ? item
            : null;
}
