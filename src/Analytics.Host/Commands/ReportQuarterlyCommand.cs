using System.CommandLine;
using System.Text;
using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Host.Cli;
using Analytics.Host.Reporting;
using Analytics.Reports.Charts;
using Analytics.Reports.Quarterly;
using Analytics.Storage;

namespace Analytics.Host.Commands;

/// <summary>
/// <c>analytics report quarterly [--team T] [--period 2026-Q3] [--out DIR] [--maturity FILE]</c>: writes the quarterly
/// operational-maturity review of each team and of the organisation (or of one team) as a standalone HTML page and a
/// multi-page PDF. The period defaults to the last complete quarter; capabilities and checks come from
/// <c>config/maturity.yaml</c> when it exists, else from the built-in defaults (docs/maturity.md).
/// </summary>
internal static class ReportQuarterlyCommand
{
    /// <summary>Where the model is read from when <c>--maturity</c> is not given and the file exists.</summary>
    public const string DefaultModelPath = "config/maturity.yaml";

    /// <summary>The organisation's name in its review.</summary>
    public const string OrganisationName = "Organisation";

    public static Command Create(CommandRunner runner)
    {
        var team = new Option<string?>("--team") { Description = "Only this team's review (its id in the teams file); default: every team and the organisation." };
        var period = new Option<string?>("--period") { Description = "The quarter, such as 2026-Q3; default: the last complete quarter." };
        var output = new Option<string>("--out", "-o") { Description = "The folder to write the HTML and PDF files to.", DefaultValueFactory = _ => "reports" };
        var maturity = new Option<string?>("--maturity") { Description = $"The maturity model file (default: {DefaultModelPath} when it exists, else the built-in defaults)." };
        var json = GlobalOptions.Json();
        var send = ReportCommand.SendOption();
        var command = new Command("quarterly", "Write the quarterly operational-maturity review (HTML and PDF) per team and for the organisation.")
        {
            team, period, output, maturity, json, send,
        };
        runner.Bind(command, async (session, cancellationToken) =>
        {
            var model = LoadModel(session, session.Parse.GetValue(maturity));
            var teams = session.Teams.Teams;
            if (teams.Count == 0)
            {
                throw new UserErrorException("no teams: reviews are made per team; declare teams in config/teams.yaml or pass --teams (see docs/configuration.md)");
            }

            Team? only = null;
            if (session.Parse.GetValue(team) is { } id)
            {
                only = teams.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase))
                    ?? throw new UserErrorException($"--team: unknown team '{id}'{Suggest.DidYouMean(id, teams.Select(t => t.Id))} (teams: {string.Join(", ", teams.Select(t => t.Id))})");
            }

            var zone = only?.TimeZone ?? QuarterlyReviewBuilder.Organisation(teams, OrganisationName).TimeZone;
            var quarter = ResolvePeriod(session.Parse.GetValue(period), session.Environment.Time.GetUtcNow(), zone);
            var store = await session.OpenStoreAsync(cancellationToken);
            var builder = new QuarterlyReviewBuilder(store, await session.ResolvePeopleAsync(cancellationToken), model, session.Environment.Time);
            var reviews = only is null
                ? await builder.BuildAllAsync(teams, OrganisationName, quarter, cancellationToken)
                : [await builder.BuildTeamAsync(only, quarter, cancellationToken)];
            var files = await WriteAsync(reviews, session.Environment.PathOf(session.Parse.GetValue(output)!), cancellationToken);
            ReportCommand.DeliverySummary? delivery = null;
            if (session.Parse.GetValue(send))
            {
                var queued = new List<ReportSending.Queued>();
                foreach (var (review, (_, pdf)) in reviews.Zip(files))
                {
                    queued.Add(await ReportSending.QuarterlyAsync(store, session.Environment.Time, review, await File.ReadAllBytesAsync(pdf, cancellationToken), cancellationToken));
                }

                delivery = await ReportCommand.SendAsync(session, queued, session.Parse.GetValue(json), cancellationToken);
            }

            if (session.Parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(session.Environment.Out, new
                {
                    period = quarter.ToString(),
                    delivery,
                    reviews = reviews.Select((r, i) => new
                    {
                        subject = r.Subject.Id,
                        organisation = r.IsOrganisation,
                        html = files[i].Html,
                        pdf = files[i].Pdf,
                        levels = r.Current.Capabilities.ToDictionary(c => c.Capability.Id, c => c.Level is { } l ? (int?)l : null),
                    }),
                });
            }
            else
            {
                foreach (var (review, (html, pdf)) in reviews.Zip(files))
                {
                    await session.Environment.Out.WriteLineAsync($"{review.Subject.Name} {quarter}: {html}, {pdf}");
                }
            }

            return delivery is { Failed: > 0 } ? ExitCode.Findings : ExitCode.Ok;
        });
        return command;
    }

    /// <summary>Writes each review's HTML page and PDF into <paramref name="folder"/>; returns their paths, in order.</summary>
    /// <exception cref="UserErrorException">The PDF cannot be drawn (librsvg or cairo is missing).</exception>
    public static async Task<IReadOnlyList<(string Html, string Pdf)>> WriteAsync(IReadOnlyList<QuarterlyReview> reviews, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var files = new List<(string, string)>();
        foreach (var review in reviews)
        {
            var html = Path.Combine(folder, review.FileStem + ".html");
            var pdf = Path.Combine(folder, review.FileStem + ".pdf");
            byte[] bytes;
            try
            {
                bytes = QuarterlyReviewPdf.Render(review);
            }
            catch (SvgRasterizationException e)
            {
                throw new UserErrorException($"the PDF of {review.Subject.Id} {review.Quarter} could not be written: {e.Message}");
            }

            await File.WriteAllTextAsync(html + ".partial", QuarterlyReviewPage.Render(review), new UTF8Encoding(false), cancellationToken);
            File.Move(html + ".partial", html, overwrite: true);
            await File.WriteAllBytesAsync(pdf + ".partial", bytes, cancellationToken);
            File.Move(pdf + ".partial", pdf, overwrite: true);
            files.Add((html, pdf));
        }

        return files;
    }

    /// <summary>The quarter named by <paramref name="text"/>, or the last complete one; only quarters that have ended.</summary>
    /// <exception cref="UserErrorException">The text is not a quarter, or the quarter has not ended in <paramref name="timeZone"/>.</exception>
    public static QuarterPeriod ResolvePeriod(string? text, DateTimeOffset now, string timeZone)
    {
        var last = QuarterPeriod.LastComplete(now, timeZone);
        if (text is null)
        {
            return last;
        }

        var quarter = QuarterPeriod.TryParse(text)
            ?? throw new UserErrorException($"--period: '{text}' is not a quarter; write the year and the quarter, such as {last}");
        if (quarter.Window(timeZone).End > now)
        {
            throw new UserErrorException($"--period: {quarter} has not ended yet in {timeZone}; the last complete quarter is {last}");
        }

        return quarter;
    }

    /// <summary>The model from <paramref name="path"/>, from config/maturity.yaml when it exists, else the built-in defaults.</summary>
    /// <exception cref="UserErrorException">The file is missing (when named) or has errors; the message lists each at file:line:column.</exception>
    public static MaturityModel LoadModel(CommandSession session, string? path)
    {
        var full = session.Environment.PathOf(path ?? DefaultModelPath);
        if (!File.Exists(full))
        {
            return path is null ? MaturityModel.Default : throw new UserErrorException($"--maturity: no such file: {path}");
        }

        var result = MaturityFileParser.Parse(Path.GetRelativePath(session.Environment.WorkingDirectory, full), File.ReadAllText(full));
        return result.Model ?? throw new UserErrorException(string.Join(Environment.NewLine, result.Diagnostics.Select(d => d.ToString())));
    }
}
