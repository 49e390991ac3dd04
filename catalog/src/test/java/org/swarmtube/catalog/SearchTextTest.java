package org.swarmtube.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {
    @Test
    void foldsCaseAccentsLigaturesAndWidths() {
        assertThat(SearchText.tokens("Crème BRÛLÉE, ﬁne Ｔｅａ!")).containsExactly("creme", "brulee", "fine", "tea");
        assertThat(SearchText.tokens("Straße Æther Øresund Łódź İstanbul")).containsExactly("strasse", "aether",
                "oresund", "lodz", "istanbul");
    }

    @Test
    void splitsOnEverythingButLettersAndDigits() {
        assertThat(SearchText.tokens("part-2 of 10: l'été")).containsExactly("part", "2", "of", "10", "l", "ete");
    }

    @Test
    void hanAndKanaAreOneTokenPerCharacter() {
        assertThat(SearchText.tokens("東京 ramen")).containsExactly("東", "京", "ramen");
    }

    @Test
    void longRunsAreCut() {
        assertThat(SearchText.tokens("a".repeat(100))).containsExactly("a".repeat(SearchText.MAX_TOKEN));
        String astral = "\uD835\uDC00"; // MATHEMATICAL BOLD CAPITAL A, folds to "a"
        assertThat(SearchText.tokens(astral)).containsExactly("a");
        String gothic = "\uD800\uDF30"; // GOTHIC LETTER AHSA, a letter outside the BMP with no folding
        String cut = SearchText.tokens("x" + gothic.repeat(20)).get(0);
        assertThat(cut).hasSize(SearchText.MAX_TOKEN - 1);
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))).isFalse();
    }
}
