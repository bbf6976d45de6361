using Analytics.Collectors.GitHub;
using Analytics.Host.Cli;
using Analytics.Host.Configuration;

namespace Analytics.Host.Commands;

/// <summary>
/// Turns the <c>GitHub</c> settings into credentials: a GitHub App installation when <c>GitHub:AppId</c> is set (its key
/// read from the file or environment variable the settings name), else the token in <c>GitHub:TokenVariable</c>.
/// </summary>
internal static class GitHubCredentialsLoader
{
    /// <summary>Sets <see cref="GitHubOptions.App"/> or <see cref="GitHubOptions.Token"/> on <paramref name="options"/>.</summary>
    /// <exception cref="UserErrorException">A setting is missing or contradictory, or the key or token cannot be read; the message names the key, never the secret.</exception>
    public static GitHubOptions Apply(GitHubOptions options, GitHubSettings settings, CliEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(settings.AppId))
        {
            if (settings.InstallationId is not null || settings.PrivateKeyFile is not null || settings.PrivateKeyVariable is not null)
            {
                throw new UserErrorException("GitHub: GitHub:InstallationId, GitHub:PrivateKeyFile and GitHub:PrivateKeyVariable need GitHub:AppId");
            }

            var token = environment.Variables[settings.TokenVariable] as string;
            if (string.IsNullOrWhiteSpace(token))
            {
                throw new UserErrorException($"GitHub: the environment variable {settings.TokenVariable} (GitHub:TokenVariable) holds no token; see docs/sources/github.md for the permissions it needs");
            }

            return options with { Token = token.Trim() };
        }

        if (settings.InstallationId is not { } installation)
        {
            throw new UserErrorException("GitHub: GitHub:AppId is set but GitHub:InstallationId is not (see the app's installation page: …/installations/ID)");
        }

        if ((settings.PrivateKeyFile is null) == (settings.PrivateKeyVariable is null))
        {
            throw new UserErrorException("GitHub: with GitHub:AppId set exactly one of GitHub:PrivateKeyFile and GitHub:PrivateKeyVariable names the app's private key");
        }

        string pem;
        string source;
        if (settings.PrivateKeyFile is { } file)
        {
            var path = environment.PathOf(file);
            source = $"file {file} (GitHub:PrivateKeyFile)";
            try
            {
                pem = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UserErrorException($"GitHub: cannot read the {source}: {e.GetType().Name}");
            }
        }
        else
        {
            source = $"environment variable {settings.PrivateKeyVariable} (GitHub:PrivateKeyVariable)";
            pem = environment.Variables[settings.PrivateKeyVariable!] as string ?? "";
        }

        try
        {
            return options with { App = GitHubAppCredentials.Create(settings.AppId, installation, pem, source) };
        }
        catch (ArgumentException e)
        {
            throw new UserErrorException($"GitHub: {e.Message.Split(" (Parameter", 2)[0]}");
        }
    }
}
