package com.rollercoach.sim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.sim.Condition;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchSetupTest {
  @Test
  void everyConditionIsASetupOfItsOwnBetweenOrdinaryAndMixed() {
    List<BenchSetup> all = BenchSetup.all();
    assertEquals(Condition.values().length + 2, all.size());
    assertEquals("ordinary", all.get(0).name());
    assertEquals("mixed", all.get(all.size() - 1).name());
    assertTrue(all.stream().anyMatch(s -> s.name().equals("slow-breathing")));
  }

  @Test
  void conditionsJoinedWithPlusRunTogether() {
    List<BenchSetup> parsed = BenchSetup.parse("ordinary, breathers+slow-breathing");
    assertEquals(2, parsed.size());
    BenchSetup joined = parsed.get(1);
    assertEquals("breathers+slow-breathing", joined.name());
    assertEquals(Set.of(Condition.BREATHERS, Condition.SLOW_BREATHING), joined.conditions());
    assertFalse(joined.mixed());
    assertEquals(joined.conditions(), joined.conditionsFor(7));
  }

  @Test
  void anUnknownNameIsRefusedWithTheNamesThereAre() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BenchSetup.parse("breathers+sighs"));
    assertTrue(e.getMessage().contains("breathers+sighs") && e.getMessage().contains("slow-breathing"));
    // only conditions join: ordinary and mixed are setups, not conditions
    assertThrows(IllegalArgumentException.class, () -> BenchSetup.parse("ordinary+breathers"));
    assertThrows(IllegalArgumentException.class, () -> BenchSetup.parse("mixed+breathers"));
  }
}
