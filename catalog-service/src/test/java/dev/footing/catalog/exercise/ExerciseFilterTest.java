package dev.footing.catalog.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ExerciseFilterTest {

    @Test
    void noFiltersListsOnlyActiveExercises() {
        var filter = new ExerciseFilter(null, List.of(), List.of(), List.of(), List.of());
        assertThat(filter.where()).isEqualTo("not retired");
        assertThat(filter.parameters()).isEmpty();
    }

    @Test
    void filtersCombineWithAndValuesWithOr() {
        var filter = new ExerciseFilter("Curb", List.of(Category.PLYOMETRIC), List.of(BodyArea.CALF, BodyArea.SHIN),
                List.of(Equipment.CURB), List.of(Difficulty.BEGINNER, Difficulty.ADVANCED));
        assertThat(filter.where().split(" and ")).hasSize(6);
        assertThat(filter.parameters()).containsEntry("q", "%curb%")
                .containsEntry("categories", "PLYOMETRIC")
                .containsEntry("bodyAreas", "CALF,SHIN")
                .containsEntry("equipment", "CURB")
                .containsEntry("difficulties", "BEGINNER,ADVANCED");
    }

    @Test
    void blankQueryIsNoFilter() {
        assertThat(new ExerciseFilter("  ", List.of(), List.of(), List.of(), List.of()).parameters()).isEmpty();
    }

    @Test
    void likeWildcardsInTheQueryAreLiteral() {
        assertThat(ExerciseFilter.escapeLike("100%_sure\\")).isEqualTo("100\\%\\_sure\\\\");
    }
}
