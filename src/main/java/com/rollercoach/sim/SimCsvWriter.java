package com.rollercoach.sim;

import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Writes samples as the project CSV ({@code # key=value} metadata, header {@code
 * t_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps}). Stand-in until the core's {@code io.csv} writer lands.
 */
final class SimCsvWriter implements SampleSink, Closeable {
  private final BufferedWriter out;

  SimCsvWriter(Path path, SessionMetadata metadata) throws IOException {
    out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    for (Map.Entry<String, String> e : metadata.values().entrySet()) {
      out.write("# " + e.getKey() + "=" + e.getValue() + "\n");
    }
    out.write("t_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n");
  }

  @Override
  public void accept(ImuSample s) {
    try {
      out.write(
          String.format(
              Locale.ROOT,
              "%.6f,%.5f,%.5f,%.5f,%.4f,%.4f,%.4f%n",
              s.tS(), s.axG(), s.ayG(), s.azG(), s.gxDps(), s.gyDps(), s.gzDps()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
