using System.Text;
using Analytics.Reports.Delivery;
using Analytics.Reports.Weekly;

namespace Analytics.Host.Reporting;

/// <summary>
/// Writes reports and messages as files to preview: the standalone page, and each e-mail as <c>NAME.email.html</c>
/// (the HTML part with its <c>cid:</c> images pointing at the PNG files in <c>NAME.email/</c>, so a browser shows what
/// a mail client will), <c>NAME.email.txt</c> (the text part) and, for alerts, <c>NAME.webhook.json</c>. Each file is
/// written to a temporary name and moved into place, so a reader never sees half a file.
/// </summary>
internal static class ReportFiles
{
    /// <summary>Writes a team's weekly page and e-mail under <paramref name="folder"/>/team; returns the files written.</summary>
    public static async Task<IReadOnlyList<string>> WriteWeeklyAsync(string folder, TeamWeeklyEmail weekly, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(folder, weekly.Team.Id);
        Directory.CreateDirectory(directory);
        var name = $"weekly-{weekly.Report.IsoWeek}";
        var files = new List<string> { Path.Combine(directory, name + ".html") };
        await WriteAsync(files[0], WeeklyReportPage.Render(weekly.Report), cancellationToken);
        files.AddRange(await WriteEmailAsync(directory, name, weekly.Email, cancellationToken));
        return files;
    }

    /// <summary>Writes an alert notification's e-mail and webhook body under <paramref name="folder"/>/team; returns the files written.</summary>
    public static async Task<IReadOnlyList<string>> WriteAlertAsync(string folder, AlertMessageSet message, CancellationToken cancellationToken)
    {
        var notification = message.Notification;
        var directory = Path.Combine(folder, notification.Team ?? "no-team");
        Directory.CreateDirectory(directory);
        var name = $"alert-{notification.CreatedAt.UtcDateTime:yyyyMMdd-HHmm}-{notification.Kind.ToString().ToLowerInvariant()}-{notification.IdempotencyKey[..Math.Min(8, notification.IdempotencyKey.Length)]}";
        var files = (await WriteEmailAsync(directory, name, message.Email, cancellationToken)).ToList();
        var webhook = Path.Combine(directory, name + ".webhook.json");
        await WriteAsync(webhook, message.Webhook, cancellationToken);
        files.Add(webhook);
        return files;
    }

    private static async Task<IReadOnlyList<string>> WriteEmailAsync(string directory, string name, EmailMessage email, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        var images = Path.Combine(directory, name + ".email");
        var html = email.HtmlBody;
        if (email.InlineImages.Count > 0)
        {
            Directory.CreateDirectory(images);
        }

        for (var i = 0; i < email.InlineImages.Count; i++)
        {
            var image = email.InlineImages[i];
            var file = $"image-{i + 1:00}.png";
            var path = Path.Combine(images, file);
            await File.WriteAllBytesAsync(path + ".partial", image.Content.ToArray(), cancellationToken);
            File.Move(path + ".partial", path, overwrite: true);
            files.Add(path);
            html = html.Replace($"\"cid:{System.Net.WebUtility.HtmlEncode(image.ContentId)}\"", $"\"{name}.email/{file}\"", StringComparison.Ordinal);
        }

        var htmlFile = Path.Combine(directory, name + ".email.html");
        var textFile = Path.Combine(directory, name + ".email.txt");
        await WriteAsync(htmlFile, html, cancellationToken);
        await WriteAsync(textFile, $"Subject: {email.Subject}\n\n{email.TextBody}", cancellationToken);
        files.Insert(0, textFile);
        files.Insert(0, htmlFile);
        return files;
    }

    private static async Task WriteAsync(string path, string content, CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(path + ".partial", content, new UTF8Encoding(false), cancellationToken);
        File.Move(path + ".partial", path, overwrite: true);
    }
}
