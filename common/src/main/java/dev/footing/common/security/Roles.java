package dev.footing.common.security;

/** The realm roles a token may carry (claim {@code realm_access.roles} by default). */
public final class Roles {

    public static final String ATHLETE = "athlete";
    public static final String COACH = "coach";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
