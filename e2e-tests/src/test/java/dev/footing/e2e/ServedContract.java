package dev.footing.e2e;

import java.util.ArrayList;
import java.util.List;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * The OpenAPI document a running service serves at {@code /q/openapi}, as a judge of real calls:
 * every call made through {@link #call()} or {@link #refusal()} is checked against it by
 * swagger-request-validator (path, method, documented status, body against its schema), and each
 * disagreement is kept for {@link #mismatches()}.
 */
final class ServedContract {

    private final String service;
    private final OpenApiInteractionValidator strict;
    private final OpenApiInteractionValidator responsesOnly;
    private final List<String> mismatches = new ArrayList<>();

    private ServedContract(String service, String document) {
        this.service = service;
        this.strict = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
        // A refusal is provoked by a request the document forbids (no token, a bad field, a body too
        // large): only the answer is judged.
        this.responsesOnly = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create().withLevel("validation.request", ValidationReport.Level.IGNORE).build())
                .build();
    }

    static ServedContract of(String service) {
        String document = RestAssured.get(RunningSystem.get().url(service, "/q/openapi?format=json").toString())
                .then().statusCode(200).extract().asString();
        return new ServedContract(service, document);
    }

    /** A call the document allows: request and answer are both judged. */
    Filter call() {
        return judge(strict);
    }

    /** A call the service must refuse: the answer is judged. */
    Filter refusal() {
        return judge(responsesOnly);
    }

    List<String> mismatches() {
        return List.copyOf(mismatches);
    }

    private Filter judge(OpenApiInteractionValidator validator) {
        return (FilterableRequestSpecification request, FilterableResponseSpecification expected, FilterContext next) -> {
            Response response = next.next(request, expected);
            ValidationReport report = validator.validate(RestAssuredRequest.of(request), RestAssuredResponse.of(response));
            if (report.hasErrors()) {
                mismatches.add(service + ": " + request.getMethod() + " " + request.getDerivedPath() + " answered "
                        + response.statusCode() + " " + response.asString() + "\n"
                        + SimpleValidationReportFormat.getInstance().apply(report));
            }
            return response;
        };
    }
}
