package dev.footing.session.program;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * This service's copy of one catalog program, as last seen on {@code program-catalog}: only what a
 * session needs to name a program (its id must be known, else 422). Items and advice stay in the catalog.
 */
@Entity
@Table(name = "program_replica")
public class ProgramReplica extends PanacheEntityBase {

    @Id
    public UUID id;

    public String slug;

    public String name;

    public boolean retired;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** Whether the program bound as the parameter is in the replica, for a writer that reads it by JDBC. */
    public static final String EXISTS = "select exists (select 1 from program_replica where id = ?)";
}
