using Analytics.Host.Cli;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Analytics.Host.Server.Web;

/// <summary>
/// Refuses to start a server that would listen beyond loopback with no way to authenticate anyone. It checks the
/// configured URLs before the server starts (so nothing is exposed), and the addresses actually bound once it started
/// (addresses given to Kestrel in code), switching the server to "authenticate everything" when any is not loopback.
/// </summary>
internal sealed class WebListenGuard(IServer server, IConfiguration configuration, WebCredentials credentials, WebSecurityState state) : IHostedLifecycleService
{
    /// <inheritdoc />
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var configured = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
        Check(configured);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        Check(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Check(IEnumerable<string> addresses)
    {
        var exposed = addresses.Where(a => !ListenAddresses.IsLoopback(a)).ToList();
        if (exposed.Count == 0)
        {
            return;
        }

        if (!credentials.CanAuthenticate)
        {
            throw new UserErrorException(
                $"refusing to start: the server would listen on {string.Join(", ", exposed)}, which is not a loopback address, "
                + "and no authentication is configured; set Web:ApiTokenVariables, Web:ApiTokenHashFile or Web:TrustedProxies "
                + "(docs/security.md), or listen on 127.0.0.1");
        }

        state.RequireAuthentication = true;
    }
}
