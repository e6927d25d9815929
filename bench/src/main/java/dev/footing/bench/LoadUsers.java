package dev.footing.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.footing.infra.KeycloakServer;
import dev.footing.infra.Tokens;

/**
 * The benchmark's users as real accounts of the development realm, each signed in with its own
 * token: every request the benchmark measures is a user acting on their own training, verified and
 * checked by the services as any athlete's would be (docs/architecture.md §8).
 *
 * <p>An account is made through Keycloak's admin REST API the first time a scenario names the
 * user ({@link #prepare}, before the scenario's measured window): username, e-mail and names (the
 * realm's user profile requires them before a password grant is answered), the password of the
 * development users and the {@code athlete} role. The {@code admin} user's token is kept for what
 * only an administrator may do (a rebuild).
 */
final class LoadUsers {

    /** The realm's access tokens live 15 minutes; a user's is fetched again well before that. */
    private static final Duration RENEW_AFTER = Duration.ofMinutes(10);
    /** The master realm's console tokens live one minute. */
    private static final Duration CONSOLE_RENEW_AFTER = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String issuer;
    private final String keycloak;
    private final String realm;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private Token console;
    private JsonNode athleteRole;

    LoadUsers(String issuer) {
        this.issuer = issuer;
        int realmAt = issuer.indexOf("/realms/");
        this.keycloak = issuer.substring(0, realmAt);
        this.realm = issuer.substring(realmAt + "/realms/".length()).replaceAll("/$", "");
    }

    /** The administrator's token, for operations only an administrator may start. */
    String admin() {
        return tokens.compute("admin", (user, held) -> fresh(held) ? held : new Token(Tokens.password(issuer, user))).value;
    }

    /** The user's own token; the account must have been made by {@link #prepare}. */
    String token(String user) {
        Token held = tokens.get(user);
        if (held == null) {
            throw new IllegalStateException("load user " + user + " was not prepared");
        }
        return fresh(held) ? held.value : tokens.compute(user, (u, old) -> fresh(old) ? old : new Token(Tokens.password(issuer, u))).value;
    }

    /** Makes the accounts not made yet and signs each in, a few at a time (Keycloak hashes each password twice). */
    void prepare(Collection<String> users) throws Exception {
        List<String> missing = users.stream().filter(u -> !tokens.containsKey(u)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4, DatabaseBaseline.named("load-users-"));
        try {
            List<Future<?>> work = new ArrayList<>();
            for (String user : missing) {
                work.add(pool.submit(() -> {
                    create(user);
                    tokens.put(user, new Token(Tokens.password(issuer, user)));
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            System.out.printf("  %d load users made in Keycloak and signed in (%.1f s)%n", missing.size(), (System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private void create(String user) {
        ObjectNode account = json.createObjectNode()
                .put("username", user)
                .put("enabled", true)
                .put("email", user + "@bench.footing.invalid")
                .put("emailVerified", true)
                .put("firstName", "Bench")
                .put("lastName", user);
        account.putArray("credentials").addObject().put("type", "password").put("value", Tokens.DEV_PASSWORD).put("temporary", false);
        HttpResponse<String> created = call("POST", "/users", account.toString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Keycloak did not create " + user + ": " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        HttpResponse<String> granted = call("POST", "/users/" + id + "/role-mappings/realm", "[" + athleteRole() + "]");
        if (granted.statusCode() != 204) {
            throw new IllegalStateException("Keycloak did not grant " + user + " the athlete role: " + granted.statusCode() + " " + granted.body());
        }
    }

    private synchronized JsonNode athleteRole() {
        if (athleteRole == null) {
            HttpResponse<String> role = call("GET", "/roles/athlete", null);
            if (role.statusCode() != 200) {
                throw new IllegalStateException("no athlete role in realm " + realm + ": " + role.statusCode());
            }
            athleteRole = read(role.body());
        }
        return athleteRole;
    }

    /** A call to the realm's admin API as the master realm's console administrator. */
    private HttpResponse<String> call(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/" + realm + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + consoleToken())
                .header("Accept", "application/json");
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not reach Keycloak at " + keycloak, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private synchronized String consoleToken() {
        if (console == null || Duration.between(console.at, Instant.now()).compareTo(CONSOLE_RENEW_AFTER) > 0) {
            // An external Keycloak (OIDC_ISSUER) has its own console administrator.
            console = new Token(Tokens.password(keycloak + "/realms/master", "admin-cli",
                    System.getProperty("bench.keycloak.admin", KeycloakServer.CONSOLE_ADMIN),
                    System.getProperty("bench.keycloak.password", KeycloakServer.CONSOLE_PASSWORD)));
        }
        return console.value;
    }

    private static boolean fresh(Token token) {
        return token != null && Duration.between(token.at, Instant.now()).compareTo(RENEW_AFTER) < 0;
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Token(String value, Instant at) {
        Token(String value) {
            this(value, Instant.now());
        }
    }
}
