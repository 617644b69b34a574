package dev.pipewright.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void partsAddUpLargestUnitFirst() {
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("1h0m0s10ms")).isEqualTo(Duration.ofHours(1).plusMillis(10));
        assertThat(Durations.parse("007s")).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void whatIsNotADurationIsExplained() {
        assertThatThrownBy(() -> Durations.parse("")).hasMessage("an empty text is not a duration");
        assertThatThrownBy(() -> Durations.parse("5d")).hasMessage("`5d` is not a duration");
        assertThatThrownBy(() -> Durations.parse("1h30")).hasMessage("`1h30` is not a duration");
        assertThatThrownBy(() -> Durations.parse("m")).hasMessage("`m` is not a duration");
        assertThatThrownBy(() -> Durations.parse("1m1h")).hasMessage("the units of `1m1h` must go from largest to smallest, each once");
        assertThatThrownBy(() -> Durations.parse("1s1s")).hasMessage("the units of `1s1s` must go from largest to smallest, each once");
        assertThatThrownBy(() -> Durations.parse("99999999999999999999999h")).hasMessage("`99999999999999999999999h` is too long a duration");
        assertThatThrownBy(() -> Durations.parse("9999999999999999h")).hasMessage("`9999999999999999h` is too long a duration");
    }
}
