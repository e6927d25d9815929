package dev.footing.session.workout;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One completed set. A retracted set keeps its row (with {@code retractedAt}) so its id stays
 * taken and a repeated DELETE is answered without a second event.
 */
@Entity
@Table(name = "workout_set")
public class WorkoutSet extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "exercise_id")
    public UUID exerciseId;

    public Integer reps;

    @Column(name = "duration_seconds")
    public Integer durationSeconds;

    @Column(name = "load_kg")
    public BigDecimal loadKg;

    @Enumerated(EnumType.STRING)
    public Side side;

    public Integer rpe;

    /** Pain during the set, 0-10; null when not reported. */
    public Integer pain;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "local_date")
    public LocalDate localDate;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** Insertion order, assigned by the database: sets done at the same instant list in the order they were sent. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "retracted_at")
    public Instant retractedAt;
}
