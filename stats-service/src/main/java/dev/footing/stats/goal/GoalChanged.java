package dev.footing.stats.goal;

/** A CDI event: {@code userId}'s goal changed, so their weekly streak (and anyone watching it live) changes too. */
public record GoalChanged(String userId) {
}
