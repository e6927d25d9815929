package dev.footing.stats.rebuild;

import java.sql.SQLException;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.apache.kafka.common.TopicPartition;

/**
 * The application's {@link TableSwap} in tests, with a moment between the replay and the swap where a
 * test can act (send events the live consumer applies meanwhile, or hold the rebuild running).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class HeldTableSwap extends TableSwap {

    private static volatile Runnable beforeSwap = () -> { };

    /** Runs on the rebuild thread after the replay, just before the swap; null for nothing. */
    public static void beforeSwap(Runnable action) {
        beforeSwap = action == null ? () -> { } : action;
    }

    @Override
    protected long swap(Map<TopicPartition, Long> end) throws SQLException {
        beforeSwap.run();
        return super.swap(end);
    }
}
