package dev.footing.session.workout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One training session of one user. */
@Entity
@Table(name = "workout_session")
public class WorkoutSession extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id")
    public String userId;

    public String timezone;

    @Column(name = "program_id")
    public UUID programId;

    @Column(name = "started_at")
    public Instant startedAt;

    /** startedAt in the session's zone: what the list's from/to filter on. */
    @Column(name = "started_local_date")
    public LocalDate startedLocalDate;

    @Column(name = "completed_at")
    public Instant completedAt;

    public String notes;

    @Column(name = "created_at")
    public Instant createdAt;
}
