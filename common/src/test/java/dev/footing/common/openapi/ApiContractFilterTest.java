package dev.footing.common.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;

class ApiContractFilterTest {

    private final Operation publicRead = OASFactory.createOperation()
            .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));
    private final Operation securedWrite = OASFactory.createOperation()
            .requestBody(OASFactory.createRequestBody())
            .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("SecurityScheme"))
            .responses(OASFactory.createAPIResponses().addAPIResponse("401", OASFactory.createAPIResponse().description("Not Authorized")));

    @Test
    void everyOperationDocumentsItsErrorsAsProblemsAndTheSecuredOnesTheBearerToken() {
        OpenAPI document = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/things", OASFactory.createPathItem().GET(publicRead))
                .addPathItem("/api/things/{id}", OASFactory.createPathItem().PUT(securedWrite)));

        new ApiContractFilter().filterOpenAPI(document);

        assertThat(document.getComponents().getSchemas()).containsKeys("Problem", "Violation");
        assertThat(publicRead.getResponses().getAPIResponses()).containsOnlyKeys("200", "400", "401", "403", "500", "503");
        assertThat(publicRead.getSecurity()).isNull();
        assertThat(securedWrite.getResponses().getAPIResponses())
                .containsOnlyKeys("400", "401", "403", "404", "409", "413", "415", "422", "500", "503");
        assertThat(securedWrite.getResponses().getAPIResponse("401").getContent().getMediaType("application/problem+json")
                .getSchema().getRef()).isEqualTo("#/components/schemas/Problem");
        assertThat(publicRead.getResponses().getAPIResponse("503").getHeaders()).containsKey("Retry-After");
        assertThat(securedWrite.getSecurity()).singleElement()
                .satisfies(requirement -> assertThat(requirement.getSchemes()).containsOnlyKeys("bearer"));
        SecurityScheme bearer = document.getComponents().getSecuritySchemes().get("bearer");
        assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(bearer.getScheme()).isEqualTo("bearer");
        assertThat(bearer.getBearerFormat()).isEqualTo("JWT");
        assertThat(document.getComponents().getSecuritySchemes()).containsOnlyKeys("bearer");
    }

    @Test
    void aNullableFieldOfAnEnumTypeAcceptsNullInsteadOfPointingAtTheEnum() {
        Schema side = OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).enumeration(List.of("LEFT", "RIGHT"));
        Schema nullableSide = OASFactory.createSchema().anyOf(List.of(OASFactory.createSchema().ref("Side"),
                OASFactory.createSchema().type(List.of(Schema.SchemaType.NULL))));
        OpenAPI document = OASFactory.createOpenAPI().components(OASFactory.createComponents()
                .addSchema("Side", side)
                .addSchema("SetView", OASFactory.createSchema().addProperty("side", nullableSide)));

        new ApiContractFilter().filterOpenAPI(document);

        assertThat(nullableSide.getAnyOf()).isNull();
        assertThat(nullableSide.getType()).containsExactly(Schema.SchemaType.STRING, Schema.SchemaType.NULL);
        assertThat(nullableSide.getEnumeration()).containsExactly("LEFT", "RIGHT", null);
    }

    @Test
    void aHeadOperationsAnswersHaveNoBodyNotEvenItsProblems() {
        Operation headers = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse().description("OK")
                        .content(OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType()))));
        Operation get = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));
        OpenAPI document = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/things/{id}", OASFactory.createPathItem().HEAD(headers).GET(get)));

        new ApiContractFilter().filterOpenAPI(document);

        assertThat(headers.getResponses().getAPIResponses()).containsKeys("200", "400", "401", "403", "404", "500", "503")
                .allSatisfy((status, response) -> assertThat(response.getContent()).as(status).isNull());
        assertThat(headers.getResponses().getAPIResponse("503").getHeaders()).containsKey("Retry-After");
        assertThat(get.getResponses().getAPIResponse("404").getContent().getMediaType("application/problem+json")).isNotNull();
    }

    @Test
    void readsWithoutAPathParameterCannotMissOrConflict() {
        assertThat(ErrorStatuses.of("GET", "/api/exercises", false)).containsOnlyKeys("400", "401", "403", "500", "503");
        assertThat(ErrorStatuses.of("DELETE", "/api/sessions/{id}/sets/{setId}", false))
                .containsOnlyKeys("400", "401", "403", "404", "409", "500", "503");
    }
}
