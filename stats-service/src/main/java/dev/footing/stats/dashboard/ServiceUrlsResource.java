package dev.footing.stats.dashboard;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.footing.stats.config.StatsConfig;

/**
 * Public, like the sign-in settings: the training page (served here) calls catalog-service and
 * session-service directly, which allow this page's origin (CORS, {@code FOOTING_WEB_ORIGINS}).
 */
@Path("/api/dashboard/services")
@PermitAll
public class ServiceUrlsResource {

    @Inject
    StatsConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ServiceUrls services() {
        return ServiceUrls.of(config.dashboard().catalogUrl(), config.dashboard().sessionUrl());
    }
}
