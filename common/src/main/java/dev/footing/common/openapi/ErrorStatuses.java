package dev.footing.common.openapi;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which error statuses an operation can answer, from what the OpenAPI document already says about
 * it: every operation can meet a bad request, a missing or bad token, a forbidden caller, a bug and
 * a database or identity provider that is down; one that names a resource in its path can miss it;
 * one that writes can conflict with what is stored; one that takes a body can get one too large, of
 * the wrong type, or naming something unknown. Every one of them is an RFC 9457 problem.
 */
public final class ErrorStatuses {

    private ErrorStatuses() {
    }

    /** Status code to the description the document gives it, in order of status. */
    public static SortedMap<String, String> of(String method, String path, boolean takesBody) {
        SortedMap<String, String> statuses = new TreeMap<>();
        statuses.put("400", "Bad request: a parameter or the body is invalid (violations name each field)");
        statuses.put("401", "No valid bearer token");
        statuses.put("403", "The token does not allow this request");
        statuses.put("500", "Internal error");
        statuses.put("503", isWrite(method)
                ? "Too many writes in progress, or the database or the identity provider cannot answer; nothing was written; retry after Retry-After seconds"
                : "The database or the identity provider cannot answer; retry after Retry-After seconds");
        if (path.contains("{")) {
            statuses.put("404", "Not found");
        }
        if (isWrite(method)) {
            statuses.put("409", "Conflicts with what is stored");
        }
        if (takesBody) {
            statuses.put("413", "The body is too large");
            statuses.put("415", "The body is not JSON");
            statuses.put("422", "The body is valid but names something unknown");
        }
        return statuses;
    }

    private static boolean isWrite(String method) {
        return switch (method.toUpperCase(java.util.Locale.ROOT)) {
            case "POST", "PUT", "PATCH", "DELETE" -> true;
            default -> false;
        };
    }
}
