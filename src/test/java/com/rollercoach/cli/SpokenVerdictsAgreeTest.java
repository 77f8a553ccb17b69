package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The spoken "Session done" ends with analyze's closing words: two-sets.csv heard "Well done." while
 * analyze said "Next time: stay on the upper back.", and fast-roller.csv (8.2 cm/s) was never told to
 * roll more slowly, because the spoken summary judged rolls, tender spots and the hold only.
 */
class SpokenVerdictsAgreeTest {
  @TempDir Path data;

  @ParameterizedTest
  @ValueSource(strings = {"two-sets", "fast-roller", "typical-session"})
  void theSpokenClosingIsAnalyzes(String sample) {
    String file = "samples/" + sample + ".csv";
    CliRun analyze = CliRun.of("analyze", file);
    assertEquals(0, analyze.code(), analyze.err());
    List<String> written = analyze.out().lines().filter(l -> !l.isBlank()).toList();
    String closing = written.get(written.size() - 1);
    CliRun replay = CliRun.of("replay", file, "--speed=max", "--cues", "--data-dir=" + data);
    assertEquals(0, replay.code(), replay.err());
    String done = replay.out().lines().filter(l -> l.contains("Session done:")).findFirst().orElseThrow();
    assertTrue(done.endsWith(". " + closing), "said '" + done.trim() + "', analyze: '" + closing + "'");
  }
}
