package dev.footing.common.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Makes {@code @Schema(nullable = true)} on a field of a named type mean what it says in an
 * OpenAPI 3.0 document. SmallRye models such a field as {@code anyOf: [$ref, null]} and writes it
 * for 3.0 as {@code nullable: true} beside {@code allOf: [$ref]}, but in 3.0 {@code nullable} only widens {@code type}: a null still has to
 * match the referenced schema, which it never does, so validators and generated clients reject the
 * null. The referenced schema is copied in place instead, with {@code null} allowed (and added to
 * an enum's values, as OpenAPI 3.0.3 requires).
 */
final class NullableReferences {

    private static final String PREFIX = "#/components/schemas/";

    private NullableReferences() {
    }

    static void inline(Map<String, Schema> components) {
        components.values().forEach(schema -> {
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(property -> inline(property, components));
            }
        });
    }

    private static void inline(Schema property, Map<String, Schema> components) {
        List<Schema> anyOf = property.getAnyOf();
        if (anyOf == null || anyOf.size() != 2 || !anyOf.stream().anyMatch(NullableReferences::isNull)) {
            return;
        }
        String ref = anyOf.stream().filter(s -> !isNull(s)).findFirst().map(Schema::getRef).orElse(null);
        Schema target = ref == null || !ref.startsWith(PREFIX) ? null : components.get(ref.substring(PREFIX.length()));
        if (target == null || target.getType() == null) {
            return;
        }
        property.setAnyOf(null);
        List<Schema.SchemaType> types = new ArrayList<>(target.getType());
        types.add(Schema.SchemaType.NULL);
        property.setType(types);
        property.setFormat(target.getFormat());
        property.setPattern(target.getPattern());
        property.setProperties(target.getProperties());
        property.setRequired(target.getRequired());
        property.setItems(target.getItems());
        property.setAdditionalPropertiesSchema(target.getAdditionalPropertiesSchema());
        if (target.getEnumeration() != null) {
            List<Object> values = new ArrayList<>(target.getEnumeration());
            values.add(null);
            property.setEnumeration(values);
        }
    }

    private static boolean isNull(Schema schema) {
        return schema.getRef() == null && List.of(Schema.SchemaType.NULL).equals(schema.getType());
    }
}
