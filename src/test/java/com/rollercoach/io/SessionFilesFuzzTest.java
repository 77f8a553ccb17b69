package com.rollercoach.io;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;

/**
 * Whatever a file holds — arbitrary bytes, a pair of arbitrary files, a zip of arbitrary entries
 * named like an export's — opening and reading it either works or ends in the one-line {@link
 * InputFileException}; nothing else escapes. {@code JAZZER_FUZZ=1 mvn test
 * -Dtest=SessionFilesFuzzTest} fuzzes for real.
 */
@Tag("fuzz")
class SessionFilesFuzzTest {
  private static final Path DIR;

  static {
    try {
      DIR = Files.createTempDirectory("opener-fuzz");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Names and first lines an export's entries have, for the fuzzer to start from. */
  private static final List<String> NAMES = List.of("Accelerometer.csv", "Gyroscope.csv", "TotalAcceleration.csv",
      "Linear Acceleration.csv", "meta/device.csv", "Metadata.csv", "Command.json", "xl/workbook.xml", "x/Inertial.csv");
  private static final List<String> HEADERS = List.of(
      "\"Time (s)\",\"Acceleration x (m/s^2)\",\"Acceleration y (m/s^2)\",\"Acceleration z (m/s^2)\"\n",
      "\"Time (s)\";\"Gyroscope x (rad/s)\";\"Gyroscope y (rad/s)\";\"Gyroscope z (rad/s)\"\n",
      "time,seconds_elapsed,z,y,x\n",
      "Timestamp (us),Gyroscope X (deg/s),Gyroscope Y (deg/s),Gyroscope Z (deg/s),Accelerometer X (g),Accelerometer Y (g),Accelerometer Z (g)\n",
      "t_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n",
      "");

  @FuzzTest(maxDuration = "30s")
  void arbitraryBytes(byte[] data) throws IOException {
    openAndRead(Files.write(DIR.resolve("session.csv"), data));
  }

  @FuzzTest(maxDuration = "30s")
  void arbitraryPairOfTables(FuzzedDataProvider d) throws IOException {
    Path a = Files.writeString(DIR.resolve("a.csv"), d.pickValue(HEADERS) + d.consumeString(2000));
    Path g = Files.writeString(DIR.resolve("g.csv"), d.pickValue(HEADERS) + d.consumeRemainingAsString());
    openAndRead(a, g);
  }

  @FuzzTest(maxDuration = "30s")
  void arbitraryZips(FuzzedDataProvider d) throws IOException {
    Path zip = DIR.resolve("export.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      int entries = d.consumeInt(0, 4);
      java.util.Set<String> used = new java.util.HashSet<>();
      for (int i = 0; i < entries; i++) {
        String name = d.consumeBoolean() ? d.pickValue(NAMES) : d.consumeString(20);
        if (name.isEmpty() || !used.add(name)) continue;
        out.putNextEntry(new ZipEntry(name));
        out.write(d.pickValue(HEADERS).getBytes(StandardCharsets.UTF_8));
        out.write(i == entries - 1 ? d.consumeRemainingAsBytes() : d.consumeBytes(3000));
        out.closeEntry();
      }
    } catch (IllegalArgumentException | IOException e) {
      return; // the fuzzer made a name a zip cannot hold: nothing to open
    }
    openAndRead(zip);
    // the same bytes cut short: a zip whose end is missing
    byte[] all = Files.readAllBytes(zip);
    openAndRead(Files.write(DIR.resolve("cut.zip"), java.util.Arrays.copyOf(all, all.length * 2 / 3)));
  }

  private static void openAndRead(Path... files) {
    try {
      SessionFile f = SessionFiles.open(files);
      f.metadata();
      f.readTo(new SampleSink() {
        @Override
        public void accept(ImuSample s) {
          if (!Double.isFinite(s.tS())) throw new AssertionError("non-finite time " + s);
        }
      });
    } catch (InputFileException expected) {
      String m = expected.getMessage();
      if (m == null || m.contains("\n") || m.length() > 2000) throw new AssertionError("not one line: " + m, expected);
    }
  }
}
