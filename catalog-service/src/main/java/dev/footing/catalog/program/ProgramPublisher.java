package dev.footing.catalog.program;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import dev.footing.catalog.exercise.ExerciseChanged;

/**
 * Queues program snapshots for {@code program-catalog}, always inside the transaction that caused them:
 * every program at start (after the seed wrote them), and the programs that hold an exercise when that
 * exercise is renamed, because a program snapshot names its exercises by slug.
 */
@ApplicationScoped
public class ProgramPublisher {

    @Inject
    Event<ProgramChanged> changed;

    @Inject
    Clock clock;

    /** Queues every program's current snapshot, so a consumer can build its replica from the topic alone. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int republishAll() {
        List<Program> all = Program.<Program>find("order by slug").withLock(LockModeType.PESSIMISTIC_WRITE).list();
        all.forEach(this::publish);
        return all.size();
    }

    /** A renamed exercise changes the snapshot of every program that holds it: a new state, a later stamp. */
    @Transactional(Transactional.TxType.MANDATORY)
    void exerciseChanged(@Observes ExerciseChanged change) {
        if (!change.renamed()) {
            return;
        }
        List<Program> holding = Program.<Program>find(
                "select distinct i.program from ProgramItem i where i.exercise.id = ?1", change.snapshot().id())
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (Program program : holding) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            program.updatedAt = now.isAfter(program.updatedAt) ? now : program.updatedAt.plus(1, ChronoUnit.MICROS);
            publish(program);
        }
    }

    private void publish(Program program) {
        // Synchronous observers run in this transaction: the snapshot is queued exactly when the change commits.
        changed.fire(new ProgramChanged(ProgramSnapshot.of(program)));
    }
}
