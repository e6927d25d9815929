package dev.footing.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Access tokens from an OpenID Connect provider by the resource owner password grant, for the
 * end-to-end tests, the demo data and the benchmarks. The realm's {@code footing-cli} client
 * allows that grant; it exists in the development realm only.
 */
public final class Tokens {

    /** The development realm's public client with direct access grants. */
    public static final String CLI_CLIENT = "footing-cli";
    /** The password of every development user of the realm. */
    public static final String DEV_PASSWORD = "footing";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TOKEN_ENDPOINTS = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** An access token for {@code user} from {@code issuer} through {@code footing-cli}. */
    public static String password(String issuer, String user, String password) {
        return password(issuer, CLI_CLIENT, user, password);
    }

    /** An access token for a development user (password {@code footing}). */
    public static String password(String issuer, String user) {
        return password(issuer, CLI_CLIENT, user, DEV_PASSWORD);
    }

    /** An access token for {@code user} from {@code issuer} through the public client {@code clientId}. */
    public static String password(String issuer, String clientId, String user, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("username", user);
        form.put("password", password);
        form.put("scope", "openid");
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String endpoint = tokenEndpoint(issuer);
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + user + " from " + endpoint + ": " + response.statusCode() + " "
                    + response.body());
        }
        return read(response.body()).path("access_token").asText();
    }

    /** The token endpoint of {@code issuer}, from its discovery document (cached). */
    public static String tokenEndpoint(String issuer) {
        return TOKEN_ENDPOINTS.computeIfAbsent(stripSlash(issuer), i -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create(i + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build();
            HttpResponse<String> response = send(request);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no OpenID configuration at " + request.uri() + ": " + response.statusCode());
            }
            return read(response.body()).path("token_endpoint").asText();
        });
    }

    /** The claims of a JWT, decoded without checking anything: for tests and messages only. */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        return read(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    private static String stripSlash(String issuer) {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not reach " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
