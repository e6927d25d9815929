package dev.footing.session.export;

import static dev.footing.session.support.TestCatalog.CALF_RAISE;
import static dev.footing.session.support.TestCatalog.WALL_CALF_STRETCH;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footing.infra.FootingTestResource;
import dev.footing.infra.TestTokens;
import dev.footing.session.support.Api;
import dev.footing.session.support.TestCatalog;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code GET /api/users/{userId}/export}: one row per set, as RFC 4180 CSV or a JSON array, with the
 * access rules of every session read. That it streams (memory flat for 100,000 sets) is {@link ExportMemoryTest}.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "session"))
class ExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource db;

    private String user;
    private String sessionId;
    private String keptSet;
    private String holdSet;

    @BeforeEach
    void workout() {
        TestCatalog.ensureStandardExercises(db);
        user = Api.newUser("export");
        sessionId = UUID.randomUUID().toString();
        keptSet = UUID.randomUUID().toString();
        holdSet = UUID.randomUUID().toString();
        String retracted = UUID.randomUUID().toString();
        // Paris: 22:30 UTC on the 29th of March is already the 30th there.
        Api.createSession("""
                {"id":"%s","userId":"%s","timezone":"Europe/Paris","notes":"felt \\"good\\", calves tight\\nnext time: 40",
                 "sets":[{"id":"%s","exerciseId":"%s","reps":15,"loadKg":10.50,"rpe":8,"pain":2,"completedAt":"2026-03-29T22:30:00Z"},
                         {"id":"%s","exerciseId":"%s","reps":12,"completedAt":"2026-03-29T22:32:00Z"},
                         {"id":"%s","exerciseId":"%s","durationSeconds":45,"side":"LEFT","completedAt":"2026-03-29T21:59:00Z"}]}"""
                .formatted(sessionId, user, keptSet, CALF_RAISE.id(), retracted, CALF_RAISE.id(), holdSet, WALL_CALF_STRETCH.id()))
                .statusCode(201);
        Api.deleteSet(sessionId, retracted).statusCode(204);
        // Someone else's training never shows in this user's export.
        String stranger = Api.newUser("export-stranger");
        Api.postSets(Api.startSession(stranger, "UTC"), Api.reps(CALF_RAISE.id(), 30)).statusCode(201);
    }

    private RequestSpecification asUser() {
        return Api.as(user);
    }

    @Test
    void csvIsOneRfc4180RecordPerSetInTheOrderDoneWithAHeaderRow() {
        String csv = asUser().queryParam("format", "csv").when().get("/api/users/{u}/export", user).then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"footing-" + user + ".csv\""))
                .extract().asString();
        String notes = "\"felt \"\"good\"\", calves tight\nnext time: 40\"";
        assertThat(csv).isEqualTo(""
                + "sessionId,setId,completedAt,localDate,timezone,exerciseSlug,exerciseName,side,reps,durationSeconds,loadKg,rpe,pain,notes\r\n"
                + sessionId + "," + holdSet + ",2026-03-29T21:59:00Z,2026-03-29,Europe/Paris,wall-calf-stretch,Wall calf stretch,LEFT,,45,0,,,"
                + notes + "\r\n"
                + sessionId + "," + keptSet + ",2026-03-29T22:30:00Z,2026-03-30,Europe/Paris,standing-calf-raise,Standing calf raise,,15,,10.5,8,2,"
                + notes + "\r\n");
    }

    @Test
    void jsonIsAnArrayOfTheSameRowsWithNullsWrittenOut() throws Exception {
        String body = asUser().queryParam("format", "json").when().get("/api/users/{u}/export", user).then()
                .statusCode(200).contentType(startsWith("application/json"))
                .header("Content-Disposition", equalTo("attachment; filename=\"footing-" + user + ".json\""))
                .extract().asString();
        JsonNode rows = JSON.readTree(body);
        assertThat(rows.isArray()).isTrue();
        assertThat(rows).hasSize(2);
        JsonNode hold = rows.get(0);
        List<String> fields = new java.util.ArrayList<>();
        hold.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyElementsOf(ExportRow.COLUMNS);
        assertThat(hold.get("setId").asText()).isEqualTo(holdSet);
        assertThat(hold.get("side").asText()).isEqualTo("LEFT");
        assertThat(hold.get("reps").isNull()).isTrue();
        assertThat(hold.get("durationSeconds").asInt()).isEqualTo(45);
        assertThat(hold.get("pain").isNull()).isTrue();
        JsonNode raise = rows.get(1);
        assertThat(raise.get("completedAt").asText()).isEqualTo("2026-03-29T22:30:00Z");
        assertThat(raise.get("localDate").asText()).isEqualTo("2026-03-30");
        assertThat(raise.get("loadKg").toString()).isEqualTo("10.5");
        assertThat(raise.get("pain").asInt()).isEqualTo(2);
        assertThat(raise.get("exerciseName").asText()).isEqualTo("Standing calf raise");
        assertThat(raise.get("notes").asText()).isEqualTo("felt \"good\", calves tight\nnext time: 40");
    }

    @Test
    void fromAndToBoundTheSetsLocalDatesInclusive() {
        assertThat(setIds("2026-03-30", "2026-03-30")).containsExactly(keptSet);
        assertThat(setIds(null, "2026-03-29")).containsExactly(holdSet);
        assertThat(setIds("2026-03-29", null)).containsExactly(holdSet, keptSet);
        assertThat(setIds("2026-03-31", "2026-12-31")).isEmpty();
        // An empty export is still valid: a header, or an empty array.
        asUser().queryParam("from", "2027-01-01").get("/api/users/{u}/export", user).then().statusCode(200)
                .body(equalTo("sessionId,setId,completedAt,localDate,timezone,exerciseSlug,exerciseName,side,reps,"
                        + "durationSeconds,loadKg,rpe,pain,notes\r\n"));
        asUser().queryParam("format", "json").queryParam("from", "2027-01-01").get("/api/users/{u}/export", user).then()
                .statusCode(200).body(equalTo("[]"));
    }

    private List<String> setIds(String from, String to) {
        RequestSpecification request = asUser().queryParam("format", "json");
        if (from != null) {
            request = request.queryParam("from", from);
        }
        if (to != null) {
            request = request.queryParam("to", to);
        }
        return request.get("/api/users/{u}/export", user).then().statusCode(200).extract().jsonPath().getList("setId");
    }

    @ParameterizedTest(name = "{0}={1} → 400 on {0}")
    @CsvSource({ "format,xml", "format,csv;json", "from,2026-13-01", "from,yesterday", "to,2026-02-30", "to,10000-01-01" })
    void aBadParameterIsA400ProblemNamingIt(String parameter, String value) {
        asUser().queryParam(parameter, value).get("/api/users/{u}/export", user).then()
                .statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://footing.dev/problems/validation"))
                .body("violations[0].field", equalTo(parameter));
    }

    @Test
    void headAnswersTheHeadersAndHoldsNoExportSlot() {
        // More HEADs than there are export slots: none may keep one, or the GET after them is a 503.
        for (int i = 0; i < 3; i++) {
            asUser().head("/api/users/{u}/export", user).then().statusCode(200)
                    .header("Content-Disposition", equalTo("attachment; filename=\"footing-" + user + ".csv\""));
        }
        asUser().get("/api/users/{u}/export", user).then().statusCode(200);
    }

    @Test
    void fromAfterToIsA400() {
        asUser().queryParam("from", "2026-04-01").queryParam("to", "2026-03-01").get("/api/users/{u}/export", user).then()
                .statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("from"));
    }

    @Test
    void meIsTheCallerAndAnAdminMayExportAnyone() {
        String mine = asUser().get("/api/users/me/export").then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"footing-" + user + ".csv\""))
                .extract().asString();
        assertThat(mine.split("\r\n")).hasSize(3);
        String admins = given().auth().oauth2(TestTokens.admin()).get("/api/users/{u}/export", user).then()
                .statusCode(200).extract().asString();
        assertThat(admins).isEqualTo(mine);
    }

    @Test
    void anotherUserACoachOrNoTokenGetsAProblemAndNoRow() {
        String other = Api.newUser("export-other");
        Api.as(other).get("/api/users/{u}/export", user).then().statusCode(403).contentType(PROBLEM)
                .body("status", equalTo(403)).body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(sessionId)));
        // Sharing stats with a coach is stats-service's; the raw sets are the user's and an admin's only.
        given().auth().oauth2(TestTokens.coach("coach-" + other)).get("/api/users/{u}/export", user).then()
                .statusCode(403).contentType(PROBLEM);
        given().get("/api/users/{u}/export", user).then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2(TestTokens.expired(user)).get("/api/users/{u}/export", user).then().statusCode(401);
        // A string that is no user id is a 400 for everyone.
        asUser().get("/api/users/{u}/export", "has space").then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("userId"));
    }
}
