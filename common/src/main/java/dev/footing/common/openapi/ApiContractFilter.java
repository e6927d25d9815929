package dev.footing.common.openapi;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Makes every service's OpenAPI document describe the errors that really answer, once for all
 * services (registered by {@code mp.openapi.filter} in common's microprofile-config.properties):
 * the {@code Problem} schema, each operation's error statuses ({@link ErrorStatuses}) as
 * {@code application/problem+json}, the bearer scheme of the OIDC provider on the operations
 * that need a token, and nullable fields of a named type that really accept null
 * ({@link NullableReferences}).
 *
 * <p>Which operations need a token is Quarkus' call ({@code @RolesAllowed}, {@code @Authenticated},
 * {@code @PermitAll}: {@code quarkus.smallrye-openapi.auto-add-security-requirement}); this filter
 * points those requirements at one scheme, {@value #BEARER}. What it cannot see (201 and 204
 * answers, nullable fields, optional bodies) the resources say with annotations.
 */
public class ApiContractFilter implements OASFilter {

    public static final String BEARER = "bearer";
    static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema(ProblemSchema.PROBLEM, ProblemSchema.problem());
        components.addSchema(ProblemSchema.VIOLATION, ProblemSchema.violation());
        NullableReferences.inline(components.getSchemas());
        components.setSecuritySchemes(Map.of(BEARER, bearerScheme()));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> document(method, path, operation)));
    }

    private static void document(PathItem.HttpMethod method, String path, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        APIResponses documented = responses;
        boolean head = method == PathItem.HttpMethod.HEAD;
        ErrorStatuses.of(method.name(), path, operation.getRequestBody() != null)
                .forEach((status, description) -> documented.addAPIResponse(status, problem(status, description, head)));
        if (head) {
            // A HEAD answer never has a body (RFC 9110 §9.3.2), whatever the scanner guessed from the
            // method's return type: a document promising one fails every client that reads it.
            documented.getAPIResponses().values().forEach(response -> response.setContent(null));
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            SecurityRequirement bearer = OASFactory.createSecurityRequirement().addScheme(BEARER);
            operation.setSecurity(List.of(bearer));
        }
    }

    /** For a HEAD operation, the problem GET would answer: its status and headers, no body. */
    private static APIResponse problem(String status, String description, boolean head) {
        APIResponse response = OASFactory.createAPIResponse().description(description);
        if (!head) {
            response.content(OASFactory.createContent().addMediaType(PROBLEM_JSON,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ProblemSchema.PROBLEM))));
        }
        if (status.equals("503")) {
            response.addHeader("Retry-After", OASFactory.createHeader()
                    .description("Seconds to wait before trying again")
                    .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))));
        }
        return response;
    }

    /** The issuer is read when the document is built, so that it names the provider this deployment trusts. */
    private static SecurityScheme bearerScheme() {
        String issuer = ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.auth-server-url", String.class)
                .orElse("configured by OIDC_ISSUER");
        return OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("An access token (JWT) from the OIDC issuer " + issuer);
    }
}
