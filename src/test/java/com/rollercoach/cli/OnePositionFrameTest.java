package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tender spot has one position per landmark, and every screen says which: `replay` (and `record`)
 * printed the first tender spot of samples/typical-session.csv at "+7 cm" without saying from where
 * (where rolling started), while `sessions show` and `analyze` gave "5 cm" from the extension hold.
 * Live lines are measured from what is known then (where rolling started, the hold only once it is
 * over) and say so; the session's summary is measured as `sessions show` measures it.
 */
class OnePositionFrameTest {
  @TempDir Path dir;

  private static List<String> all(String regex, String text) {
    Matcher m = Pattern.compile(regex).matcher(text);
    List<String> out = new ArrayList<>();
    while (m.find()) out.add(m.group(1));
    return out;
  }

  @Test
  void replaysSummarySessionsShowAndAnalyzeGiveATenderSpotTheSamePosition() {
    String data = dir.resolve("data").toString();
    String file = "samples/typical-session.csv";
    CliRun replay = CliRun.of("replay", file, "--speed=max", "--data-dir=" + data);
    assertEquals(0, replay.code(), replay.err());
    String summary = replay.out().substring(replay.out().indexOf("Summary:"));

    CliRun analyze = CliRun.of("analyze", file);
    List<String> analyzed = all("(tender spot at [-+]?\\d+ cm, held [0-9:]+ min)", analyze.out());
    assertFalse(analyzed.isEmpty(), analyze.out());
    assertEquals(analyzed.subList(0, 2), all("(tender spot at [-+]?\\d+ cm, held [0-9:]+ min)", summary),
        replay.out());

    assertEquals(0, CliRun.of("sessions", "import", file, "--data-dir", data).code());
    String list = CliRun.of("sessions", "list", "--data-dir", data).out();
    String id = list.lines().skip(1).findFirst().orElseThrow().trim().split("\\s+")[0];
    String show = CliRun.of("sessions", "show", id, "--data-dir", data).out();
    assertEquals(all("Tender spot  (at [-+]?\\d+ cm, held [0-9:]+ min)", show),
        all("tender spot (at [-+]?\\d+ cm, held [0-9:]+ min)", summary), show);

    // every screen says where its positions are measured from
    assertTrue(summary.contains("Positions in cm from the extension-hold position"), summary);
    assertTrue(replay.out().lines().anyMatch(l -> l.contains("still at ")
        && l.endsWith("(positions in cm from where rolling started (roller under the shoulder blades))")),
        replay.out());
  }
}
