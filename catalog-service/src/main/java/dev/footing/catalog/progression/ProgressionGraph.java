package dev.footing.catalog.progression;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.footing.common.problem.Problem.Violation;

/**
 * The harder/easier variations across the catalog, checked when one exercise is written (answered 422:
 * the request is well formed, the catalog does not allow it): {@code next} and {@code previous} name
 * exercises that exist and are not retired, following {@code next} links from the written exercise
 * never comes back to it (A -> B -> A, or A -> A), the same for {@code previous}, and a slug other
 * exercises link to is not renamed away under them.
 *
 * <p>Checking the written exercise is enough: every earlier write was checked, so the rest of the
 * graph has no cycle, and a new cycle must pass through the exercise that closes it. Writers run one
 * at a time (a lock in the service), so two writes cannot close one cycle together.
 */
public final class ProgressionGraph {

    /** One exercise's links as the catalog holds them. */
    public record Node(String slug, String next, String previous, boolean retired) {
    }

    private ProgressionGraph() {
    }

    /**
     * @param oldSlug the exercise's slug before this write, null on create
     * @param slug    its slug after the write
     * @param written its progression after the write (may be null)
     * @param catalog every exercise by slug, as before the write
     */
    public static List<Violation> check(String oldSlug, String slug, Progression written, Map<String, Node> catalog) {
        List<Violation> v = new ArrayList<>();
        String next = written == null ? null : written.next();
        String previous = written == null ? null : written.previous();
        target(v, "progression.next", next, slug, oldSlug, catalog);
        target(v, "progression.previous", previous, slug, oldSlug, catalog);
        if (next != null && returns(slug, next, oldSlug, catalog, Node::next)) {
            v.add(new Violation("progression.next", "following next from " + next + " leads back to " + slug
                    + " (a cycle of harder variations)"));
        }
        if (previous != null && returns(slug, previous, oldSlug, catalog, Node::previous)) {
            v.add(new Violation("progression.previous", "following previous from " + previous + " leads back to "
                    + slug + " (a cycle of easier variations)"));
        }
        if (oldSlug != null && !oldSlug.equals(slug)) {
            List<String> linking = catalog.values().stream()
                    .filter(n -> !n.slug().equals(oldSlug) && (oldSlug.equals(n.next()) || oldSlug.equals(n.previous())))
                    .map(Node::slug).sorted().toList();
            if (!linking.isEmpty()) {
                v.add(new Violation("slug", "cannot change: " + String.join(", ", linking) + " link to " + oldSlug
                        + " as a variation"));
            }
        }
        return v;
    }

    private static void target(List<Violation> v, String field, String target, String slug, String oldSlug,
            Map<String, Node> catalog) {
        if (target == null || target.equals(slug)) {
            return; // a link to itself is a cycle, reported as one
        }
        Node node = target.equals(oldSlug) ? null : catalog.get(target);
        if (node == null) {
            v.add(new Violation(field, "no exercise has the slug " + target));
        } else if (node.retired()) {
            v.add(new Violation(field, target + " is retired"));
        }
    }

    /** Walks the links from {@code first}; true when the walk reaches {@code slug} (the written exercise). */
    private static boolean returns(String slug, String first, String oldSlug, Map<String, Node> catalog,
            Function<Node, String> link) {
        Set<String> visited = new HashSet<>();
        String at = first;
        while (at != null && visited.add(at)) {
            if (at.equals(slug) || at.equals(oldSlug)) {
                return true;
            }
            Node node = catalog.get(at);
            at = node == null ? null : link.apply(node);
        }
        return false;
    }
}
