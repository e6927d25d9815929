package dev.footing.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Fills a few users with months of realistic training drawn from the catalog's programs, posted
 * through session-service like a client app would, so it flows through Kafka into the stats.
 * Each demo athlete logs their own training with their own access token (password grant on the
 * development realm's {@code footing-cli} client); demo-ana and demo-ben then share their stats
 * with {@code coach-kim}.
 *
 * <p>Every session and set id is derived from the user and the day, so loading twice is a no-op
 * (session-service answers a re-sent id with the same content as the first time).
 */
public final class DemoData {

    /**
     * A demo user: who, where, which program, how often they train, since how many days, and
     * how their right leg keeps up with the left (most people have a weaker side).
     */
    record Persona(String userId, ZoneId zone, String programSlug, double trainingProbability, int days,
            double rightSideShare, double painShare, Map<String, Scripted> scripted) {
    }

    /**
     * One exercise a persona trains the same way every session, so that the guidance rule (stats-service's
     * {@code ProgressionRule}, replayed from the ladder's start) ends in a known decision: {@code last} for the
     * final sessions (counted from the end), {@code usual} before them.
     */
    record Scripted(Step usual, List<Step> last) {

        record Step(int amount, Integer pain, double loadKg) {
        }

        Step at(int fromEnd) {
            return fromEnd < last.size() ? last.get(last.size() - 1 - fromEnd) : usual;
        }
    }

    /**
     * Each demo athlete ends in one decision of DESIGN §9 on one exercise (the others follow their months of
     * random training); DemoDataTest asserts each against the running system.
     * <ul>
     * <li>demo-ana GRADUATEs from curb-jump-two-feet to the one-leg variation: every session at 40, the top of the
     *     20→40 ladder, so it climbs one step per two sessions and then graduates;</li>
     * <li>demo-ana REGRESSes on line-jump-one-leg: both legs at 40, then pain 7 and 6 in her last two sessions;</li>
     * <li>demo-ben PROGRESSes on toe-walk: 20 s holds take him to 25 s, which he misses until his last two
     *     sessions hold 25 s: 25 → 30 s;</li>
     * <li>demo-chen HOLDs on elevated-toe-raise: 32 reps with 10 kg meets 30 twice (→ 35), then misses 35.</li>
     * </ul>
     */
    static final List<Persona> PERSONAS = List.of(
            new Persona("demo-ana", ZoneId.of("Europe/Berlin"), "smirnova-runner-foot-and-leg", 0.45, 120, 0.9, 0.1, Map.of(
                    "curb-jump-two-feet", new Scripted(new Scripted.Step(40, null, 0), List.of()),
                    "line-jump-one-leg", new Scripted(new Scripted.Step(40, 2, 0),
                            List.of(new Scripted.Step(40, 7, 0), new Scripted.Step(38, 6, 0))))),
            new Persona("demo-ben", ZoneId.of("America/New_York"), "flat-feet-set", 0.7, 90, 1.0, 0.15, Map.of(
                    "toe-walk", new Scripted(new Scripted.Step(20, 3, 0),
                            List.of(new Scripted.Step(25, 2, 0), new Scripted.Step(26, null, 0))))),
            new Persona("demo-chen", ZoneId.of("Pacific/Auckland"), "simple-ankle-strengthening-at-home", 0.55, 150, 0.85, 0.05,
                    Map.of("elevated-toe-raise", new Scripted(new Scripted.Step(32, null, 10), List.of()))));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    /** The demo athletes who share their stats with the coach. */
    static final List<String> SHARING_WITH_COACH = List.of("demo-ana", "demo-ben");
    static final String COACH = "coach-kim";

    private final URI catalog;
    private final URI session;
    private final URI stats;
    private final String issuer;
    private final Clock clock;
    private String token;
    private String tokenUser;

    /**
     * @param issuer the OpenID Connect issuer that knows the demo users (password {@code footing})
     */
    public DemoData(URI catalog, URI session, URI stats, String issuer, Clock clock) {
        this.catalog = catalog;
        this.session = session;
        this.stats = stats;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** {@code DemoData [catalog-url session-url stats-url issuer]}, defaults: the local run. */
    public static void main(String[] args) throws Exception {
        URI catalog = URI.create(args.length > 0 ? args[0] : "http://localhost:8081");
        URI session = URI.create(args.length > 1 ? args[1] : "http://localhost:8082");
        URI stats = URI.create(args.length > 2 ? args[2] : "http://localhost:8083");
        String issuer = args.length > 3 ? args[3] : LocalInfra.env("OIDC_ISSUER", "http://localhost:8180/realms/footing");
        new DemoData(catalog, session, stats, issuer, Clock.systemUTC()).load();
    }

    /** Loads every persona; returns the number of sets posted. */
    public int load() throws IOException, InterruptedException {
        List<JsonNode> programs = programs();
        int sets = 0;
        for (int i = 0; i < PERSONAS.size(); i++) {
            Persona persona = PERSONAS.get(i);
            JsonNode program = programs.stream()
                    .filter(p -> persona.programSlug().equals(p.path("slug").asText()))
                    .findFirst()
                    .orElse(programs.get(i % programs.size()));
            signIn(persona.userId());
            sets += loadPersona(persona, program);
        }
        for (String athlete : SHARING_WITH_COACH) {
            signIn(athlete);
            HttpResponse<String> shared = send("PUT", stats.resolve("/api/users/" + athlete + "/viewers/" + COACH), "");
            if (shared.statusCode() / 100 != 2) {
                throw new IllegalStateException("stats-service refused " + athlete + "'s share with " + COACH + ": "
                        + shared.statusCode() + " " + shared.body());
            }
        }
        System.out.printf("Demo data: %d sets for %s; %s share with %s%n", sets, PERSONAS.stream().map(Persona::userId).toList(),
                SHARING_WITH_COACH, COACH);
        return sets;
    }

    /** Later requests carry this user's access token. */
    private void signIn(String user) {
        tokenUser = user;
        token = Tokens.password(issuer, user, Tokens.DEV_PASSWORD);
    }

    private int loadPersona(Persona persona, JsonNode program) throws IOException, InterruptedException {
        Random random = new Random(persona.userId().hashCode());
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode item : program.path("items")) {
            items.add(item);
        }
        Map<String, JsonNode> exercises = new HashMap<>();
        LocalDate today = LocalDate.now(clock.withZone(persona.zone()));
        // The training days first: a scripted exercise needs to know how many sessions it ends after.
        List<ZonedDateTime> starts = new ArrayList<>();
        for (int daysAgo = persona.days(); daysAgo >= 1; daysAgo--) {
            if (random.nextDouble() > persona.trainingProbability()) {
                continue;
            }
            LocalDate day = today.minusDays(daysAgo);
            starts.add(ZonedDateTime.of(day, LocalTime.of(6 + random.nextInt(13), random.nextInt(60)), persona.zone()));
        }
        follow(persona, program);
        int posted = 0;
        for (int index = 0; index < starts.size(); index++) {
            ZonedDateTime start = starts.get(index);
            LocalDate day = start.toLocalDate();
            double progress = (double) (index + 1) / starts.size();
            int fromEnd = starts.size() - 1 - index;
            ArrayNode sets = json.createArrayNode();
            int minute = 0;
            for (JsonNode item : items) {
                JsonNode exercise = exercises.computeIfAbsent(exerciseIdOf(item), this::exercise);
                JsonNode prescription = item.path("prescription");
                int setCount = Math.max(1, prescription.path("sets").asInt(exercise.path("prescription").path("sets").asInt(2)));
                List<String> sides = exercise.path("unilateral").asBoolean() ? List.of("LEFT", "RIGHT") : List.of("BOTH");
                Scripted scripted = persona.scripted().get(exercise.path("slug").asText());
                boolean duration = "DURATION".equals(exercise.path("measurement").asText());
                for (int s = 0; s < setCount; s++) {
                    for (String side : sides) {
                        minute += 1 + random.nextInt(2);
                        ObjectNode set = sets.addObject();
                        set.put("id", uuid(persona.userId(), day, "set", sets.size()).toString());
                        set.put("exerciseId", exercise.path("id").asText());
                        int amount;
                        if (scripted != null) {
                            Scripted.Step step = scripted.at(fromEnd);
                            amount = step.amount();
                            if (step.pain() != null) {
                                set.put("pain", step.pain());
                            }
                            set.put("loadKg", step.loadKg());
                        } else {
                            double share = side.equals("RIGHT") ? persona.rightSideShare() : 1.0;
                            amount = duration
                                    ? scaled(ranged(prescription, "holdSeconds", "holdSecondsMax", 30, progress, random), share)
                                    : scaled(ranged(prescription, "reps", "repsMax", 12, progress, random), share);
                            set.put("loadKg", 0);
                            // Some everyday soreness, never above 5: it does not hold anyone back.
                            if (random.nextDouble() < persona.painShare()) {
                                set.put("pain", 1 + random.nextInt(4));
                            }
                        }
                        set.put(duration ? "durationSeconds" : "reps", amount);
                        set.put("side", side);
                        set.put("completedAt", start.plusMinutes(minute).toInstant().toString());
                    }
                }
            }
            ObjectNode body = json.createObjectNode();
            body.put("id", uuid(persona.userId(), day, "session", 0).toString());
            body.put("userId", persona.userId());
            body.put("timezone", persona.zone().getId());
            body.put("programId", program.path("id").asText());
            body.put("startedAt", start.toInstant().toString());
            body.set("sets", sets);
            HttpResponse<String> created = postSession(body.toString());
            if (created.statusCode() != 201 && created.statusCode() != 200) {
                throw new IllegalStateException("session-service refused a demo session: " + created.statusCode() + " " + created.body());
            }
            send("POST", session.resolve("/api/sessions/" + body.get("id").asText() + "/complete"), "{}");
            posted += sets.size();
        }
        return posted;
    }

    /** The persona follows their program (at the catalog's advice, else stats' default), so adherence has weeks to show. */
    private void follow(Persona persona, JsonNode program) throws IOException, InterruptedException {
        HttpResponse<String> followed = send("PUT",
                stats.resolve("/api/users/" + persona.userId() + "/programs/" + program.path("slug").asText()), "{}");
        if (followed.statusCode() / 100 != 2) {
            throw new IllegalStateException("stats-service refused " + persona.userId() + "'s follow of "
                    + program.path("slug").asText() + ": " + followed.statusCode() + " " + followed.body());
        }
    }

    private static int scaled(int amount, double share) {
        return Math.max(1, (int) Math.round(amount * share));
    }

    /** Progresses from the low end of the prescription towards its high end over the months. */
    private static int ranged(JsonNode prescription, String low, String high, int fallback, double progress, Random random) {
        int from = prescription.path(low).asInt(fallback);
        int to = prescription.path(high).asInt(from);
        int value = (int) Math.round(from + (to - from) * progress) + random.nextInt(3) - 1;
        return Math.max(1, value);
    }

    /** Right after start, session-service may still be reading the catalog into its replica (422). */
    private HttpResponse<String> postSession(String body) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = send("POST", session.resolve("/api/sessions"), body);
            if (response.statusCode() != 422 || attempt == 60) {
                return response;
            }
            Thread.sleep(1000);
        }
    }

    private static String exerciseIdOf(JsonNode item) {
        JsonNode nested = item.path("exercise").path("id");
        return nested.isMissingNode() ? item.path("exerciseId").asText() : nested.asText();
    }

    private List<JsonNode> programs() throws IOException, InterruptedException {
        JsonNode listed = getJson(catalog.resolve("/api/programs"));
        JsonNode summaries = listed.has("items") ? listed.get("items") : listed;
        List<JsonNode> programs = new ArrayList<>();
        for (JsonNode summary : summaries) {
            programs.add(getJson(catalog.resolve("/api/programs/" + summary.path("slug").asText())));
        }
        if (programs.isEmpty()) {
            throw new IllegalStateException("the catalog has no programs");
        }
        return programs;
    }

    private JsonNode exercise(String id) {
        try {
            return getJson(catalog.resolve("/api/exercises/" + id));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode getJson(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", uri, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    /** Sends with the signed-in user's token; an expired token is renewed once. */
    private HttpResponse<String> send(String method, URI uri, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = sendOnce(method, uri, body);
        if (response.statusCode() == 401 && token != null) {
            signIn(tokenUser);
            response = sendOnce(method, uri, body);
        }
        return response;
    }

    private HttpResponse<String> sendOnce(String method, URI uri, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.GET();
        } else if (body.isEmpty()) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static UUID uuid(String userId, LocalDate day, String kind, int index) {
        return UUID.nameUUIDFromBytes(("footing:demo:" + userId + ":" + day + ":" + kind + ":" + index).getBytes(StandardCharsets.UTF_8));
    }
}
