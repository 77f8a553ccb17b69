package com.rollercoach.gui;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the window starts: on the start screen, or straight into a session; plus the measuring aids.
 *
 * @param replay a recording or CSV to replay at once
 * @param speed replay speed (1, 2, 4; 0 = as fast as possible)
 * @param demo start the built-in demo device at once
 * @param sample replay the bundled sample at once, at {@code speed}
 * @param sampleMinDurationS make the bundled sample at least this long (repeated sets), for the
 *     memory benchmark
 * @param port connect to this serial port at once
 * @param perf log the frame-time/CPU readout to stderr once a second
 * @param exitAfterS close the window after this many seconds (0 = never): for benchmarks, screenshots
 * @param snapshot save a PNG of the window just before closing (with {@code exitAfterS})
 * @param largeText start in large-text mode regardless of the saved setting
 * @param dataDir the data folder ({@code --data-dir}); empty: {@code ~/.roller-coach}
 */
public record GuiOptions(
    Optional<Path> replay,
    double speed,
    boolean demo,
    boolean sample,
    double sampleMinDurationS,
    Optional<String> port,
    boolean perf,
    double exitAfterS,
    Optional<Path> snapshot,
    boolean largeText,
    Optional<Path> dataDir) {

  public static GuiOptions startScreen() {
    return new GuiOptions(Optional.empty(), 1, false, false, 0, Optional.empty(), false, 0, Optional.empty(),
        false, Optional.empty());
  }
}
