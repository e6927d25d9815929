package dev.footing.catalog;

import static io.restassured.RestAssured.given;

import dev.footing.infra.TestTokens;
import io.restassured.specification.RequestSpecification;

/** Requests as the catalog's callers make them: reads need nobody, changes need an administrator's token. */
public final class CatalogRequests {

    private CatalogRequests() {
    }

    public static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTokens.admin());
    }
}
