package dev.footing.stats.dashboard;

import java.util.List;

import dev.footing.common.problem.Problem;
import dev.footing.common.problem.ProblemException;

/**
 * The sign-in settings of the dashboard, in the shape keycloak-js takes them:
 * {@code new Keycloak({url, realm, clientId})}.
 */
public record DashboardConfig(String url, String realm, String clientId) {

    private static final String REALMS = "/realms/";

    /**
     * Splits a Keycloak realm URL ({@code http://host:8180/realms/footing}) into server and realm.
     * Anything else cannot drive keycloak-js: a 503 problem that names the setting, rather than a
     * page that redirects the browser somewhere wrong (the API itself keeps working).
     */
    static DashboardConfig of(String realmUrl, String clientId) {
        String trimmed = realmUrl.strip().replaceAll("/+$", "");
        int at = trimmed.lastIndexOf(REALMS);
        String realm = at < 0 ? "" : trimmed.substring(at + REALMS.length());
        if (at <= 0 || realm.isEmpty() || realm.contains("/")) {
            throw new ProblemException(new Problem(ProblemException.type("dashboard-sign-in"), "Dashboard sign-in not configured",
                    503, "the dashboard signs in through Keycloak: set OIDC_PUBLIC_URL to a realm URL such as "
                            + "http://localhost:8180/realms/footing (it is " + realmUrl + ")", List.of()));
        }
        return new DashboardConfig(trimmed.substring(0, at), realm, clientId);
    }
}
