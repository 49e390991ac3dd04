package org.swarmtube.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.swarmtube.media.BufferView.Range;

class BufferViewTest {
    @Test
    void holdsCopiesOfWhatItWasGiven() {
        List<Range> local = new ArrayList<>(List.of(new Range(0, 10)));
        double[] availability = {1, 2};
        BufferView view = new BufferView(100, local, List.of(), availability);
        local.add(new Range(20, 30));
        availability[0] = 9;
        view.availability()[1] = 9;
        assertThat(view.local()).containsExactly(new Range(0, 10));
        assertThat(view.availability()).containsExactly(1, 2);
        assertThat(view.localBytes()).isEqualTo(10);
    }

    @Test
    void equalViewsAreEqualArraysIncluded() {
        BufferView a = new BufferView(100, List.of(new Range(0, 10)), List.of(), new double[] {1, 0});
        BufferView b = new BufferView(100, List.of(new Range(0, 10)), List.of(), new double[] {1, 0});
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toString()).contains("[1.0, 0.0]");
        assertThat(BufferView.allLocal(100).localBytes()).isEqualTo(100);
    }

    @Test
    void rejectsRangesOutsideTheFileAndNegativeAvailability() {
        assertThatThrownBy(() -> new BufferView(100, List.of(new Range(50, 101)), List.of(), new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beyond");
        assertThatThrownBy(() -> new Range(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BufferView(100, List.of(), List.of(), new double[] {-1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BufferView(100, List.of(), List.of(), new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
