package dev.footing.catalog.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A snapshot waiting to be published to {@code topic} ({@code exercise-catalog} or {@code program-catalog})
 * under {@code recordKey} (the exercise or program id). Written in the transaction that changed the
 * exercise or program; {@code id} order is commit order per key, which the relay keeps.
 */
@Entity
@Table(name = "catalog_outbox")
public class OutboxEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String topic;

    @Column(name = "record_key")
    public UUID recordKey;

    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;
}
