package dev.footing.stats.dashboard;

import io.smallrye.config.ConfigMapping;

/**
 * What the dashboard page needs to sign in: the provider as the BROWSER reaches it (which may
 * differ from the issuer the services use, e.g. behind compose networking) and the public client.
 */
@ConfigMapping(prefix = "footing.stats.dashboard")
public interface DashboardSettings {

    /** The realm URL as the browser sees it, e.g. {@code http://localhost:8180/realms/footing}. */
    String oidcPublicUrl();

    /** The public Authorization Code + PKCE client of the browser pages. */
    String clientId();
}
