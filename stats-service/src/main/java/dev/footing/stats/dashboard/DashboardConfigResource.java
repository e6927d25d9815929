package dev.footing.stats.dashboard;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.footing.stats.config.StatsConfig;

/**
 * Public: the page asks this before anyone has signed in, to know where to send them.
 * It holds nothing secret (the client is public; PKCE protects the code exchange).
 */
@Path("/api/dashboard/config")
@PermitAll
public class DashboardConfigResource {

    @Inject
    StatsConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public DashboardConfig config() {
        return DashboardConfig.of(config.dashboard().oidcPublicUrl(), config.dashboard().clientId());
    }
}
