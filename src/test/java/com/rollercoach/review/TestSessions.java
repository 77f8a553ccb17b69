package com.rollercoach.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Small CSV sessions for tests: a roller rolling back and forth about the sensor's z axis. */
public final class TestSessions {
  private TestSessions() {}

  /**
   * Writes {@code seconds} of 50 Hz samples: strokes of {@code strokeCm} at 2.5 cm/s on a 15 cm roller
   * (ω = v / r), gravity turning in the x–y plane as the roller turns.
   */
  public static Path writeCsv(Path file, Map<String, String> metadata, double seconds, double strokeCm)
      throws IOException {
    StringBuilder sb = new StringBuilder();
    metadata.forEach((k, v) -> sb.append("# ").append(k).append('=').append(v).append('\n'));
    sb.append("t_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n");
    double r = 7.5;
    double v = 2.5;
    double strokeS = strokeCm / v;
    double theta = 0;
    double dt = 0.02;
    for (double t = 0; t < seconds; t += dt) {
      double dir = ((int) (t / strokeS)) % 2 == 0 ? 1 : -1;
      double omegaRad = dir * v / r;
      theta += omegaRad * dt;
      sb.append(String.format(Locale.ROOT, "%.3f,%.4f,%.4f,0.0000,0.00,0.00,%.3f%n",
          1000 + t, Math.sin(theta), Math.cos(theta), Math.toDegrees(omegaRad)));
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, sb);
    return file;
  }
}
