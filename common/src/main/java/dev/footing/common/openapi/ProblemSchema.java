package dev.footing.common.openapi;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** The OpenAPI schema of {@code dev.footing.common.problem.Problem}, an RFC 9457 problem. */
final class ProblemSchema {

    static final String PROBLEM = "Problem";
    static final String VIOLATION = "Violation";

    private ProblemSchema() {
    }

    static Schema problem() {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("An RFC 9457 problem")
                .required(List.of("type", "title", "status"))
                .addProperty("type", string("uri", "What kind of problem, e.g. https://footing.dev/problems/validation"))
                .addProperty("title", string(null, "A short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32")
                        .description("The HTTP status"))
                .addProperty("detail", string(null, "What went wrong with this request"))
                .addProperty("violations", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .description("Each invalid field, when the request was invalid")
                        .items(OASFactory.createSchema().ref(VIOLATION)));
    }

    static Schema violation() {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .required(List.of("field", "message"))
                .addProperty("field", string(null, "The field's path, e.g. sets[3].reps"))
                .addProperty("message", string(null, "What is wrong with it"));
    }

    private static Schema string(String format, String description) {
        Schema schema = OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
        return format == null ? schema : schema.format(format);
    }
}
