package com.rollercoach.io.recording;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Tag;

/**
 * Arbitrary bytes, and valid recordings with arbitrary damage, never make the reader throw anything
 * but its documented {@link RecordingFormatException}, and never make it allocate beyond the 1 MiB
 * record limit. {@code JAZZER_FUZZ=1 mvn test -Dtest=RecordingReaderFuzzTest} fuzzes for real.
 */
@Tag("fuzz")
class RecordingReaderFuzzTest {
  /** A small valid recording to start mutations from (magic, header, a few records). */
  private static final byte[] SEED = RecordingSamples.small();

  @FuzzTest(maxDuration = "30s")
  void arbitraryBytes(byte[] data) {
    readAll(data);
  }

  @FuzzTest(maxDuration = "30s")
  void damagedValidRecording(byte[] damage) {
    byte[] file = SEED.clone();
    // Each 3 bytes of input: a position and an XOR mask; a trailing odd byte cuts the file short.
    for (int i = 0; i + 2 < damage.length; i += 3) {
      int pos = ((damage[i] & 0xFF) << 8 | (damage[i + 1] & 0xFF)) % file.length;
      file[pos] ^= damage[i + 2];
    }
    if (damage.length % 3 != 0) file = java.util.Arrays.copyOf(file, (damage[damage.length - 1] & 0xFF) % file.length);
    readAll(file);
  }

  private static void readAll(byte[] data) {
    try (RecordingReader r = RecordingReader.open(new ByteArrayInputStream(data), "fuzz")) {
      while (r.next() != null) {
        // reading is the test
      }
    } catch (RecordingFormatException expected) {
      // the documented outcome for a damaged file
    } catch (IOException e) {
      throw new AssertionError("only RecordingFormatException may escape, got " + e, e);
    }
  }
}
