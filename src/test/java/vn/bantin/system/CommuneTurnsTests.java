package vn.bantin.system;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workers' turns: every commune with work waiting gets a turn before any gets a
 * second one, whatever the order they are listed in, and one held by its own rate is
 * skipped.
 */
class CommuneTurnsTests {

	@Test
	void eachWaitingCommuneHasItsTurnInOrderRoundAndRound() {
		CommuneTurns turns = new CommuneTurns();
		List<Long> served = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			served.add(turns.next(List.of(5L, 1L, 9L)).orElseThrow());
		}
		assertThat(served).containsExactly(1L, 5L, 9L, 1L, 5L, 9L, 1L);
	}

	@Test
	void aCommuneThatStartsWaitingGetsItsTurnBeforeTheBigSenderGetsAnother() {
		CommuneTurns turns = new CommuneTurns();
		assertThat(turns.next(List.of(7L))).contains(7L);
		assertThat(turns.next(List.of(7L))).contains(7L);
		// a small commune (lower id) starts waiting behind a big send
		assertThat(turns.next(List.of(2L, 7L))).contains(2L);
		assertThat(turns.next(List.of(2L, 7L))).contains(7L);
	}

	@Test
	void aCommuneHeldByItsOwnRateIsSkippedAndNobodyWhenAllAre() {
		CommuneTurns turns = new CommuneTurns();
		assertThat(turns.next(List.of(1L, 2L), (commune) -> commune != 1L)).contains(2L);
		assertThat(turns.next(List.of(1L, 2L), (commune) -> commune != 1L)).contains(2L);
		assertThat(turns.next(List.of(1L, 2L), (commune) -> false)).isEmpty();
		assertThat(turns.next(List.of())).isEmpty();
	}

}
